"""Reading for the API: pages, the day judged on, 404s, known parameters."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from flask import current_app, request
from flask_smorest import abort
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


def known_parameters(view: Any) -> frozenset[str] | None:
    """The query parameters an API view documents, or None for other views."""
    documented = getattr(view, "_apidoc", None)
    if documented is None:
        return None
    names: set[str] = set()
    for parameter in documented.get("arguments", {}).get("parameters", []):
        if parameter["in"] != "query":
            continue
        schema = parameter["schema"]
        fields = (schema() if isinstance(schema, type) else schema).fields
        names.update(field.data_key or name for name, field in fields.items())
    return frozenset(names)


_KNOWN: dict[Any, frozenset[str] | None] = {}


def refuse_unknown_parameters() -> None:
    """422 naming every query parameter the operation does not take.

    A misspelt filter (``?agency=`` for ``?agency_id=``) must not answer as
    if there were no filter at all. Runs before the view, after sign-in.
    """
    view = current_app.view_functions.get(request.endpoint or "")
    if view not in _KNOWN:
        _KNOWN[view] = known_parameters(view)
    known = _KNOWN[view]
    if known is None:
        return
    unknown = sorted(set(request.args) - known)
    if unknown:
        abort(422, messages={"query": {name: [UNKNOWN] for name in unknown}})


UNKNOWN = "Unknown parameter."
