"""The Meeting aggregate: Hội nghị / cuộc họp, from schedule to published conclusion."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from uuid import UUID

from eventsourcing.domain import event

from domain.base import SteerlogAggregate
from domain.connection_points import attendance_count, check_new_point
from domain.errors import (
    DuplicateItemNumberError,
    MeetingAlreadyOpenedError,
    MeetingCancelledError,
    MeetingClosedError,
    MeetingNotOpenError,
    NoChangeError,
    NoConclusionError,
    SpeakerNotPresentError,
    UnknownConnectionPointError,
    UnknownItemError,
    UnknownSpeechError,
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
from domain.presence import introduced, present_person_ids
from domain.text import fold
from domain.topics import keep_released_topic
from domain.values import (
    ConclusionItem,
    DocumentRef,
    MeetingFormat,
    MeetingStatus,
    PointLevel,
    SpeechKind,
    aware,
    member_of,
    optional_text,
    required_text,
)


class Meeting(SteerlogAggregate):
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

    # -- rules ---------------------------------------------------------------

    def check_not_cancelled(self) -> None:
        """A cancelled meeting takes nothing more."""
        if self.status is MeetingStatus.CANCELLED:
            raise MeetingCancelledError(meeting_id=self.id)

    def check_still_planned(self) -> None:
        """Only a meeting that has not opened yet can be rescheduled or cancelled."""
        self.check_not_cancelled()
        if self.status is not MeetingStatus.SCHEDULED:
            raise MeetingAlreadyOpenedError(meeting_id=self.id, status=self.status)

    def check_not_closed(self) -> None:
        """Set-up (points, chairs, agenda) is possible until the meeting closes."""
        self.check_not_cancelled()
        if self.status is MeetingStatus.CLOSED:
            raise MeetingClosedError(meeting_id=self.id)

    def check_open(self) -> None:
        """Speeches, approvals and conclusions happen while the meeting is open."""
        self.check_not_closed()
        if self.status is not MeetingStatus.OPEN:
            raise MeetingNotOpenError(meeting_id=self.id)

    def check_point_registered(self, point_id: UUID | None) -> None:
        """A point named by a command must be one of this meeting's points."""
        if point_id is not None and point_id not in self.points:
            raise UnknownConnectionPointError(
                field="point_id", meeting_id=self.id, point_id=point_id
            )

    def check_speech_recorded(self, speech_id: UUID) -> Speech:
        """Return the speech, which must have been recorded at this meeting."""
        try:
            return self.speeches[speech_id]
        except KeyError:
            raise UnknownSpeechError(
                field="speech_id", meeting_id=self.id, speech_id=speech_id
            ) from None

    def check_present(self, person_id: UUID) -> None:
        """Someone concluding must be present: a chair or a recorded attendee."""
        if person_id not in self.present_person_ids():
            raise SpeakerNotPresentError(meeting_id=self.id, person_id=person_id)

    def present_person_ids(self) -> set[UUID]:
        """Chairs and every person recorded as attending at some point."""
        return present_person_ids(self.chairs, self.attendance.values())

    def introduced(self, person_id: UUID) -> tuple[str, str | None] | None:
        """The name and title ``person_id`` already has in this meeting's record."""
        return introduced(person_id, self.speeches.values(), self.chairs)

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

    # -- set-up: chairs and agenda -------------------------------------------

    def assign_chair(
        self,
        *,
        actor: str,
        person_id: UUID,
        name: str,
        title: str | None,
        point_id: UUID | None = None,
    ) -> None:
        """Chủ trì: a person chairs the meeting, at a given point if several."""
        self.check_not_closed()
        self.check_point_registered(point_id)
        if any(
            c.person_id == person_id and c.point_id == point_id for c in self.chairs
        ):
            raise NoChangeError(field="person_id", meeting_id=self.id)
        self._chair_assigned(
            actor=actor,
            person_id=person_id,
            name=required_text("name", name),
            title=optional_text(title),
            point_id=point_id,
        )

    @event("ChairAssigned")
    def _chair_assigned(
        self,
        *,
        actor: str,
        person_id: UUID,
        name: str,
        title: str | None,
        point_id: UUID | None,
    ) -> None:
        self.chairs.append(Chair(person_id, name, title, point_id))

    def add_agenda_item(
        self, *, actor: str, title: str, presenter_id: UUID | None = None
    ) -> int:
        """Add an item to the agenda; returns its number."""
        self.check_not_closed()
        number = len(self.agenda) + 1
        self._agenda_item_added(
            actor=actor,
            number=number,
            title=required_text("title", title),
            presenter_id=presenter_id,
        )
        return number

    @event("AgendaItemAdded")
    def _agenda_item_added(
        self, *, actor: str, number: int, title: str, presenter_id: UUID | None
    ) -> None:
        self.agenda.append(AgendaItem(number, title, presenter_id))

    # -- connection points and attendance ------------------------------------

    def add_connection_point(
        self,
        *,
        actor: str,
        point_id: UUID,
        name: str,
        level: str,
        is_host: bool = False,
        agency_id: UUID | None = None,
    ) -> None:
        """Register a connection point (điểm cầu) of this meeting."""
        self.check_not_closed()
        checked_name = required_text("name", name)
        checked_level = member_of("level", PointLevel, level)
        check_new_point(
            self.id,
            self.points,
            self.point_names,
            point_id=point_id,
            name=checked_name,
            is_host=is_host,
        )
        self._connection_point_added(
            actor=actor,
            point_id=point_id,
            name=checked_name,
            level=checked_level,
            is_host=bool(is_host),
            agency_id=agency_id,
        )

    @event("ConnectionPointAdded")
    def _connection_point_added(
        self,
        *,
        actor: str,
        point_id: UUID,
        name: str,
        level: str,
        is_host: bool,
        agency_id: UUID | None,
    ) -> None:
        self.points[point_id] = ConnectionPoint(
            point_id, name, PointLevel(level), is_host, agency_id
        )
        self.point_names[fold(name)] = point_id

    def connect_point(self, *, actor: str, point_id: UUID, at: datetime) -> None:
        """A point comes on line."""
        self.check_not_closed()
        self.check_point_registered(point_id)
        self._point_connected(actor=actor, point_id=point_id, at=aware("at", at))

    @event("PointConnected")
    def _point_connected(self, *, actor: str, point_id: UUID, at: datetime) -> None:
        point = self.points[point_id]
        self.points[point_id] = replace(point, connected=True, last_change_at=at)

    def disconnect_point(self, *, actor: str, point_id: UUID, at: datetime) -> None:
        """A point drops off line."""
        self.check_not_closed()
        self.check_point_registered(point_id)
        self._point_disconnected(actor=actor, point_id=point_id, at=aware("at", at))

    @event("PointDisconnected")
    def _point_disconnected(self, *, actor: str, point_id: UUID, at: datetime) -> None:
        point = self.points[point_id]
        self.points[point_id] = replace(point, connected=False, last_change_at=at)

    def record_attendance(
        self,
        *,
        actor: str,
        point_id: UUID,
        person_ids: list[UUID],
        attendee_count: int | None = None,
    ) -> None:
        """Who attended at a point: named officials and the head count."""
        self.check_not_closed()
        self.check_point_registered(point_id)
        people = list(dict.fromkeys(person_ids))
        count = attendance_count(people, attendee_count)
        self._attendance_recorded(
            actor=actor, point_id=point_id, person_ids=people, attendee_count=count
        )

    @event("AttendanceRecorded")
    def _attendance_recorded(
        self, *, actor: str, point_id: UUID, person_ids: list[UUID], attendee_count: int
    ) -> None:
        self.attendance[point_id] = Attendance(
            point_id, tuple(person_ids), attendee_count
        )

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
        correction = SpeechCorrection(reason, dict(changes), actor)
        self.speeches[speech_id] = self.speeches[speech_id].corrected(correction)

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
        self.items[number] = self.items[number].amended(text)

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


# The set-up's events were released from a base class, ``MeetingRoom`` in
# ``domain/meeting_room.py``: stored events, and the read side's filters, name
# them by that topic, so they keep it.
for _name in (
    "ChairAssigned",
    "AgendaItemAdded",
    "ConnectionPointAdded",
    "PointConnected",
    "PointDisconnected",
    "AttendanceRecorded",
):
    keep_released_topic(
        getattr(Meeting, _name), f"domain.meeting_room:MeetingRoom.{_name}"
    )
