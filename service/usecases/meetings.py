"""Use cases of a meeting: schedule, connection points, speeches, conclusion, notice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID, uuid4

from domain import ids
from domain.committee import Committee
from domain.errors import DomainError
from domain.meeting import Meeting
from domain.person import Person
from service.errors import RowsRefusedError
from service.eventstore.application import SteerlogBase, Written
from service.usecases.commuting import commutes


@dataclass(frozen=True)
class PointDraft:
    """One connection point of a pasted list."""

    name: str
    level: str
    is_host: bool = False
    agency_id: UUID | None = None


class MeetingUseCases(SteerlogBase):
    """Record a meeting as it happens, from scheduling to its published notice."""

    def schedule_meeting(
        self,
        *,
        actor: str,
        committee_id: UUID,
        title: str,
        format: str,
        starts_at: datetime,
        location: str | None = None,
        meeting_id: UUID | None = None,
    ) -> Written:
        """Lên lịch: schedule a meeting of a committee."""
        self.load(Committee, committee_id, field="committee_id")
        meeting = Meeting.schedule(
            id=meeting_id or uuid4(),
            actor=actor,
            committee_id=committee_id,
            title=title,
            format=format,
            starts_at=starts_at,
            location=location,
        )
        return self.create(meeting, "meeting")

    def reschedule_meeting(
        self,
        meeting_id: UUID,
        *,
        actor: str,
        starts_at: datetime,
        location: str | None = None,
        expected_version: int | None = None,
    ) -> Written:
        """Move a meeting that has not opened yet."""
        return self.change(
            Meeting,
            meeting_id,
            lambda m: m.reschedule(actor=actor, starts_at=starts_at, location=location),
            expected_version,
        )

    def cancel_meeting(
        self,
        meeting_id: UUID,
        *,
        actor: str,
        reason: str,
        expected_version: int | None = None,
    ) -> Written:
        """Call a meeting off before it opens."""
        return self.change(
            Meeting,
            meeting_id,
            lambda m: m.cancel(actor=actor, reason=reason),
            expected_version,
        )

    def assign_chair(
        self,
        meeting_id: UUID,
        *,
        actor: str,
        person_id: UUID,
        point_id: UUID | None = None,
        expected_version: int | None = None,
    ) -> Written:
        """A registered official chairs the meeting (at a point, if several)."""
        person = self.load(Person, person_id, field="person_id")
        return self.change(
            Meeting,
            meeting_id,
            lambda m: m.assign_chair(
                actor=actor,
                person_id=person.id,
                name=person.full_name,
                title=person.title,
                point_id=point_id,
            ),
            expected_version,
        )

    def add_agenda_item(
        self,
        meeting_id: UUID,
        *,
        actor: str,
        title: str,
        presenter_id: UUID | None = None,
        expected_version: int | None = None,
    ) -> Written:
        """Add an item to the meeting's agenda."""
        if presenter_id is not None:
            self.load(Person, presenter_id, field="presenter_id")
        return self.change(
            Meeting,
            meeting_id,
            lambda m: m.add_agenda_item(
                actor=actor, title=title, presenter_id=presenter_id
            ),
            expected_version,
        )

    @commutes
    def add_connection_point(
        self,
        meeting_id: UUID,
        *,
        actor: str,
        name: str,
        level: str,
        is_host: bool = False,
        agency_id: UUID | None = None,
        expected_version: int | None = None,
    ) -> Written:
        """Register a connection point; its id derives from the meeting and its name."""
        point_id = ids.connection_point_id(meeting_id, name)
        written = self.change(
            Meeting,
            meeting_id,
            lambda m: m.add_connection_point(
                actor=actor,
                point_id=point_id,
                name=name,
                level=level,
                is_host=is_host,
                agency_id=agency_id,
            ),
            expected_version,
        )
        return written.naming(point_id)

    @commutes
    def add_connection_points(
        self,
        meeting_id: UUID,
        *,
        actor: str,
        points: list[PointDraft],
        expected_version: int | None = None,
    ) -> Written:
        """Register many points at once (a pasted list): all of them, or none.

        Every row is checked, so the caller learns of each refused one
        (``RowsRefusedError``); the meeting is saved once, in one transaction.
        """
        meeting = self.load(Meeting, meeting_id)
        self.check_version(meeting, expected_version)
        # A closed or cancelled meeting refuses the batch, not each row (409).
        meeting.check_not_closed()
        refused: dict[int, Exception] = {}
        for row, point in enumerate(points):
            try:
                meeting.add_connection_point(
                    actor=actor,
                    point_id=ids.connection_point_id(meeting_id, point.name),
                    name=point.name,
                    level=point.level,
                    is_host=point.is_host,
                    agency_id=point.agency_id,
                )
            except DomainError as error:
                refused[row] = error
        if refused:
            raise RowsRefusedError(refused, field="points")
        return self.commit(meeting)

    def connect_point(
        self,
        meeting_id: UUID,
        point_id: UUID,
        *,
        actor: str,
        at: datetime | None = None,
        connected: bool = True,
        expected_version: int | None = None,
    ) -> Written:
        """A point comes on line (or drops off, with ``connected=False``)."""
        moment = at or self.clock()

        def command(meeting: Meeting) -> None:
            if connected:
                meeting.connect_point(actor=actor, point_id=point_id, at=moment)
            else:
                meeting.disconnect_point(actor=actor, point_id=point_id, at=moment)

        return self.change(Meeting, meeting_id, command, expected_version)

    def record_attendance(
        self,
        meeting_id: UUID,
        point_id: UUID,
        *,
        actor: str,
        person_ids: list[UUID],
        attendee_count: int | None = None,
        expected_version: int | None = None,
    ) -> Written:
        """Who attended at a point: registered officials and a head count."""
        for person_id in person_ids:
            self.load(Person, person_id, field="person_ids")
        return self.change(
            Meeting,
            meeting_id,
            lambda m: m.record_attendance(
                actor=actor,
                point_id=point_id,
                person_ids=person_ids,
                attendee_count=attendee_count,
            ),
            expected_version,
        )

    def open_meeting(
        self,
        meeting_id: UUID,
        *,
        actor: str,
        at: datetime | None = None,
        expected_version: int | None = None,
    ) -> Written:
        """Khai mạc: the meeting opens."""
        moment = at or self.clock()
        return self.change(
            Meeting,
            meeting_id,
            lambda m: m.open(actor=actor, at=moment),
            expected_version,
        )

    def close_meeting(
        self,
        meeting_id: UUID,
        *,
        actor: str,
        at: datetime | None = None,
        expected_version: int | None = None,
    ) -> Written:
        """Bế mạc: the meeting closes."""
        moment = at or self.clock()
        return self.change(
            Meeting,
            meeting_id,
            lambda m: m.close(actor=actor, at=moment),
            expected_version,
        )
