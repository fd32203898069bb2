"""Use cases of an assignment: issue, delegate, follow up, extend, complete, close."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from domain import ids
from domain.assignment import Assignment
from domain.committee import Committee
from domain.meeting import Meeting
from domain.values import Authority, DocumentRef, Origin
from service.eventstore.application import SteerlogBase, Written
from service.usecases import lookups
from service.usecases.commuting import commutes
from service.usecases.task_drafts import TaskDraft, new_assignment

# Where the use cases' callers have always found them.
__all__ = ["AssignmentUseCases", "TaskDraft", "new_assignment"]


class AssignmentUseCases(SteerlogBase):
    """Follow a task from issue to completion, with every change authorised."""

    def issue_assignment(
        self,
        *,
        actor: str,
        committee_id: UUID,
        task: TaskDraft,
        issued_on: date,
        document: DocumentRef | None = None,
        meeting_id: UUID | None = None,
        item_number: str | None = None,
        task_number: int = 1,
    ) -> Written:
        """Giao: issue a task outside a recorded conclusion (by a document, say)."""
        self.load(Committee, committee_id, field="committee_id")
        if meeting_id is not None:
            self.load(Meeting, meeting_id, field="meeting_id")
        origin = Origin(
            committee_id=committee_id,
            meeting_id=meeting_id,
            item_number=item_number,
            task_number=task_number,
            document=document,
        )
        assignment = new_assignment(
            self, ids.assignment_id(origin), origin, task, issued_on, actor
        )
        return self.create(assignment, "assignment")

    def delegate(
        self,
        parent_id: UUID,
        *,
        actor: str,
        by_agency_id: UUID,
        task: TaskDraft,
        issued_on: date,
    ) -> Written:
        """Giao tiếp: a lead agency passes (part of) its task on to others."""
        parent = self.load(Assignment, parent_id)
        parent.check_active()
        parent.check_lead(by_agency_id)
        parent.check_delegated_deadline(task.deadline)
        child_id = ids.delegated_assignment_id(parent_id, task.lead, task.title)
        child = new_assignment(
            self, child_id, parent.origin, task, issued_on, actor, parent_id=parent_id
        )
        return self.create(child, "assignment")

    def acknowledge(
        self,
        assignment_id: UUID,
        *,
        actor: str,
        agency_id: UUID,
        at: datetime | None = None,
        expected_version: int | None = None,
    ) -> Written:
        """Tiếp nhận: an agency confirms it has the task."""
        moment = at or self.clock()
        return self.change(
            Assignment,
            assignment_id,
            lambda a: a.acknowledge(actor=actor, agency_id=agency_id, at=moment),
            expected_version,
        )

    @commutes
    def report_progress(
        self,
        assignment_id: UUID,
        *,
        actor: str,
        agency_id: UUID,
        note: str,
        percent: int | None = None,
        at: datetime | None = None,
        expected_version: int | None = None,
    ) -> Written:
        """Báo cáo tiến độ: an agency reports how far it has come (by ``at``: now)."""
        assignment = self.load(Assignment, assignment_id)
        self.check_version(assignment, expected_version)
        now = self.committee_now(assignment)
        assignment.report_progress(
            actor=actor,
            agency_id=agency_id,
            note=note,
            at=at or now,
            now=now,
            percent=percent,
        )
        return self.commit(assignment)

    def request_extension(
        self,
        assignment_id: UUID,
        *,
        actor: str,
        agency_id: UUID,
        deadline: date,
        reason: str,
        expected_version: int | None = None,
    ) -> Written:
        """Đề nghị gia hạn: a lead agency asks for a later deadline."""
        return self.change(
            Assignment,
            assignment_id,
            lambda a: a.request_extension(
                actor=actor, agency_id=agency_id, deadline=deadline, reason=reason
            ),
            expected_version,
        )

    def extend_deadline(
        self,
        assignment_id: UUID,
        *,
        actor: str,
        deadline: date,
        authority: Authority,
        reason: str,
        expected_version: int | None = None,
    ) -> Written:
        """Gia hạn: move the deadline, by the meeting or document that allowed it."""
        lookups.check_authority(self, authority)
        return self.change(
            Assignment,
            assignment_id,
            lambda a: a.extend_deadline(
                actor=actor, deadline=deadline, authority=authority, reason=reason
            ),
            expected_version,
        )

    def reassign(
        self,
        assignment_id: UUID,
        *,
        actor: str,
        lead: list[UUID],
        authority: Authority,
        reason: str,
        coordinating: list[UUID] | None = None,
        expected_version: int | None = None,
    ) -> Written:
        """Give the task to other agencies, by an authorising origin."""
        lookups.check_authority(self, authority)
        tracked = lookups.tracked_agencies(self, lead)
        lookups.check_agencies(self, coordinating or [], "coordinating")
        return self.change(
            Assignment,
            assignment_id,
            lambda a: a.reassign(
                actor=actor,
                lead=lead,
                tracked=tracked,
                authority=authority,
                reason=reason,
                coordinating=coordinating,
            ),
            expected_version,
        )

    def complete(
        self,
        assignment_id: UUID,
        *,
        actor: str,
        agency_id: UUID,
        evidence: str,
        completed_on: date | None = None,
        document: DocumentRef | None = None,
        expected_version: int | None = None,
    ) -> Written:
        """Hoàn thành: a lead agency reports its part done (by default today), with
        evidence and, when it names one, the document (báo cáo) that proves it."""
        assignment = self.load(Assignment, assignment_id)
        self.check_version(assignment, expected_version)
        now = self.committee_now(assignment)
        assignment.complete(
            actor=actor,
            agency_id=agency_id,
            completed_on=completed_on or now.date(),
            evidence=evidence,
            now=now,
            document=document,
        )
        return self.commit(assignment)

    def committee_now(self, assignment: Assignment) -> datetime:
        """The time it is now in the time zone of the assignment's committee."""
        zone = lookups.zone_of(self, assignment.origin.committee_id)
        return self.clock().astimezone(zone)

    def reopen(
        self,
        assignment_id: UUID,
        *,
        actor: str,
        reason: str,
        expected_version: int | None = None,
    ) -> Written:
        """Mở lại: the task is open again."""
        return self.change(
            Assignment,
            assignment_id,
            lambda a: a.reopen(actor=actor, reason=reason),
            expected_version,
        )

    def cancel_assignment(
        self,
        assignment_id: UUID,
        *,
        actor: str,
        authority: Authority,
        reason: str,
        expected_version: int | None = None,
    ) -> Written:
        """Hủy: withdraw the task, by an authorising meeting or document."""
        lookups.check_authority(self, authority)
        return self.change(
            Assignment,
            assignment_id,
            lambda a: a.cancel(actor=actor, authority=authority, reason=reason),
            expected_version,
        )

    def supersede(
        self,
        assignment_id: UUID,
        *,
        actor: str,
        by_assignment_id: UUID,
        authority: Authority,
        reason: str,
        expected_version: int | None = None,
    ) -> Written:
        """Thay thế: a newer assignment replaces this one."""
        lookups.check_authority(self, authority)
        self.load(Assignment, by_assignment_id, field="by_assignment_id")
        return self.change(
            Assignment,
            assignment_id,
            lambda a: a.supersede(
                actor=actor,
                by_assignment_id=by_assignment_id,
                authority=authority,
                reason=reason,
            ),
            expected_version,
        )
