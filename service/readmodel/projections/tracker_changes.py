"""The tracker's row changes: assignments, their agencies, completions, tracked
parts; the document registry (what the tracker's handlers may write)."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar
from uuid import UUID

from service.readmodel.changes import Changes, change


class TrackerChanges(Changes):
    """Assignments, their agencies by role, completions, documents, citations."""

    keyed: ClassVar[dict[str, tuple[str, ...]]] = {"document_seen": ("key",)}

    @change
    def assignment_issued(
        self,
        *,
        id: UUID,
        committee_id: UUID,
        meeting_id: UUID | None,
        item_number: str | None,
        task_number: int,
        speech_id: UUID | None,
        speaker_id: UUID | None,
        point_id: UUID | None,
        origin_document: str | None,
        parent_id: UUID | None,
        kind: str,
        title: str,
        issued_on: date,
        deadline: date | None,
        due: date | str,
        deadline_text: str | None,
        report_to: str | None,
        report_via: str | None,
    ) -> None:
        """An assignment (giao nhiệm vụ); its deadline is also its original one."""

    @change
    def assignment_agency(
        self, *, assignment_id: UUID, agency_id: UUID, role: str
    ) -> None:
        """An agency of an assignment in one role: lead, coordinating, tracked."""

    @change
    def assignment_agencies_cleared(self, *, assignment_id: UUID) -> None:
        """An assignment's agencies, all gone (before they are set again)."""

    @change
    def document_seen(
        self,
        *,
        key: str,
        kind: str,
        number: str,
        date: date | None,
        issuer: str | None,
        title: str | None,
    ) -> None:
        """A document, kept once; a later mention fills what was not known."""

    @change
    def citation(self, *, assignment_id: UUID, document_key: str) -> None:
        """An assignment citing a document (căn cứ)."""

    @change
    def document_linked(
        self,
        *,
        document_key: str,
        relation: str,
        subject_kind: str,
        subject_id: UUID,
        detail: str,
        at: datetime,
    ) -> None:
        """An assignment or meeting linked to a document by ``relation`` (kept once)."""

    @change
    def extension_requested(self, *, id: UUID, deadline: date) -> None:
        """The deadline an agency asked for."""

    @change
    def deadline_extended(self, *, id: UUID, deadline: date) -> None:
        """A new deadline (gia hạn); the request it answers is settled."""

    @change
    def completion_recorded(
        self, *, assignment_id: UUID, agency_id: UUID, completed_on: date
    ) -> None:
        """An agency reported its part done."""

    @change
    def completions_cleared(self, *, assignment_id: UUID) -> None:
        """Every completion of a reopened assignment, gone."""

    @change
    def completions_of_untracked_cleared(self, *, assignment_id: UUID) -> None:
        """Completions of agencies an assignment no longer tracks, gone."""

    @change
    def assignment_completion_refreshed(self, *, id: UUID) -> None:
        """Done when every tracked agency is: on the last one's day."""

    @change
    def assignment_closed(
        self, *, id: UUID, closed: str, superseded_by: UUID | None
    ) -> None:
        """An assignment cancelled or superseded."""

    @change
    def tracked_parts_cleared(self, *, assignment_id: UUID) -> None:
        """An assignment's tracked parts, all gone (before they are made again)."""

    @change
    def tracked_parts_refreshed(self, *, id: UUID) -> None:
        """Each tracked agency's part, as the assignment and its completion stand."""

    @change
    def assignment_changed(self, *, id: UUID, changed_at: datetime) -> None:
        """When the assignment last changed what the tracker keeps of it."""
