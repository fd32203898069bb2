"""The search projection: speeches, conclusion items and assignments, folded.

Text is folded here, in Python, for both databases (diacritics, case, Uỷ/Ủy), and
the query is folded the same way: ``chuyen doi so`` finds ``chuyển đổi số``.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.assignment import Assignment
from domain.meeting import Meeting
from domain.text import fold
from service.readmodel.changes import Changes, change
from service.readmodel.projections.core import Projection, item_key, node_key


class SearchChanges(Changes):
    """Searchable documents: as shown, and folded for matching."""

    @change
    def search_indexed(
        self,
        *,
        key: str,
        kind: str,
        meeting_id: UUID | None,
        committee_id: UUID | None,
        title: str,
        body: str,
        folded_title: str,
        folded_body: str,
    ) -> None:
        """A searchable document, keyed like its lineage node."""

    @change
    def search_body_updated(self, *, key: str, body: str, folded_body: str) -> None:
        """A document's corrected or amended text."""


search = Projection(
    "search", SearchChanges, statement_order=("search_indexed", "search_body_updated")
)


def indexed(
    out: SearchChanges,
    key: str,
    kind: str,
    where: tuple[UUID | None, UUID | None],
    title: str,
    body: str,
) -> None:
    """One searchable document of a meeting (and, where known, a committee)."""
    out.search_indexed(
        key=key,
        kind=kind,
        meeting_id=where[0],
        committee_id=where[1],
        title=title,
        body=body,
        folded_title=fold(title),
        folded_body=fold(body),
    )


@search.on(Meeting, "SpeechRecorded")
def speech(event: Any, out: SearchChanges) -> None:
    speaker = ", ".join(filter(None, (event.speaker_name, event.speaker_title)))
    key = node_key("speech", event.speech_id)
    indexed(out, key, "speech", (event.originator_id, None), speaker, event.text)


@search.on(Meeting, "SpeechCorrected")
def speech_corrected(event: Any, out: SearchChanges) -> None:
    text = event.changes.get("text")
    if text is not None:
        key = node_key("speech", event.speech_id)
        out.search_body_updated(key=key, body=text, folded_body=fold(text))


@search.on(Meeting, "ConclusionIssued")
def items(event: Any, out: SearchChanges) -> None:
    for item in event.items:
        key = item_key(event.originator_id, item.number)
        title = f"Kết luận mục {item.number}"
        indexed(out, key, "item", (event.originator_id, None), title, item.text)


@search.on(Meeting, "ConclusionItemAmended")
def item_amended(event: Any, out: SearchChanges) -> None:
    key = item_key(event.originator_id, event.number)
    out.search_body_updated(key=key, body=event.text, folded_body=fold(event.text))


@search.on(Assignment, "Issued")
def assignment(event: Any, out: SearchChanges) -> None:
    key = node_key("assignment", event.originator_id)
    where = (event.origin.meeting_id, event.origin.committee_id)
    body = event.deadline_text or ""
    indexed(out, key, "assignment", where, event.title, body)
