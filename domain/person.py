"""The Person aggregate: an official who chairs, speaks and decides."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from eventsourcing.domain import event

from domain.base import SteerlogAggregate
from domain.errors import NoChangeError
from domain.values import optional_text, required_text


@dataclass(frozen=True)
class FormerTitle:
    """A title the person held until a given day."""

    title: str | None
    until: date


class Person(SteerlogAggregate):
    """Một cán bộ: the person id links all of one official's speeches and decisions."""

    @classmethod
    def register(
        cls,
        *,
        id: UUID,
        actor: str,
        full_name: str,
        title: str | None = None,
        agency_id: UUID | None = None,
    ) -> Person:
        """Register an official with their current title (chức vụ)."""
        return cls(
            id=id,
            actor=actor,
            full_name=required_text("full_name", full_name),
            title=optional_text(title),
            agency_id=agency_id,
        )

    @event("Registered")
    def __init__(
        self,
        *,
        id: UUID,
        actor: str,
        full_name: str,
        title: str | None,
        agency_id: UUID | None,
    ) -> None:
        self.full_name = full_name
        self.title = title
        self.agency_id = agency_id
        self.former_titles: list[FormerTitle] = []

    def change_title(
        self,
        *,
        actor: str,
        title: str,
        effective_on: date,
        agency_id: UUID | None = None,
    ) -> None:
        """A new position from a given day; speeches keep the title held when spoken."""
        new_title = required_text("title", title)
        if new_title == self.title and agency_id in (None, self.agency_id):
            raise NoChangeError(field="title", person_id=self.id)
        self._title_changed(
            actor=actor,
            title=new_title,
            effective_on=effective_on,
            agency_id=agency_id or self.agency_id,
        )

    @event("TitleChanged")
    def _title_changed(
        self, *, actor: str, title: str, effective_on: date, agency_id: UUID | None
    ) -> None:
        self.former_titles.append(FormerTitle(self.title, effective_on))
        self.title = title
        self.agency_id = agency_id
