"""The Assignment aggregate: a task (giao nhiệm vụ) followed long after its meeting.

This module holds its issue, the rules every command shares (``check_*``) and its
status on a day. Its commands live in modules of their own, taken in by the class
as its methods: what the agencies report (``assignment_follow_up``) and what the
committee decides (``assignment_decisions``). Its events are declared in
``assignment_events`` and named in the class's body, so they keep their topics
(``domain.assignment:Assignment.Completed``).
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from eventsourcing.domain import event

from domain import assignment_deadlines as deadlines
from domain import assignment_decisions as decisions
from domain import assignment_events as events
from domain import assignment_follow_up as follow_up
from domain import assignment_parts as parts
from domain import assignment_status as status
from domain.base import SteerlogAggregate
from domain.errors import (
    AlreadyCompletedError,
    AssignmentClosedError,
    NotAssigneeError,
    NotCompletedError,
)
from domain.values import (
    AssignmentKind,
    AssignmentStatus,
    Authority,
    DocumentRef,
    Origin,
    member_of,
    optional_text,
    required_text,
)


class Assignment(SteerlogAggregate):
    """Giao nhiệm vụ: lead and coordinating agencies, a deadline, a report-to."""

    @classmethod
    def issue(
        cls,
        *,
        id: UUID,
        actor: str,
        origin: Origin,
        title: str,
        lead: list[UUID],
        tracked: list[UUID],
        issued_on: date,
        coordinating: list[UUID] | None = None,
        kind: str = AssignmentKind.TASK,
        deadline: date | None = None,
        deadline_text: str | None = None,
        report_to: UUID | None = None,
        report_via: UUID | None = None,
        documents: list[DocumentRef] | None = None,
        parent_id: UUID | None = None,
    ) -> Assignment:
        """Giao: issue a task. ``tracked`` is ``lead`` with groups expanded."""
        deadlines.check_deadline_on_issue(deadline, issued_on)
        lead, coordinating = parts.checked_assignees(lead, coordinating or [])
        return cls(
            id=id,
            actor=actor,
            origin=origin,
            parent_id=parent_id,
            kind=member_of("kind", AssignmentKind, kind),
            title=required_text("title", title),
            lead=lead,
            coordinating=coordinating,
            tracked=list(dict.fromkeys(tracked or lead)),
            report_to=report_to,
            report_via=report_via,
            deadline=deadline,
            deadline_text=optional_text(deadline_text),
            documents=parts.distinct_documents(documents or []),
            issued_on=issued_on,
        )

    @event("Issued")
    def __init__(
        self,
        *,
        id: UUID,
        actor: str,
        origin: Origin,
        parent_id: UUID | None,
        kind: str,
        title: str,
        lead: list[UUID],
        coordinating: list[UUID],
        tracked: list[UUID],
        report_to: UUID | None,
        report_via: UUID | None,
        deadline: date | None,
        deadline_text: str | None,
        documents: list[DocumentRef],
        issued_on: date,
    ) -> None:
        self.origin = origin
        self.parent_id = parent_id
        self.kind = AssignmentKind(kind)
        self.title = title
        self.lead = list(lead)
        self.coordinating = list(coordinating)
        self.tracked = list(tracked)
        self.report_to = report_to
        self.report_via = report_via
        self.original_deadline = deadline
        self.deadline = deadline
        self.deadline_text = deadline_text
        self.documents = list(documents)
        self.issued_on = issued_on
        self.acknowledged_by: dict[UUID, datetime] = {}
        self.progress: list[parts.ProgressReport] = []
        self.pending_extension: parts.ExtensionRequest | None = None
        self.extensions: list[parts.Extension] = []
        self.completions: dict[UUID, parts.Completion] = {}
        self.reopen_count = 0
        self.cancelled_by: Authority | None = None
        self.superseded_by: UUID | None = None
        self.supersession_authority: Authority | None = None

    # -- rules ---------------------------------------------------------------

    def check_active(self) -> None:
        """A cancelled or superseded assignment takes no further commands."""
        if self.cancelled_by is not None or self.superseded_by is not None:
            raise AssignmentClosedError(
                assignment_id=self.id, status=self.closed_status
            )

    def check_assignee(self, agency_id: UUID) -> None:
        """The agency must be one the assignment tracks, leading or coordinating."""
        if agency_id not in (*self.tracked, *self.lead, *self.coordinating):
            raise NotAssigneeError(
                field="agency_id", assignment_id=self.id, agency_id=agency_id
            )

    def check_lead(self, agency_id: UUID) -> None:
        """Completion, extension requests and delegation come from a lead agency."""
        if agency_id not in self.tracked:
            raise NotAssigneeError(
                field="agency_id", assignment_id=self.id, agency_id=agency_id
            )

    def check_not_completed_by(self, agency_id: UUID) -> None:
        """An agency completes its part once (until the task is reopened)."""
        if agency_id in self.completions:
            raise AlreadyCompletedError(assignment_id=self.id, agency_id=agency_id)

    def check_not_done(self) -> None:
        """A task every lead agency has completed needs reopening first."""
        if self.completed_on is not None:
            raise AlreadyCompletedError(assignment_id=self.id)

    def check_some_completion(self) -> None:
        """Reopening needs a completion to undo."""
        if not self.completions:
            raise NotCompletedError(assignment_id=self.id)

    def check_delegated_deadline(self, deadline: date | None) -> None:
        """Giao tiếp: a task delegated from this one is due no later than this one."""
        deadlines.check_delegated_deadline(self.id, deadline, self.deadline)

    # -- status --------------------------------------------------------------

    @property
    def closed_status(self) -> AssignmentStatus | None:
        """Cancelled or superseded, or None while the assignment is active."""
        return status.closed_status(self.cancelled_by, self.superseded_by)

    @property
    def completed_on(self) -> date | None:
        """The day the last lead agency completed, once all have."""
        return status.done_on(self.completions, self.tracked)

    def status_on(self, day: date) -> AssignmentStatus:
        """The status on ``day``; "late" is judged against the current deadline."""
        return status.status_on_day(
            day,
            deadline=self.deadline,
            completed_on=self.completed_on,
            closed=self.closed_status,
        )

    def agency_status_on(self, agency_id: UUID, day: date) -> AssignmentStatus:
        """One tracked agency's status: a group's task is followed per member."""
        completion = self.completions.get(agency_id)
        return status.status_on_day(
            day,
            deadline=self.deadline,
            completed_on=completion.completed_on if completion else None,
            closed=self.closed_status,
        )

    # -- its events (domain/assignment_events.py), named here to keep their topics

    Acknowledged = events.Acknowledged
    ProgressReported = events.ProgressReported
    ExtensionRequested = events.ExtensionRequested
    DeadlineExtended = events.DeadlineExtended
    Reassigned = events.Reassigned
    Completed = events.Completed
    Reopened = events.Reopened
    Cancelled = events.Cancelled
    Superseded = events.Superseded

    # -- an agency's follow-up (domain/assignment_follow_up.py) ---------------

    acknowledge = follow_up.acknowledge
    report_progress = follow_up.report_progress
    request_extension = follow_up.request_extension
    complete = follow_up.complete

    # -- the committee's decisions (domain/assignment_decisions.py) -----------

    extend_deadline = decisions.extend_deadline
    reassign = decisions.reassign
    reopen = decisions.reopen
    cancel = decisions.cancel
    supersede = decisions.supersede
