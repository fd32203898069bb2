"""The room of a meeting: rules, chairs, agenda, connection points, attendance."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

from eventsourcing.domain import event

from domain.base import SteerlogAggregate
from domain.errors import (
    DuplicateConnectionPointError,
    HostPointExistsError,
    InvalidValueError,
    MeetingAlreadyOpenedError,
    MeetingCancelledError,
    MeetingClosedError,
    MeetingNotOpenError,
    NoChangeError,
    SpeakerNotPresentError,
    TooManyConnectionPointsError,
    UnknownConnectionPointError,
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
)
from domain.text import fold
from domain.values import (
    DocumentRef,
    MeetingFormat,
    MeetingStatus,
    PointLevel,
    member_of,
    optional_text,
    required_text,
)

MAX_CONNECTION_POINTS = 500


def aware(field: str, moment: datetime) -> datetime:
    """Return ``moment`` if it carries a UTC offset; naive times are refused."""
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        raise InvalidValueError(field=field, reason="needs a time with a UTC offset")
    return moment


class MeetingRoom(SteerlogAggregate):
    """Set-up shared by every meeting; ``Meeting`` adds its life and its record."""

    if TYPE_CHECKING:  # state set by events; annotations on the class
        # itself would become fields of the created event.
        committee_id: UUID
        title: str
        format: MeetingFormat
        starts_at: datetime
        location: str | None
        status: MeetingStatus
        opened_at: datetime | None
        closed_at: datetime | None
        chairs: list[Chair]
        agenda: list[AgendaItem]
        points: dict[UUID, ConnectionPoint]
        point_names: dict[str, UUID]  # folded name: a new point's name is checked once
        attendance: dict[UUID, Attendance]
        speeches: dict[UUID, Speech]
        approvals: list[Approval]
        items: dict[str, IssuedItem]
        notice: DocumentRef | None

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
        present = {chair.person_id for chair in self.chairs}
        for attendance in self.attendance.values():
            present.update(attendance.person_ids)
        return present

    def introduced(self, person_id: UUID) -> tuple[str, str | None] | None:
        """The name and title ``person_id`` already has in this meeting's record.

        A person who has spoken keeps the name and title of their latest speech
        (corrections included); a chair keeps the one given when assigned. ``None``
        for someone the meeting has not named yet.
        """
        for speech in reversed(self.speeches.values()):
            if speech.speaker_id == person_id:
                return speech.speaker_name, speech.speaker_title
        for chair in self.chairs:
            if chair.person_id == person_id:
                return chair.name, chair.title
        return None

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
        self.check_point_is_new(point_id, checked_name)
        if len(self.points) >= MAX_CONNECTION_POINTS:
            raise TooManyConnectionPointsError(
                meeting_id=self.id, limit=MAX_CONNECTION_POINTS
            )
        if is_host and any(point.is_host for point in self.points.values()):
            raise HostPointExistsError(field="is_host", meeting_id=self.id)
        self._connection_point_added(
            actor=actor,
            point_id=point_id,
            name=checked_name,
            level=checked_level,
            is_host=bool(is_host),
            agency_id=agency_id,
        )

    def check_point_is_new(self, point_id: UUID, name: str) -> None:
        """Points are unique by id and by (folded) name."""
        if point_id in self.points or fold(name) in self.point_names:
            raise DuplicateConnectionPointError(
                field="name", meeting_id=self.id, name=name
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
        count = len(people) if attendee_count is None else attendee_count
        if count < len(people):
            raise InvalidValueError(
                field="attendee_count", reason="fewer than the people named"
            )
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
