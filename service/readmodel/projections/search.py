"""The search projection: speeches, conclusion items and assignments, folded.

Text is folded here, in Python, for both databases (diacritics, case, Uỷ/Ủy), and
the query is folded the same way: ``chuyen doi so`` finds ``chuyển đổi số``.
"""

from __future__ import annotations

from typing import Any

from domain.assignment import Assignment
from domain.meeting import Meeting
from domain.text import fold
from service.readmodel.projections.core import (
    Operations,
    Projection,
    item_key,
    node_key,
)

search = Projection("search", statement_order=("search_indexed", "search_body_updated"))


def indexed(
    out: Operations, key: str, kind: str, meeting_id: Any, title: str, body: str
) -> None:
    """One searchable document, keyed like its lineage node."""
    out.put(
        "search_indexed",
        key=key,
        kind=kind,
        meeting_id=meeting_id,
        title=title,
        body=body,
        folded_title=fold(title),
        folded_body=fold(body),
    )


@search.on(Meeting, "SpeechRecorded")
def speech(event: Any, out: Operations) -> None:
    speaker = ", ".join(filter(None, (event.speaker_name, event.speaker_title)))
    key = node_key("speech", event.speech_id)
    indexed(out, key, "speech", event.originator_id, speaker, event.text)


@search.on(Meeting, "SpeechCorrected")
def speech_corrected(event: Any, out: Operations) -> None:
    text = event.changes.get("text")
    if text is not None:
        key = node_key("speech", event.speech_id)
        out.put("search_body_updated", key=key, body=text, folded_body=fold(text))


@search.on(Meeting, "ConclusionIssued")
def items(event: Any, out: Operations) -> None:
    for item in event.items:
        key = item_key(event.originator_id, item.number)
        indexed(
            out,
            key,
            "item",
            event.originator_id,
            f"Kết luận mục {item.number}",
            item.text,
        )


@search.on(Meeting, "ConclusionItemAmended")
def item_amended(event: Any, out: Operations) -> None:
    key = item_key(event.originator_id, event.number)
    out.put(
        "search_body_updated", key=key, body=event.text, folded_body=fold(event.text)
    )


@search.on(Assignment, "Issued")
def assignment(event: Any, out: Operations) -> None:
    key = node_key("assignment", event.originator_id)
    body = event.deadline_text or ""
    indexed(out, key, "assignment", event.origin.meeting_id, event.title, body)
