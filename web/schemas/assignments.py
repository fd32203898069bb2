"""Schemas of assignments (giao nhiệm vụ): issue, follow up, representation."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields, post_load, validates_schema
from marshmallow.validate import Length, Range

from domain.values import AssignmentKind, AssignmentStatus
from service.usecases.assignments import TaskDraft
from web.schemas.common import (
    MANY_IDS,
    NEEDS_A_SOURCE,
    REASON,
    AuthoritySchema,
    DocumentSchema,
    needs_a_source,
)
from web.schemas.fields import Day, DictValues, LocalMoment, Moment, Text

_TITLE = Length(min=1, max=5000)
_LEADS = Length(min=1, max=500)


class TaskSchema(Schema):
    """One task: who leads, who coordinates, by when, reporting to whom."""

    title = Text(required=True, validate=_TITLE)
    lead = fields.List(fields.UUID(), required=True, validate=_LEADS)
    coordinating = fields.List(fields.UUID(), load_default=list, validate=MANY_IDS)
    kind = fields.Enum(AssignmentKind, by_value=True, load_default=AssignmentKind.TASK)
    deadline = Day(
        load_default=None,
        allow_none=True,
        metadata={
            "description": "Not before the day the task is issued; a delegated"
            " task's, not after the deadline of the task it is delegated from."
        },
    )
    deadline_text = Text(
        load_default=None,
        allow_none=True,
        validate=Length(max=500),
        metadata={"description": "The deadline as written, e.g. 'trước ngày 30/6'."},
    )
    report_to = fields.UUID(load_default=None, allow_none=True)
    report_via = fields.UUID(load_default=None, allow_none=True)
    documents = fields.List(
        fields.Nested(DocumentSchema), load_default=list, validate=Length(max=50)
    )

    @post_load
    def make(self, data: dict[str, Any], **kwargs: Any) -> TaskDraft:
        """The task as the service's draft."""
        return TaskDraft(**data)


class IssueAssignmentSchema(Schema):
    """Giao: a task issued outside a recorded conclusion (by a document, say)."""

    OPENAPI_RULES = NEEDS_A_SOURCE

    committee_id = fields.UUID(required=True)
    task = fields.Nested(TaskSchema, required=True)
    issued_on = Day(required=True)
    document = fields.Nested(DocumentSchema, load_default=None, allow_none=True)
    meeting_id = fields.UUID(load_default=None, allow_none=True)
    item_number = Text(load_default=None, allow_none=True, validate=Length(max=50))
    task_number = fields.Integer(load_default=1, validate=Range(min=1, max=10_000))

    @validates_schema
    def needs_a_source(self, data: dict[str, Any], **kwargs: Any) -> None:
        """The meeting or the document the task is issued by: its origin."""
        needs_a_source(data, "origin")


class DelegateSchema(Schema):
    """Giao tiếp: a lead agency passes (part of) its task on."""

    by_agency_id = fields.UUID(required=True)
    task = fields.Nested(TaskSchema, required=True)
    issued_on = Day(required=True)


class AcknowledgeSchema(Schema):
    """Tiếp nhận: an agency confirms it has the task."""

    agency_id = fields.UUID(required=True)
    at = Moment(load_default=None, allow_none=True)


class ReportProgressSchema(Schema):
    """Báo cáo tiến độ: how far an agency has come."""

    agency_id = fields.UUID(required=True)
    note = Text(required=True, validate=Length(min=1, max=20_000))
    percent = fields.Integer(
        strict=True,
        load_default=None,
        allow_none=True,
        validate=Range(0, 100),
        metadata={"description": "A whole number: 50.7 is refused, not rounded."},
    )
    at = Moment(
        load_default=None,
        allow_none=True,
        metadata={
            "description": "Default: now. Not in the future, nor before the issue."
        },
    )


class RequestExtensionSchema(Schema):
    """Đề nghị gia hạn: a lead agency asks for a later deadline."""

    agency_id = fields.UUID(required=True)
    deadline = Day(
        required=True,
        metadata={
            "description": "After the current deadline (or, without one, after"
            " the day the task was issued)."
        },
    )
    reason = Text(required=True, validate=REASON)


class ExtendDeadlineSchema(Schema):
    """Gia hạn: a later deadline, by the meeting or document that allowed it."""

    deadline = Day(
        required=True,
        metadata={
            "description": "After the current deadline (or, without one, after"
            " the day the task was issued)."
        },
    )
    authority = fields.Nested(AuthoritySchema, required=True)
    reason = Text(required=True, validate=REASON)


class ReassignSchema(Schema):
    """Give the task to other agencies, by an authorising origin."""

    lead = fields.List(fields.UUID(), required=True, validate=_LEADS)
    coordinating = fields.List(fields.UUID(), load_default=None, validate=MANY_IDS)
    authority = fields.Nested(AuthoritySchema, required=True)
    reason = Text(required=True, validate=REASON)


