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

    def lineage_children(
        self,
        key: str,
        day: date,
        offset: int,
        limit: int,
        committees: Committees = None,
    ) -> Graph:
        """``key`` and one page of what came directly of it: ``limit`` children
        from ``offset``, by relation, then in the order they came; truncated
        when more follow. A page is an index range, however many there are."""
        start = self.select(
            "lineage_down", start=key, depth=0, limit=1, day=day.isoformat()
        )
        rows = self.select(
            "lineage_children",
            start=key,
            day=day.isoformat(),
            committees=self.collection(committees),
            limit=limit + 1,
            offset=max(offset, 0),
        )
        return assemble.children(start, rows[:limit], more=len(rows) > limit)

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
