"""Carry-over (rà soát nhiệm vụ): a meeting reviews the committee's open tasks.

The tracker proposes the committee's tasks still open (in progress or overdue)
from earlier meetings; each is confirmed open on the write side (the tracker may
lag behind a completion) before the meeting puts it on its agenda. The meeting
skips tasks it already reviews, so reviewing twice adds nothing. What is then
decided about a task goes through the task's own commands (extend, reassign,
cancel, complete) with one of this meeting's conclusion items as authority.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.assignment import Assignment
from domain.meeting import Meeting
from domain.meeting_agenda import OpenTask
from domain.values import AssignmentStatus
from service.eventstore.application import Written
from service.readmodel.paging import MAX_PAGE, AssignmentFilter, Page
from service.readmodel.readside import ReadSide
from service.readmodel.rows import TrackedAssignment
from service.usecases.steerlog import Steerlog

OPEN = frozenset({AssignmentStatus.IN_PROGRESS, AssignmentStatus.OVERDUE})


@dataclass(frozen=True)
class CarryOverWritten:
    """The meeting written, and the tasks its agenda now reviews for the first time."""

    meeting: Written
    assignment_ids: list[UUID]


def review_open_tasks(
    application: Steerlog,
    read_side: ReadSide,
    meeting_id: UUID,
    *,
    actor: str,
    expected_version: int | None = None,
) -> CarryOverWritten:
    """Put the committee's open tasks from earlier meetings on this meeting's agenda."""
    meeting = application.load(Meeting, meeting_id)
    application.check_version(meeting, expected_version)
    day = application.committee_day(meeting.committee_id, meeting.starts_at)
    proposed = tracked_open_tasks(read_side, meeting, day)
    confirmed = [
        task
        for task in (still_open(application, row.id, day) for row in proposed)
        if task is not None
    ]
    added = meeting.review_open_tasks(actor=actor, tasks=confirmed)
    return CarryOverWritten(
        application.commit(meeting), [task.assignment_id for task in added]
    )


def tracked_open_tasks(
    read_side: ReadSide, meeting: Meeting, day: date
) -> Iterator[TrackedAssignment]:
    """The tracker's open tasks issued by the committee's other meetings by ``day``."""
    where = AssignmentFilter(day=day, committee_id=meeting.committee_id)
    cursor: str | None = None
    while True:
        page = read_side.assignments(where, Page(limit=MAX_PAGE, cursor=cursor))
        for row in page.items:
            if (
                row.status in OPEN
                and row.parent_id is None
                and row.meeting_id not in (None, str(meeting.id))
                and row.issued_on <= day.isoformat()
            ):
                yield row
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def still_open(application: Steerlog, assignment_id: str, day: date) -> OpenTask | None:
    """The task as the agenda names it, if the write side also finds it open."""
    task = application.load(Assignment, UUID(assignment_id))
    if task.status_on(day) not in OPEN or task.origin.meeting_id is None:
        return None
    return OpenTask(task.id, task.title, task.origin.meeting_id)
