"""The read-model interface; each database supplies its SQL and its connection."""

from __future__ import annotations

import base64
import json
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar

from service.readmodel.schema import PROJECTIONS

Row = dict[str, Any]
Operation = tuple[str, dict[str, Any]]
STATUSES = (
    "done_on_time",
    "done_late",
    "in_progress",
    "overdue",
    "cancelled",
    "superseded",
)


class PositionMovedError(Exception):
    """Another projector moved the position first; this batch was rolled back."""


class BadCursorError(ValueError):
    """A paging cursor that this read model did not hand out."""


@dataclass(frozen=True)
class Batch:
    """One projection's row changes, taking its position from ``expected`` to
    ``new``."""

    projection: str
    expected: int
    new: int
    operations: list[Operation]


@dataclass(frozen=True)
class Ready:
    """Batches ready to commit: the positions they move (name, expected, new), in
    name order, and their statements as the database runs them."""

    moves: list[tuple[str, int, int]]
    rendered: Any


@dataclass(frozen=True)
class Page:
    """A page request: at most ``limit`` rows after ``cursor``."""

    limit: int = 50
    cursor: str | None = None


@dataclass(frozen=True)
class PageOf:
    """A page of rows and the cursor of the next page (None on the last)."""

    items: list[Row]
    next_cursor: str | None


@dataclass(frozen=True)
class MeetingFilter:
    """Which meetings to list."""

    committee_id: str | None = None
    status: str | None = None
    format: str | None = None
    starts_from: datetime | None = None
    starts_before: datetime | None = None


@dataclass(frozen=True)
class AssignmentFilter:
    """Which assignments to list; statuses are evaluated on ``day``."""

    day: date
    agency_id: str | None = None
    committee_id: str | None = None
    meeting_id: str | None = None
    speaker_id: str | None = None
    status: str | None = None
    due_from: date | None = None
    due_to: date | None = None


@dataclass(frozen=True)
class Graph:
    """Nodes and edges of a lineage walk."""

    nodes: list[Row] = field(default_factory=list)
    edges: list[Row] = field(default_factory=list)
    truncated: bool = False


def encode_cursor(*values: Any) -> str:
    """An opaque cursor from the sort key of the last row of a page."""
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode()


def decode_cursor(cursor: str | None, size: int) -> list[Any]:
    """The sort key inside a cursor (``size`` values), or Nones for the first page."""
    if cursor is None:
        return [None] * size
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except ValueError:
        raise BadCursorError(cursor) from None
    if not isinstance(values, list) or len(values) != size:
        raise BadCursorError(cursor)
    return values


# By exact type (the drivers return these, never subclasses): a dict lookup for
# every value of every row read.
_ISO: dict[type, Any] = {datetime: datetime.isoformat, date: date.isoformat}


def plain_value(value: Any) -> Any:
    """Dates and times as ISO 8601 text, whatever the driver returned."""
    convert = _ISO.get(type(value))
    return value if convert is None else convert(value)


