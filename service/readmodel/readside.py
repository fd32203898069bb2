"""What leaders and officers read, within the bounds a request may ask for.

``ReadSide`` is what the web and the digests hold: the read model's typed
reads with pages, depths and search words bounded and folded, paging cursors
signed, and the wait that lets a client read its own writes.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import date
from uuid import UUID

from domain.text import fold
from service.readmodel import directory
from service.readmodel.base import ReadModel
from service.readmodel.paging import (
    MAX_PAGE,
    AssignmentFilter,
    Committees,
    Cursors,
    MeetingFilter,
    Page,
    PageOf,
)
from service.readmodel.rows import (
    AgencyNames,
    CommitteeZone,
    ConnectionPointRow,
    Decision,
    DigestSummary,
    DocumentCitations,
    DocumentSummary,
    Graph,
    MeetingSummary,
    PersonRow,
    SearchHit,
    StatusCounts,
    TrackedAssignment,
)

MAX_DEPTH = 12
_WORD = re.compile(r"\w+")


class ReadSide:
    """The read model's reads, bounded; every answer is a typed row."""

    def __init__(self, read_model: ReadModel, cursors: Cursors | None = None) -> None:
        self.read_model = read_model
        # The cursors handed out are signed: a made-up one is refused, not queried.
        self.cursors = cursors or Cursors()

    # -- read your writes ----------------------------------------------------

    def position(self) -> int:
        """The position every projection has reached (the slowest one's)."""
        return min(self.read_model.positions().values())

    def wait_for(self, position: int, timeout: float = 5.0) -> bool:
        """Wait, at most ``timeout`` seconds, until projections reach ``position``."""
        deadline = time.monotonic() + timeout
        while self.position() < position:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.02)
        return True

    # -- the reads -----------------------------------------------------------

    def agency_directory(self) -> list[AgencyNames]:
        """Every agency with the other names it is known by (for matching text)."""
        return self.read_model.agency_directory()

    def committees(self) -> list[CommitteeZone]:
        """Every committee with its name and time zone."""
        return self.read_model.committees_with_zones()

    def people(self) -> list[PersonRow]:
        """Every official of the directory, by name (for choosing a speaker)."""
        return self.read_model.people()

    # -- the directory's lists (a folded-name filter, paged) -----------------

    def committee_list(
        self, query: str | None, page: Page, committees: Committees = None
    ) -> PageOf[CommitteeZone]:
        """Committees by name, those whose folded name contains ``query``."""
        rows = self.read_model.committees_with_zones()
        if committees is not None:
            readable = {str(committee) for committee in committees}
            rows = [row for row in rows if str(row.id) in readable]
        return directory.by_name(rows, page, query, lambda row: row.name)

    def agency_list(self, query: str | None, page: Page) -> PageOf[AgencyNames]:
        """Agencies and groups by name, matched on their name or any alias."""
        rows = self.read_model.agency_directory()
        return directory.by_name(
            rows, page, query, lambda row: row.name, lambda row: row.aliases
        )

    def person_list(self, query: str | None, page: Page) -> PageOf[PersonRow]:
        """Officials by name, matched on their full name or title."""
        rows = self.read_model.people()
        return directory.by_name(
            rows, page, query, lambda row: row.full_name, lambda row: (row.title,)
        )

    def decisions(
        self, committee_id: str | UUID, period: tuple[date, date], limit: int
    ) -> list[Decision]:
        """A committee's decisions issued in ``period``, with where they came from."""
        return self.read_model.decisions(committee_id, period, limit)

    def meetings(
        self, where: MeetingFilter, page: Page, committees: Committees = None
    ) -> PageOf[MeetingSummary]:
        """Meetings, newest first, filtered by committee, dates, status, format."""
        opened = self.cursors.opened("meetings", page)
        found = self.read_model.meetings(where, opened, committees)
        return self.cursors.sealed("meetings", found)

    def connection_points(self, meeting_id: str | UUID) -> list[ConnectionPointRow]:
        """A meeting's connection points in the order they were registered."""
        return self.read_model.connection_points(meeting_id)

    def assignments(
        self, where: AssignmentFilter, page: Page, committees: Committees = None
    ) -> PageOf[TrackedAssignment]:
        """Assignments by due date, with their status on ``where.day`` and agencies."""
        opened = self.cursors.opened("assignments", page)
        found = self.read_model.assignments(where, opened, committees)
        return self.cursors.sealed("assignments", found)

    def every_assignment(
        self, where: AssignmentFilter, committees: Committees = None
    ) -> Iterator[list[TrackedAssignment]]:
        """Every assignment of ``where`` by due date, in large batches (exports)."""
        return self.read_model.every_assignment(where, committees)

    def statistics(
        self,
        day: date,
        by: str,
        committee_id: str | UUID | None = None,
        committees: Committees = None,
    ) -> list[StatusCounts]:
        """Counts in each status on ``day``, per agency or committee; on-time rate."""
        return self.read_model.statistics(day, by, committee_id, committees)

    def documents(
        self, page: Page, committees: Committees = None
    ) -> PageOf[DocumentSummary]:
        """Cited documents by number, with how many assignments cite them."""
        opened = self.cursors.opened("documents", page)
        found = self.read_model.documents(opened, committees)
        return self.cursors.sealed("documents", found)

    def document(
        self, key: str, day: date, committees: Committees = None
    ) -> DocumentCitations | None:
        """A document and the assignments that cite it, with their status."""
        return self.read_model.document(key, day, committees)

    def lineage(self, key: str, direction: str, depth: int, day: date) -> Graph:
        """Nodes and edges from ``key`` (at most MAX_DEPTH steps): up or down."""
        return self.read_model.lineage(key, direction, min(depth, MAX_DEPTH), day)

    def lineage_children(
        self,
        key: str,
        day: date,
        offset: int,
        limit: int,
        committees: Committees = None,
    ) -> Graph:
        """A node and one page of what came directly of it (the explorer)."""
        return self.read_model.lineage_children(key, day, offset, limit, committees)

    def search(
        self, text: str, limit: int = 20, committees: Committees = None
    ) -> list[SearchHit]:
        """Speeches, conclusion items and assignments matching every word, best
        first; diacritics and case do not matter."""
        words = _WORD.findall(fold(text))
        if not words:
            return []
        bounded = max(1, min(limit, MAX_PAGE))
        return self.read_model.search(words, bounded, committees)

    def digests(
        self,
        page: Page | None = None,
        committee_id: str | UUID | None = None,
        recipient_id: str | UUID | None = None,
        kind: str | None = None,
        state: str | None = None,
        committees: Committees = None,
    ) -> PageOf[DigestSummary]:
        """Issued digests, newest first, with their counts and delivery state."""
        opened = self.cursors.opened("digests", page or Page())
        found = self.read_model.digests(
            opened, committee_id, recipient_id, kind, state, committees
        )
        return self.cursors.sealed("digests", found)
