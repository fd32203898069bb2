"""The Meeting aggregate: Hội nghị / cuộc họp, from schedule to published conclusion.

This module holds the meeting's life (scheduled, rescheduled, cancelled, opened,
closed) and the rules every part shares. Each part of its record lives in a module
of its own, as commands and events that the class takes in as its methods, so
``Meeting`` stays one aggregate whose events keep their topics
(``domain.meeting:Meeting.SpeechRecorded``): who is present (``presence``), the
agenda and carried-over tasks (``meeting_agenda``), connection points
(``connection_points``), speeches (``meeting_speeches``) and what the meeting
decides (``meeting_conclusion``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import event

from domain import (
    connection_points,
    meeting_agenda,
    meeting_conclusion,
    meeting_speeches,
    presence,
)
from domain.base import SteerlogAggregate
from domain.errors import (
    MeetingAlreadyOpenedError,
    MeetingCancelledError,
    MeetingClosedError,
    MeetingNotOpenError,
    SpeakerNotPresentError,
    UnknownConnectionPointError,
)
from domain.meeting_parts import (
    AgendaItem,
    Approval,
    Attendance,
    Chair,
    ConnectionPoint,
    IssuedItem,
    Speech,
)
from domain.topics import keep_released_topic
from domain.values import (
    DocumentRef,
    MeetingFormat,
    MeetingStatus,
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
        self.reviewed_tasks: dict[UUID, int] = {}

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

    def check_present(self, person_id: UUID) -> None:
        """Someone concluding must be present: a chair or a recorded attendee."""
        if person_id not in self.present_person_ids():
            raise SpeakerNotPresentError(meeting_id=self.id, person_id=person_id)

    def present_person_ids(self) -> set[UUID]:
        """Chairs and every person recorded as attending at some point."""
        return presence.present_person_ids(self.chairs, self.attendance.values())

    def introduced(self, person_id: UUID) -> tuple[str, str | None] | None:
        """The name and title ``person_id`` already has in this meeting's record."""
        return presence.introduced(person_id, self.speeches.values(), self.chairs)

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

    check_speech_recorded = meeting_speeches.check_speech_recorded

    # -- who is present: chairs and attendance (domain/presence.py) -----------

    assign_chair = presence.assign_chair
    _chair_assigned = presence.chair_assigned
    record_attendance = presence.record_attendance
    _attendance_recorded = presence.attendance_recorded

    # -- the agenda and the open tasks carried over (domain/meeting_agenda.py) -

    add_agenda_item = meeting_agenda.add_agenda_item
    _agenda_item_added = meeting_agenda.agenda_item_added
    review_open_tasks = meeting_agenda.review_open_tasks
    _task_carried_over = meeting_agenda.task_carried_over

    # -- connection points (domain/connection_points.py) ----------------------

    add_connection_point = connection_points.add_connection_point
    _connection_point_added = connection_points.connection_point_added
    connect_point = connection_points.connect_point
    _point_connected = connection_points.point_connected
    disconnect_point = connection_points.disconnect_point
    _point_disconnected = connection_points.point_disconnected

    # -- speeches (domain/meeting_speeches.py) --------------------------------

    record_speech = meeting_speeches.record_speech
    _speech_recorded = meeting_speeches.speech_recorded
    correct_speech = meeting_speeches.correct_speech
    _speech_corrected = meeting_speeches.speech_corrected

    # -- what it decides: approvals, conclusion, notice (meeting_conclusion.py)

    record_approval = meeting_conclusion.record_approval
    _approval_recorded = meeting_conclusion.approval_recorded
    issue_conclusion = meeting_conclusion.issue_conclusion
    _conclusion_issued = meeting_conclusion.conclusion_issued
    amend_conclusion_item = meeting_conclusion.amend_conclusion_item
    _item_amended = meeting_conclusion.item_amended
    publish_notice = meeting_conclusion.publish_notice
    _notice_published = meeting_conclusion.notice_published


# Since version 2 a conclusion keeps the order its items were posted in.
_conclusion_issued: Any = vars(Meeting)["ConclusionIssued"]
_conclusion_issued.class_version = 2
_conclusion_issued.upcast_v1_v2 = staticmethod(
    meeting_conclusion.upcast_conclusion_issued_v1_v2
)

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
