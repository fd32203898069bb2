"""The HTTP face of steerlog: the Flask app factory, blueprints and schemas."""

from __future__ import annotations

from web.app import create_app

__all__ = ["create_app"]
