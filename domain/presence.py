"""Who is present at a meeting: its chairs (chủ trì) and the attendance at each point.

Someone present is a chair or a person recorded as attending at some point; the
record keeps the name and title it first gave each of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Reversible
from typing import TYPE_CHECKING
from uuid import UUID

from eventsourcing.domain import event

from domain.connection_points import attendance_count
from domain.errors import NoChangeError
from domain.meeting_parts import Attendance, Chair, Speech
from domain.values import optional_text, required_text

if TYPE_CHECKING:
    from domain.meeting import Meeting


def present_person_ids(
    chairs: Iterable[Chair], attendance: Iterable[Attendance]
) -> set[UUID]:
    """Chairs and every person recorded as attending at some point."""
    present = {chair.person_id for chair in chairs}
    for at_point in attendance:
        present.update(at_point.person_ids)
    return present


def introduced(
    person_id: UUID, speeches: Reversible[Speech], chairs: Iterable[Chair]
) -> tuple[str, str | None] | None:
    """The name and title ``person_id`` already has in a meeting's record.

    A person who has spoken keeps the name and title of their latest speech
    (corrections included); a chair keeps the one given when assigned. ``None``
    for someone the meeting has not named yet.
    """
    for speech in reversed(speeches):
        if speech.speaker_id == person_id:
            return speech.speaker_name, speech.speaker_title
    for chair in chairs:
        if chair.person_id == person_id:
            return chair.name, chair.title
    return None


def assign_chair(
    self: Meeting,
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
    if any(c.person_id == person_id and c.point_id == point_id for c in self.chairs):
        raise NoChangeError(field="person_id", meeting_id=self.id)
    self._chair_assigned(
        actor=actor,
        person_id=person_id,
        name=required_text("name", name),
        title=optional_text(title),
        point_id=point_id,
    )


@event("ChairAssigned")
def chair_assigned(
    self: Meeting,
    *,
    actor: str,
    person_id: UUID,
    name: str,
    title: str | None,
    point_id: UUID | None,
) -> None:
    """The chair joins the meeting's chairs."""
    self.chairs.append(Chair(person_id, name, title, point_id))


def record_attendance(
    self: Meeting,
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
def attendance_recorded(
    self: Meeting,
    *,
    actor: str,
    point_id: UUID,
    person_ids: list[UUID],
    attendee_count: int,
) -> None:
    """The attendance at the point, replacing what was recorded there before."""
    self.attendance[point_id] = Attendance(point_id, tuple(person_ids), attendee_count)
