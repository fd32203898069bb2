"""Search (tìm kiếm) across speeches, conclusion items and assignments."""

from __future__ import annotations

from typing import Any

from flask_smorest import Blueprint

from web.consistency import projected
from web.http import read_side
from web.schemas.search import SearchArgsSchema, SearchResultSchema

blp = Blueprint("search", __name__, url_prefix="/api/v1/search", description="Tìm kiếm")


@blp.route("", methods=["GET"])
@projected(blp, SearchResultSchema)
@blp.arguments(SearchArgsSchema, location="query")
def search(args: dict[str, Any]) -> Any:
    """Every word must match, ignoring diacritics and case; best matches first."""
    return {"items": read_side().search(args["q"], args["limit"])}
