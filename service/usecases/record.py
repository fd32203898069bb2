"""Use cases of a meeting's record: speeches, approvals, conclusion and notice."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from uuid import UUID, uuid4

from domain import ids
from domain.assignment import Assignment
from domain.meeting import Meeting
from domain.person import Person
from domain.values import ConclusionItem, DocumentRef, Origin
from service.eventstore.application import SteerlogBase, Written
from service.usecases import lookups
from service.usecases.assignments import TaskDraft, new_assignment
from service.usecases.commuting import commutes


@dataclass(frozen=True)
class ItemDraft:
    """A numbered conclusion item and the tasks it assigns."""

    number: str
    text: str
    tasks: list[TaskDraft] = field(default_factory=list)


@dataclass(frozen=True)
class ConclusionWritten:
    """The meeting written, and the assignments the conclusion created."""

    meeting: Written
    assignment_ids: list[UUID]


class RecordUseCases(SteerlogBase):
    """Record what was said and decided, and issue the tasks it assigns."""

    @commutes
    def record_speech(
        self,
        meeting_id: UUID,
        *,
        actor: str,
        speaker_id: UUID,
        kind: str,
        point_id: UUID | None = None,
        text: str = "",
        spoken_at: datetime | None = None,
        speaker_title: str | None = None,
        speech_id: UUID | None = None,
        expected_version: int | None = None,
    ) -> Written:
        """Phát biểu: the speaker's name and title are kept as they are today.

        Someone the meeting has already named (a chair, an earlier speaker) is
        recorded under that name and title without reading the directory again;
        anyone else is read from the directory, which also checks they exist.
        """
        new_id = speech_id or uuid4()
        now = self.clock()

        def record(meeting: Meeting) -> None:
            name, title = meeting.introduced(speaker_id) or self._name_and_title(
                speaker_id
            )
            meeting.record_speech(
                actor=actor,
                speech_id=new_id,
                speaker_id=speaker_id,
                speaker_name=name,
                speaker_title=speaker_title or title,
                kind=kind,
                spoken_at=spoken_at or now,
                point_id=point_id,
                text=text,
                now=now,
            )

        written = self.change(Meeting, meeting_id, record, expected_version)
        return written.naming(new_id)

    def _name_and_title(self, speaker_id: UUID) -> tuple[str, str | None]:
        speaker = self.load(Person, speaker_id, field="speaker_id")
        return speaker.full_name, speaker.title

    def correct_speech(
        self,
        meeting_id: UUID,
        speech_id: UUID,
        *,
        actor: str,
        reason: str,
        text: str | None = None,
        speaker_title: str | None = None,
        kind: str | None = None,
        expected_version: int | None = None,
    ) -> Written:
        """Đính chính: correct a speech with a reason; the original stays."""
        return self.change(
            Meeting,
            meeting_id,
            lambda m: m.correct_speech(
                actor=actor,
                speech_id=speech_id,
                reason=reason,
                text=text,
                speaker_title=speaker_title,
                kind=kind,
            ),
            expected_version,
        )

    def record_approval(
        self,
        meeting_id: UUID,
        *,
        actor: str,
        title: str,
        document: DocumentRef | None = None,
        note: str | None = None,
        expected_version: int | None = None,
    ) -> Written:
        """Thông qua: a plan or draft approved at the meeting."""
        approval_id = uuid4()
        written = self.change(
            Meeting,
            meeting_id,
            lambda m: m.record_approval(
                actor=actor,
                approval_id=approval_id,
                title=title,
                document=document,
                note=note,
            ),
            expected_version,
        )
        return written.naming(approval_id)

    def issue_conclusion(
        self,
        meeting_id: UUID,
        *,
        actor: str,
        speech_id: UUID,
        items: list[ItemDraft],
        expected_version: int | None = None,
    ) -> ConclusionWritten:
        """Kết luận: issue numbered items and their assignments in one atomic save.

        Items already issued word for word are skipped with their assignments, so
        posting the same draft twice creates nothing new.
        """
        meeting = self.load(Meeting, meeting_id)
        self.check_version(meeting, expected_version)
        issued = meeting.issue_conclusion(
            actor=actor,
            speech_id=speech_id,
            items=[self._conclusion_item(meeting, item) for item in items],
        )
        new_numbers = {item.number for item in issued}
        speech = meeting.speeches[speech_id]
        issued_on = speech.spoken_at.astimezone(
            lookups.zone_of(self, meeting.committee_id)
        ).date()
        assignments = [
            self._assignment_from(
                meeting, speech_id, (item.number, number), task, issued_on, actor
            )
            for item in items
            if item.number in new_numbers
            for number, task in enumerate(item.tasks, start=1)
        ]
        written = self.commit(meeting, *assignments)
        return ConclusionWritten(written, [a.id for a in assignments])

    def _conclusion_item(self, meeting: Meeting, item: ItemDraft) -> ConclusionItem:
        """The item as the meeting issues it, naming the tasks it assigns."""
        task_ids = [
            ids.assignment_id(
                Origin(
                    committee_id=meeting.committee_id,
                    meeting_id=meeting.id,
                    item_number=item.number,
                    task_number=number,
                )
            )
            for number in range(1, len(item.tasks) + 1)
        ]
        return ConclusionItem(item.number, item.text, tuple(task_ids))

    def _assignment_from(
        self,
        meeting: Meeting,
        speech_id: UUID,
        position: tuple[str, int],
        task: TaskDraft,
        issued_on: date,
        actor: str,
    ) -> Assignment:
        """A new assignment whose origin is this meeting, item and speech."""
        speech = meeting.speeches[speech_id]
        origin = Origin(
            committee_id=meeting.committee_id,
            meeting_id=meeting.id,
            item_number=position[0],
            task_number=position[1],
            speech_id=speech_id,
            speaker_id=speech.speaker_id,
            point_id=speech.point_id,
        )
        return new_assignment(
            self, ids.assignment_id(origin), origin, task, issued_on, actor
        )

    def amend_conclusion_item(
        self,
        meeting_id: UUID,
        number: str,
        *,
        actor: str,
        text: str,
        reason: str,
        expected_version: int | None = None,
    ) -> Written:
        """Điều chỉnh: amend an item's text, with a reason."""
        return self.change(
            Meeting,
            meeting_id,
            lambda m: m.amend_conclusion_item(
                actor=actor, number=number, text=text, reason=reason
            ),
            expected_version,
        )

    def publish_notice(
        self,
        meeting_id: UUID,
        *,
        actor: str,
        notice: DocumentRef,
        expected_version: int | None = None,
    ) -> Written:
        """Thông báo kết luận: publish the conclusion under its number."""
        return self.change(
            Meeting,
            meeting_id,
            lambda m: m.publish_notice(actor=actor, notice=notice),
            expected_version,
        )
