"""Conclusion drafts: read a pasted text into a postable draft, and confirm it.

Confirming issues the conclusion as the secretary corrected it and keeps it with the
text and the draft it came from (a confirmed reading), as the page's confirm does, so
``steerlog extract corpus export`` includes conclusions confirmed over the API.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask_smorest import Blueprint

from service.extraction.drafting import draft_conclusion
from service.plain import plain
from web.consistency import projected
from web.http import command, read_side, steerlog, write_headers
from web.schemas.common import Write
from web.schemas.conclusion_drafts import (
    ConclusionDraftSchema,
    ConfirmConclusionSchema,
    ExtractSchema,
)
from web.schemas.meeting_record import ConclusionWrittenSchema

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


@blp.route("/confirm", methods=["POST"])
@command(blp, schema=ConclusionWrittenSchema)
@blp.arguments(ConfirmConclusionSchema())
def confirm_conclusion(write: Write, body: dict[str, Any], meeting_id: UUID) -> Any:
    """Issue the conclusion as confirmed, and keep it with the text it was read from.

    The body is ``POST .../conclusion``'s (``speech_id``, ``items``) with the
    ``text`` that was extracted. The conclusion is issued as that endpoint issues
    it; then the text, the extractor's draft of it and the confirmed body are kept
    as a confirmed reading (once per meeting and text), so the extractor's
    development set grows from real conclusions.
    """
    text, speech_id, items = body["text"], body["speech_id"], body["items"]
    draft = draft_conclusion(steerlog(), read_side(), meeting_id, text).draft
    result = steerlog().issue_conclusion(
        meeting_id, speech_id=speech_id, items=items, **write.kwargs
    )
    steerlog().keep_confirmed_reading(
        actor=write.actor,
        meeting_id=meeting_id,
        text=text,
        draft=draft,
        confirmed={"speech_id": str(speech_id), "items": plain(items)},
    )
    return result, write_headers(result.meeting)
