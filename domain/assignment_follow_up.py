"""An agency's follow-up of its task: tiếp nhận, báo cáo, đề nghị gia hạn, hoàn thành.

These are ``Assignment``'s commands for the agencies it names, taken in by the
class as its methods (``Assignment.complete``): each checks the aggregate's rules,
then triggers one of its events, so the events keep their released topics.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING
from uuid import UUID

from domain import assignment_deadlines as deadlines
from domain import assignment_reports as reports
from domain.errors import NoChangeError
from domain.values import DocumentRef, required_text

if TYPE_CHECKING:  # for annotations only: the aggregate imports this module
    from domain.assignment import Assignment


def acknowledge(self: Assignment, *, actor: str, agency_id: UUID, at: datetime) -> None:
    """Tiếp nhận: an agency confirms it has received the task."""
    self.check_active()
    self.check_assignee(agency_id)
    if agency_id in self.acknowledged_by:
        raise NoChangeError(field="agency_id", assignment_id=self.id)
    self.trigger_event(self.Acknowledged, actor=actor, agency_id=agency_id, at=at)


def report_progress(
    self: Assignment,
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
    self: Assignment, *, actor: str, agency_id: UUID, deadline: date, reason: str
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


def complete(
    self: Assignment,
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
