"""A meeting's connection points (điểm cầu) and attendance: the rules of that part.

Points are unique by id and by folded name, a meeting has one host point (điểm
cầu chính) and at most ``MAX_CONNECTION_POINTS``; a head count is never below
the people named as attending.
"""

from __future__ import annotations

from uuid import UUID

from domain.errors import (
    DuplicateConnectionPointError,
    HostPointExistsError,
    InvalidValueError,
    TooManyConnectionPointsError,
)
from domain.meeting_parts import ConnectionPoint
from domain.text import fold

MAX_CONNECTION_POINTS = 500


def check_new_point(
    meeting_id: UUID,
    points: dict[UUID, ConnectionPoint],
    point_names: dict[str, UUID],
    *,
    point_id: UUID,
    name: str,
    is_host: bool,
) -> None:
    """A new point has a new id and (folded) name, room left, and no second host."""
    if point_id in points or fold(name) in point_names:
        raise DuplicateConnectionPointError(
            field="name", meeting_id=meeting_id, name=name
        )
    if len(points) >= MAX_CONNECTION_POINTS:
        raise TooManyConnectionPointsError(
            meeting_id=meeting_id, limit=MAX_CONNECTION_POINTS
        )
    if is_host and any(point.is_host for point in points.values()):
        raise HostPointExistsError(field="is_host", meeting_id=meeting_id)


def attendance_count(person_ids: list[UUID], attendee_count: int | None) -> int:
    """The head count at a point: the people named, unless a larger count is given."""
    count = len(person_ids) if attendee_count is None else attendee_count
    if count < len(person_ids):
        raise InvalidValueError(
            field="attendee_count", reason="fewer than the people named"
        )
    return count
