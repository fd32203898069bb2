"""The read side as one principal may see it: only the committees it may read.

Lists, search, statistics, documents and digests are asked with the scope's
committees (intersected with any the caller names); a lineage walk keeps its
shape, but nodes of other committees come back as restricted stubs (their kind
and key, no label, no status).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from service.access.decision import Scope
from service.readmodel.paging import (
    AssignmentFilter,
    Committees,
    MeetingFilter,
    Page,
    PageOf,
)
from service.readmodel.readside import ReadSide
from service.readmodel.rows import (
    CommitteeZone,
    DigestSummary,
    DocumentCitations,
    DocumentSummary,
    Graph,
    LineageNode,
    MeetingSummary,
    SearchHit,
    StatusCounts,
    TrackedAssignment,
)


@dataclass(frozen=True, slots=True)
class RestrictedNode(LineageNode):
    """A node of a committee the reader may not read: what it is, not what it says."""

    restricted: bool = True


class ScopedReadSide(ReadSide):
    """``ReadSide``'s reads, each scoped to what ``scope`` may read."""

    def __init__(self, read_side: ReadSide, scope: Scope) -> None:
        super().__init__(read_side.read_model, read_side.cursors)
        self.scope = scope

    def within(self, committees: Committees) -> Committees:
        """The committees asked for that the scope may read (None: every one)."""
        if self.scope.everything:
            return committees
        if committees is None:
            return sorted(self.scope.committees)
        return [c for c in committees if c in self.scope.committees]

    def meetings(
        self, where: MeetingFilter, page: Page, committees: Committees = None
    ) -> PageOf[MeetingSummary]:
        """Meetings of readable committees."""
        return super().meetings(where, page, self.within(committees))

    def committee_list(
        self, query: str | None, page: Page, committees: Committees = None
    ) -> PageOf[CommitteeZone]:
        """Only the committees the scope may read."""
        return super().committee_list(query, page, self.within(committees))

    def assignments(
        self, where: AssignmentFilter, page: Page, committees: Committees = None
    ) -> PageOf[TrackedAssignment]:
        """Assignments of readable committees."""
        return super().assignments(where, page, self.within(committees))

    def every_assignment(
        self, where: AssignmentFilter, committees: Committees = None
    ) -> Iterator[list[TrackedAssignment]]:
        """Every assignment of readable committees (exports)."""
        return super().every_assignment(where, self.within(committees))

    def statistics(
        self,
        day: date,
        by: str,
        committee_id: str | UUID | None = None,
        committees: Committees = None,
    ) -> list[StatusCounts]:
        """Counts over readable committees only."""
        return super().statistics(day, by, committee_id, self.within(committees))

    def documents(
        self, page: Page, committees: Committees = None
    ) -> PageOf[DocumentSummary]:
        """Documents cited by readable committees' assignments."""
        return super().documents(page, self.within(committees))

    def document(
        self, key: str, day: date, committees: Committees = None
    ) -> DocumentCitations | None:
        """A document and the readable assignments citing it."""
        return super().document(key, day, self.within(committees))

    def search(
        self, text: str, limit: int = 20, committees: Committees = None
    ) -> list[SearchHit]:
        """Matches in readable committees' records."""
        return super().search(text, limit, self.within(committees))

    def digests(
        self,
        page: Page | None = None,
        committee_id: str | UUID | None = None,
        recipient_id: str | UUID | None = None,
        kind: str | None = None,
        state: str | None = None,
        committees: Committees = None,
    ) -> PageOf[DigestSummary]:
        """Digests of readable committees."""
        return super().digests(
            page, committee_id, recipient_id, kind, state, self.within(committees)
        )

    def lineage(self, key: str, direction: str, depth: int, day: date) -> Graph:
        """The walk, with other committees' nodes as restricted stubs."""
        return self._restricted(super().lineage(key, direction, depth, day))

    def lineage_children(
        self,
        key: str,
        day: date,
        offset: int,
        limit: int,
        committees: Committees = None,
    ) -> Graph:
        """A page of children in readable committees; the node itself a stub if
        it is another committee's."""
        graph = super().lineage_children(
            key, day, offset, limit, self.within(committees)
        )
        return self._restricted(graph)

    def _restricted(self, graph: Graph) -> Graph:
        """``graph`` with other committees' nodes as restricted stubs."""
        if self.scope.everything:
            return graph
        nodes = [
            node if self._readable(node) else self._stub(node) for node in graph.nodes
        ]
        return Graph(nodes, graph.edges, graph.truncated)

    def _readable(self, node: LineageNode) -> bool:
        committee = node.committee_id
        return committee is None or self.scope.can_read(UUID(committee))

    @staticmethod
    def _stub(node: LineageNode) -> RestrictedNode:
        return RestrictedNode(node.key, node.kind, "", node.depth, None)
