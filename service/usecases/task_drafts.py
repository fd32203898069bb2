"""A task as a use case receives it, and the assignment built (not saved) from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from domain.agency import Agency
from domain.assignment import Assignment
from domain.values import DocumentRef, Origin
from service.eventstore.application import SteerlogBase
from service.usecases import lookups


@dataclass(frozen=True)
class TaskDraft:
    """One task: who leads, who coordinates, by when, reporting to whom."""

    title: str
    lead: list[UUID]
    coordinating: list[UUID] = field(default_factory=list)
    kind: str = "task"
    deadline: date | None = None
    deadline_text: str | None = None
    report_to: UUID | None = None
    report_via: UUID | None = None
    documents: list[DocumentRef] = field(default_factory=list)


def new_assignment(
    store: SteerlogBase,
    assignment_id: UUID,
    origin: Origin,
    task: TaskDraft,
    issued_on: date,
    actor: str,
    parent_id: UUID | None = None,
) -> Assignment:
    """Build (not save) an assignment, checking every agency it names."""
    lookups.check_agencies(store, task.coordinating, "coordinating")
    for name, agency_id in (
        ("report_to", task.report_to),
        ("report_via", task.report_via),
    ):
        if agency_id is not None:
            store.load(Agency, agency_id, field=name)
    return Assignment.issue(
        id=assignment_id,
        actor=actor,
        origin=origin,
        title=task.title,
        lead=task.lead,
        tracked=lookups.tracked_agencies(store, task.lead),
        issued_on=issued_on,
        coordinating=task.coordinating,
        kind=task.kind,
        deadline=task.deadline,
        deadline_text=task.deadline_text,
        report_to=task.report_to,
        report_via=task.report_via,
        documents=task.documents,
        parent_id=parent_id,
    )
