"""Meetings (hội nghị, cuộc họp): schedule, read, reschedule, cancel, open, close."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from flask_smorest import Blueprint

from domain.meeting import Meeting
from service.readmodel.base import MeetingFilter
from web.consistency import projected
from web.http import NOT_MODIFIED, READ_HEADERS, command, read_side, steerlog, written
from web.queries import page_of
from web.reading import read
from web.representations import represented
from web.schemas.common import AsOfArgsSchema, Write
from web.schemas.meetings import (
    AddAgendaItemSchema,
    AssignChairSchema,
    AtSchema,
    CancelMeetingSchema,
    MeetingListArgsSchema,
    MeetingPageSchema,
    MeetingSchema,
    RescheduleMeetingSchema,
    ScheduleMeetingSchema,
)

REPRESENTATION = MeetingSchema()

blp = Blueprint(
    "meetings",
    __name__,
    url_prefix="/api/v1/meetings",
    description="Hội nghị, cuộc họp",
)


@blp.route("", methods=["POST"])
@command(blp, 201)
@blp.arguments(ScheduleMeetingSchema())
def schedule_meeting(write: Write, body: dict[str, Any]) -> Any:
    """Lên lịch: schedule a meeting of a committee."""
    result = steerlog().schedule_meeting(actor=write.actor, **body)
    return written(result, url_for(".get_meeting", meeting_id=result.id))


@blp.route("", methods=["GET"])
@projected(blp, MeetingPageSchema)
@blp.arguments(MeetingListArgsSchema(), location="query")
def list_meetings(args: dict[str, Any]) -> Any:
    """Meetings, newest first, by committee, status, format and start time."""
    page = page_of(args)
    return read_side().meetings(MeetingFilter(**args), page)


@blp.route("/<uuid:meeting_id>", methods=["GET"])
@blp.arguments(AsOfArgsSchema(), location="query")
@blp.response(200, MeetingSchema, headers=READ_HEADERS)
@blp.alt_response(304, description=NOT_MODIFIED, headers=READ_HEADERS)
def get_meeting(args: dict[str, Any], meeting_id: UUID) -> Any:
    """A meeting and its whole record, now or as it stood at ``as_of``."""
    return represented(REPRESENTATION, read(Meeting, meeting_id, args["as_of"]))


@blp.route("/<uuid:meeting_id>/reschedule", methods=["POST"])
@command(blp)
@blp.arguments(RescheduleMeetingSchema())
def reschedule_meeting(write: Write, body: dict[str, Any], meeting_id: UUID) -> Any:
    """Dời lịch: move a meeting that has not opened yet."""
    return written(steerlog().reschedule_meeting(meeting_id, **write.kwargs, **body))


@blp.route("/<uuid:meeting_id>/cancel", methods=["POST"])
@command(blp)
@blp.arguments(CancelMeetingSchema())
def cancel_meeting(write: Write, body: dict[str, Any], meeting_id: UUID) -> Any:
    """Hủy: call a meeting off before it opens."""
    return written(steerlog().cancel_meeting(meeting_id, **write.kwargs, **body))


@blp.route("/<uuid:meeting_id>/open", methods=["POST"])
@command(blp)
@blp.arguments(AtSchema(), required=False)
def open_meeting(write: Write, body: dict[str, Any], meeting_id: UUID) -> Any:
    """Khai mạc: the meeting opens (now, or ``at``)."""
    return written(steerlog().open_meeting(meeting_id, **write.kwargs, **body))


@blp.route("/<uuid:meeting_id>/close", methods=["POST"])
@command(blp)
@blp.arguments(AtSchema(), required=False)
def close_meeting(write: Write, body: dict[str, Any], meeting_id: UUID) -> Any:
    """Bế mạc: the meeting closes; only corrections follow."""
    return written(steerlog().close_meeting(meeting_id, **write.kwargs, **body))


@blp.route("/<uuid:meeting_id>/chairs", methods=["POST"])
@command(blp)
@blp.arguments(AssignChairSchema())
def assign_chair(write: Write, body: dict[str, Any], meeting_id: UUID) -> Any:
    """Chủ trì: a registered official chairs (at a point, if several)."""
    return written(steerlog().assign_chair(meeting_id, **write.kwargs, **body))


@blp.route("/<uuid:meeting_id>/agenda", methods=["POST"])
@command(blp)
@blp.arguments(AddAgendaItemSchema())
def add_agenda_item(write: Write, body: dict[str, Any], meeting_id: UUID) -> Any:
    """Add an item to the meeting's agenda."""
    return written(steerlog().add_agenda_item(meeting_id, **write.kwargs, **body))
