"""Schemas of meetings: scheduling, the room (points, chairs, agenda), the state."""

from __future__ import annotations

from marshmallow import Schema, fields
from marshmallow.validate import Length, OneOf, Range

from domain.values import MeetingFormat, MeetingStatus, PointLevel, SpeechKind
from web.schemas.common import MANY_IDS, NAME, REASON, DocumentSchema, PageArgsSchema
from web.schemas.fields import DictValues, LocalMoment, Moment, Text, moment_text

_FORMATS = OneOf([f.value for f in MeetingFormat])
_STATUSES = OneOf([s.value for s in MeetingStatus])


class ScheduleMeetingSchema(Schema):
    """Lên lịch: schedule a meeting of a committee."""

    meeting_id = fields.UUID(
        data_key="id",
        load_default=None,
        allow_none=True,
        load_only=True,
        metadata={"description": "Client-chosen id, so a retried request is safe."},
    )
    committee_id = fields.UUID(required=True)
    title = Text(required=True, validate=Length(min=1, max=2000))
    format = fields.Enum(MeetingFormat, by_value=True, required=True)
    starts_at = Moment(required=True)
    location = Text(load_default=None, allow_none=True, validate=NAME)


class RescheduleMeetingSchema(Schema):
    """Dời lịch: another time (and place)."""

    starts_at = Moment(required=True)
    location = Text(load_default=None, allow_none=True, validate=NAME)


class CancelMeetingSchema(Schema):
    """Hủy: call the meeting off, with a reason."""

    reason = Text(required=True, validate=REASON)


class AtSchema(Schema):
    """When it happened; the server's clock when left out."""

    at = Moment(load_default=None, allow_none=True)


class AssignChairSchema(Schema):
    """Chủ trì: a registered official chairs (at a point, if several)."""

    person_id = fields.UUID(required=True)
    point_id = fields.UUID(load_default=None, allow_none=True)


class AddAgendaItemSchema(Schema):
    """An item of the agenda (nội dung chương trình)."""

    title = Text(required=True, validate=Length(min=1, max=2000))
    presenter_id = fields.UUID(load_default=None, allow_none=True)


class AddConnectionPointSchema(Schema):
    """Điểm cầu: a place on line to the conference."""

    name = Text(
        required=True, validate=NAME, metadata={"example": "UBND huyện Bát Xát"}
    )
    level = fields.Enum(PointLevel, by_value=True, required=True)
    is_host = fields.Boolean(load_default=False)
    agency_id = fields.UUID(load_default=None, allow_none=True)


class AttendanceSchema(Schema):
    """Who attended at a point: registered officials and a head count."""

    person_ids = fields.List(fields.UUID(), required=True, validate=MANY_IDS)
    attendee_count = fields.Integer(
        load_default=None, allow_none=True, validate=Range(min=0, max=1_000_000)
    )


class ConnectionPointSchema(Schema):
    """A connection point as the meeting holds it."""

    id = fields.UUID(required=True)
    name = fields.String(required=True)
    level = fields.Enum(PointLevel, by_value=True, required=True)
    is_host = fields.Boolean(required=True)
    agency_id = fields.UUID(allow_none=True)
    connected = fields.Boolean(required=True)
    last_change_at = LocalMoment(allow_none=True)


class ChairSchema(Schema):
    """Who chairs, as named and titled then."""

    person_id = fields.UUID(required=True)
    name = fields.String(required=True)
    title = fields.String(allow_none=True)
    point_id = fields.UUID(allow_none=True)


class AgendaItemSchema(Schema):
    """One item of the agenda."""

    number = fields.Integer(required=True)
    title = fields.String(required=True)
    presenter_id = fields.UUID(allow_none=True)


class AttendanceRecordSchema(Schema):
    """Attendance at one point."""

    point_id = fields.UUID(required=True)
    person_ids = fields.List(fields.UUID(), required=True)
    attendee_count = fields.Integer(required=True)


class SpeechCorrectionSchema(Schema):
    """A correction of a speech: what changed, why, by whom."""

    reason = fields.String(required=True)
    changes = fields.Dict(keys=fields.String(), values=fields.String(), required=True)
    actor = fields.String(required=True)


