"""The WSGI entry point for gunicorn (`web.wsgi:app`), configured by the environment."""

from __future__ import annotations

from web import create_app

app = create_app()
