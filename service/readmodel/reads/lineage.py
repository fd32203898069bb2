"""Reads of lineage and search."""

from __future__ import annotations

from datetime import date

from service.readmodel import assemble
from service.readmodel.paging import (
    Committees,
)
from service.readmodel.rows import (
    Graph,
    SearchHit,
)
from service.readmodel.store import Store

MAX_WALK_ROWS = 5000  # a bound on a lineage walk's work; beyond it: truncated


class LineageReads(Store):
    """Lineage walks up and down, and full-text search."""

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
