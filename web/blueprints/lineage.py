"""Lineage (truy vết): walk from a node up to its sources or down to its results."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask_smorest import Blueprint

from service.readmodel.projections.core import item_key, node_key
from web.consistency import projected
from web.queries import document_key, lineage, on_day
from web.schemas.lineage import GraphSchema, LineageArgsSchema

blp = Blueprint(
    "lineage", __name__, url_prefix="/api/v1/lineage", description="Truy vết"
)

_KINDS = "committee,meeting,point,speech,person,assignment"


@blp.route(f"/<any({_KINDS}):kind>/<uuid:node_id>", methods=["GET"])
@projected(blp, GraphSchema)
@blp.alt_response(404, response="NOT_FOUND")
@blp.arguments(LineageArgsSchema, location="query")
def node_lineage(args: dict[str, Any], kind: str, node_id: UUID) -> Any:
    """From a committee, meeting, point, speech, person or assignment."""
    return _walk(node_key(kind, node_id), args)


@blp.route("/document/<path:number>", methods=["GET"])
@projected(blp, GraphSchema)
@blp.alt_response(404, response="NOT_FOUND")
@blp.arguments(LineageArgsSchema, location="query")
def document_lineage(args: dict[str, Any], number: str) -> Any:
    """From a document, by its number in any case (``04-nq/tu``)."""
    return _walk(node_key("document", document_key(number)), args)


@blp.route("/item/<uuid:meeting_id>/<string:number>", methods=["GET"])
@projected(blp, GraphSchema)
@blp.alt_response(404, response="NOT_FOUND")
@blp.arguments(LineageArgsSchema, location="query")
def item_lineage(args: dict[str, Any], meeting_id: UUID, number: str) -> Any:
    """From a conclusion item of a meeting, by its number."""
    return _walk(item_key(meeting_id, number), args)


def _walk(key: str, args: dict[str, Any]) -> Any:
    return lineage(key, args["direction"], args["depth"], on_day(args))
