"""Chương trình: a meeting's agenda, and the open tasks carried over to be reviewed.

"Review open tasks" (rà soát nhiệm vụ) puts the committee's tasks still open from
earlier meetings on the agenda, one entry each, once: reviewing again adds only
tasks not yet on it. What the meeting decides about each (noted, extended,
reassigned, cancelled, closed) is recorded on the task itself, by the commands
that change a task, with one of this meeting's conclusion items as authority.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from uuid import UUID

from eventsourcing.domain import event

from domain.meeting_parts import AgendaItem
from domain.values import required_text

if TYPE_CHECKING:
    from domain.meeting import Meeting


@dataclass(frozen=True)
class OpenTask:
    """A task still open, as the agenda names it: its title and where it came from."""

    assignment_id: UUID
    title: str
    from_meeting_id: UUID


def add_agenda_item(
    self: Meeting, *, actor: str, title: str, presenter_id: UUID | None = None
) -> int:
    """Add an item to the agenda; returns its number."""
    self.check_not_closed()
    number = len(self.agenda) + 1
    self._agenda_item_added(
        actor=actor,
        number=number,
        title=required_text("title", title),
        presenter_id=presenter_id,
    )
    return number


@event("AgendaItemAdded")
def agenda_item_added(
    self: Meeting, *, actor: str, number: int, title: str, presenter_id: UUID | None
) -> None:
    """The item joins the agenda under its number."""
    self.agenda.append(AgendaItem(number, title, presenter_id))


def reviewed_tasks(self: Meeting) -> dict[UUID, int]:
    """The tasks carried over to this meeting, each with its agenda number."""
    # A snapshot taken before carry-over existed has no such attribute.
    tasks: dict[UUID, int] = self.__dict__.setdefault("reviewed_tasks", {})
    return tasks


def review_open_tasks(
    self: Meeting, *, actor: str, tasks: list[OpenTask]
) -> list[OpenTask]:
    """Rà soát: put open tasks of earlier meetings on the agenda; returns those added.

    A task already on the agenda, or issued by this meeting itself, is left out,
    so reviewing twice adds nothing.
    """
    self.check_not_closed()
    added: list[OpenTask] = []
    for task in tasks:
        already = task.assignment_id in reviewed_tasks(self) or any(
            task.assignment_id == other.assignment_id for other in added
        )
        if already or task.from_meeting_id == self.id:
            continue
        self._task_carried_over(
            actor=actor,
            number=len(self.agenda) + 1,
            assignment_id=task.assignment_id,
            title=required_text("title", task.title),
            from_meeting_id=task.from_meeting_id,
        )
        added.append(task)
    return added


@event("TaskCarriedOver")
def task_carried_over(
    self: Meeting,
    *,
    actor: str,
    number: int,
    assignment_id: UUID,
    title: str,
    from_meeting_id: UUID,
) -> None:
    """The open task is on the agenda, to be reviewed."""
    self.agenda.append(AgendaItem(number, title, None))
    reviewed_tasks(self)[assignment_id] = number
