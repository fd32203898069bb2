"""The Meeting aggregate: Hội nghị / cuộc họp, from schedule to published conclusion."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from uuid import UUID

from eventsourcing.domain import event

from domain.errors import (
    DuplicateItemNumberError,
    NoChangeError,
    NoConclusionError,
    UnknownItemError,
)
from domain.meeting_parts import (
    AgendaItem,
    Approval,
    Attendance,
    Chair,
    ConnectionPoint,
    IssuedItem,
    Speech,
    SpeechCorrection,
)
from domain.meeting_room import MeetingRoom, aware
from domain.values import (
    ConclusionItem,
    DocumentRef,
    MeetingFormat,
    MeetingStatus,
    SpeechKind,
    member_of,
    optional_text,
    required_text,
)


class Meeting(MeetingRoom):
    """Hội nghị, cuộc họp, phiên họp of a committee, over many điểm cầu."""

    @classmethod
    def schedule(
        cls,
        *,
        id: UUID,
        actor: str,
        committee_id: UUID,
        title: str,
        format: str,
        starts_at: datetime,
        location: str | None = None,
    ) -> Meeting:
        """Lên lịch: schedule a meeting of a committee."""
        return cls(
            id=id,
            actor=actor,
            committee_id=committee_id,
            title=required_text("title", title),
            format=member_of("format", MeetingFormat, format),
            starts_at=aware("starts_at", starts_at),
            location=optional_text(location),
        )

    @event("Scheduled")
    def __init__(
        self,
        *,
        id: UUID,
        actor: str,
        committee_id: UUID,
        title: str,
        format: str,
        starts_at: datetime,
        location: str | None,
    ) -> None:
        self.committee_id = committee_id
        self.title = title
        self.format = MeetingFormat(format)
        self.starts_at = starts_at
        self.location = location
        self.status = MeetingStatus.SCHEDULED
        self.opened_at: datetime | None = None
        self.closed_at: datetime | None = None
        self.chairs: list[Chair] = []
        self.agenda: list[AgendaItem] = []
        self.points: dict[UUID, ConnectionPoint] = {}
        self.point_names: dict[str, UUID] = {}
        self.attendance: dict[UUID, Attendance] = {}
        self.speeches: dict[UUID, Speech] = {}
        self.approvals: list[Approval] = []
        self.items: dict[str, IssuedItem] = {}
        self.notice: DocumentRef | None = None

    # -- life: rescheduling, cancelling, opening, closing ---------------------

    def reschedule(
        self, *, actor: str, starts_at: datetime, location: str | None = None
    ) -> None:
        """Dời lịch: move the meeting to another time (and place)."""
        self.check_still_planned()
        self._rescheduled(
            actor=actor,
            starts_at=aware("starts_at", starts_at),
            location=optional_text(location) or self.location,
        )

    @event("Rescheduled")
    def _rescheduled(
        self, *, actor: str, starts_at: datetime, location: str | None
    ) -> None:
        self.starts_at = starts_at
        self.location = location

    def cancel(self, *, actor: str, reason: str) -> None:
        """Hủy: call the meeting off before it opens."""
        self.check_still_planned()
        self._cancelled(actor=actor, reason=required_text("reason", reason))

    @event("Cancelled")
    def _cancelled(self, *, actor: str, reason: str) -> None:
        self.status = MeetingStatus.CANCELLED

    def open(self, *, actor: str, at: datetime) -> None:
        """Khai mạc: the meeting opens; speeches may be recorded."""
        self.check_still_planned()
        self._opened(actor=actor, at=aware("at", at))

    @event("Opened")
    def _opened(self, *, actor: str, at: datetime) -> None:
        self.status = MeetingStatus.OPEN
        self.opened_at = at

    def close(self, *, actor: str, at: datetime) -> None:
        """Bế mạc: the meeting closes; only corrections follow."""
        self.check_open()
        self._closed(actor=actor, at=aware("at", at))

    @event("Closed")
    def _closed(self, *, actor: str, at: datetime) -> None:
        self.status = MeetingStatus.CLOSED
        self.closed_at = at

    # -- the record: speeches, approvals, conclusion, notice ------------------

    def record_speech(
        self,
        *,
        actor: str,
        speech_id: UUID,
        speaker_id: UUID,
        speaker_name: str,
        speaker_title: str | None,
        kind: str,
        spoken_at: datetime,
        point_id: UUID | None = None,
        text: str = "",
    ) -> None:
        """Phát biểu: record who spoke, as what, where, and what was said."""
        self.check_open()
        self.check_point_registered(point_id)
        if speech_id in self.speeches:
            raise NoChangeError(field="speech_id", meeting_id=self.id)
        self._speech_recorded(
            actor=actor,
            speech_id=speech_id,
            speaker_id=speaker_id,
            speaker_name=required_text("speaker_name", speaker_name),
            speaker_title=optional_text(speaker_title),
            kind=member_of("kind", SpeechKind, kind),
            spoken_at=aware("spoken_at", spoken_at),
            point_id=point_id,
            text=optional_text(text) or "",
        )

    @event("SpeechRecorded")
    def _speech_recorded(
        self,
        *,
        actor: str,
        speech_id: UUID,
        speaker_id: UUID,
        speaker_name: str,
        speaker_title: str | None,
        kind: str,
        spoken_at: datetime,
        point_id: UUID | None,
        text: str,
    ) -> None:
        self.speeches[speech_id] = Speech(
            speech_id,
            speaker_id,
            speaker_name,
            speaker_title,
            point_id,
            SpeechKind(kind),
            text,
            spoken_at,
        )

    def correct_speech(
        self,
        *,
        actor: str,
        speech_id: UUID,
        reason: str,
        text: str | None = None,
        speaker_title: str | None = None,
        kind: str | None = None,
    ) -> None:
        """Đính chính: a new event with a reason; the original stays in the history."""
        self.check_not_cancelled()
        speech = self.check_speech_recorded(speech_id)
        changes = {
            name: value
            for name, value in (
                ("text", optional_text(text)),
                ("speaker_title", optional_text(speaker_title)),
                ("kind", kind and member_of("kind", SpeechKind, kind)),
            )
            if value is not None and value != getattr(speech, name)
        }
        if not changes:
            raise NoChangeError(field="speech", meeting_id=self.id, speech_id=speech_id)
        self._speech_corrected(
            actor=actor,
            speech_id=speech_id,
            reason=required_text("reason", reason),
            changes=changes,
        )

    @event("SpeechCorrected")
    def _speech_corrected(
        self, *, actor: str, speech_id: UUID, reason: str, changes: dict[str, str]
    ) -> None:
        speech = self.speeches[speech_id]
        correction = SpeechCorrection(reason, dict(changes), actor)
        updated = replace(speech, corrections=(*speech.corrections, correction))
        if "text" in changes:
            updated = replace(updated, text=changes["text"])
        if "speaker_title" in changes:
            updated = replace(updated, speaker_title=changes["speaker_title"])
        if "kind" in changes:
            updated = replace(updated, kind=SpeechKind(changes["kind"]))
        self.speeches[speech_id] = updated

    def record_approval(
        self,
        *,
        actor: str,
        approval_id: UUID,
        title: str,
        document: DocumentRef | None = None,
        note: str | None = None,
    ) -> None:
        """Thông qua: a plan or draft is approved at the meeting."""
        self.check_open()
        if any(approval.id == approval_id for approval in self.approvals):
            raise NoChangeError(field="approval_id", meeting_id=self.id)
        self._approval_recorded(
            actor=actor,
            approval_id=approval_id,
            title=required_text("title", title),
            document=document,
            note=optional_text(note),
        )

    @event("ApprovalRecorded")
    def _approval_recorded(
        self,
        *,
        actor: str,
        approval_id: UUID,
        title: str,
        document: DocumentRef | None,
        note: str | None,
    ) -> None:
        self.approvals.append(Approval(approval_id, document, title, note))

    def new_conclusion_items(self, items: list[ConclusionItem]) -> list[ConclusionItem]:
        """The items not yet issued; an issued number with other text is a conflict."""
        numbers = [item.number for item in items]
        if len(set(numbers)) != len(numbers):
            raise DuplicateItemNumberError(field="items", meeting_id=self.id)
        new = []
        for item in items:
            issued = self.items.get(item.number)
            if issued is None:
                new.append(item)
            elif issued.text != item.text:
                raise DuplicateItemNumberError(
                    field="items", meeting_id=self.id, number=item.number
                )
        return new

    def issue_conclusion(
        self, *, actor: str, speech_id: UUID, items: list[ConclusionItem]
    ) -> list[ConclusionItem]:
        """Kết luận: the chair's speech concludes with numbered items.

        Issuing items already issued, word for word, changes nothing (so a draft
        posted twice creates nothing new); the items actually issued are returned.
        """
        self.check_open()
        speech = self.check_speech_recorded(speech_id)
        self.check_present(speech.speaker_id)
        new = self.new_conclusion_items(items)
        if new:
            self._conclusion_issued(actor=actor, speech_id=speech_id, items=new)
        return new

    @event("ConclusionIssued")
    def _conclusion_issued(
        self, *, actor: str, speech_id: UUID, items: list[ConclusionItem]
    ) -> None:
        for item in items:
            self.items[item.number] = IssuedItem(item.number, item.text, speech_id)

    def amend_conclusion_item(
        self, *, actor: str, number: str, text: str, reason: str
    ) -> None:
        """Điều chỉnh: amend an item's text, with a reason (also after closing)."""
        self.check_not_cancelled()
        issued = self.items.get(number)
        if issued is None:
            raise UnknownItemError(field="number", meeting_id=self.id, number=number)
        new_text = required_text("text", text)
        if new_text == issued.text:
            raise NoChangeError(field="text", meeting_id=self.id, number=number)
        self._item_amended(
            actor=actor,
            number=number,
            text=new_text,
            reason=required_text("reason", reason),
        )

    @event("ConclusionItemAmended")
    def _item_amended(self, *, actor: str, number: str, text: str, reason: str) -> None:
        issued = self.items[number]
        self.items[number] = replace(
            issued, text=text, amendments=(*issued.amendments, issued.text)
        )

    def publish_notice(self, *, actor: str, notice: DocumentRef) -> None:
        """Thông báo kết luận: publish the conclusion as ``25/TB-UBND``."""
        self.check_not_cancelled()
        if not self.items:
            raise NoConclusionError(meeting_id=self.id)
        if self.notice is not None:
            raise NoChangeError(field="notice", meeting_id=self.id)
        self._notice_published(actor=actor, notice=notice)

    @event("NoticePublished")
    def _notice_published(self, *, actor: str, notice: DocumentRef) -> None:
        self.notice = notice
