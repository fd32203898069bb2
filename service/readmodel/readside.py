"""What leaders and officers read: meetings, tracker, statistics, lineage, search."""

from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from dataclasses import asdict
from datetime import date
from typing import Any

from domain.text import fold
from service.readmodel.base import (
    STATUSES,
    AssignmentFilter,
    Graph,
    MeetingFilter,
    Page,
    PageOf,
    ReadModel,
    Row,
    decode_cursor,
    encode_cursor,
)
from service.readmodel.projections.core import value
from service.readmodel.schema import PROJECTIONS

MAX_PAGE = 200
MAX_DEPTH = 12
MAX_WALK_ROWS = 5000  # a bound on work per request; beyond it: truncated
_WORD = re.compile(r"\w+")


class ReadSide:
    """Queries over the read models; every answer is plain JSON-ready data."""

    def __init__(self, read_model: ReadModel) -> None:
        self.read_model = read_model

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

    # -- the directory -------------------------------------------------------

    def agency_directory(self) -> list[Row]:
        """Every agency with the other names it is known by (for matching text)."""
        agencies: dict[str, Row] = {}
        for row in self.read_model.read("agency_directory"):
            entry = agencies.setdefault(
                row["id"], {"id": row["id"], "name": row["name"], "aliases": []}
            )
            if row["alias"]:
                entry["aliases"].append(row["alias"])
        return list(agencies.values())

    def committees(self) -> list[Row]:
        """Every committee with its name and time zone."""
        return self.read_model.read("digest_committees")

    def people(self) -> list[Row]:
        """Every official of the directory, by name (for choosing a speaker)."""
        return self.read_model.read("people")

    # -- meetings ------------------------------------------------------------

    def meetings(self, where: MeetingFilter, page: Page) -> PageOf:
        """Meetings, newest first, filtered by committee, dates, status, format."""
        after_key, after_id = decode_cursor(page.cursor, 2)
        params = {key: value(raw) for key, raw in asdict(where).items()}
        rows = self.read_model.read(
            "meetings",
            **params,
            after_key=after_key,
            after_id=after_id,
            limit=_limit(page),
        )
        return _page(rows, page, lambda row: (row["starts_at"], row["id"]))

    def connection_points(self, meeting_id: str) -> list[Row]:
        """A meeting's connection points in the order they were registered."""
        rows = self.read_model.read("meeting_points", meeting_id=meeting_id)
        for row in rows:
            row["is_host"], row["connected"] = (
                bool(row["is_host"]),
                bool(row["connected"]),
            )
        return rows

    # -- the tracker ---------------------------------------------------------

    def assignments(self, where: AssignmentFilter, page: Page) -> PageOf:
        """Assignments by due date, with their status on ``where.day`` and agencies."""
        after_key, after_id = decode_cursor(page.cursor, 2)
        params = {key: value(raw) for key, raw in asdict(where).items()}
        query = "assignments_of_agency" if where.agency_id else "assignments"
        rows = self.read_model.read(
            query,
            **params,
            after_key=after_key,
            after_id=after_id,
            limit=_limit(page),
        )
        result = _page(rows, page, lambda row: (row["due"], row["id"]))
        self._attach_agencies(result.items)
        for row in result.items:
            row.pop("due")
        return result

    def _attach_agencies(self, rows: list[Row]) -> None:
        by_assignment: dict[str, list[Row]] = defaultdict(list)
        ids = [row["id"] for row in rows]
        for agency in self.read_model.read_in("assignment_agencies", "ids", ids):
            by_assignment[agency.pop("assignment_id")].append(agency)
        for row in rows:
            row["agencies"] = by_assignment[row["id"]]

    def statistics(
        self, day: date, by: str, committee_id: str | None = None
    ) -> list[Row]:
        """Counts in each status on ``day``, per agency or committee; on-time rate.

        Per agency, each tracked agency is judged by its own completion; per
        committee, each assignment by the whole of it.
        """
        query = {"agency": "agency_statistics", "committee": "committee_statistics"}[by]
        extra = {"agency_id": None} if by == "agency" else {}
        rows = self.read_model.read(
            query, day=day.isoformat(), committee_id=committee_id, **extra
        )
        totals: dict[str, Row] = {}
        for row in rows:
            entry = totals.setdefault(
                row["key"],
                {"id": row["key"], "name": row["name"], **dict.fromkeys(STATUSES, 0)},
            )
            entry[row["status"]] = int(row["n"])
        for entry in totals.values():
            done = entry["done_on_time"] + entry["done_late"]
            entry["total"] = sum(entry[status] for status in STATUSES)
            entry["on_time_rate"] = (
                round(entry["done_on_time"] / done, 4) if done else None
            )
        return list(totals.values())

    # -- documents -----------------------------------------------------------

    def documents(self, page: Page) -> PageOf:
        """Cited documents by number, with how many assignments cite them."""
        (after_key,) = decode_cursor(page.cursor, 1)
        rows = self.read_model.read(
            "documents", after_key=after_key, limit=_limit(page)
        )
        return _page(rows, page, lambda row: (row["key"],))

    def document(self, key: str, day: date) -> Row | None:
        """A document and the assignments that cite it, with their status."""
        rows = self.read_model.read("document", key=key)
        if not rows:
            return None
        citing = self.read_model.read("citing", key=key, day=day.isoformat())
        for row in citing:
            row.pop("due")
        return {**rows[0], "cited_by": citing}

    # -- lineage -------------------------------------------------------------

    def lineage(self, key: str, direction: str, depth: int, day: date) -> Graph:
        """Nodes and edges from ``key``: up (its sources), down (its results)."""
        query = {"up": "lineage_up", "down": "lineage_down"}[direction]
        rows = self.read_model.read(
            query,
            start=key,
            depth=min(depth, MAX_DEPTH),
            limit=MAX_WALK_ROWS,
            day=day.isoformat(),
        )
        nodes: dict[str, Row] = {}
        edges: dict[tuple[str, str, str], Row] = {}
        for row in rows:  # a node or edge reached by several paths comes again
            if row["kind"] is not None:
                node = nodes.get(row["key"])
                if node is None:
                    nodes[row["key"]] = _node(row)
                else:
                    node["depth"] = min(node["depth"], int(row["depth"]))
            if row["edge"] is not None:
                found = (row["src"], row["dst"], row["edge"])
                if found not in edges:
                    edges[found] = {
                        name: row[name] for name in ("src", "dst", "edge", "at")
                    }
        ordered = sorted(edges.values(), key=lambda e: (e["at"], e["src"], e["dst"]))
        return Graph(
            nodes=sorted(nodes.values(), key=lambda node: (node["depth"], node["key"])),
            edges=ordered,
            truncated=len(rows) >= MAX_WALK_ROWS,
        )

    # -- search --------------------------------------------------------------

    def search(self, text: str, limit: int = 20) -> list[Row]:
        """Speeches, conclusion items and assignments matching every word, best"
        " first."""
        words = _WORD.findall(fold(text))
        if not words:
            return []
        query = " ".join(words)
        if self.read_model.backend == "sqlite":
            query = " ".join(
                f'"{word}"' for word in words
            )  # FTS5: each word, all required
        rows = self.read_model.read(
            "search", query=query, limit=max(1, min(limit, MAX_PAGE))
        )
        for row in rows:
            row["rank"] = float(row["rank"])
        return rows

    # -- digests -------------------------------------------------------------

    def digests(
        self,
        page: Page | None = None,
        committee_id: str | None = None,
        recipient_id: str | None = None,
        kind: str | None = None,
        state: str | None = None,
    ) -> PageOf:
        """Issued digests, newest first, with their counts and delivery state."""
        page = page or Page()
        after_key, after_id = decode_cursor(page.cursor, 2)
        rows = self.read_model.read(
            "digests",
            committee_id=committee_id,
            recipient_id=recipient_id,
            kind=kind,
            state=state,
            after_key=after_key,
            after_id=after_id,
            limit=_limit(page),
        )
        for row in rows:
            row["late"], row["counts"] = bool(row["late"]), json.loads(row["counts"])
        return _page(rows, page, lambda row: (row["issued_at"], row["id"]))

    # -- checks --------------------------------------------------------------

    def dump(self, projection: str) -> dict[str, list[Row]]:
        """Every row of a projection's tables, in a stable order (rebuild checks)."""
        if projection not in PROJECTIONS:
            raise KeyError(projection)
        return dict(self.read_model.iter_tables(projection))


def _node(row: Row) -> Row:
    node = {name: row[name] for name in ("key", "kind", "label")}
    node["depth"] = int(row["depth"])
    if row["status"] is not None:  # an assignment: its status on the day asked
        node["status"], node["deadline"] = row["status"], row["deadline"]
    return node


def _limit(page: Page) -> int:
    return (
        max(1, min(page.limit, MAX_PAGE)) + 1
    )  # one more tells whether a next page exists


def _page(rows: list[Row], page: Page, key: Any) -> PageOf:
    size = _limit(page) - 1
    if len(rows) <= size:
        return PageOf(rows, None)
    items = rows[:size]
    return PageOf(items, encode_cursor(*key(items[-1])))
