"""Exploring what came of a decision: the lineage explorer, search and documents.

The explorer shows one node and what came of it, one step down at a time: each
child opens in place (htmx) or on a page of its own (without JavaScript), so a
node with thousands of descendants is read a page of children at a time (the
read side reads just that page, by relation and then in the order they came).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, render_template, request
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from werkzeug.exceptions import BadRequest, NotFound

from domain.text import fold
from domain.values import DocumentRef
from service.access.scoped import RestrictedNode
from service.readmodel.base import Page
from service.readmodel.document_links import DocumentLink, DocumentRelation
from web.http import read_side, steerlog
from web.pages import moments, names
from web.pages.permissions import readable
from web.pages.tasks import href_of

bp = Blueprint("explore_pages", __name__)
CHILDREN_PER_PAGE = 50
SEARCH_RESULTS = 50
KINDS = ("meeting", "person", "document", "committee", "item", "speech", "assignment")


# The registry's relations, as a document's page heads them, in this order.
RELATIONS = {
    DocumentRelation.CITED_BY: _l("Nhiệm vụ viện dẫn văn bản"),
    DocumentRelation.ORIGIN_OF: _l("Nhiệm vụ giao theo văn bản"),
    DocumentRelation.AUTHORISED: _l("Điều chỉnh nhiệm vụ theo văn bản"),
    DocumentRelation.APPROVED_AT: _l("Thông qua tại cuộc họp"),
    DocumentRelation.NOTICE_OF: _l("Thông báo kết luận của cuộc họp"),
    DocumentRelation.EVIDENCE_FOR: _l("Minh chứng hoàn thành nhiệm vụ"),
}
CHANGES = {
    "extends": _l("Gia hạn"),
    "reassigns": _l("Điều chỉnh đơn vị thực hiện"),
    "cancels": _l("Hủy"),
    "supersedes": _l("Thay thế"),
}


@dataclass(frozen=True)
class Linked:
    """A task or meeting linked to a document, as its page lists it."""

    title: str
    href: str
    status: str | None
    note: str | None


@dataclass(frozen=True)
class Child:
    """A node one step down, with where it is shown and whether it has more below."""

    key: str
    kind: str
    label: str
    status: str | None
    href: str | None


@bp.route("/lineage", methods=["GET"])
def lineage() -> str:
    """A node and a page of what came of it (``?key=meeting:<id>&page=N``)."""
    key = _key(request.args.get("key", ""))
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    node, children, more = _children(key, page)
    template = (
        "explore/_children.html"
        if request.headers.get("HX-Request")
        else ("explore/lineage.html")
    )
    return render_template(
        template, node=node, children=children, page=page, more=more, key=key
    )


@bp.route("/search", methods=["GET"])
def search() -> str:
    """One box: speeches, conclusion items and tasks, diacritics ignored."""
    text = (request.args.get("q") or "").strip()[:500]
    hits = read_side().search(text, SEARCH_RESULTS, readable()) if text else []
    by_kind: dict[str, list[Any]] = {}
    for hit in hits:
        by_kind.setdefault(hit.kind, []).append(hit)
    return render_template(
        "explore/search.html", text=text, by_kind=by_kind, marked=_marker(text)
    )


@bp.route("/documents", methods=["GET"])
def documents() -> str:
    """The registry: every document known, with what links to it by relation."""
    found = read_side().documents(
        Page(limit=CHILDREN_PER_PAGE, cursor=request.args.get("cursor") or None),
        readable(),
    )
    return render_template("explore/documents.html", page=found, relations=RELATIONS)


@bp.route("/documents/<path:number>", methods=["GET"])
def document(number: str) -> str:
    """A document and everything that cites it or was authorised by it."""
    key = DocumentRef(kind="document", number=number).key
    day = steerlog().clock().astimezone(moments.zone()).date()
    found = read_side().document(key, day, readable())
    if found is None:
        raise NotFound(f"Không có văn bản số {number}.")
    graph = read_side().lineage(f"document:{key}", "down", 1, day)
    linked = {
        RELATIONS[relation]: [_linked(link) for link in links]
        for relation, links in found.links.items()
        if links and relation != DocumentRelation.CITED_BY
    }
    return render_template(
        "explore/document.html",
        document=found,
        linked=linked,
        lineage_key=f"document:{key}",
        related=[_child(n) for n in graph.nodes if n.key != f"document:{key}"],
    )


def _linked(link: DocumentLink) -> Linked:
    """A link as the document's page lists it: what it is, where it opens, and
    the change authorised or the agency whose completion it proves."""
    note = None
    if link.change:
        note = str(CHANGES.get(link.change, link.change))
    elif link.agency_id:
        note = names.agency_name(link.agency_id)
    title = link.title or link.id
    status = link.status.value if link.status else None
    return Linked(title, href_of(f"{link.kind}:{link.id}"), status, note)


def _key(raw: str) -> str:
    """A lineage key as the walk names nodes: ``<kind>:<ref>``."""
    kind, _, ref = raw.partition(":")
    if kind not in KINDS or not ref or len(raw) > 300:
        raise BadRequest("key: <kind>:<id>, e.g. meeting:<id> or document:04-NQ/TU")
    return raw


def _children(key: str, page: int) -> tuple[Child | None, list[Child], bool]:
    """The node itself and one page of its children, by relation then time."""
    day = steerlog().clock().astimezone(moments.zone()).date()
    start = (page - 1) * CHILDREN_PER_PAGE
    graph = read_side().lineage_children(key, day, start, CHILDREN_PER_PAGE)
    # Other committees' nodes come as restricted stubs: a page shows none of them.
    nodes = [n for n in graph.nodes if not isinstance(n, RestrictedNode)]
    node = next((_child(n) for n in nodes if n.key == key and n.depth == 0), None)
    if node is None:
        raise NotFound("Không có nút này trong truy vết (hoặc bạn không được xem).")
    below = [_child(n) for n in nodes if n.depth == 1]
    return node, below, graph.truncated


def _child(node: Any) -> Child:
    status = getattr(node, "status", None)
    return Child(
        node.key,
        node.kind,
        node.label,
        str(status) if status is not None else None,
        href_of(node.key),
    )


def _marker(text: str) -> Any:
    """A filter marking, in a result, the words that match the query (folded)."""
    words = [w for w in fold(text).split() if w]

    def marked(value: str) -> Markup:
        out = []
        for token in re.split(r"(\w+)", value):
            folded = fold(token)
            hit = token.strip() and any(folded.startswith(w) for w in words)
            out.append(
                Markup(f"<mark>{escape(token)}</mark>") if hit else escape(token)
            )
        return Markup("").join(out)

    return marked
