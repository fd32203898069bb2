"""What an authority decides about a task: gia hạn, điều chỉnh, mở lại, hủy, thay thế.

These are ``Assignment``'s commands for the committee's decisions, taken in by the
class as its methods (``Assignment.extend_deadline``); each names the meeting item
or document (``Authority``) behind it, where the decision needs one.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING
from uuid import UUID

from domain import assignment_deadlines as deadlines
from domain import assignment_parts as parts
from domain.errors import InvalidValueError, NoChangeError
from domain.values import Authority, required_text

if TYPE_CHECKING:  # for annotations only: the aggregate imports this module
    from domain.assignment import Assignment


def extend_deadline(
    self: Assignment, *, actor: str, deadline: date, authority: Authority, reason: str
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
    self: Assignment,
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


def reopen(self: Assignment, *, actor: str, reason: str) -> None:
    """Mở lại: reported completions were not enough; the task is open again."""
    self.check_active()
    self.check_some_completion()
    self.trigger_event(
        self.Reopened, actor=actor, reason=required_text("reason", reason)
    )


def cancel(self: Assignment, *, actor: str, authority: Authority, reason: str) -> None:
    """Hủy: the task is withdrawn by an authorising meeting or document."""
    self.check_active()
    self.trigger_event(
        self.Cancelled,
        actor=actor,
        authority=authority,
        reason=required_text("reason", reason),
    )


def supersede(
    self: Assignment,
    *,
    actor: str,
    by_assignment_id: UUID,
    authority: Authority,
    reason: str,
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
