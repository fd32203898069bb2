"""The explorer's pages of a node's children: an index range each, every child once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from uuid import UUID

import pytest

from service.access.decision import Scope
from service.access.scoped import RestrictedNode, ScopedReadSide
from service.readmodel.projector import Projector
from service.readmodel.readside import ReadSide
from service.readmodel.rows import AssignmentNode, Graph
from service.run.composition import build_read_model
from service.run.demo import load_demo
from service.settings import Settings
from service.usecases.steerlog import Steerlog

DAY = date(2022, 6, 1)


@pytest.fixture
def read_side(app: Steerlog, settings: Settings) -> Iterator[ReadSide]:
    load_demo(app)
    model = build_read_model(settings)
    Projector(app, model).catch_up()
    yield ReadSide(model)
    model.close()


def every_page(side: ReadSide, key: str, size: int) -> list[Graph]:
    """The pages of ``key``'s children, ``size`` a page, until the last."""
    pages = [side.lineage_children(key, DAY, 0, size)]
    while pages[-1].truncated:
        pages.append(side.lineage_children(key, DAY, len(pages) * size, size))
    return pages


def busiest(side: ReadSide) -> str:
    """The meeting with the most children among the demo's."""
    graph = side.lineage("committee:" + committee(side), "down", 1, DAY)
    meetings = [n.key for n in graph.nodes if n.kind == "meeting"]
    return max(meetings, key=lambda key: len(side.lineage(key, "down", 1, DAY).nodes))


def committee(side: ReadSide) -> str:
    return str(side.committees()[0].id)


def test_pages_hold_every_child_once_by_relation_then_time(read_side: ReadSide) -> None:
    key = busiest(read_side)
    walked = read_side.lineage(key, "down", 1, DAY)
    children = {n.key for n in walked.nodes if n.depth == 1}
    assert len(children) >= 3
    for size in (1, 2, 50):
        pages = every_page(read_side, key, size)
        assert len(pages) == -(-len(children) // size)  # no empty last page
        paged = [n for page in pages for n in page.nodes if n.depth == 1]
        assert sorted(n.key for n in paged) == sorted(children)
    assert all(page.nodes[0].key == key and page.nodes[0].depth == 0 for page in pages)
    order = [(e.edge, e.at, e.src) for page in pages for e in page.edges]
    assert order == sorted(order)
    statuses = {n.key: n for n in walked.nodes if isinstance(n, AssignmentNode)}
    for node in paged:
        if node.key in statuses:
            assert node == statuses[node.key]


def test_an_unknown_node_has_no_page(read_side: ReadSide) -> None:
    graph = read_side.lineage_children("meeting:nothing-here", DAY, 0, 50)
    assert graph.nodes == [] and not graph.truncated


def test_a_scoped_reader_pages_only_readable_children(read_side: ReadSide) -> None:
    key = busiest(read_side)
    own = UUID(
        next(n for n in read_side.lineage(key, "down", 0, DAY).nodes).committee_id or ""
    )
    mine = ScopedReadSide(
        read_side, Scope(everything=False, committees=frozenset({own}))
    )
    assert every_page(mine, key, 50)[0].nodes == every_page(read_side, key, 50)[0].nodes
    stranger = ScopedReadSide(read_side, Scope(everything=False))
    page = stranger.lineage_children(key, DAY, 0, 50)
    assert isinstance(page.nodes[0], RestrictedNode)
    assert all(n.committee_id is None for n in page.nodes[1:])
