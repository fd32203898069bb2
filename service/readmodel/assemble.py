"""Typed rows from what the read model's queries return (positional, ISO dates)."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import replace
from datetime import date
from operator import attrgetter
from typing import Any, TypeVar

from domain.values import AssignmentStatus
from service.readmodel.document_links import DocumentLink, DocumentRelation
from service.readmodel.rows import (
    AgencyNames,
    AgencyTask,
    AssignmentNode,
    AssignmentRow,
    ConnectionPointRow,
    Decision,
    DigestSummary,
    DocumentCitations,
    DocumentSummary,
    Graph,
    LineageEdge,
    LineageNode,
    SearchHit,
    StatusCounts,
    Subscription,
    TrackedAgency,
    TrackedAssignment,
    TrackedPart,
)

Row = tuple[Any, ...]
A = TypeVar("A", bound=AssignmentRow)
ASSIGNMENT_COLUMNS = 20  # AssignmentRow's fields, the status last
# A walk or an export gives back thousands of rows: statuses by a dict, not the
# enum's call.
STATUS_OF = {status.value: status for status in AssignmentStatus}


def agency_names(rows: list[Row]) -> list[AgencyNames]:
    """Agencies (id, name, alias) rows folded into one entry per agency."""
    aliases: dict[tuple[str, str], list[str]] = {}
    for agency_id, name, alias in rows:
        found = aliases.setdefault((agency_id, name), [])
        if alias:
            found.append(alias)
    return [AgencyNames(i, n, tuple(a)) for (i, n), a in aliases.items()]


def point(row: Row) -> ConnectionPointRow:
    """A connection point; SQLite's booleans are integers."""
    id_, name, level, is_host, agency_id, connected, count, named = row
    return ConnectionPointRow(
        id_, name, level, bool(is_host), agency_id, bool(connected), count, named
    )


def assignment(row: Row, kind: type[A], **more: Any) -> A:
    """An assignment row of ``kind`` from its columns (any after them ignored)."""
    values = list(row[:ASSIGNMENT_COLUMNS])
    values[-1] = STATUS_OF[values[-1]]
    return kind(*values, **more)


def tracked(rows: list[Row], agencies: list[Row]) -> list[TrackedAssignment]:
    """Tracker rows with their agencies (assignment_id, agency_id, role, ...)."""
    by_assignment: dict[str, list[TrackedAgency]] = defaultdict(list)
    for assignment_id, *agency in agencies:
        by_assignment[assignment_id].append(TrackedAgency(*agency))
    return [
        assignment(row, TrackedAssignment, agencies=by_assignment[row[0]])
        for row in rows
    ]


def counts(rows: list[Row]) -> list[StatusCounts]:
    """(id, name, status, n) rows as one entry per agency or committee."""
    totals: dict[str, dict[str, Any]] = {}
    for key, name, status, n in rows:
        entry = totals.setdefault(key, {"id": key, "name": name})
        entry[AssignmentStatus(status).value] = int(n)
    return [StatusCounts(**entry) for entry in totals.values()]


NODE_ORDER = attrgetter("depth", "key")
EDGE_ORDER = attrgetter("at", "src", "dst")


def lineage_node(row: Row) -> LineageNode:
    """The node a walk's row reached (an assignment with its status)."""
    key, depth, _, _, _, _, kind, label, committee, status, due = row
    if status is None:
        return LineageNode(key, kind, label, depth, committee)
    return AssignmentNode(key, kind, label, depth, committee, STATUS_OF[status], due)


def children(start: list[Row], rows: list[Row], more: bool) -> Graph:
    """A node (``start``, its walk row) and one page of its children, in the
    page's order; ``truncated`` when more pages follow."""
    return Graph(
        nodes=[lineage_node(row) for row in [*start, *rows] if row[6] is not None],
        edges=[LineageEdge(*row[2:6]) for row in rows],
        truncated=more,
    )


