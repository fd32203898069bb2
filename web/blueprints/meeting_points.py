"""Connection points (điểm cầu) of a meeting: add one or many, read, connect,
attendance."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from flask_smorest import Blueprint

from domain.meeting import Meeting
from web.consistency import projected
from web.http import READ_HEADERS, command, etag, read_side, steerlog, written
from web.reading import part_of, read
from web.schemas.common import Write
from web.schemas.meeting_record import AddConnectionPointsSchema
from web.schemas.meetings import (
    AddConnectionPointSchema,
    AtSchema,
    AttendanceSchema,
    ConnectionPointSchema,
    PointListSchema,
)

blp = Blueprint(
    "meeting_points",
    __name__,
    url_prefix="/api/v1/meetings/<uuid:meeting_id>/points",
    description="Điểm cầu",
)


@blp.route("", methods=["POST"])
@command(blp, 201)
@blp.arguments(AddConnectionPointSchema())
def add_connection_point(write: Write, body: dict[str, Any], meeting_id: UUID) -> Any:
    """Register a point; its id derives from the meeting and its name."""
    result = steerlog().add_connection_point(meeting_id, **write.kwargs, **body)
    location = url_for(".get_point", meeting_id=meeting_id, point_id=result.id)
    return written(result, location)


@blp.route("", methods=["GET"])
@projected(blp, PointListSchema)
def list_points(meeting_id: UUID) -> Any:
    """The meeting's points, in the order registered (empty for unknown meetings)."""
    return {"items": read_side().connection_points(str(meeting_id))}


@blp.route("/<uuid:point_id>", methods=["GET"])
@blp.response(200, ConnectionPointSchema, headers=READ_HEADERS)
def get_point(meeting_id: UUID, point_id: UUID) -> Any:
    """One connection point; the ETag is its meeting's version."""
    meeting = read(Meeting, meeting_id)
    return part_of(meeting.points, point_id, "connection point"), etag(meeting.version)


@blp.route("/<uuid:point_id>/connect", methods=["POST"])
@command(blp)
@blp.arguments(AtSchema(), required=False)
def connect_point(
    write: Write, body: dict[str, Any], meeting_id: UUID, point_id: UUID
) -> Any:
    """The point comes on line."""
    return written(
        steerlog().connect_point(meeting_id, point_id, **write.kwargs, **body)
    )


@blp.route("/<uuid:point_id>/disconnect", methods=["POST"])
@command(blp)
@blp.arguments(AtSchema(), required=False)
def disconnect_point(
    write: Write, body: dict[str, Any], meeting_id: UUID, point_id: UUID
) -> Any:
    """The point drops off line."""
    return written(
        steerlog().connect_point(
            meeting_id, point_id, connected=False, **write.kwargs, **body
        )
    )


@blp.route("/<uuid:point_id>/attendance", methods=["PUT"])
@command(blp)
@blp.arguments(AttendanceSchema())
def record_attendance(
    write: Write, body: dict[str, Any], meeting_id: UUID, point_id: UUID
) -> Any:
    """Who attended at the point: registered officials and a head count."""
    return written(
        steerlog().record_attendance(meeting_id, point_id, **write.kwargs, **body)
    )


@blp.route("/batch", methods=["POST"])
@command(blp)
@blp.arguments(AddConnectionPointsSchema())
def add_connection_points(write: Write, body: dict[str, Any], meeting_id: UUID) -> Any:
    """Register many points in one request: all of them, or none (a 422 naming
    each refused row)."""
    return written(steerlog().add_connection_points(meeting_id, **write.kwargs, **body))
