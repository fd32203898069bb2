"""The parts of a meeting's state: connection points, chairs, speeches, approvals."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from uuid import UUID

from domain.values import DocumentRef, PointLevel, SpeechKind


@dataclass(frozen=True)
class ConnectionPoint:
    """Điểm cầu: a place on line to the conference (the host: điểm cầu chính)."""

    id: UUID
    name: str
    level: PointLevel
    is_host: bool
    agency_id: UUID | None = None
    connected: bool = False
    last_change_at: datetime | None = None


@dataclass(frozen=True)
class Chair:
    """Chủ trì: who chairs the meeting, at a point when it spans several."""

    person_id: UUID
    name: str
    title: str | None
    point_id: UUID | None


@dataclass(frozen=True)
class AgendaItem:
    """Nội dung chương trình: one item of the agenda."""

    number: int
    title: str
    presenter_id: UUID | None


@dataclass(frozen=True)
class Attendance:
    """Who attended at one connection point: named people and a head count."""

    point_id: UUID
    person_ids: tuple[UUID, ...]
    attendee_count: int


@dataclass(frozen=True)
class SpeechCorrection:
    """A correction of a recorded speech: what changed, why, and by whom."""

    reason: str
    changes: dict[str, str]
    actor: str


@dataclass(frozen=True)
class Speech:
    """Phát biểu: the speaker's name and title are kept as they were when spoken."""

    id: UUID
    speaker_id: UUID
    speaker_name: str
    speaker_title: str | None
    point_id: UUID | None
    kind: SpeechKind
    text: str
    spoken_at: datetime
    corrections: tuple[SpeechCorrection, ...] = field(default=())

    def corrected(self, correction: SpeechCorrection) -> Speech:
        """This speech as ``correction`` leaves it, the correction kept with it."""
        changes = correction.changes
        return replace(
            self,
            text=changes.get("text", self.text),
            speaker_title=changes.get("speaker_title", self.speaker_title),
            kind=SpeechKind(changes["kind"]) if "kind" in changes else self.kind,
            corrections=(*self.corrections, correction),
        )


@dataclass(frozen=True)
class Approval:
    """Thông qua: a plan or draft document approved at the meeting."""

    id: UUID
    document: DocumentRef | None
    title: str
    note: str | None


@dataclass(frozen=True)
class IssuedItem:
    """A conclusion item as the meeting holds it: its text, speech and amendments."""

    number: str
    text: str
    speech_id: UUID
    amendments: tuple[str, ...] = field(default=())
    task_ids: tuple[UUID, ...] = field(default=())

    def amended(self, text: str) -> IssuedItem:
        """This item with new ``text``, the previous one kept among its amendments."""
        return replace(self, text=text, amendments=(*self.amendments, self.text))
