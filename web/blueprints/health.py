"""The health check: is the event store reachable from this process?"""

from __future__ import annotations

from typing import Any

from flask_smorest import Blueprint
from werkzeug.exceptions import ServiceUnavailable

from web.http import steerlog
from web.schemas.health import HealthSchema

blp = Blueprint("health", __name__, description="Health")


@blp.route("/healthz", methods=["GET"])
@blp.response(200, HealthSchema)
@blp.alt_response(503, response="SERVICE_UNAVAILABLE")
def health() -> Any:
    """200 when the event store answers a query, else 503 (a problem document)."""
    try:
        steerlog().recorder.max_notification_id()
    except Exception as error:  # any failure of the database means "unavailable"
        raise ServiceUnavailable("The event store does not answer.") from error
    return {"status": "ok"}
