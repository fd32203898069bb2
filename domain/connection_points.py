"""A meeting's connection points (điểm cầu): registered, connected, disconnected.

Points are unique by id and by folded name, a meeting has one host point (điểm
cầu chính) and at most ``MAX_CONNECTION_POINTS``; a head count is never below
the people named as attending.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

from eventsourcing.domain import event

from domain.errors import (
    DuplicateConnectionPointError,
    HostPointExistsError,
    InvalidValueError,
    TooManyConnectionPointsError,
)
from domain.meeting_parts import ConnectionPoint
from domain.text import fold
from domain.values import PointLevel, aware, member_of, required_text

if TYPE_CHECKING:
    from domain.meeting import Meeting

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


def add_connection_point(
    self: Meeting,
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
def connection_point_added(
    self: Meeting,
    *,
    actor: str,
    point_id: UUID,
    name: str,
    level: str,
    is_host: bool,
    agency_id: UUID | None,
) -> None:
    """The point joins the meeting, findable by its folded name."""
    self.points[point_id] = ConnectionPoint(
        point_id, name, PointLevel(level), is_host, agency_id
    )
    self.point_names[fold(name)] = point_id


def connect_point(self: Meeting, *, actor: str, point_id: UUID, at: datetime) -> None:
    """A point comes on line."""
    self.check_not_closed()
    self.check_point_registered(point_id)
    self._point_connected(actor=actor, point_id=point_id, at=aware("at", at))


@event("PointConnected")
def point_connected(self: Meeting, *, actor: str, point_id: UUID, at: datetime) -> None:
    """The point is on line since ``at``."""
    point = self.points[point_id]
    self.points[point_id] = replace(point, connected=True, last_change_at=at)


def disconnect_point(
    self: Meeting, *, actor: str, point_id: UUID, at: datetime
) -> None:
    """A point drops off line."""
    self.check_not_closed()
    self.check_point_registered(point_id)
    self._point_disconnected(actor=actor, point_id=point_id, at=aware("at", at))


@event("PointDisconnected")
def point_disconnected(
    self: Meeting, *, actor: str, point_id: UUID, at: datetime
) -> None:
    """The point is off line since ``at``."""
    point = self.points[point_id]
    self.points[point_id] = replace(point, connected=False, last_change_at=at)
