"""Assignments (giao nhiệm vụ): issue, read, and follow up until done or closed."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from flask_smorest import Blueprint

from service.readmodel.base import AssignmentFilter
from web.consistency import projected
from web.http import READ_HEADERS, command, read_side, steerlog, written
from web.queries import on_day, page_of
from web.reading import read_assignment
from web.representations import represented
from web.schemas.assignments import (
    AcknowledgeSchema,
    AssignmentSchema,
    CancelAssignmentSchema,
    CompleteSchema,
    DelegateSchema,
    ExtendDeadlineSchema,
    IssueAssignmentSchema,
    ReassignSchema,
    ReopenSchema,
    ReportProgressSchema,
    RequestExtensionSchema,
    SupersedeSchema,
)
from web.schemas.common import AsOfArgsSchema, Write
from web.schemas.tracker import TrackerArgsSchema, TrackerPageSchema

REPRESENTATION = AssignmentSchema()

blp = Blueprint(
    "assignments",
    __name__,
    url_prefix="/api/v1/assignments",
    description="Giao nhiệm vụ",
)


@blp.route("", methods=["POST"])
@command(blp, 201)
@blp.arguments(IssueAssignmentSchema())
def issue_assignment(write: Write, body: dict[str, Any]) -> Any:
    """Giao: issue a task outside a recorded conclusion (by a document, say)."""
    result = steerlog().issue_assignment(actor=write.actor, **body)
    return written(result, url_for(".get_assignment", assignment_id=result.id))


@blp.route("", methods=["GET"])
@projected(blp, TrackerPageSchema)
@blp.arguments(TrackerArgsSchema(), location="query")
def list_assignments(args: dict[str, Any]) -> Any:
    """The tracker: assignments by due date, with their status on ``day``."""
    page, day = page_of(args), on_day(args)
    return read_side().assignments(AssignmentFilter(day=day, **args), page)


@blp.route("/<uuid:assignment_id>", methods=["GET"])
@blp.arguments(AsOfArgsSchema(), location="query")
@blp.response(200, AssignmentSchema, headers=READ_HEADERS)
def get_assignment(args: dict[str, Any], assignment_id: UUID) -> Any:
    """An assignment with its status today (or on ``as_of``'s day) in its zone."""
    assignment = read_assignment(assignment_id, args["as_of"])
    return represented(REPRESENTATION, assignment, assignment.status_on)


@blp.route("/<uuid:assignment_id>/delegations", methods=["POST"])
@command(blp, 201)
@blp.arguments(DelegateSchema())
def delegate(write: Write, body: dict[str, Any], assignment_id: UUID) -> Any:
    """Giao tiếp: a lead agency passes (part of) its task on to a child assignment."""
    result = steerlog().delegate(assignment_id, actor=write.actor, **body)
    return written(result, url_for(".get_assignment", assignment_id=result.id))


@blp.route("/<uuid:assignment_id>/acknowledgements", methods=["POST"])
@command(blp)
@blp.arguments(AcknowledgeSchema())
def acknowledge(write: Write, body: dict[str, Any], assignment_id: UUID) -> Any:
    """Tiếp nhận: an agency confirms it has the task."""
    return written(steerlog().acknowledge(assignment_id, **write.kwargs, **body))


@blp.route("/<uuid:assignment_id>/progress", methods=["POST"])
@command(blp)
@blp.arguments(ReportProgressSchema())
def report_progress(write: Write, body: dict[str, Any], assignment_id: UUID) -> Any:
    """Báo cáo tiến độ: an agency reports how far it has come."""
    return written(steerlog().report_progress(assignment_id, **write.kwargs, **body))


@blp.route("/<uuid:assignment_id>/extension-requests", methods=["POST"])
@command(blp)
@blp.arguments(RequestExtensionSchema())
def request_extension(write: Write, body: dict[str, Any], assignment_id: UUID) -> Any:
    """Đề nghị gia hạn: a lead agency asks for a later deadline."""
    return written(steerlog().request_extension(assignment_id, **write.kwargs, **body))


@blp.route("/<uuid:assignment_id>/extensions", methods=["POST"])
@command(blp)
@blp.arguments(ExtendDeadlineSchema())
def extend_deadline(write: Write, body: dict[str, Any], assignment_id: UUID) -> Any:
    """Gia hạn: move the deadline, by the meeting or document that allowed it."""
    return written(steerlog().extend_deadline(assignment_id, **write.kwargs, **body))


@blp.route("/<uuid:assignment_id>/reassignments", methods=["POST"])
@command(blp)
@blp.arguments(ReassignSchema())
def reassign(write: Write, body: dict[str, Any], assignment_id: UUID) -> Any:
    """Give the task to other agencies, by an authorising origin."""
    return written(steerlog().reassign(assignment_id, **write.kwargs, **body))


@blp.route("/<uuid:assignment_id>/completions", methods=["POST"])
@command(blp)
@blp.arguments(CompleteSchema())
def complete(write: Write, body: dict[str, Any], assignment_id: UUID) -> Any:
    """Hoàn thành: a lead agency reports its part done, with evidence."""
    return written(steerlog().complete(assignment_id, **write.kwargs, **body))


@blp.route("/<uuid:assignment_id>/reopen", methods=["POST"])
@command(blp)
@blp.arguments(ReopenSchema())
def reopen(write: Write, body: dict[str, Any], assignment_id: UUID) -> Any:
    """Mở lại: the reported completions were not enough; the task is open again."""
    return written(steerlog().reopen(assignment_id, **write.kwargs, **body))


@blp.route("/<uuid:assignment_id>/cancel", methods=["POST"])
@command(blp)
@blp.arguments(CancelAssignmentSchema())
def cancel_assignment(write: Write, body: dict[str, Any], assignment_id: UUID) -> Any:
    """Hủy: withdraw the task, by an authorising meeting or document."""
    return written(steerlog().cancel_assignment(assignment_id, **write.kwargs, **body))


@blp.route("/<uuid:assignment_id>/supersede", methods=["POST"])
@command(blp)
@blp.arguments(SupersedeSchema())
def supersede(write: Write, body: dict[str, Any], assignment_id: UUID) -> Any:
    """Thay thế: a newer assignment replaces this one."""
    return written(steerlog().supersede(assignment_id, **write.kwargs, **body))