def graph(rows: list[Row], truncated: bool) -> Graph:
    """A walk's rows as nodes (each at its least depth) and edges (each once)."""
    nodes: dict[str, LineageNode] = {}
    edges: dict[tuple[str, str, str], LineageEdge] = {}
    for row in rows:
        key, depth, src, dst, edge, at, kind = row[:7]
        # A node or edge reached by several paths comes again.
        if kind is not None:
            seen = nodes.get(key)
            if seen is None or seen.depth > depth:
                nodes[key] = lineage_node(row)
        if edge is not None:
            found = (src, dst, edge)
            if found not in edges:
                edges[found] = LineageEdge(src, dst, edge, at)
    return Graph(
        nodes=sorted(nodes.values(), key=NODE_ORDER),
        edges=sorted(edges.values(), key=EDGE_ORDER),
        truncated=truncated,
    )


def digest(*row: Any) -> DigestSummary:
    """A digest in the list; its counts are kept as JSON, SQLite's booleans as 0/1."""
    values = list(row)
    values[8], values[9] = bool(values[8]), json.loads(values[9])
    return DigestSummary(*values)


def day(raw: Any) -> date | None:
    """A date from a row: ISO text from SQLite, text or a date from PostgreSQL."""
    if raw is None or isinstance(raw, date):
        return raw
    return date.fromisoformat(str(raw)[:10])


def agency_task(row: Row) -> AgencyTask:
    """One of an agency's tasks, as its daily digest reads it."""
    id_, title, deadline, issued_on, extension, role, done_on = row
    issued = day(issued_on)
    assert issued is not None  # NOT NULL
    return AgencyTask(
        id_, title, day(deadline), issued, day(extension), role, day(done_on)
    )


def tracked_part(row: Row) -> TrackedPart:
    """One tracked agency's part of an assignment."""
    agency_id, deadline, closed, completed_on = row
    return TrackedPart(
        agency_id,
        day(deadline),
        AssignmentStatus(closed) if closed else None,
        day(completed_on),
    )


def decision(row: Row) -> Decision:
    """A decision of the week, as the weekly digest reads it."""
    id_, title, deadline, issued_on, *origin = row
    issued = day(issued_on)
    assert issued is not None  # NOT NULL
    return Decision(id_, title, day(deadline), issued, *origin)


def document_citations(
    row: Row, cited_by: list[AssignmentRow], links: list[Row]
) -> DocumentCitations:
    """A document, the assignments citing it, and its links grouped by relation."""
    key, kind, number, day, issuer, title = row
    grouped: dict[DocumentRelation, list[DocumentLink]] = {
        relation: [] for relation in DocumentRelation
    }
    for relation, subject, id_, label, committee, status, detail in links:
        grouped[DocumentRelation(relation)].append(
            DocumentLink(
                DocumentRelation(relation),
                subject,
                id_,
                label,
                committee,
                AssignmentStatus(status) if status else None,
                detail if relation == DocumentRelation.AUTHORISED else None,
                detail if relation == DocumentRelation.EVIDENCE_FOR else None,
            )
        )
    return DocumentCitations(key, kind, number, day, issuer, title, cited_by, grouped)


def link_counts(
    documents: list[DocumentSummary], counts: list[Row]
) -> list[DocumentSummary]:
    """Documents of a page with their counts of links by relation (0 where none)."""
    by_key: dict[str, dict[DocumentRelation, int]] = defaultdict(
        lambda: dict.fromkeys(DocumentRelation, 0)
    )
    for key, relation, number in counts:
        by_key[key][DocumentRelation(relation)] = int(number)
    return [replace(document, links=by_key[document.key]) for document in documents]


def search_hit(row: Row) -> SearchHit:
    """A match with its rank as a float (SQLite's bm25, PostgreSQL's ts_rank)."""
    key, kind, meeting_id, title, body, rank = row
    return SearchHit(key, kind, meeting_id, title, body, float(rank))


def subscription(row: Row) -> Subscription:
    """A subscription; its addresses are kept as JSON."""
    id_, committee_id, recipient_kind, recipient_id, addresses = row
    return Subscription(
        id_, committee_id, recipient_kind, recipient_id, json.loads(addresses)
    )
