"""An assignment's status on a day (tình trạng): the one definition of the rule.

The government reports four statuses (done on time, done late, in progress,
overdue); a cancelled or superseded assignment is neither, and says so. The
aggregate answers with it (``Assignment.status_on``), and the read side's SQL,
which filters by status, is tested against it.
"""

from __future__ import annotations

from datetime import date

from domain.values import AssignmentStatus


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
