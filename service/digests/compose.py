"""What a digest says, read from the read models: lines and tallies, no rendering.

A digest issued late (after downtime) still says what was true when it fell
due (``service.digests.past``): a task recorded later, a completion reported
later or a deadline extended later do not leak into it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from domain.assignment import Assignment
from domain.digest import AgencyTally, DigestLine
from domain.values import AssignmentStatus
from service.digests import past as late
from service.digests.past import Past
from service.digests.render import vn_date
from service.readmodel.paging import AssignmentFilter, Page
from service.readmodel.readside import ReadSide
from service.readmodel.rows import AgencyTask, Decision, StatusCounts

# Reminders go out this many days before a deadline.
REMINDER_DAYS = (7, 3, 1)
MOST_OVERDUE = 10
MAX_DECISIONS = 50
SECTIONS = (
    "new",
    "due",
    "overdue",
    "completed",
    "extension_requested",
    "most_overdue",
    "decisions",
)


@dataclass(frozen=True)
class Content:
    """The lines (and, weekly, the tallies) of one digest."""

    lines: list[DigestLine] = field(default_factory=list)
    tallies: list[AgencyTally] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Nothing to tell: such a digest is not issued."""
        return not self.lines and not self.tallies


def daily(
    read_side: ReadSide,
    committee_id: UUID,
    agency_id: UUID,
    day: date,
    past: Past | None = None,
) -> Content:
    """An agency's day: new yesterday, due in 7/3/1 days, overdue, done, extensions.

    With ``past``, each task is taken as it stood when the digest fell due.
    """
    yesterday = day - timedelta(days=1)
    if past is None:
        tasks = read_side.read_model.agency_tasks(committee_id, agency_id, yesterday)
    else:
        tasks = late.agency_tasks(read_side, committee_id, agency_id, yesterday, past)
    lines: list[DigestLine] = []
    seen: set[tuple[str, str]] = set()
    for task in tasks:
        for section, days, detail in _sections(task, day, yesterday):
            if (section, task.id) not in seen:
                seen.add((section, task.id))
                lines.append(_line(section, task, days, detail))
    lines.sort(key=lambda line: (SECTIONS.index(line.section), line.days or 0))
    return Content(lines=lines)


def _sections(
    task: AgencyTask, day: date, yesterday: date
) -> list[tuple[str, int | None, Any]]:
    """Where one of the agency's assignments belongs in its digest of ``day``."""
    days = (task.deadline - day).days if task.deadline else None
    done_on = task.done_on
    found: list[tuple[str, int | None, Any]] = []
    if task.issued_on == yesterday:
        found.append(("new", days, None))
    if done_on is None and days is not None and days in REMINDER_DAYS:
        found.append(("due", days, None))
    if done_on is None and days is not None and days < 0:
        found.append(("overdue", days, None))
    if done_on == yesterday:
        found.append(("completed", days, None))
    if done_on is None and task.extension_requested:
        asked = task.extension_requested
        found.append(("extension_requested", days, f"đề nghị đến {vn_date(asked)}"))
    return found


def weekly(
    read_side: ReadSide,
    committee_id: UUID,
    period: tuple[date, date],
    past: Past | None = None,
) -> Content:
    """A committee's week: tallies by agency, the most overdue, the week's decisions.

    With ``past``, the most overdue and the decisions are those of that moment.
    """
    day = period[1] + timedelta(days=1)
    if past is None:
        lines = _most_overdue(read_side, committee_id, day)
    else:
        lines = _most_overdue_then(read_side, committee_id, day, past)
    decisions = read_side.read_model.decisions(committee_id, period, MAX_DECISIONS)
    if past is not None:
        decisions = [d for d in decisions if past.assignment(UUID(d.id)) is not None]
    for decision in decisions:
        deadline = decision.deadline
        days = (deadline - day).days if deadline else None
        lines.append(_line("decisions", decision, days, _origin(decision)))
    if past is None:
        counts = read_side.statistics(day, "agency", str(committee_id))
    else:
        counts = late.statistics(read_side, committee_id, day, past)
    return Content(lines=lines, tallies=_tallies(counts))


