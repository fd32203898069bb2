"""How dates and the domain's value objects are stored inside events (JSON)."""

from __future__ import annotations

from dataclasses import fields
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


class FieldsAsDict(Transcoding):
    """A frozen dataclass inside an event: a dict of its fields, rebuilt by its class.

    Rebuilding goes through the class, so its own checks (NFC, required parts)
    apply to what is read back as to what was written.
    """

    def __init__(self, value_class: type, name: str) -> None:
        self.type = value_class
        self.name = name

    def encode(self, obj: Any) -> dict[str, Any]:
        return {f.name: getattr(obj, f.name) for f in fields(obj)}

    def decode(self, data: dict[str, Any]) -> Any:
        return self.type(**data)


def register_domain_transcodings(transcoder: Transcoder) -> None:
    """Teach the transcoder every type the domain's events carry."""
    transcoder.register(DateAsISO())
    for value_class, name in (
        (DocumentRef, "document_ref"),
        (Authority, "authority"),
        (Origin, "origin"),
        (ConclusionItem, "conclusion_item"),
    ):
        transcoder.register(FieldsAsDict(value_class, name))
