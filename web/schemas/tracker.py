"""Schemas of the assignment tracker: assignments listed from the read model."""

from __future__ import annotations

from marshmallow import Schema, fields
from marshmallow.validate import OneOf

from domain.values import AssignmentKind, AssignmentStatus
from web.schemas.common import PageArgsSchema
from web.schemas.fields import Day, day_text

STATUS = OneOf([status.value for status in AssignmentStatus])
_DAY = {
    "description": "The day statuses are judged on; default: today in the "
    "committee's zone (Asia/Ho_Chi_Minh without committee_id)."
}


class TrackerArgsSchema(PageArgsSchema):
    """Which assignments to list (by due date), and the day to judge them on."""

    agency_id = fields.UUID(
        load_default=None,
        metadata={
            "description": "Leading, coordinating or tracked; a group "
            "includes its members."
        },
    )
    committee_id = fields.UUID(load_default=None)
    meeting_id = fields.UUID(load_default=None)
    speaker_id = fields.UUID(load_default=None)
    status = fields.String(load_default=None, validate=STATUS)
    day = Day(load_default=None, metadata=_DAY)
    due_from = Day(load_default=None)
    due_to = Day(load_default=None)


class TrackedAgencySchema(Schema):
    """An agency of an assignment, in one role, and when it reported done."""

    agency_id = fields.UUID(required=True)
    role = fields.String(
        required=True, validate=OneOf(["lead", "coordinating", "tracked"])
    )
    name = fields.String(allow_none=True)
    completed_on = day_text(allow_none=True)


class TrackedAssignmentSchema(Schema):
    """An assignment as the tracker lists it, with its status on the day asked."""

    id = fields.UUID(required=True)
    title = fields.String(required=True)
    kind = fields.String(
        required=True, validate=OneOf([k.value for k in AssignmentKind])
    )
    status = fields.String(required=True, validate=STATUS)
    committee_id = fields.UUID(required=True)
    meeting_id = fields.UUID(allow_none=True)
    item_number = fields.String(allow_none=True)
    task_number = fields.Integer(required=True)
    speech_id = fields.UUID(allow_none=True)
    speaker_id = fields.UUID(allow_none=True)
    point_id = fields.UUID(allow_none=True)
    parent_id = fields.UUID(allow_none=True)
    issued_on = day_text(required=True)
    original_deadline = day_text(allow_none=True)
    deadline = day_text(allow_none=True)
    deadline_text = fields.String(allow_none=True)
    extension_requested = day_text(
        allow_none=True, metadata={"description": "The deadline asked for, pending."}
    )
    completed_on = day_text(allow_none=True)
    closed = fields.String(
        allow_none=True, metadata={"description": "cancelled or superseded"}
    )
    superseded_by = fields.UUID(allow_none=True)
    agencies = fields.List(fields.Nested(TrackedAgencySchema))


class TrackerPageSchema(Schema):
    """A page of the tracker; ``next_cursor`` is null on the last one."""

    items = fields.List(fields.Nested(TrackedAssignmentSchema), required=True)
    next_cursor = fields.String(allow_none=True, required=True)
