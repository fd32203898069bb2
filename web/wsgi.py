"""The WSGI entry point for gunicorn (`web.wsgi:app`), configured by the environment.

In all-in-one mode (``steerlog serve --all-in-one``) this process also runs the
projector and the scheduler in threads; web workers of a deployment never do.
"""

from __future__ import annotations

from service.run.background import Background
from web import create_app

app = create_app()
if app.extensions["steerlog"].settings.all_in_one:
    Background(
        app.extensions["steerlog"], app.extensions["steerlog.read"].read_model
    ).start()
