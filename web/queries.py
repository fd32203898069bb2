"""Reading the read models for the API: pages, the day statuses are judged on, 404s."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from werkzeug.exceptions import NotFound

from domain.values import DocumentRef
from service.errors import NotFoundError
from service.readmodel.paging import Page
from service.readmodel.rows import DocumentCitations, Graph
from web.http import read_side, steerlog


def page_of(args: dict[str, Any]) -> Page:
    """The page asked for; ``cursor`` and ``limit`` are taken out of ``args``."""
    return Page(limit=args.pop("limit"), cursor=args.pop("cursor"))


def today(committee_id: UUID | None = None) -> date:
    """Today where deadlines are dates: the committee's zone, else the default one.

    An unknown committee has no assignments to judge, so the default zone serves.
    """
    application = steerlog()
    if committee_id is not None:
        try:
            return application.committee_day(committee_id)
        except NotFoundError:
            pass
    return application.clock().astimezone(application.settings.zone()).date()


def on_day(args: dict[str, Any]) -> date:
    """The ``day`` asked for (taken out of ``args``), or today for its committee."""
    day: date | None = args.pop("day")
    return day or today(args.get("committee_id"))


def document_key(number: str) -> str:
    """The key a document is filed under: its number normalised (``04-NQ/TU``)."""
    return DocumentRef(kind="document", number=number).key


def document(number: str, day: date) -> DocumentCitations:
    """A cited document and the assignments citing it, or 404."""
    found = read_side().document(document_key(number), day)
    if found is None:
        raise NotFound(f"No document {number} is known.")
    return found


def lineage(key: str, direction: str, depth: int, day: date) -> Graph:
    """The lineage graph around a node, or 404 when the node is unknown."""
    graph = read_side().lineage(key, direction, depth, day)
    if not graph.nodes:
        raise NotFound(f"No {key.split(':', 1)[0]} {key.split(':', 1)[1]} in lineage.")
    return graph
