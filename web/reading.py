"""Reading aggregates for the API: now or as of a past moment, and history pages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.domain import Aggregate
from werkzeug.exceptions import NotFound

from domain.assignment import Assignment
from service.errors import NotFoundError
from service.eventstore.application import HistoryEntry
from web.http import steerlog
from web.principal import viewed_in_request

A = TypeVar("A", bound=Aggregate)
K = TypeVar("K")
V = TypeVar("V")


def read(cls: type[A], aggregate_id: UUID, as_of: datetime | None = None) -> A:
    """The aggregate now, or as it stood at ``as_of``; of another kind: not found."""
    application = steerlog()
    if as_of is None:
        # Authorising the request may have viewed it already (``web.targets``).
        viewed = viewed_in_request(cls, aggregate_id)
        return viewed if viewed is not None else application.view(cls, aggregate_id)
    aggregate = application.get_as_of(aggregate_id, as_of)
    if not isinstance(aggregate, cls):
        raise NotFoundError(cls.__name__.lower(), aggregate_id)
    return aggregate


def part_of(parts: Mapping[K, V], key: K, kind: str) -> V:
    """One part of an aggregate (a speech of a meeting...), or 404."""
    try:
        return parts[key]
    except KeyError:
        raise NotFound(f"No {kind} {key} here.") from None


@dataclass(frozen=True)
class AssignmentOnDay:
    """An assignment with its status on a day of its committee's zone.

    Attributes the schema asks for and this class does not define are the
    assignment's own.
    """

    assignment: Assignment
    status_on: date

    def __getattr__(self, name: str) -> Any:
        return getattr(self.assignment, name)

    @property
    def status(self) -> str:
        """The status on ``status_on`` (four official statuses, plus two)."""
        return self.assignment.status_on(self.status_on)

    @property
    def agency_statuses(self) -> list[dict[str, Any]]:
        """Each tracked agency's status: a group's task is followed per member."""
        return [
            {
                "agency_id": agency,
                "status": self.assignment.agency_status_on(agency, self.status_on),
            }
            for agency in self.assignment.tracked
        ]

    @property
    def acknowledgements(self) -> list[dict[str, Any]]:
        """Which agencies acknowledged, and when."""
        return [
            {"agency_id": agency, "at": at}
            for agency, at in self.assignment.acknowledged_by.items()
        ]


def read_assignment(
    assignment_id: UUID, as_of: datetime | None = None
) -> AssignmentOnDay:
    """An assignment with its status today (or on ``as_of``'s day) in its zone."""
    application = steerlog()
    assignment = read(Assignment, assignment_id, as_of)
    day = application.committee_day(assignment.origin.committee_id, as_of)
    return AssignmentOnDay(assignment, day)


@dataclass(frozen=True)
class HistoryPage:
    """Some entries of an aggregate's history, and the cursor to the next ones."""

    items: list[HistoryEntry]
    next_cursor: str | None


def history_page(aggregate_id: UUID, cursor: str | None, limit: int) -> HistoryPage:
    """Entries after the cursor (a version number, opaque to clients), oldest first."""
    after = int(cursor) if cursor else 0
    entries = steerlog().history(aggregate_id, after_version=after, limit=limit + 1)
    items = entries[:limit]
    more = len(entries) > limit
    return HistoryPage(items, str(items[-1].version) if more else None)
