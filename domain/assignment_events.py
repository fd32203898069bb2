"""What happens to an assignment (the facts): each event's payload and what it changes.

These are released schemas. The aggregate names each of them in its own body
(``Completed = events.Completed``), so eventsourcing defines them there again,
as ``Assignment.Completed`` in ``domain.assignment``: the topic they were first
stored under. The commands that decide whether an event may happen are the
aggregate's (``domain/assignment.py`` and the modules it takes its commands
from); here is only how the state follows.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.assignment_parts import (
    Completion,
    Extension,
    ExtensionRequest,
    ProgressReport,
)
from domain.values import Authority, DocumentRef

if TYPE_CHECKING:  # for annotations only: the aggregate imports this module
    from domain.assignment import Assignment


class AssignmentEvent(Aggregate.Event):
    """An event of an assignment, by ``actor`` (the account that recorded it)."""

    actor: str

    def apply(self, aggregate: Aggregate) -> None:
        """Change the assignment's state as the fact says."""
        self.change(cast("Assignment", aggregate))

    def change(self, task: Assignment) -> None:
        """What this fact changes (nothing, unless the event says so)."""


class Acknowledged(AssignmentEvent):
    """Tiếp nhận: an agency confirmed it has the task."""

    agency_id: UUID
    at: datetime

    def change(self, task: Assignment) -> None:
        task.acknowledged_by[self.agency_id] = self.at


class ProgressReported(AssignmentEvent):
    """Báo cáo tiến độ: how far an agency's part has come."""

    agency_id: UUID
    note: str
    at: datetime
    percent: int | None

    def change(self, task: Assignment) -> None:
        report = ProgressReport(self.agency_id, self.at, self.note, self.percent)
        task.progress.append(report)


class ExtensionRequested(AssignmentEvent):
    """Đề nghị gia hạn: a lead agency asked for a later deadline."""

    agency_id: UUID
    deadline: date
    reason: str

    def change(self, task: Assignment) -> None:
        task.pending_extension = ExtensionRequest(
            self.agency_id, self.deadline, self.reason
        )


class DeadlineExtended(AssignmentEvent):
    """Gia hạn: the deadline moved, by an authority; a pending request is settled."""

    deadline: date
    authority: Authority
    reason: str

    def change(self, task: Assignment) -> None:
        task.extensions.append(
            Extension(task.deadline, self.deadline, self.authority, self.reason)
        )
        task.deadline = self.deadline
        task.pending_extension = None


class Reassigned(AssignmentEvent):
    """Điều chỉnh: other agencies lead or coordinate; others' completions lapse."""

    lead: list[UUID]
    coordinating: list[UUID]
    tracked: list[UUID]
    authority: Authority
    reason: str

    def change(self, task: Assignment) -> None:
        task.lead = list(self.lead)
        task.coordinating = list(self.coordinating)
        task.tracked = list(self.tracked)
        task.completions = {
            agency: completion
            for agency, completion in task.completions.items()
            if agency in self.tracked
        }


class Completed(AssignmentEvent):
    """Hoàn thành: a lead agency reported its part done, with evidence.

    Version 2 adds ``document``: the report that proves it (kind, number, date),
    when the evidence names one. Completions stored before read as without.
    """

    class_version = 2

    agency_id: UUID
    completed_on: date
    evidence: str
    document: DocumentRef | None

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        """A completion of version 1 named no document."""
        state["document"] = None

    def change(self, task: Assignment) -> None:
        task.completions[self.agency_id] = Completion(
            self.agency_id, self.completed_on, self.evidence, self.document
        )


class Reopened(AssignmentEvent):
    """Mở lại: the completions reported were not enough; the task is open again."""

    reason: str

    def change(self, task: Assignment) -> None:
        task.completions = {}
        task.reopen_count += 1


class Cancelled(AssignmentEvent):
    """Hủy: the task was withdrawn, by an authority."""

    authority: Authority
    reason: str

    def change(self, task: Assignment) -> None:
        task.cancelled_by = self.authority


class Superseded(AssignmentEvent):
    """Thay thế: a newer assignment replaced this one, by an authority."""

    by_assignment_id: UUID
    authority: Authority
    reason: str

    def change(self, task: Assignment) -> None:
        task.superseded_by = self.by_assignment_id
        task.supersession_authority = self.authority
