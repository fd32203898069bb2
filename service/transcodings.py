"""How dates and the domain's value objects are stored inside events (JSON)."""

from __future__ import annotations

from datetime import date
from typing import Any

from eventsourcing.persistence import Transcoder, Transcoding

from domain.values import Authority, ConclusionItem, DocumentRef, Origin


class DateAsISO(Transcoding):
    """A plain date (deadlines, effective dates) as ``YYYY-MM-DD``."""

    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class DocumentRefAsDict(Transcoding):
    """A cited document: kind, number, date, issuer, title."""

    type = DocumentRef
    name = "document_ref"

    def encode(self, obj: DocumentRef) -> dict[str, Any]:
        return {
            "kind": obj.kind,
            "number": obj.number,
            "date": obj.date,
            "issuer": obj.issuer,
            "title": obj.title,
        }

    def decode(self, data: dict[str, Any]) -> DocumentRef:
        return DocumentRef(**data)


class AuthorityAsDict(Transcoding):
    """What authorised a change: meeting and item, or document."""

    type = Authority
    name = "authority"

    def encode(self, obj: Authority) -> dict[str, Any]:
        return {
            "meeting_id": obj.meeting_id,
            "item_number": obj.item_number,
            "document": obj.document,
        }

    def decode(self, data: dict[str, Any]) -> Authority:
        return Authority(**data)


class OriginAsDict(Transcoding):
    """Where an assignment came from."""

    type = Origin
    name = "origin"

    def encode(self, obj: Origin) -> dict[str, Any]:
        return {
            "committee_id": obj.committee_id,
            "meeting_id": obj.meeting_id,
            "item_number": obj.item_number,
            "task_number": obj.task_number,
            "speech_id": obj.speech_id,
            "speaker_id": obj.speaker_id,
            "point_id": obj.point_id,
            "document": obj.document,
        }

    def decode(self, data: dict[str, Any]) -> Origin:
        return Origin(**data)


class ConclusionItemAsDict(Transcoding):
    """A numbered conclusion item."""

    type = ConclusionItem
    name = "conclusion_item"

    def encode(self, obj: ConclusionItem) -> dict[str, str]:
        return {"number": obj.number, "text": obj.text}

    def decode(self, data: dict[str, str]) -> ConclusionItem:
        return ConclusionItem(**data)


def register_domain_transcodings(transcoder: Transcoder) -> None:
    """Teach the transcoder every type the domain's events carry."""
    for transcoding in (
        DateAsISO(),
        DocumentRefAsDict(),
        AuthorityAsDict(),
        OriginAsDict(),
        ConclusionItemAsDict(),
    ):
        transcoder.register(transcoding)
