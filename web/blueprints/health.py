"""Health: is this process alive (``/healthz``), and is it ready (``/readyz``)?"""

from __future__ import annotations

from typing import Any

from flask_smorest import Blueprint

from service.ops.readiness import readiness
from web.http import read_side, steerlog
from web.observability import heartbeats
from web.schemas.health import HealthSchema, ReadinessSchema

blp = Blueprint("health", __name__, description="Health")


@blp.route("/healthz", methods=["GET"])
@blp.response(200, HealthSchema)
def health() -> Any:
    """200 while the process answers: it touches no database (see ``/readyz``)."""
    return {"status": "ok"}


@blp.route("/readyz", methods=["GET"])
@blp.response(200, ReadinessSchema)
@blp.alt_response(503, schema=ReadinessSchema, description="Not ready")
def ready() -> Any:
    """200 when the database answers, projections keep up and a scheduler is alive;
    503 naming each check that failed."""
    state = readiness(steerlog(), read_side().read_model, heartbeats())
    body = {
        "status": "ok" if state.ready else "unavailable",
        "checks": state.checks,
        "failing": [check.name for check in state.checks if not check.ok],
    }
    return body, 200 if state.ready else 503
