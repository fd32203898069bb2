"""The history of any aggregate: every event, who did it and when, page by page."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask_smorest import Blueprint

from web.reading import history_page
from web.schemas.history import HistoryArgsSchema, HistoryPageSchema

blp = Blueprint(
    "history", __name__, url_prefix="/api/v1/history", description="Lịch sử"
)


@blp.route("/<uuid:aggregate_id>", methods=["GET"])
@blp.arguments(HistoryArgsSchema(), location="query")
@blp.response(200, HistoryPageSchema)
def get_history(args: dict[str, Any], aggregate_id: UUID) -> Any:
    """Events of a committee, agency, person, meeting or assignment, oldest first."""
    return history_page(aggregate_id, args["cursor"], args["limit"])
