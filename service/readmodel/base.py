"""The read-model interface: what projections write and people read, typed.

``ReadModel`` names every read in the domain's words and returns the rows of
``service.readmodel.rows``; each database supplies its connection, its batches
and its ``.sql`` files (``SQLiteReadModel``, ``PostgresReadModel``). Nothing
outside the implementations names a table, a column or a statement.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar, TypeVar
from uuid import UUID

from domain.values import AssignmentStatus
from service.readmodel import assemble
from service.readmodel.changes import Change, value
from service.readmodel.paging import (
    AssignmentFilter,
    BadCursorError,
    Committees,
    MeetingFilter,
    Page,
    PageOf,
    decode_cursor,
    paged,
)
from service.readmodel.rows import (
    AgencyNames,
    AgencyTask,
    AssignmentRow,
    CommitteeZone,
    ConnectionPointRow,
    Decision,
    DigestSummary,
    DocumentCitations,
    DocumentSummary,
    Graph,
    MeetingSummary,
    SearchHit,
    StatusCounts,
    Subscription,
    TrackedAssignment,
)
from service.readmodel.schema import PROJECTIONS
from service.readmodel.statements import Statement, statements

__all__ = [
    "STATUSES",
    "AssignmentFilter",
    "BadCursorError",
    "Batch",
    "Graph",
    "MeetingFilter",
    "Page",
    "PageOf",
    "PositionMovedError",
    "ReadModel",
    "Ready",
]

T = TypeVar("T")
Row = tuple[Any, ...]
# The statuses an assignment can be in on a day: the domain's, in its order.
STATUSES = tuple(status.value for status in AssignmentStatus)
MAX_WALK_ROWS = 5000  # a bound on a lineage walk's work; beyond it: truncated


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


class ReadModel(ABC):
    """Tables fed by projections, and the reads that leaders and officers make."""

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

    # -- the directory --------------------------------------------------------

    def agency_directory(self) -> list[AgencyNames]:
        """Every agency with the other names it is known by (for matching text)."""
        return assemble.agency_names(self.select("agency_directory"))

    def committees_with_zones(self) -> list[CommitteeZone]:
        """Every committee with the time zone its deadlines are dates in."""
        return [CommitteeZone(*row) for row in self.select("committees_with_zones")]

    # -- meetings -------------------------------------------------------------

    def meetings(
        self, where: MeetingFilter, page: Page, committees: Committees = None
    ) -> PageOf[MeetingSummary]:
        """Meetings, newest first, filtered by committee, dates, status, format."""
        after_key, after_id = decode_cursor(page.cursor, 2)
        rows = self.select(
            "meetings",
            **_filters(where),
            committees=self.collection(committees),
            after_key=after_key,
            after_id=after_id,
            limit=page.size + 1,
        )
        return _page(rows, page, lambda row: (row[5], row[0]), MeetingSummary)

    def connection_points(self, meeting_id: str | UUID) -> list[ConnectionPointRow]:
        """A meeting's connection points in the order they were registered."""
        rows = self.select("meeting_points", meeting_id=str(meeting_id))
        return [assemble.point(row) for row in rows]

    # -- the tracker and statistics -------------------------------------------

    def assignments(
        self, where: AssignmentFilter, page: Page, committees: Committees = None
    ) -> PageOf[TrackedAssignment]:
        """Assignments by due date, with their status on ``where.day`` and agencies."""
        after_key, after_id = decode_cursor(page.cursor, 2)
        rows = self.select(
            "assignments_of_agency" if where.agency_id else "assignments",
            **_filters(where),
            committees=self.collection(committees),
            after_key=after_key,
            after_id=after_id,
            limit=page.size + 1,
        )
        found = paged(rows, page, lambda row: (row[-1], row[0]))
        ids = [row[0] for row in found.items]
        if not ids:
            return PageOf([], None)
        agencies = self.select("assignment_agencies", ids=self.collection(ids))
        return PageOf(assemble.tracked(found.items, agencies), found.next_cursor)

    def statistics(
        self,
        day: date,
        by: str,
        committee_id: str | UUID | None = None,
        committees: Committees = None,
    ) -> list[StatusCounts]:
        """Counts in each status on ``day``, per agency or committee; on-time rate.

        Per agency, each tracked agency is judged by its own completion; per
        committee, each assignment by the whole of it.
        """
        query = {"agency": "agency_statistics", "committee": "committee_statistics"}[by]
        rows = self.select(
            query,
            day=day.isoformat(),
            committee_id=value(committee_id),
            committees=self.collection(committees),
        )
        return assemble.counts(rows)

    # -- documents ------------------------------------------------------------

    def documents(
        self, page: Page, committees: Committees = None
    ) -> PageOf[DocumentSummary]:
        """Cited documents by number, with how many assignments cite them."""
        (after_key,) = decode_cursor(page.cursor, 1)
        rows = self.select(
            "documents",
            after_key=after_key,
            committees=self.collection(committees),
            limit=page.size + 1,
        )
        return _page(rows, page, lambda row: (row[0],), DocumentSummary)

    def document(
        self, key: str, day: date, committees: Committees = None
    ) -> DocumentCitations | None:
        """A document and the assignments that cite it, with their status."""
        found = self.select("document", key=key)
        if not found:
            return None
        citing = self.select(
            "citing",
            key=key,
            day=day.isoformat(),
            committees=self.collection(committees),
        )
        cited_by = [assemble.assignment(row, AssignmentRow) for row in citing]
        return assemble.document_citations(found[0], cited_by)

    # -- lineage and search ---------------------------------------------------

    def lineage(self, key: str, direction: str, depth: int, day: date) -> Graph:
        """Nodes and edges from ``key``: up (its sources), down (its results)."""
        rows = self.select(
            {"up": "lineage_up", "down": "lineage_down"}[direction],
            start=key,
            depth=depth,
            limit=MAX_WALK_ROWS,
            day=day.isoformat(),
        )
        return assemble.graph(rows, truncated=len(rows) >= MAX_WALK_ROWS)

    def search(
        self, words: list[str], limit: int, committees: Committees = None
    ) -> list[SearchHit]:
        """Speeches, items and assignments matching every (folded) word, best first."""
        rows = self.select(
            "search",
            query=self.search_terms(words),
            committees=self.collection(committees),
            limit=limit,
        )
        return [assemble.search_hit(row) for row in rows]

    # -- digests --------------------------------------------------------------

    def digests(
        self,
        page: Page,
        committee_id: str | UUID | None = None,
        recipient_id: str | UUID | None = None,
        kind: str | None = None,
        state: str | None = None,
        committees: Committees = None,
    ) -> PageOf[DigestSummary]:
        """Issued digests, newest first, with their counts and delivery state."""
        after_key, after_id = decode_cursor(page.cursor, 2)
        rows = self.select(
            "digests",
            committee_id=value(committee_id),
            recipient_id=value(recipient_id),
            kind=kind,
            state=state,
            committees=self.collection(committees),
            after_key=after_key,
            after_id=after_id,
            limit=page.size + 1,
        )
        return _page(rows, page, lambda row: (row[7], row[0]), assemble.digest)

    def subscriptions(
        self, committee_id: str | UUID, recipient_kind: str
    ) -> list[Subscription]:
        """The active subscriptions of one kind of recipient to a committee."""
        rows = self.select(
            "digest_subscriptions",
            committee_id=str(committee_id),
            recipient_kind=recipient_kind,
        )
        return [assemble.subscription(row) for row in rows]

    def issued_digests(self, ids: Sequence[str | UUID]) -> set[str]:
        """Which of these digests the read model has seen issued."""
        if not ids:
            return set()
        rows = self.select("digests_existing", ids=self.collection(ids))
        return {row[0] for row in rows}

    def digests_to_deliver(
        self, now: datetime, stale: datetime, limit: int
    ) -> list[UUID]:
        """Digests never attempted, due for a retry, or whose sender went quiet."""
        rows = self.select(
            "digests_to_deliver", now=value(now), stale=value(stale), limit=limit
        )
        return [UUID(row[0]) for row in rows]

    def agency_tasks(
        self, committee_id: str | UUID, agency_id: str | UUID, since: date
    ) -> list[AgencyTask]:
        """An agency's open tasks in a committee, and those it finished since."""
        rows = self.select(
            "agency_tasks",
            agency_id=str(agency_id),
            committee_id=str(committee_id),
            since=since.isoformat(),
        )
        return [assemble.agency_task(row) for row in rows]

    def decisions(
        self, committee_id: str | UUID, period: tuple[date, date], limit: int
    ) -> list[Decision]:
        """A committee's decisions issued in ``period``, with where they came from."""
        rows = self.select(
            "decisions",
            committee_id=str(committee_id),
            start=period[0].isoformat(),
            end=period[1].isoformat(),
            limit=limit,
        )
        return [assemble.decision(row) for row in rows]

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


def _filters(where: MeetingFilter | AssignmentFilter) -> dict[str, Any]:
    return {key: value(raw) for key, raw in asdict(where).items()}


def _page(
    rows: list[Row], page: Page, key: Callable[[Row], Sequence[Any]], make: Any
) -> PageOf[Any]:
    found = paged(rows, page, key)
    return PageOf([make(*row) for row in found.items], found.next_cursor)
