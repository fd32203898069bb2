"""The application factory: settings, the Steerlog application, the HTTP API."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from flask import Flask

from service.readmodel.readside import ReadSide
from service.run.composition import build_application, build_read_side
from service.settings import Settings
from service.usecases.steerlog import Steerlog
from web import observability
from web.api import SteerlogApi
from web.auth import install_auth
from web.blueprints import BLUEPRINTS
from web.consistency import install_read_your_writes
from web.errors import register_error_handlers
from web.limits import MAX_BODY_BYTES, install_limits
from web.pages import init_pages
from web.representations import EXTENSION, Representations

_API_CONFIG = {
    "API_TITLE": "steerlog",
    "API_VERSION": "1",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/api",
    "OPENAPI_JSON_PATH": "openapi.json",
    # /api/docs is served by web.pages.docs from the installed Swagger UI package.
    "API_SPEC_OPTIONS": {
        "info": {
            "description": (
                "Meetings of steering committees (Ban Chỉ đạo), their conclusions "
                "and the assignments they issue, as immutable events."
            )
        }
    },
}


def create_app(
    config: Mapping[str, Any] | None = None,
    application: Steerlog | None = None,
    read_side: ReadSide | None = None,
) -> Flask:
    """Build the web app; ``STEERLOG_*`` keys of ``config`` override the environment.

    Other keys of ``config`` are Flask settings. A ready ``application`` and
    ``read_side`` (tests, benchmarks) are used as they are instead of being built
    from settings. Nothing here starts a thread: the all-in-one process starts its
    projector and scheduler in ``web.wsgi``.
    """
    config = dict(config or {})
    overrides = {k: str(v) for k, v in config.items() if k.startswith("STEERLOG_")}
    settings = Settings.from_env({**os.environ, **overrides})
    if application is None:
        application = build_application(settings)
    app = Flask(__name__)
    app.config.update(
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
        **_API_CONFIG,
    )
    app.config.update(
        {k: v for k, v in config.items() if not k.startswith("STEERLOG_")}
    )
    # Vietnamese text goes out as UTF-8, as stored, not as \u escapes.
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.extensions["steerlog"] = application
    app.extensions[EXTENSION] = Representations()
    api = SteerlogApi(app)
    for blueprint in BLUEPRINTS:
        api.register_blueprint(blueprint)
    init_pages(app)
    register_error_handlers(app)
    install_limits(app)  # before authorising: sizes and shapes first
    install_auth(app, replace(application.settings, secret_key=settings.secret_key))
    if read_side is None:
        # Paging cursors are signed with the app's secret key (web/auth.py).
        read_side = build_read_side(
            application.settings, cursor_key=str(app.secret_key)
        )
    app.extensions["steerlog.read"] = read_side
    install_read_your_writes(app)
    observability.init_app(app, application.settings)
    return app
