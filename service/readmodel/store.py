"""A read model's store: its connection, its named statements, positions, batches.

Each database implements the abstract methods (``SQLiteReadModel``,
``PostgresReadModel``); the reads (``service.readmodel.reads``) are written once
over ``select``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar, TypeVar

from domain.values import AssignmentStatus
from service.readmodel.changes import Change, value
from service.readmodel.paging import (
    AssignmentFilter,
    MeetingFilter,
    Page,
    PageOf,
    paged,
)
from service.readmodel.schema import PROJECTIONS
from service.readmodel.statements import Statement, statements

T = TypeVar("T")
Row = tuple[Any, ...]
# The statuses an assignment can be in on a day: the domain's, in its order.
STATUSES = tuple(status.value for status in AssignmentStatus)


class PositionMovedError(Exception):
    """Another projector moved the position first; this batch was rolled back."""


@dataclass(frozen=True)
class Batch:
    """One projection's row changes, taking its position from ``expected`` to
    ``new``."""

    projection: str
    expected: int
    new: int
    changes: list[Change]
    keyed: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Ready:
    """Batches ready to commit: the positions they move (name, expected, new), in
    name order, and their changes as the database runs them."""

    moves: list[tuple[str, int, int]]
    rendered: Any


class Store(ABC):
    """Tables fed by projections: a database's connection, statements, batches."""

    backend: ClassVar[str]

    def __init__(self) -> None:
        self.sql: dict[str, Statement] = statements(self.backend)

    # -- what each database provides -----------------------------------------

    @abstractmethod
    def transaction(self) -> AbstractContextManager[Any]:
        """A cursor inside one transaction, committed on success."""

    @abstractmethod
    def create(self, projection: str | None = None) -> None:
        """Create the tables of one projection (or all) and their positions."""

    @abstractmethod
    def drop(self, projection: str) -> None:
        """Drop a projection's tables and rewind its position to zero."""

    @abstractmethod
    def render(
        self, changes: list[Change], keyed: Mapping[str, tuple[str, ...]]
    ) -> Any:
        """A batch's changes made ready to apply (the work needing no transaction);
        ``keyed`` names the upserts that may not write one key twice at once."""

    @abstractmethod
    def apply(self, cursor: Any, rendered: Any) -> None:
        """Apply what ``render`` made, in order, in as few round trips as can be."""

    @abstractmethod
    def fetch(self, cursor: Any, sql: str, params: dict[str, Any]) -> list[Row]:
        """Rows of one query, with dates and times as ISO 8601 text."""

    @abstractmethod
    def collection(self, values: Collection[Any] | None) -> Any:
        """A list of ids as this database's SQL takes it (None: no list)."""

    @abstractmethod
    def search_terms(self, words: list[str]) -> str:
        """Folded words as this database's full-text query, every one required."""

    @abstractmethod
    def close(self) -> None:
        """Release connections."""

    def prepare_batch(self, cursor: Any) -> None:
        """Set up a projection batch's transaction (nothing to do by default)."""
        return None

    # -- positions and batches ------------------------------------------------

    def positions(self) -> dict[str, int]:
        """Every projection's position, in one query (the projector polls it)."""
        found = {name: int(position) for name, position in self.select("positions")}
        return {name: found.get(name, 0) for name in PROJECTIONS}

    def position(self, projection: str) -> int:
        """The last notification id the projection has applied."""
        return self.positions()[projection]

    def ready(self, batches: list[Batch]) -> Ready:
        """Batches made ready to commit (the work that needs no transaction)."""
        moves = sorted((b.projection, b.expected, b.new) for b in batches)
        changes = [item for batch in batches for item in batch.changes]
        keyed = {name: key for batch in batches for name, key in batch.keyed.items()}
        return Ready(moves, self.render(changes, keyed))

    def commit(self, ready: Ready) -> None:
        """Move the positions and apply the rows of ``ready``, in one transaction.

        Positions move first, in the order of their names: a second projector on
        the same projections waits there for the first to commit, then finds its
        positions moved and rolls back, before it touches any row.
        """
        with self.transaction() as cursor:
            self.prepare_batch(cursor)
            for projection, expected, new in ready.moves:
                moved = {"name": projection, "expected": expected, "new": new}
                if self.execute(cursor, "position_move", moved) != 1:
                    raise PositionMovedError(projection)
            self.apply(cursor, ready.rendered)

    def execute(self, cursor: Any, name: str, params: dict[str, Any]) -> int:
        """Run one named statement; the number of rows it changed."""
        cursor.execute(self.sql[name].sql, params)
        return int(cursor.rowcount)

    def select(self, name: str, **params: Any) -> list[Row]:
        """The rows of one named query."""
        with self.transaction() as cursor:
            return self.fetch(cursor, self.sql[name].sql, params)

    # -- checks ---------------------------------------------------------------

    def dump(self, projection: str) -> dict[str, list[dict[str, Any]]]:
        """Every row of a projection's tables, in a stable order (rebuild checks)."""
        tables: dict[str, list[dict[str, Any]]] = {}
        with self.transaction() as cursor:
            for table in PROJECTIONS[projection]:
                rows = self.fetch(cursor, self.sql[f"dump_{table}"].sql, {})
                names = [column[0] for column in cursor.description]
                tables[table] = [dict(zip(names, row, strict=True)) for row in rows]
        return tables


def filters_of(where: MeetingFilter | AssignmentFilter) -> dict[str, Any]:
    return {key: value(raw) for key, raw in asdict(where).items()}


def page_of(
    rows: list[Row], page: Page, key: Callable[[Row], Sequence[Any]], make: Any
) -> PageOf[Any]:
    found = paged(rows, page, key)
    return PageOf([make(*row) for row in found.items], found.next_cursor)