class CompleteSchema(Schema):
    """Hoàn thành: a lead agency reports its part done, with evidence."""

    agency_id = fields.UUID(required=True)
    evidence = Text(required=True, validate=Length(min=1, max=20_000))
    completed_on = Day(
        load_default=None,
        allow_none=True,
        metadata={
            "description": "Default: today in the committee's zone; not after today,"
            " nor before the task was issued."
        },
    )
    document = fields.Nested(
        DocumentSchema,
        load_default=None,
        allow_none=True,
        metadata={
            "description": "The report (báo cáo) that proves it: kind, number, date."
            " It is then listed in the document registry, as evidence for the task."
        },
    )


class ReopenSchema(Schema):
    """Mở lại: the task is open again."""

    reason = Text(required=True, validate=REASON)


class CancelAssignmentSchema(Schema):
    """Hủy: withdraw the task, by an authorising meeting or document."""

    authority = fields.Nested(AuthoritySchema, required=True)
    reason = Text(required=True, validate=REASON)


class SupersedeSchema(Schema):
    """Thay thế: a newer assignment replaces this one."""

    by_assignment_id = fields.UUID(required=True)
    authority = fields.Nested(AuthoritySchema, required=True)
    reason = Text(required=True, validate=REASON)


class OriginSchema(Schema):
    """Where the assignment came from: meeting, item, speech, speaker, point."""

    committee_id = fields.UUID(required=True)
    meeting_id = fields.UUID(allow_none=True)
    item_number = fields.String(allow_none=True)
    task_number = fields.Integer(required=True)
    speech_id = fields.UUID(allow_none=True)
    speaker_id = fields.UUID(allow_none=True)
    point_id = fields.UUID(allow_none=True)
    document = fields.Nested(DocumentSchema, allow_none=True)


class ExtensionSchema(Schema):
    """A deadline moved, and who authorised it."""

    previous = fields.Date(allow_none=True)
    deadline = fields.Date(required=True)
    authority = fields.Nested(AuthoritySchema, required=True)
    reason = fields.String(required=True)


class CompletionSchema(Schema):
    """One agency's part reported done."""

    agency_id = fields.UUID(required=True)
    completed_on = fields.Date(required=True)
    evidence = fields.String(required=True)
    document = fields.Nested(DocumentSchema, allow_none=True)


class AcknowledgementSchema(Schema):
    """An agency acknowledged the task."""

    agency_id = fields.UUID(required=True)
    at = LocalMoment(required=True)


class ProgressSchema(Schema):
    """A progress report."""

    agency_id = fields.UUID(required=True)
    at = LocalMoment(required=True)
    note = fields.String(required=True)
    percent = fields.Integer(allow_none=True)


class PendingExtensionSchema(Schema):
    """An extension asked for, not yet granted."""

    agency_id = fields.UUID(required=True)
    deadline = fields.Date(required=True)
    reason = fields.String(required=True)


class AgencyStatusSchema(Schema):
    """One tracked agency's status (a group's task is followed per member)."""

    agency_id = fields.UUID(required=True)
    status = fields.Enum(AssignmentStatus, by_value=True, required=True)


class AssignmentSchema(Schema):
    """An assignment, its lineage, and its status on ``status_on``."""

    id = fields.UUID(required=True)
    version = fields.Integer(required=True)
    kind = fields.Enum(AssignmentKind, by_value=True, required=True)
    title = fields.String(required=True)
    status = fields.Enum(AssignmentStatus, by_value=True, required=True)
    status_on = fields.Date(
        required=True, metadata={"description": "The day (committee's zone) evaluated."}
    )
    agency_statuses = fields.List(fields.Nested(AgencyStatusSchema), required=True)
    origin = fields.Nested(OriginSchema, required=True)
    parent_id = fields.UUID(allow_none=True)
    superseded_by = fields.UUID(allow_none=True)
    supersession_authority = fields.Nested(AuthoritySchema, allow_none=True)
    cancelled_by = fields.Nested(AuthoritySchema, allow_none=True)
    lead = fields.List(fields.UUID(), required=True)
    coordinating = fields.List(fields.UUID(), required=True)
    tracked = fields.List(fields.UUID(), required=True)
    report_to = fields.UUID(allow_none=True)
    report_via = fields.UUID(allow_none=True)
    issued_on = fields.Date(required=True)
    original_deadline = fields.Date(allow_none=True)
    deadline = fields.Date(allow_none=True)
    deadline_text = fields.String(allow_none=True)
    documents = fields.List(fields.Nested(DocumentSchema), required=True)
    acknowledgements = fields.List(fields.Nested(AcknowledgementSchema), required=True)
    progress = fields.List(fields.Nested(ProgressSchema), required=True)
    pending_extension = fields.Nested(PendingExtensionSchema, allow_none=True)
    extensions = fields.List(fields.Nested(ExtensionSchema), required=True)
    completions = DictValues(fields.Nested(CompletionSchema), required=True)
    completed_on = fields.Date(allow_none=True)
    reopen_count = fields.Integer(required=True)
    created_on = LocalMoment(required=True)
    modified_on = LocalMoment(required=True)
