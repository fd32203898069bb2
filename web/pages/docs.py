"""The API's interactive documentation, served from the installed Swagger UI
package (``swagger-ui-bundle``): it works on a closed network, with no CDN and no
inline script."""

from __future__ import annotations

from pathlib import Path

import swagger_ui_bundle
from flask import Blueprint, Response, render_template, send_from_directory

bp = Blueprint("docs", __name__)
SWAGGER_UI = Path(swagger_ui_bundle.swagger_ui_path)
SWAGGER_UI_VERSION = SWAGGER_UI.name.removeprefix("swagger-ui-")
_ASSETS = {"swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js"}


@bp.route("/api/docs", methods=["GET"])
def swagger_page() -> str:
    """Swagger UI over ``/api/openapi.json``."""
    return render_template("docs/swagger.html", version=SWAGGER_UI_VERSION)


@bp.route("/api/docs/assets/<name>", methods=["GET"])
def swagger_asset(name: str) -> Response:
    """One of Swagger UI's own files, cached for a day."""
    if name not in _ASSETS:
        return Response(status=404)
    return send_from_directory(SWAGGER_UI, name, max_age=86400)
