"""Conclusion drafts: read a pasted conclusion text into a postable draft."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask_smorest import Blueprint

from service.extraction.drafting import draft_conclusion
from web.consistency import projected
from web.http import read_side, steerlog
from web.schemas.conclusion_drafts import ConclusionDraftSchema, ExtractSchema

blp = Blueprint(
    "conclusion_drafts",
    __name__,
    url_prefix="/api/v1/meetings/<uuid:meeting_id>/conclusions",
    description="Trích xuất kết luận",
)


@blp.route("/extract", methods=["POST"])
@projected(blp, ConclusionDraftSchema)
@blp.alt_response(404, response="NOT_FOUND")
@blp.alt_response(413, response="REQUEST_ENTITY_TOO_LARGE")
@blp.arguments(ExtractSchema())
def extract_conclusion(body: dict[str, Any], meeting_id: UUID) -> Any:
    """Draft the conclusion from its text; nothing is stored.

    Items naming unregistered agencies are held back and the agencies listed in
    ``agencies_proposed``: register them, then extract again (``after`` the
    registration's position). ``conclusion.speech_id`` is left null.
    """
    return draft_conclusion(steerlog(), read_side(), meeting_id, body["text"])
