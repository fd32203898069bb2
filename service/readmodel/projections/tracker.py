"""The tracker projection: assignments, agencies, completions, tracked parts; the
document registry. Its row changes are in ``tracker_changes``."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.assignment import Assignment
from domain.meeting import Meeting
from domain.values import Authority, DocumentRef
from service.readmodel.document_links import DocumentRelation
from service.readmodel.projections.core import Projection
from service.readmodel.projections.tracker_changes import TrackerChanges

tracker = Projection(
    "tracker",
    TrackerChanges,
    statement_order=(
        "assignment_issued",
        "document_seen",
        "citation",
        "document_linked",
        "assignment_agency",
        ("completion_recorded", "completions_cleared"),
        ("extension_requested", "deadline_extended"),
        "assignment_closed",
        "assignment_completion_refreshed",
        "tracked_parts_refreshed",
        "assignment_changed",
    ),
    barriers=(
        "assignment_agencies_cleared",
        "tracked_parts_cleared",
        "completions_of_untracked_cleared",
    ),
)
NO_DEADLINE = "9999-12-31"  # sorts after every real deadline


@tracker.on(Assignment, "Issued")
def issued(event: Any, out: TrackerChanges) -> None:
    origin = event.origin
    out.assignment_issued(
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
        linked(out, origin.document, DocumentRelation.ORIGIN_OF, event)
    for document in event.documents:
        linked(out, document, DocumentRelation.CITED_BY, event)
        out.citation(assignment_id=event.originator_id, document_key=document.key)
    refreshed(out, event)


def refreshed(out: TrackerChanges, event: Any) -> None:
    """The assignment's tracked parts made again, and when it changed noted."""
    out.tracked_parts_refreshed(id=event.originator_id)
    out.assignment_changed(id=event.originator_id, changed_at=event.timestamp)


def agencies_set(
    out: TrackerChanges,
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
            out.assignment_agency(
                assignment_id=assignment_id,
                agency_id=agency_id,
                role=role,
            )


def document_seen(out: TrackerChanges, document: DocumentRef) -> None:
    """Record a document the first time it is cited (later mentions fill gaps)."""
    out.document_seen(
        key=document.key,
        kind=document.kind,
        number=document.number,
        date=document.date,
        issuer=document.issuer,
        title=document.title,
    )


def linked(
    out: TrackerChanges,
    document: DocumentRef,
    relation: DocumentRelation,
    event: Any,
    subject: str = "assignment",
    detail: str = "",
) -> None:
    """A document seen, and the event's aggregate linked to it by ``relation``."""
    document_seen(out, document)
    out.document_linked(
        document_key=document.key,
        relation=relation.value,
        subject_kind=subject,
        subject_id=event.originator_id,
        detail=detail,
        at=event.timestamp,
    )


def authorised(
    out: TrackerChanges, authority: Authority, change: str, event: Any
) -> None:
    """A change to an assignment authorised by a document (Công văn, Quyết định)."""
    if document := authority.document:
        linked(out, document, DocumentRelation.AUTHORISED, event, detail=change)


@tracker.on(Assignment, "ExtensionRequested")
def extension_requested(event: Any, out: TrackerChanges) -> None:
    out.extension_requested(id=event.originator_id, deadline=event.deadline)
    out.assignment_changed(id=event.originator_id, changed_at=event.timestamp)


@tracker.on(Assignment, "DeadlineExtended")
def deadline_extended(event: Any, out: TrackerChanges) -> None:
    out.deadline_extended(id=event.originator_id, deadline=event.deadline)
    refreshed(out, event)
    authorised(out, event.authority, "extends", event)


@tracker.on(Assignment, "Reassigned")
def reassigned(event: Any, out: TrackerChanges) -> None:
    out.assignment_agencies_cleared(assignment_id=event.originator_id)
    out.tracked_parts_cleared(assignment_id=event.originator_id)
    agencies_set(
        out, event.originator_id, event.lead, event.coordinating, event.tracked
    )
    out.completions_of_untracked_cleared(assignment_id=event.originator_id)
    out.assignment_completion_refreshed(id=event.originator_id)
    refreshed(out, event)
    authorised(out, event.authority, "reassigns", event)


@tracker.on(Assignment, "Completed")
def completed(event: Any, out: TrackerChanges) -> None:
    out.completion_recorded(
        assignment_id=event.originator_id,
        agency_id=event.agency_id,
        completed_on=event.completed_on,
    )
    out.assignment_completion_refreshed(id=event.originator_id)
    refreshed(out, event)
    if event.document:
        evidence = DocumentRelation.EVIDENCE_FOR
        linked(out, event.document, evidence, event, detail=str(event.agency_id))


@tracker.on(Assignment, "Reopened")
def reopened(event: Any, out: TrackerChanges) -> None:
    out.completions_cleared(assignment_id=event.originator_id)
    out.assignment_completion_refreshed(id=event.originator_id)
    refreshed(out, event)


@tracker.on(Assignment, "Cancelled")
def cancelled(event: Any, out: TrackerChanges) -> None:
    out.assignment_closed(
        id=event.originator_id, closed="cancelled", superseded_by=None
    )
    refreshed(out, event)
    authorised(out, event.authority, "cancels", event)


@tracker.on(Assignment, "Superseded")
def superseded(event: Any, out: TrackerChanges) -> None:
    out.assignment_closed(
        id=event.originator_id,
        closed="superseded",
        superseded_by=event.by_assignment_id,
    )
    refreshed(out, event)
    authorised(out, event.authority, "supersedes", event)


@tracker.on(Meeting, "ApprovalRecorded")
def approved(event: Any, out: TrackerChanges) -> None:
    if event.document:
        linked(out, event.document, DocumentRelation.APPROVED_AT, event, "meeting")


@tracker.on(Meeting, "NoticePublished")
def notice(event: Any, out: TrackerChanges) -> None:
    linked(out, event.notice, DocumentRelation.NOTICE_OF, event, "meeting")