class ReadModel(ABC):
    """Tables fed by projections, and the queries that leaders and officers use."""

    backend: ClassVar[str]
    positions_ddl: ClassVar[tuple[str, ...]]
    ddl: ClassVar[dict[str, tuple[str, ...]]]
    drops: ClassVar[dict[str, tuple[str, ...]]]
    statements: ClassVar[dict[str, str]]
    queries: ClassVar[dict[str, str]]

    # -- what each database provides -----------------------------------------

    @abstractmethod
    def transaction(self) -> AbstractContextManager[Any]:
        """A cursor inside one transaction, committed on success."""

    @abstractmethod
    def run(self, cursor: Any, sql: str, params: dict[str, Any]) -> int:
        """Execute one statement; return the number of rows it changed."""

    def render(self, operations: list[tuple[str, dict[str, Any]]]) -> Any:
        """(sql, parameters) pairs made ready for ``run_many`` (as they are, unless a
        database prefers another form); no connection is needed."""
        return operations

    @abstractmethod
    def run_many(self, cursor: Any, rendered: Any) -> None:
        """Execute what ``render`` made, in order, in as few round trips as can be."""

    def prepare_batch(self, cursor: Any) -> None:
        """Set up a projection batch's transaction (nothing to do by default)."""
        return None

    def lock_tables(self, cursor: Any) -> None:
        """Keep other processes from creating or dropping tables until this
        transaction ends (nothing to do by default: SQLite has one writer)."""
        return None

    @abstractmethod
    def fetch(self, cursor: Any, sql: str, params: dict[str, Any]) -> list[Row]:
        """Rows of one query, as dicts, with dates and times as ISO 8601 text."""

    @abstractmethod
    def placeholders(self, prefix: str, count: int) -> str:
        """``count`` named parameter markers ``prefix0, prefix1, ...``."""

    @abstractmethod
    def close(self) -> None:
        """Release connections."""

    # -- tables and positions ------------------------------------------------

    def create(self, projection: str | None = None) -> None:
        """Create the tables of one projection (or all) and their positions."""
        names = [projection] if projection else list(PROJECTIONS)
        with self.transaction() as cursor:
            self.lock_tables(cursor)
            for statement in self.positions_ddl:
                self.run(cursor, statement, {})
            for name in names:
                for statement in self.ddl[name]:
                    self.run(cursor, statement, {})
                self.run(cursor, self.queries["position_start"], {"name": name})

    def drop(self, projection: str) -> None:
        """Drop a projection's tables and rewind its position to zero."""
        with self.transaction() as cursor:
            self.lock_tables(cursor)
            for statement in self.drops[projection]:
                self.run(cursor, statement, {})
            self.run(cursor, self.queries["position_reset"], {"name": projection})

    def position(self, projection: str) -> int:
        """The last notification id the projection has applied."""
        rows = self.read("position", name=projection)
        return int(rows[0]["position"]) if rows else 0

    def positions(self) -> dict[str, int]:
        """Every projection's position, in one query (the projector polls it)."""
        found = {row["name"]: int(row["position"]) for row in self.read("positions")}
        return {name: found.get(name, 0) for name in PROJECTIONS}

    def ready(self, batches: list[Batch]) -> Ready:
        """Batches made ready to commit (the work that needs no connection)."""
        moves = sorted((b.projection, b.expected, b.new) for b in batches)
        operations = [
            (self.statements[name], params)
            for batch in batches
            for name, params in batch.operations
        ]
        return Ready(moves, self.render(operations))

    def commit(self, ready: Ready) -> None:
        """Move the positions and apply the rows of ``ready``, in one transaction.

        Positions move first, in the order of their names: a second projector on
        the same projections waits there for the first to commit, then finds its
        positions moved and rolls back, before it touches any row.
        """
        with self.transaction() as cursor:
            self.prepare_batch(cursor)
            for projection, expected, new in ready.moves:
                moved = self.run(
                    cursor,
                    self.queries["position_move"],
                    {"name": projection, "expected": expected, "new": new},
                )
                if moved != 1:
                    raise PositionMovedError(projection)
            self.run_many(cursor, ready.rendered)

    def read(self, name: str, sql: str | None = None, /, **params: Any) -> list[Row]:
        """Rows of a named query (or of ``sql``), with ISO 8601 dates."""
        with self.transaction() as cursor:
            return self.fetch(cursor, sql or self.queries[name], params)

    def read_in(
        self, name: str, marker: str, values: list[str], /, **params: Any
    ) -> list[Row]:
        """Rows of a named query whose ``{marker}`` is a list of values."""
        if not values:
            return []
        prefix = f"{marker}_"
        markers = self.placeholders(prefix, len(values))
        sql = self.queries[name].replace("{" + marker + "}", markers)
        bound = {f"{prefix}{index}": value for index, value in enumerate(values)}
        return self.read(name, sql, **bound, **params)

    def iter_tables(self, projection: str) -> Iterator[tuple[str, list[Row]]]:
        """Every row of every table of a projection, in a stable order (for checks)."""
        for table in PROJECTIONS[projection]:
            yield table, self.read("dump", self.dump_sql(table))

    @abstractmethod
    def dump_sql(self, table: str) -> str:
        """A query returning all rows of ``table`` in a stable order."""