def _most_overdue(
    read_side: ReadSide, committee_id: UUID, day: date
) -> list[DigestLine]:
    where = AssignmentFilter(day=day, committee_id=str(committee_id), status="overdue")
    page = read_side.assignments(where, Page(limit=MOST_OVERDUE))
    return [
        _overdue_line(
            UUID(str(row.id)),
            row.title,
            _day(row.deadline),
            [a.name or a.agency_id for a in row.agencies if a.role == "lead"],
            day,
        )
        for row in page.items
    ]


def _most_overdue_then(
    read_side: ReadSide, committee_id: UUID, day: date, past: Past
) -> list[DigestLine]:
    """The most overdue on ``day`` as the tasks then stood: those cancelled,
    extended or completed since included. Candidates come by first deadline;
    once ten are found, one whose first deadline is later than the tenth's
    deadline then cannot be more overdue (deadlines only move later)."""
    found: list[tuple[date, UUID, Assignment]] = []
    candidates = read_side.read_model.overdue_candidates(committee_id, day)
    for first_deadline, assignment_id in candidates:
        if len(found) == MOST_OVERDUE and first_deadline > found[-1][0]:
            break
        was = past.assignment(assignment_id)
        if was is not None and was.deadline and _overdue_then(was, day):
            found.append((was.deadline, assignment_id, was))
            found.sort(key=lambda one: (one[0], str(one[1])))
            del found[MOST_OVERDUE:]
    names = {row.id: row.name for row in read_side.agency_directory()} if found else {}
    return [
        _overdue_line(
            i, was.title, deadline, [names.get(str(a), str(a)) for a in was.lead], day
        )
        for deadline, i, was in found
    ]


def _overdue_line(
    ref: UUID, title: str, deadline: date | None, leads: list[str], day: date
) -> DigestLine:
    """A most-overdue line: the task, its deadline, its lead agencies."""
    return DigestLine(
        section="most_overdue",
        ref=ref,
        title=title,
        deadline=deadline,
        days=(deadline - day).days if deadline else None,
        detail=", ".join(leads) or None,
    )


def _overdue_then(then: Assignment | None, day: date) -> bool:
    """Whether the assignment, as it then stood, was overdue on ``day``."""
    return then is not None and then.status_on(day) is AssignmentStatus.OVERDUE


def _tallies(rows: list[StatusCounts]) -> list[AgencyTally]:
    return [
        AgencyTally(
            agency_id=UUID(row.id),
            name=row.name or row.id,
            done_on_time=row.done_on_time,
            done_late=row.done_late,
            in_progress=row.in_progress,
            overdue=row.overdue,
        )
        for row in rows
        if row.total - row.cancelled - row.superseded > 0
    ]


def _origin(decision: Decision) -> str | None:
    """Where a decision came from: meeting, item, speaker (and title), or document."""
    parts = []
    if decision.meeting:
        item = f", mục {decision.item_number}" if decision.item_number else ""
        parts.append(f"{decision.meeting}{item}")
    elif decision.origin_document:
        parts.append(f"văn bản {decision.origin_document}")
    if decision.speaker:
        title = f" ({decision.speaker_title})" if decision.speaker_title else ""
        parts.append(f"{decision.speaker}{title}")
    return " — ".join(parts) or None


def _line(
    section: str,
    row: AgencyTask | Decision,
    days: int | None,
    detail: Any,
) -> DigestLine:
    return DigestLine(
        section=section,
        ref=UUID(str(row.id)),
        title=row.title,
        deadline=_day(row.deadline),
        days=days,
        detail=str(detail) if detail is not None else None,
    )


def _day(raw: date | str | None) -> date | None:
    """A date, from a row's ``date`` or its ISO 8601 text (the tracker's)."""
    if raw is None or isinstance(raw, date):
        return raw
    return date.fromisoformat(raw[:10])
