"""An assignment's rules and its status on a given day (four official, two more)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING
from uuid import UUID

from domain.base import SteerlogAggregate
from domain.errors import (
    AlreadyCompletedError,
    AssignmentClosedError,
    InvalidValueError,
    NotAssigneeError,
    NotCompletedError,
)
from domain.values import (
    AssignmentKind,
    AssignmentStatus,
    Authority,
    DocumentRef,
    Origin,
)

if TYPE_CHECKING:
    from domain.assignment import (
        Completion,
        Extension,
        ExtensionRequest,
        ProgressReport,
    )


def checked_assignees(
    lead: list[UUID], coordinating: list[UUID]
) -> tuple[list[UUID], list[UUID]]:
    """Lead agencies (at least one) and coordinating ones, distinct and not both."""
    distinct_lead = list(dict.fromkeys(lead))
    if not distinct_lead:
        raise InvalidValueError(field="lead", reason="at least one lead agency")
    distinct_coordinating = [
        agency for agency in dict.fromkeys(coordinating) if agency not in distinct_lead
    ]
    return distinct_lead, distinct_coordinating


class AssignmentRules(SteerlogAggregate):
    """The checks and status evaluation that ``Assignment``'s commands rely on."""

    if TYPE_CHECKING:  # state set by events; annotations on the class
        # itself would become fields of the created event.
        origin: Origin
        parent_id: UUID | None
        kind: AssignmentKind
        title: str
        lead: list[UUID]
        coordinating: list[UUID]
        tracked: list[UUID]
        report_to: UUID | None
        report_via: UUID | None
        original_deadline: date | None
        deadline: date | None
        deadline_text: str | None
        documents: list[DocumentRef]
        issued_on: date
        acknowledged_by: dict[UUID, datetime]
        progress: list[ProgressReport]
        pending_extension: ExtensionRequest | None
        extensions: list[Extension]
        completions: dict[UUID, Completion]
        reopen_count: int
        cancelled_by: Authority | None
        superseded_by: UUID | None
        supersession_authority: Authority | None

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
        """Completion and extension requests come from a leading agency."""
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
        if self.is_done:
            raise AlreadyCompletedError(assignment_id=self.id)

    def check_some_completion(self) -> None:
        """Reopening needs a completion to undo."""
        if not self.completions:
            raise NotCompletedError(assignment_id=self.id)

    def check_later_deadline(self, deadline: date) -> None:
        """A new deadline must be after the current one (and after issuing)."""
        floor = self.deadline or self.issued_on
        if deadline <= floor:
            raise InvalidValueError(
                field="deadline", reason=f"must be after {floor.isoformat()}"
            )

    # -- status --------------------------------------------------------------

    @property
    def closed_status(self) -> AssignmentStatus | None:
        """Cancelled or superseded, or None while the assignment is active."""
        if self.superseded_by is not None:
            return AssignmentStatus.SUPERSEDED
        if self.cancelled_by is not None:
            return AssignmentStatus.CANCELLED
        return None

    @property
    def is_done(self) -> bool:
        """Whether every tracked lead agency has reported completion."""
        return all(agency in self.completions for agency in self.tracked)

    @property
    def completed_on(self) -> date | None:
        """The day the last lead agency completed, once all have."""
        if not self.is_done:
            return None
        return max(c.completed_on for c in self.completions.values())

    def status_on(self, day: date) -> AssignmentStatus:
        """The status on ``day``; "late" is judged against the current deadline."""
        return self.closed_status or _open_status(self.deadline, self.completed_on, day)

    def agency_status_on(self, agency_id: UUID, day: date) -> AssignmentStatus:
        """One tracked agency's status: a group's task is followed per member."""
        completion = self.completions.get(agency_id)
        finished = completion.completed_on if completion else None
        return self.closed_status or _open_status(self.deadline, finished, day)


def _open_status(
    deadline: date | None, finished: date | None, day: date
) -> AssignmentStatus:
    if finished is not None and finished <= day:
        if deadline is None or finished <= deadline:
            return AssignmentStatus.DONE_ON_TIME
        return AssignmentStatus.DONE_LATE
    if deadline is not None and day > deadline:
        return AssignmentStatus.OVERDUE
    return AssignmentStatus.IN_PROGRESS
