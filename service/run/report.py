"""Plain-text reports for the terminal: a meeting, its assignments and their lineage."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.agency import Agency
from domain.assignment import Assignment
from domain.committee import Committee
from domain.meeting import Meeting
from domain.values import Authority
from service.usecases.steerlog import Steerlog


class Report:
    """Renders aggregates as indented Vietnamese-friendly text lines."""

    def __init__(self, app: Steerlog) -> None:
        self.app = app
        self._agency_names: dict[UUID, str] = {}

    def today(self, committee: Committee) -> date:
        """Today in the committee's time zone: deadlines are dates there."""
        return self.app.clock().astimezone(ZoneInfo(committee.time_zone)).date()

    def agency(self, agency_id: UUID) -> str:
        """An agency's current name."""
        if agency_id not in self._agency_names:
            self._agency_names[agency_id] = self.app.load(Agency, agency_id).name
        return self._agency_names[agency_id]

    def meeting(self, meeting_id: UUID) -> Iterator[str]:
        """A meeting's heading lines."""
        meeting = self.app.load(Meeting, meeting_id)
        committee = self.app.load(Committee, meeting.committee_id)
        chairs = ", ".join(f"{c.name} ({c.title or '-'})" for c in meeting.chairs)
        yield f"■ {meeting.title}"
        when = f"{meeting.starts_at:%d/%m/%Y %H:%M}"
        yield f"  {committee.name} · {when} · {meeting.format}"
        yield f"  chủ trì: {chairs or '-'} · điểm cầu: {len(meeting.points)}"
        yield f"  phát biểu: {len(meeting.speeches)} · kết luận: {len(meeting.items)}"
        if meeting.notice:
            yield f"  thông báo: {meeting.notice.kind} số {meeting.notice.number}"

    def assignment(self, assignment_id: UUID) -> Iterator[str]:
        """An assignment, its status today, and where it came from."""
        task = self.app.load(Assignment, assignment_id)
        committee = self.app.load(Committee, task.origin.committee_id)
        status = task.status_on(self.today(committee))
        item = task.origin.item_number or "-"
        yield f"  [{item}] {task.title}"
        yield f"      chủ trì: {'; '.join(self.agency(a) for a in task.lead)}"
        if task.coordinating:
            helpers = "; ".join(self.agency(a) for a in task.coordinating)
            yield f"      phối hợp: {helpers}"
        yield f"      hạn: {self.deadline(task)} · trạng thái: {status}"
        yield from self.lineage(task)

    @staticmethod
    def deadline(task: Assignment) -> str:
        if task.deadline is None:
            return "-"
        if task.original_deadline != task.deadline and task.original_deadline:
            return f"{task.original_deadline:%d/%m/%Y} → {task.deadline:%d/%m/%Y}"
        return f"{task.deadline:%d/%m/%Y}"

    def lineage(self, task: Assignment) -> Iterator[str]:
        """Upstream: the speech and speaker, the parent, the documents, extensions."""
        origin = task.origin
        if origin.meeting_id and origin.speech_id:
            meeting = self.app.load(Meeting, origin.meeting_id)
            speech = meeting.speeches[origin.speech_id]
            point = meeting.points.get(speech.point_id) if speech.point_id else None
            where = f" tại điểm cầu {point.name}" if point else ""
            yield (
                f"      ← {speech.kind} của {speech.speaker_name}"
                f" ({speech.speaker_title or '-'}){where}"
            )
        if origin.document:
            yield f"      ← {origin.document.kind} số {origin.document.number}"
        if task.parent_id:
            parent = self.app.load(Assignment, task.parent_id)
            yield f"      ← giao tiếp từ: {parent.title}"
        for document in task.documents:
            yield f"      căn cứ: {document.kind} số {document.number}"
        for extension in task.extensions:
            until = f"{extension.deadline:%d/%m/%Y}"
            yield f"      gia hạn đến {until} theo {self.by(extension.authority)}"
        for completion in task.completions.values():
            yield (
                f"      hoàn thành {completion.completed_on:%d/%m/%Y}:"
                f" {self.agency(completion.agency_id)} — {completion.evidence}"
            )

    def by(self, authority: Authority) -> str:
        """The meeting item or document that authorised a change."""
        if authority.document:
            return f"{authority.document.kind} số {authority.document.number}"
        if authority.meeting_id is None:
            return "-"
        meeting = self.app.load(Meeting, authority.meeting_id)
        return f"mục {authority.item_number} của {meeting.title}"