class SpeechSchema(Schema):
    """Phát biểu: the speaker's name and title as they were when spoken."""

    id = fields.UUID(required=True)
    speaker_id = fields.UUID(required=True)
    speaker_name = fields.String(required=True)
    speaker_title = fields.String(allow_none=True)
    point_id = fields.UUID(allow_none=True)
    kind = fields.Enum(SpeechKind, by_value=True, required=True)
    text = fields.String(required=True)
    spoken_at = LocalMoment(required=True)
    corrections = fields.List(fields.Nested(SpeechCorrectionSchema), required=True)


class ApprovalSchema(Schema):
    """Thông qua: a document approved at the meeting."""

    id = fields.UUID(required=True)
    title = fields.String(required=True)
    document = fields.Nested(DocumentSchema, allow_none=True)
    note = fields.String(allow_none=True)


class IssuedItemSchema(Schema):
    """A conclusion item: its text now, the speech that gave it, former texts."""

    number = fields.String(required=True)
    text = fields.String(required=True)
    speech_id = fields.UUID(required=True)
    amendments = fields.List(fields.String(), required=True)
    task_ids = fields.List(
        fields.UUID(),
        required=True,
        metadata={"description": "The tasks the item assigns, in task order."},
    )


class MeetingSchema(Schema):
    """A meeting as it stands (or stood), with its whole record."""

    id = fields.UUID(required=True)
    version = fields.Integer(required=True)
    committee_id = fields.UUID(required=True)
    title = fields.String(required=True)
    format = fields.Enum(MeetingFormat, by_value=True, required=True)
    status = fields.Enum(MeetingStatus, by_value=True, required=True)
    starts_at = LocalMoment(required=True)
    location = fields.String(allow_none=True)
    opened_at = LocalMoment(allow_none=True)
    closed_at = LocalMoment(allow_none=True)
    chairs = fields.List(fields.Nested(ChairSchema), required=True)
    agenda = fields.List(fields.Nested(AgendaItemSchema), required=True)
    points = DictValues(fields.Nested(ConnectionPointSchema), required=True)
    attendance = DictValues(fields.Nested(AttendanceRecordSchema), required=True)
    speeches = DictValues(fields.Nested(SpeechSchema), required=True)
    approvals = fields.List(fields.Nested(ApprovalSchema), required=True)
    conclusion = DictValues(
        fields.Nested(IssuedItemSchema), attribute="items", required=True
    )
    notice = fields.Nested(DocumentSchema, allow_none=True)
    created_on = LocalMoment(required=True)
    modified_on = LocalMoment(required=True)


class MeetingListArgsSchema(PageArgsSchema):
    """Which meetings to list (newest first)."""

    committee_id = fields.UUID(load_default=None)
    status = fields.String(load_default=None, validate=_STATUSES)
    format = fields.String(load_default=None, validate=_FORMATS)
    starts_from = Moment(
        load_default=None, metadata={"description": "Starting at or after this time."}
    )
    starts_before = Moment(
        load_default=None, metadata={"description": "Starting before this time."}
    )


class MeetingSummarySchema(Schema):
    """A meeting as the list shows it, with how much was recorded."""

    id = fields.UUID(required=True)
    committee_id = fields.UUID(required=True)
    title = fields.String(required=True)
    format = fields.String(required=True, validate=_FORMATS)
    status = fields.String(required=True, validate=_STATUSES)
    starts_at = moment_text(required=True)
    location = fields.String(allow_none=True)
    opened_at = moment_text(allow_none=True)
    closed_at = moment_text(allow_none=True)
    notice_number = fields.String(allow_none=True)
    point_count = fields.Integer(required=True)
    speech_count = fields.Integer(required=True)
    item_count = fields.Integer(required=True)


class MeetingPageSchema(Schema):
    """A page of meetings; ``next_cursor`` is null on the last one."""

    items = fields.List(fields.Nested(MeetingSummarySchema), required=True)
    next_cursor = fields.String(allow_none=True, required=True)


class PointRowSchema(Schema):
    """A connection point as the read model lists it, with its attendance."""

    id = fields.UUID(required=True)
    name = fields.String(required=True)
    level = fields.String(required=True, validate=OneOf([p.value for p in PointLevel]))
    is_host = fields.Boolean(required=True)
    agency_id = fields.UUID(allow_none=True)
    connected = fields.Boolean(required=True)
    attendee_count = fields.Integer(allow_none=True)
    named_attendees = fields.Integer(
        required=True, metadata={"description": "Registered officials attending."}
    )


class PointListSchema(Schema):
    """A meeting's connection points in the order they were registered."""

    items = fields.List(fields.Nested(PointRowSchema), required=True)
