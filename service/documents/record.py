"""A meeting's whole record, gathered from the event store for the documents."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from domain import ids
from domain.agency import Agency
from domain.assignment import Assignment
from domain.committee import Committee
from domain.meeting import Meeting
from domain.meeting_parts import IssuedItem, Speech
from domain.person import Person
from domain.values import CommitteeRole, Origin
from service.errors import NotFoundError
from service.usecases.steerlog import Steerlog

MAX_TASKS_PER_ITEM = 200  # a bound on the walk of an item's task numbers


@dataclass(frozen=True)
class ItemRecord:
    """A conclusion item with the assignments it issued, in task order."""

    item: IssuedItem
    tasks: tuple[Assignment, ...]


@dataclass(frozen=True)
class MeetingRecord:
    """A meeting, its committee, its items with their tasks, and the names used."""

    meeting: Meeting
    committee: Committee
    items: tuple[ItemRecord, ...]
    agency_names: dict[UUID, str]
    people: dict[UUID, Person]

    def agencies(self, agency_ids: list[UUID]) -> list[str]:
        """The names of ``agency_ids``, in order."""
        return [self.agency_names[agency_id] for agency_id in agency_ids]

    @property
    def conclusion_speech(self) -> Speech | None:
        """The speech that gave the conclusion (of its first item)."""
        for record in self.items:
            return self.meeting.speeches.get(record.item.speech_id)
        return None

    def secretaries(self) -> list[Person]:
        """The committee's secretariat (tổ giúp việc), as the directory names them."""
        return [
            self.people[m.person_id]
            for m in self.committee.members.values()
            if m.role is CommitteeRole.SECRETARIAT and m.person_id in self.people
        ]


def item_sort_key(number: str) -> tuple[int, str]:
    """Items in their numbered order: ``2`` before ``10``, ``2a`` after ``2``."""
    digits = "".join(ch for ch in number if ch.isdigit())
    return (int(digits) if digits else 1 << 30, number)


def meeting_record(app: Steerlog, meeting_id: UUID) -> MeetingRecord:
    """Read a meeting, its items' assignments (by their origin ids) and the names."""
    meeting = app.view(Meeting, meeting_id)
    committee = app.view(Committee, meeting.committee_id)
    items = tuple(
        ItemRecord(issued, _tasks_of(app, meeting, issued.number))
        for issued in sorted(
            meeting.items.values(), key=lambda i: item_sort_key(i.number)
        )
    )
    agency_ids = {
        agency_id
        for record in items
        for task in record.tasks
        for agency_id in (
            *task.lead,
            *task.coordinating,
            *(a for a in (task.report_to, task.report_via) if a),
        )
    }
    person_ids = set(committee.members) | {
        person_id for a in meeting.attendance.values() for person_id in a.person_ids
    }
    return MeetingRecord(
        meeting=meeting,
        committee=committee,
        items=items,
        agency_names={a: app.view(Agency, a).name for a in agency_ids},
        people=_people(app, person_ids),
    )


def _tasks_of(app: Steerlog, meeting: Meeting, number: str) -> tuple[Assignment, ...]:
    """The assignments issued from one item: their ids derive from the origin."""
    tasks = []
    for task_number in range(1, MAX_TASKS_PER_ITEM + 1):
        origin = Origin(
            committee_id=meeting.committee_id,
            meeting_id=meeting.id,
            item_number=number,
            task_number=task_number,
        )
        try:
            tasks.append(app.view(Assignment, ids.assignment_id(origin)))
        except NotFoundError:
            break
    return tuple(tasks)


def _people(app: Steerlog, person_ids: set[UUID]) -> dict[UUID, Person]:
    """The people the directory still knows, by id."""
    people = {}
    for person_id in person_ids:
        try:
            people[person_id] = app.view(Person, person_id)
        except NotFoundError:
            continue
    return people
