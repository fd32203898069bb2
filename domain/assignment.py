"""The Assignment aggregate: a task (giao nhiệm vụ) followed long after its meeting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from eventsourcing.domain import event

from domain.assignment_rules import AssignmentRules, checked_assignees
from domain.errors import InvalidValueError, NoChangeError
from domain.values import (
    AssignmentKind,
    Authority,
    DocumentRef,
    Origin,
    member_of,
    optional_text,
    required_text,
)


@dataclass(frozen=True)
class Completion:
    """Hoàn thành: one agency reports its part done, with evidence."""

    agency_id: UUID
    completed_on: date
    evidence: str


@dataclass(frozen=True)
class ProgressReport:
    """Báo cáo tiến độ: what an agency said of its progress, and when."""

    agency_id: UUID
    at: datetime
    note: str
    percent: int | None


@dataclass(frozen=True)
class ExtensionRequest:
    """Đề nghị gia hạn: a lead agency's pending request for a later deadline."""

    agency_id: UUID
    deadline: date
    reason: str


@dataclass(frozen=True)
class Extension:
    """Gia hạn: a deadline moved, by the meeting or document that authorised it."""

    previous: date | None
    deadline: date
    authority: Authority
    reason: str


class Assignment(AssignmentRules):
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
        if deadline is not None and deadline < issued_on:
            raise InvalidValueError(field="deadline", reason="before the issue date")
        lead, coordinating = checked_assignees(lead, coordinating or [])
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
            documents=_distinct_documents(documents or []),
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
        self.progress: list[ProgressReport] = []
        self.pending_extension: ExtensionRequest | None = None
        self.extensions: list[Extension] = []
        self.completions: dict[UUID, Completion] = {}
        self.reopen_count = 0
        self.cancelled_by: Authority | None = None
        self.superseded_by: UUID | None = None
        self.supersession_authority: Authority | None = None

    def acknowledge(self, *, actor: str, agency_id: UUID, at: datetime) -> None:
        """Tiếp nhận: an agency confirms it has received the task."""
        self.check_active()
        self.check_assignee(agency_id)
        if agency_id in self.acknowledged_by:
            raise NoChangeError(field="agency_id", assignment_id=self.id)
        self._acknowledged(actor=actor, agency_id=agency_id, at=at)

    @event("Acknowledged")
    def _acknowledged(self, *, actor: str, agency_id: UUID, at: datetime) -> None:
        self.acknowledged_by[agency_id] = at

    def report_progress(
        self,
        *,
        actor: str,
        agency_id: UUID,
        note: str,
        at: datetime,
        percent: int | None = None,
    ) -> None:
        """Báo cáo tiến độ: an agency reports how far its part has come."""
        self.check_active()
        self.check_assignee(agency_id)
        if percent is not None and not 0 <= percent <= 100:
            raise InvalidValueError(field="percent", reason="must be 0 to 100")
        self._progress_reported(
            actor=actor,
            agency_id=agency_id,
            note=required_text("note", note),
            at=at,
            percent=percent,
        )

    @event("ProgressReported")
    def _progress_reported(
        self,
        *,
        actor: str,
        agency_id: UUID,
        note: str,
        at: datetime,
        percent: int | None,
    ) -> None:
        self.progress.append(ProgressReport(agency_id, at, note, percent))

    def request_extension(
        self, *, actor: str, agency_id: UUID, deadline: date, reason: str
    ) -> None:
        """Đề nghị gia hạn: a lead agency asks for more time."""
        self.check_active()
        self.check_lead(agency_id)
        self.check_not_done()
        self.check_later_deadline(deadline)
        self._extension_requested(
            actor=actor,
            agency_id=agency_id,
            deadline=deadline,
            reason=required_text("reason", reason),
        )

    @event("ExtensionRequested")
    def _extension_requested(
        self, *, actor: str, agency_id: UUID, deadline: date, reason: str
    ) -> None:
        self.pending_extension = ExtensionRequest(agency_id, deadline, reason)

    def extend_deadline(
        self, *, actor: str, deadline: date, authority: Authority, reason: str
    ) -> None:
        """Gia hạn: move the deadline, naming the meeting or document behind it."""
        self.check_active()
        self.check_not_done()
        self.check_later_deadline(deadline)
        self._deadline_extended(
            actor=actor,
            deadline=deadline,
            authority=authority,
            reason=required_text("reason", reason),
        )

    @event("DeadlineExtended")
    def _deadline_extended(
        self, *, actor: str, deadline: date, authority: Authority, reason: str
    ) -> None:
        self.extensions.append(Extension(self.deadline, deadline, authority, reason))
        self.deadline = deadline
        self.pending_extension = None

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
        lead, coordinating = checked_assignees(lead, coordinating or [])
        if lead == self.lead and coordinating == self.coordinating:
            raise NoChangeError(field="lead", assignment_id=self.id)
        self._reassigned(
            actor=actor,
            lead=lead,
            coordinating=coordinating,
            tracked=list(dict.fromkeys(tracked or lead)),
            authority=authority,
            reason=required_text("reason", reason),
        )

    @event("Reassigned")
    def _reassigned(
        self,
        *,
        actor: str,
        lead: list[UUID],
        coordinating: list[UUID],
        tracked: list[UUID],
        authority: Authority,
        reason: str,
    ) -> None:
        self.lead, self.coordinating, self.tracked = (
            list(lead),
            list(coordinating),
            list(tracked),
        )
        self.completions = {a: c for a, c in self.completions.items() if a in tracked}

    def complete(
        self, *, actor: str, agency_id: UUID, completed_on: date, evidence: str
    ) -> None:
        """Hoàn thành: a lead agency reports its part done, with evidence."""
        self.check_active()
        self.check_lead(agency_id)
        self.check_not_completed_by(agency_id)
        if completed_on < self.issued_on:
            raise InvalidValueError(
                field="completed_on", reason="before the issue date"
            )
        self._completed(
            actor=actor,
            agency_id=agency_id,
            completed_on=completed_on,
            evidence=required_text("evidence", evidence),
        )

    @event("Completed")
    def _completed(
        self, *, actor: str, agency_id: UUID, completed_on: date, evidence: str
    ) -> None:
        self.completions[agency_id] = Completion(agency_id, completed_on, evidence)

    def reopen(self, *, actor: str, reason: str) -> None:
        """Mở lại: reported completions were not enough; the task is open again."""
        self.check_active()
        self.check_some_completion()
        self._reopened(actor=actor, reason=required_text("reason", reason))

    @event("Reopened")
    def _reopened(self, *, actor: str, reason: str) -> None:
        self.completions = {}
        self.reopen_count += 1

    def cancel(self, *, actor: str, authority: Authority, reason: str) -> None:
        """Hủy: the task is withdrawn by an authorising meeting or document."""
        self.check_active()
        self._cancelled(
            actor=actor, authority=authority, reason=required_text("reason", reason)
        )

    @event("Cancelled")
    def _cancelled(self, *, actor: str, authority: Authority, reason: str) -> None:
        self.cancelled_by = authority

    def supersede(
        self, *, actor: str, by_assignment_id: UUID, authority: Authority, reason: str
    ) -> None:
        """Thay thế: a newer assignment replaces this one."""
        self.check_active()
        if by_assignment_id == self.id:
            raise InvalidValueError(field="by_assignment_id", reason="cannot be itself")
        self._superseded(
            actor=actor,
            by_assignment_id=by_assignment_id,
            authority=authority,
            reason=required_text("reason", reason),
        )

    @event("Superseded")
    def _superseded(
        self, *, actor: str, by_assignment_id: UUID, authority: Authority, reason: str
    ) -> None:
        self.superseded_by = by_assignment_id
        self.supersession_authority = authority


def _distinct_documents(documents: list[DocumentRef]) -> list[DocumentRef]:
    return list({document.key: document for document in documents}.values())
