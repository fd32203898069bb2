"""The Assignment aggregate: a task (giao nhiệm vụ) followed long after its meeting."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from eventsourcing.domain import event

from domain import assignment_deadlines as deadlines
from domain import assignment_events as events
from domain import assignment_parts as parts
from domain import assignment_reports as reports
from domain import assignment_status as status
from domain.base import SteerlogAggregate
from domain.errors import (
    AlreadyCompletedError,
    AssignmentClosedError,
    InvalidValueError,
    NoChangeError,
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

    # -- commands ------------------------------------------------------------

    Acknowledged = events.Acknowledged
    ProgressReported = events.ProgressReported
    ExtensionRequested = events.ExtensionRequested
    DeadlineExtended = events.DeadlineExtended
    Reassigned = events.Reassigned
    Completed = events.Completed
    Reopened = events.Reopened
    Cancelled = events.Cancelled
    Superseded = events.Superseded

    def acknowledge(self, *, actor: str, agency_id: UUID, at: datetime) -> None:
        """Tiếp nhận: an agency confirms it has received the task."""
        self.check_active()
        self.check_assignee(agency_id)
        if agency_id in self.acknowledged_by:
            raise NoChangeError(field="agency_id", assignment_id=self.id)
        self.trigger_event(self.Acknowledged, actor=actor, agency_id=agency_id, at=at)

    def report_progress(
        self,
        *,
        actor: str,
        agency_id: UUID,
        note: str,
        at: datetime,
        now: datetime,
        percent: int | None = None,
    ) -> None:
        """Báo cáo tiến độ: an agency reports how far its part has come.

        ``at`` is not after ``now`` (the committee's time) nor before the issue.
        """
        self.check_active()
        self.check_assignee(agency_id)
        reports.check_reported_at("at", at, self.issued_on, now)
        self.trigger_event(
            self.ProgressReported,
            actor=actor,
            agency_id=agency_id,
            note=required_text("note", note),
            at=at,
            percent=reports.checked_percent(percent),
        )

    def request_extension(
        self, *, actor: str, agency_id: UUID, deadline: date, reason: str
    ) -> None:
        """Đề nghị gia hạn: a lead agency asks for more time."""
        self.check_active()
        self.check_lead(agency_id)
        self.check_not_done()
        deadlines.check_later_deadline(deadline, self.deadline, self.issued_on)
        self.trigger_event(
            self.ExtensionRequested,
            actor=actor,
            agency_id=agency_id,
            deadline=deadline,
            reason=required_text("reason", reason),
        )

    def extend_deadline(
        self, *, actor: str, deadline: date, authority: Authority, reason: str
    ) -> None:
        """Gia hạn: move the deadline, naming the meeting or document behind it."""
        self.check_active()
        self.check_not_done()
        deadlines.check_later_deadline(deadline, self.deadline, self.issued_on)
        self.trigger_event(
            self.DeadlineExtended,
            actor=actor,
            deadline=deadline,
            authority=authority,
            reason=required_text("reason", reason),
        )

    def reassign(
        self,
        *,
        actor: str,
        lead: list[UUID],
        tracked: list[UUID],
        authority: Authority,
        reason: str,
        coordinating: list[UUID] | None = None,
    ) -> None:
        """Điều chỉnh: give the task to other agencies, by an authorising origin."""
        self.check_active()
        lead, coordinating = parts.checked_assignees(lead, coordinating or [])
        if lead == self.lead and coordinating == self.coordinating:
            raise NoChangeError(field="lead", assignment_id=self.id)
        self.trigger_event(
            self.Reassigned,
            actor=actor,
            lead=lead,
            coordinating=coordinating,
            tracked=list(dict.fromkeys(tracked or lead)),
            authority=authority,
            reason=required_text("reason", reason),
        )

    def complete(
        self,
        *,
        actor: str,
        agency_id: UUID,
        completed_on: date,
        evidence: str,
        now: datetime,
        document: DocumentRef | None = None,
    ) -> None:
        """Hoàn thành: a lead agency reports its part done, with evidence.

        The day is not after today (``now``, the committee's time) nor before the
        issue; ``document`` is the report that proves it, when there is one.
        """
        self.check_active()
        self.check_lead(agency_id)
        self.check_not_completed_by(agency_id)
        reports.check_reported_day("completed_on", completed_on, self.issued_on, now)
        self.trigger_event(
            self.Completed,
            actor=actor,
            agency_id=agency_id,
            completed_on=completed_on,
            evidence=required_text("evidence", evidence),
            document=document,
        )

    def reopen(self, *, actor: str, reason: str) -> None:
        """Mở lại: reported completions were not enough; the task is open again."""
        self.check_active()
        self.check_some_completion()
        self.trigger_event(
            self.Reopened, actor=actor, reason=required_text("reason", reason)
        )

    def cancel(self, *, actor: str, authority: Authority, reason: str) -> None:
        """Hủy: the task is withdrawn by an authorising meeting or document."""
        self.check_active()
        self.trigger_event(
            self.Cancelled,
            actor=actor,
            authority=authority,
            reason=required_text("reason", reason),
        )

    def supersede(
        self, *, actor: str, by_assignment_id: UUID, authority: Authority, reason: str
    ) -> None:
        """Thay thế: a newer assignment replaces this one."""
        self.check_active()
        if by_assignment_id == self.id:
            raise InvalidValueError(field="by_assignment_id", reason="cannot be itself")
        self.trigger_event(
            self.Superseded,
            actor=actor,
            by_assignment_id=by_assignment_id,
            authority=authority,
            reason=required_text("reason", reason),
        )
