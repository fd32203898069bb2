"""A task's deadline (hạn): when it may fall, when it may move, and a delegated one's.

A deadline is a plain date in the committee's time zone. It is not before the
task was issued, an extension (gia hạn) moves it later, never earlier, and a
task delegated further (giao tiếp) is due no later than the task it came from.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from domain.errors import DeadlineAfterParentError, InvalidValueError


def check_deadline_on_issue(deadline: date | None, issued_on: date) -> None:
    """A task is not due before the day it is issued."""
    if deadline is not None and deadline < issued_on:
        raise InvalidValueError(field="deadline", reason="before the issue date")


def check_later_deadline(deadline: date, current: date | None, issued_on: date) -> None:
    """A new deadline must be after the current one (or, without one, the issue)."""
    floor = current or issued_on
    if deadline <= floor:
        raise InvalidValueError(
            field="deadline", reason=f"must be after {floor.isoformat()}"
        )


def check_delegated_deadline(
    parent_id: UUID, deadline: date | None, parent_deadline: date | None
) -> None:
    """Giao tiếp: a task delegated from another is due no later than that one."""
    if deadline is not None and parent_deadline and deadline > parent_deadline:
        raise DeadlineAfterParentError(
            field="deadline",
            reason="after the parent's deadline",
            assignment_id=parent_id,
            parent_deadline=parent_deadline,
        )
