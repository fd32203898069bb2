"""Statistics (thống kê): assignments in each status, per agency and per committee."""

from __future__ import annotations

from typing import Any

from flask_smorest import Blueprint

from web.consistency import projected
from web.http import read_side
from web.queries import on_day
from web.schemas.statistics import StatisticsArgsSchema, StatisticsSchema

blp = Blueprint(
    "statistics", __name__, url_prefix="/api/v1/statistics", description="Thống kê"
)


@blp.route("/agencies", methods=["GET"])
@projected(blp, StatisticsSchema)
@blp.arguments(StatisticsArgsSchema(), location="query")
def agency_statistics(args: dict[str, Any]) -> Any:
    """Per tracked agency: its part of each assignment, judged on ``day``."""
    day = on_day(args)
    return {"items": read_side().statistics(day, "agency", _committee(args))}


@blp.route("/committees", methods=["GET"])
@projected(blp, StatisticsSchema)
@blp.arguments(StatisticsArgsSchema(), location="query")
def committee_statistics(args: dict[str, Any]) -> Any:
    """Per committee: each assignment as a whole, judged on ``day``."""
    day = on_day(args)
    return {"items": read_side().statistics(day, "committee", _committee(args))}


def _committee(args: dict[str, Any]) -> str | None:
    committee_id = args["committee_id"]
    return str(committee_id) if committee_id else None
