"""The document registry (văn bản): every document known, and what links to it."""

from __future__ import annotations

from typing import Any

from flask_smorest import Blueprint

from web.consistency import projected
from web.http import read_side
from web.queries import document, on_day, page_of
from web.schemas.documents import (
    DocumentCitationsSchema,
    DocumentDayArgsSchema,
    DocumentListArgsSchema,
    DocumentPageSchema,
)

blp = Blueprint(
    "documents", __name__, url_prefix="/api/v1/documents", description="Văn bản"
)


@blp.route("", methods=["GET"])
@projected(blp, DocumentPageSchema)
@blp.arguments(DocumentListArgsSchema(), location="query")
def list_documents(args: dict[str, Any]) -> Any:
    """Every document known, by normalised number: cited, issuing, authorising,
    approved, published as a notice or given as evidence; with how many
    assignments cite it and how many links it has by relation."""
    return read_side().documents(page_of(args))


@blp.route("/<path:number>", methods=["GET"])
@projected(blp, DocumentCitationsSchema)
@blp.alt_response(404, response="NOT_FOUND")
@blp.arguments(DocumentDayArgsSchema(), location="query")
def get_document(args: dict[str, Any], number: str) -> Any:
    """A document by number, in any case or spacing (``04-nq/tu``): the
    assignments citing it with their status on ``day``, and everything linked to
    it, grouped by relation."""
    return document(number, on_day(args))
