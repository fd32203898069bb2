"""An assignment's status on a day (tình trạng): the one definition of the rule.

The government reports four statuses (done on time, done late, in progress,
overdue); a cancelled or superseded assignment is neither, and says so. The
aggregate answers with it (``Assignment.status_on``), and the read side's SQL,
which filters by status, is tested against it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from uuid import UUID

from domain.assignment_parts import Completion
from domain.values import AssignmentStatus, Authority


def status_on_day(
    day: date,
    *,
    deadline: date | None,
    completed_on: date | None,
    closed: AssignmentStatus | None = None,
) -> AssignmentStatus:
    """The status on ``day`` of a task due ``deadline`` and done on ``completed_on``.

    ``closed`` (cancelled or superseded) wins over everything; a completion counts
    from its day on, on time when it is not after the deadline; a task not done
    by ``day`` is overdue once ``day`` is after its deadline. A task without a
    deadline is never late.
    """
    if closed is not None:
        return closed
    if completed_on is not None and completed_on <= day:
        if deadline is None or completed_on <= deadline:
            return AssignmentStatus.DONE_ON_TIME
        return AssignmentStatus.DONE_LATE
    if deadline is not None and day > deadline:
        return AssignmentStatus.OVERDUE
    return AssignmentStatus.IN_PROGRESS


def closed_status(
    cancelled_by: Authority | None, superseded_by: UUID | None
) -> AssignmentStatus | None:
    """Superseded or cancelled (superseding wins), or None while the task is active."""
    if superseded_by is not None:
        return AssignmentStatus.SUPERSEDED
    if cancelled_by is not None:
        return AssignmentStatus.CANCELLED
    return None


def done_on(
    completions: Mapping[UUID, Completion], tracked: Iterable[UUID]
) -> date | None:
    """The day the last tracked agency completed, once every one has (else None).

    A task is followed per tracked agency (a group's task per member): it is
    done when each of them has reported its part done.
    """
    days = [completions[a].completed_on for a in tracked if a in completions]
    if not days or len(days) < len(list(tracked)):
        return None
    return max(days)
