"""A digest issued late: its tasks and tallies as they stood when it fell due.

The read models say how things stand now. What changed since the digest fell
due is read again from the event store, as its events had made it then: the
tracker notes when each assignment last changed, so only those are replayed
(a task issued later is left out, one cancelled, completed, extended or
reassigned later is as it was).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from domain.assignment import Assignment
from domain.assignment_status import status_on_day
from domain.values import AssignmentStatus
from service.readmodel.readside import ReadSide
from service.readmodel.rows import AgencyTask, StatusCounts


@dataclass(frozen=True)
class Past:
    """The moment a late digest fell due, and each assignment as it then stood
    (None: not recorded yet)."""

    at: datetime
    assignment: Callable[[UUID], Assignment | None]


def agency_tasks(
    read_side: ReadSide,
    committee_id: UUID,
    agency_id: UUID,
    since: date,
    past: Past,
) -> list[AgencyTask]:
    """An agency's tasks then: open, or finished or issued ``since``; those it
    lost since (reassigned away) included, those it got since left out."""
    read_model = read_side.read_model
    now = read_model.agency_tasks(committee_id, agency_id, since, with_closed=True)
    ids = [UUID(task.id) for task in now]
    known = set(ids)
    ids += [
        i for i in read_model.changed_since(committee_id, past.at) if i not in known
    ]
    found = []
    for assignment_id in ids:
        then = past.assignment(assignment_id)
        was = None if then is None else _task_then(assignment_id, then, agency_id)
        if was is not None and (
            was.done_on is None or was.done_on >= since or was.issued_on >= since
        ):
            found.append(was)
    return found


def _task_then(
    assignment_id: UUID, then: Assignment, agency_id: UUID
) -> AgencyTask | None:
    """One agency's row of a task, from the assignment as it then stood."""
    if then.closed_status is not None:
        return None
    if agency_id in then.tracked:
        completion = then.completions.get(agency_id)
        role, done_on = "tracked", completion.completed_on if completion else None
    elif agency_id in then.coordinating:
        role, done_on = "coordinating", then.completed_on
    else:
        return None
    asked = then.pending_extension
    return AgencyTask(
        id=str(assignment_id),
        title=then.title,
        deadline=then.deadline,
        issued_on=then.issued_on,
        extension_requested=asked.deadline if asked else None,
        role=role,
        done_on=done_on,
    )


def statistics(
    read_side: ReadSide, committee_id: UUID, day: date, past: Past
) -> list[StatusCounts]:
    """Per-agency counts on ``day`` as they stood then: today's counts, less what
    the assignments changed since count now, plus what they counted then."""
    rows = read_side.statistics(day, "agency", str(committee_id))
    changed = read_side.read_model.changed_since(committee_id, past.at)
    if not changed:
        return rows
    counts: Counter[tuple[str, str]] = Counter()
    for row in rows:
        for status in AssignmentStatus:
            counts[row.id, status.value] += getattr(row, status.value)
    for part in read_side.read_model.tracked_parts_of(changed):
        now = status_on_day(
            day,
            deadline=part.deadline,
            completed_on=part.completed_on,
            closed=part.closed,
        )
        counts[part.agency_id, now.value] -= 1
    for then in _recorded(past.assignment(i) for i in changed):
        for agency_id in then.tracked:
            counts[str(agency_id), then.agency_status_on(agency_id, day).value] += 1
    names: dict[str, str | None] = {row.id: row.name for row in rows}
    if {agency for agency, _ in counts} - names.keys():  # every part moved since
        names.update({a.id: a.name for a in read_side.agency_directory()})
    order = list(dict.fromkeys([row.id for row in rows] + [a for a, _ in counts]))
    return [
        StatusCounts(
            id=agency,
            name=names.get(agency),
            **{s.value: counts[agency, s.value] for s in AssignmentStatus},
        )
        for agency in order
    ]


def _recorded(assignments: Iterable[Assignment | None]) -> Iterable[Assignment]:
    return (one for one in assignments if one is not None)
