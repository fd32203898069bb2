"""Reads of the tracker: assignments, statistics, documents."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any
from uuid import UUID

from service.readmodel import assemble
from service.readmodel.changes import value
from service.readmodel.paging import (
    AssignmentFilter,
    Committees,
    Page,
    PageOf,
    decode_cursor,
    paged,
)
from service.readmodel.rows import (
    AssignmentRow,
    DocumentCitations,
    DocumentSummary,
    StatusCounts,
    TrackedAssignment,
)
from service.readmodel.store import Row, Store, filters_of, page_of

EXPORT_BATCH = 2000  # rows per query when every row of a listing is read


class TrackerReads(Store):
    """The tracker, the statistics per agency and committee, the document registry."""

    def assignments(
        self, where: AssignmentFilter, page: Page, committees: Committees = None
    ) -> PageOf[TrackedAssignment]:
        """Assignments by due date, with their status on ``where.day`` and agencies."""
        after_key, after_id = decode_cursor(page.cursor, 2)
        rows = self._assignment_rows(
            where, after_key, after_id, page.size + 1, committees
        )
        found = paged(rows, page, lambda row: (row[-1], row[0]))
        return PageOf(self._tracked(found.items), found.next_cursor)

    def every_assignment(
        self,
        where: AssignmentFilter,
        committees: Committees = None,
        batch: int = EXPORT_BATCH,
    ) -> Iterator[list[TrackedAssignment]]:
        """Every assignment of ``where`` by due date, ``batch`` rows at a time.

        One walk down the (due, id) order, each batch starting where the last
        ended: what the exports read, larger than a page so that a report of
        200,000 rows costs a hundred round trips, not a thousand.
        """
        after: tuple[Any, Any] = (None, None)
        while True:
            rows = self._assignment_rows(where, *after, batch, committees)
            if rows:
                yield self._tracked(rows)
            if len(rows) < batch:
                return
            after = (rows[-1][-1], rows[-1][0])

    def _assignment_rows(
        self,
        where: AssignmentFilter,
        after_key: Any,
        after_id: Any,
        limit: int,
        committees: Committees,
    ) -> list[Row]:
        return self.select(
            "assignments_of_agency" if where.agency_id else "assignments",
            **filters_of(where),
            committees=self.collection(committees),
            after_key=after_key,
            after_id=after_id,
            limit=limit,
        )

    def _tracked(self, rows: list[Row]) -> list[TrackedAssignment]:
        """Tracker rows with their agencies, read in one query."""
        ids = [row[0] for row in rows]
        if not ids:
            return []
        agencies = self.select("assignment_agencies", ids=self.collection(ids))
        return assemble.tracked(rows, agencies)

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

    def documents(
        self, page: Page, committees: Committees = None
    ) -> PageOf[DocumentSummary]:
        """Every document known, by number: how many assignments cite it, and how
        many assignments or meetings link to it by each relation."""
        (after_key,) = decode_cursor(page.cursor, 1)
        rows = self.select(
            "registry",
            after_key=after_key,
            committees=self.collection(committees),
            limit=page.size + 1,
        )
        found = page_of(rows, page, lambda row: (row[0],), DocumentSummary)
        if not found.items:
            return found
        counts = self.select(
            "document_link_counts",
            keys=self.collection([item.key for item in found.items]),
            committees=self.collection(committees),
        )
        return PageOf(assemble.link_counts(found.items, counts), found.next_cursor)

    def document(
        self, key: str, day: date, committees: Committees = None
    ) -> DocumentCitations | None:
        """A document, the assignments citing it with their status, and everything
        linked to it, by relation."""
        found = self.select("document", key=key)
        if not found:
            return None
        scope = self.collection(committees)
        citing = self.select("citing", key=key, day=day.isoformat(), committees=scope)
        cited_by = [assemble.assignment(row, AssignmentRow) for row in citing]
        links = self.select(
            "document_links", key=key, day=day.isoformat(), committees=scope
        )
        return assemble.document_citations(found[0], cited_by, links)
