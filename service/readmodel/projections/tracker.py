"""The tracker projection: assignments, their agencies, completions, cited documents."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.assignment import Assignment
from domain.values import DocumentRef
from service.readmodel.projections.core import Operations, Projection

# Statements on separate tables commute; an assignment's row is inserted before
# it is updated; the extension statements share a rank (both set
# extension_requested), as do completions and their clearing; the completion is
# refreshed last, from the agencies and completions as the segment leaves them
# (every change to those is followed by a refresh, so the last one stands).
# Reassigning clears and re-adds agencies and then clears the completions of
# agencies no longer tracked: those stay where they are, as barriers.
tracker = Projection(
    "tracker",
    statement_order=(
        "assignment_issued",
        "document_seen",
        "citation",
        "assignment_agency",
        ("completion_recorded", "completions_cleared"),
        ("extension_requested", "deadline_extended"),
        "assignment_closed",
        "assignment_completion_refreshed",
    ),
    barriers=("assignment_agencies_cleared", "completions_of_untracked_cleared"),
)
NO_DEADLINE = "9999-12-31"  # sorts after every real deadline


@tracker.on(Assignment, "Issued")
def issued(event: Any, out: Operations) -> None:
    origin = event.origin
    out.put(
        "assignment_issued",
        id=event.originator_id,
        committee_id=origin.committee_id,
        meeting_id=origin.meeting_id,
        item_number=origin.item_number,
        task_number=origin.task_number,
        speech_id=origin.speech_id,
        speaker_id=origin.speaker_id,
        point_id=origin.point_id,
        origin_document=origin.document.key if origin.document else None,
        parent_id=event.parent_id,
        kind=event.kind,
        title=event.title,
        issued_on=event.issued_on,
        deadline=event.deadline,
        due=event.deadline or NO_DEADLINE,
        deadline_text=event.deadline_text,
        report_to=event.report_to,
        report_via=event.report_via,
    )
    agencies_set(
        out, event.originator_id, event.lead, event.coordinating, event.tracked
    )
    if origin.document:
        document_seen(out, origin.document)
    for document in event.documents:
        document_seen(out, document)
        out.put(
            "citation", assignment_id=event.originator_id, document_key=document.key
        )


def agencies_set(
    out: Operations,
    assignment_id: UUID,
    lead: list[UUID],
    coordinating: list[UUID],
    tracked: list[UUID],
) -> None:
    """An assignment's agencies by role: a group is a lead, its members tracked."""
    for role, agencies in (
        ("lead", lead),
        ("coordinating", coordinating),
        ("tracked", tracked),
    ):
        for agency_id in agencies:
            out.put(
                "assignment_agency",
                assignment_id=assignment_id,
                agency_id=agency_id,
                role=role,
            )


def document_seen(out: Operations, document: DocumentRef) -> None:
    """Record a document the first time it is cited (later mentions fill gaps)."""
    out.put(
        "document_seen",
        key=document.key,
        kind=document.kind,
        number=document.number,
        date=document.date,
        issuer=document.issuer,
        title=document.title,
    )


@tracker.on(Assignment, "ExtensionRequested")
def extension_requested(event: Any, out: Operations) -> None:
    out.put("extension_requested", id=event.originator_id, deadline=event.deadline)


@tracker.on(Assignment, "DeadlineExtended")
def deadline_extended(event: Any, out: Operations) -> None:
    out.put("deadline_extended", id=event.originator_id, deadline=event.deadline)
    if event.authority.document:
        document_seen(out, event.authority.document)


@tracker.on(Assignment, "Reassigned")
def reassigned(event: Any, out: Operations) -> None:
    out.put("assignment_agencies_cleared", assignment_id=event.originator_id)
    agencies_set(
        out, event.originator_id, event.lead, event.coordinating, event.tracked
    )
    out.put("completions_of_untracked_cleared", assignment_id=event.originator_id)
    out.put("assignment_completion_refreshed", id=event.originator_id)


@tracker.on(Assignment, "Completed")
def completed(event: Any, out: Operations) -> None:
    out.put(
        "completion_recorded",
        assignment_id=event.originator_id,
        agency_id=event.agency_id,
        completed_on=event.completed_on,
    )
    out.put("assignment_completion_refreshed", id=event.originator_id)


@tracker.on(Assignment, "Reopened")
def reopened(event: Any, out: Operations) -> None:
    out.put("completions_cleared", assignment_id=event.originator_id)
    out.put("assignment_completion_refreshed", id=event.originator_id)


@tracker.on(Assignment, "Cancelled")
def cancelled(event: Any, out: Operations) -> None:
    out.put(
        "assignment_closed",
        id=event.originator_id,
        closed="cancelled",
        superseded_by=None,
    )
    if event.authority.document:
        document_seen(out, event.authority.document)


@tracker.on(Assignment, "Superseded")
def superseded(event: Any, out: Operations) -> None:
    out.put(
        "assignment_closed",
        id=event.originator_id,
        closed="superseded",
        superseded_by=event.by_assignment_id,
    )
