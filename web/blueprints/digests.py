"""Digests (bản tin đôn đốc): the issued ones, newest first, and each one's lines."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask_smorest import Blueprint

from domain.digest import Digest
from service.readmodel.base import Page
from web.http import NOT_MODIFIED, READ_HEADERS, read_side
from web.reading import read
from web.representations import represented
from web.schemas.digests import DigestListArgsSchema, DigestPageSchema, DigestSchema

REPRESENTATION = DigestSchema()

blp = Blueprint(
    "digests", __name__, url_prefix="/api/v1/digests", description="Bản tin đôn đốc"
)


@blp.route("", methods=["GET"])
@blp.arguments(DigestListArgsSchema(), location="query")
@blp.response(200, DigestPageSchema)
def list_digests(args: dict[str, Any]) -> Any:
    """Issued digests, newest first, with their counts and delivery state."""
    return read_side().digests(
        Page(limit=args["limit"], cursor=args["cursor"]),
        committee_id=_text(args["committee_id"]),
        recipient_id=_text(args["recipient_id"]),
        kind=_text(args["kind"]),
        state=_text(args["state"]),
    )


@blp.route("/<uuid:digest_id>", methods=["GET"])
@blp.response(200, DigestSchema, headers=READ_HEADERS)
@blp.alt_response(304, description=NOT_MODIFIED, headers=READ_HEADERS)
def get_digest(digest_id: UUID) -> Any:
    """One digest: its lines and tallies as issued, and its delivery's outcome."""
    return represented(REPRESENTATION, read(Digest, digest_id))


def _text(value: Any) -> str | None:
    return None if value is None else str(getattr(value, "value", value))
