"""Task pages: one assignment with its timeline and lineage, and the tracker."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from flask import Blueprint, render_template, request, url_for
from flask_wtf import FlaskForm

from domain.assignment import Assignment
from domain.values import DocumentRef
from service.readmodel.base import AssignmentFilter, Page
from service.usecases import lookups
from web.http import read_side, steerlog
from web.pages import moments, names, task_actions
from web.pages.permissions import readable
from web.pages.task_actions import ACTIONS
from web.pages.task_forms import forms_for
from web.reading import read

bp = Blueprint("task_pages", __name__)
PAGE_SIZE = 50
# Up from a task: item, speech, speaker, point, meeting, committee; parents and
# the documents and items that changed it. Six steps reach the committee.
LINEAGE_DEPTH = 8
# The chain a leader reads, in order; anything else goes beside it.
CHAIN = ("committee", "meeting", "point", "person", "speech", "item", "assignment")
# A web address in the evidence opens as a link (a closing stop or bracket after
# it is the sentence's, not the address's).
_ADDRESS = re.compile(r"https?://[^\s<>\"]*[^\s<>\".,;:!?)\]]")


@dataclass(frozen=True)
class AgencyStatus:
    """One agency of a task: its role and, when tracked, its own status."""

    name: str
    role: str
    status: str | None


@dataclass(frozen=True)
class CompletionShown:
    """An agency's completion as the page shows it: its evidence in pieces (text,
    and the address a piece links to, if any) and the document that proves it,
    opening on the registry's page."""

    agency: str
    completed_on: date
    evidence: list[tuple[str, str | None]]
    document: DocumentRef | None
    document_href: str | None


@dataclass(frozen=True)
class LineageNode:
    """A node of the lineage chain, with where a click takes the reader."""

    kind: str
    label: str
    href: str | None


@bp.route("/tasks/<uuid:assignment_id>", methods=["GET"])
def task_page(assignment_id: UUID) -> tuple[str, int]:
    """Status today and on any day, deadlines, agencies, timeline, lineage."""
    at = moments.as_of()
    return render_task(read(Assignment, assignment_id, at), {}, 200, at)


def render_task(
    task: Assignment,
    submitted: dict[str, FlaskForm],
    status: int,
    at: datetime | None = None,
) -> tuple[str, int]:
    """The task's page, with the forms its viewer may use (``submitted`` as sent)."""
    application = steerlog()
    day = application.committee_day(task.origin.committee_id, at)
    zone = lookups.zone_of(application, task.origin.committee_id)
    graph = read_side().lineage(f"assignment:{task.id}", "up", LINEAGE_DEPTH, day)
    chain, beside = _chain(graph.nodes, task.origin.meeting_id)
    page = render_template(
        "tasks/page.html",
        task=task,
        day=day,
        zone=zone,
        as_of=at,
        status=task.status_on(day),
        agencies=_agencies(task, day),
        completions=_completions(task),
        chain=chain,
        beside=beside,
        children=_children(task, day),
        replacement=_replacement(task),
        history=application.history(task.id),
        forms={} if at else forms_for(task, ACTIONS, submitted),
    )
    return page, status


@bp.route("/tasks", methods=["GET"])
def tracker() -> str:
    """The tracker: tasks by committee, agency, status on a day and due window."""
    args = request.args
    day = moments.as_of()
    on = day.date() if day else steerlog().clock().astimezone(moments.zone()).date()
    where = AssignmentFilter(
        day=on,
        agency_id=args.get("agency_id") or None,
        committee_id=args.get("committee_id") or None,
        status=args.get("status") or None,
    )
    found = read_side().assignments(
        where, Page(limit=PAGE_SIZE, cursor=args.get("cursor") or None), readable()
    )
    report = {
        "day": on.isoformat(),
        **{k: v for k, v in asdict(where).items() if k != "day" and v},
    }
    return render_template(
        "tasks/tracker.html", page=found, args=args, day=on, report=report
    )


def _agencies(task: Assignment, day: Any) -> list[AgencyStatus]:
    """Leads and coordinators by name; each tracked agency with its own status."""
    rows = [
        AgencyStatus(
            names.agency_name(agency),
            "lead",
            task.agency_status_on(agency, day) if agency in task.tracked else None,
        )
        for agency in task.lead
    ]
    rows += [
        AgencyStatus(
            names.agency_name(agency), "tracked", task.agency_status_on(agency, day)
        )
        for agency in task.tracked
        if agency not in task.lead
    ]
    rows += [
        AgencyStatus(names.agency_name(agency), "coordinating", None)
        for agency in task.coordinating
    ]
    return rows


def _completions(task: Assignment) -> list[CompletionShown]:
    """Each reported completion, in the order reported."""
    return [
        CompletionShown(
            agency=names.agency_name(done.agency_id),
            completed_on=done.completed_on,
            evidence=_linked_addresses(done.evidence),
            document=done.document,
            document_href=href_of(f"document:{done.document.key}")
            if done.document
            else None,
        )
        for done in task.completions.values()
    ]


def _linked_addresses(text: str) -> list[tuple[str, str | None]]:
    """``text`` cut around its web addresses, each address with itself as link."""
    pieces: list[tuple[str, str | None]] = []
    start = 0
    for found in _ADDRESS.finditer(text):
        pieces += [(text[start : found.start()], None), (found.group(), found.group())]
        start = found.end()
    return [piece for piece in [*pieces, (text[start:], None)] if piece[0]]


def _chain(
    nodes: list[Any], meeting_id: UUID | None
) -> tuple[list[LineageNode], list[LineageNode]]:
    """Lineage up as a chain (committee → … → task) and what stands beside it."""
    chain: list[LineageNode] = []
    beside: list[LineageNode] = []
    for node in sorted(nodes, key=lambda n: -n.depth):
        shown = LineageNode(node.kind, node.label, _href(node.key, meeting_id))
        if node.kind in CHAIN and node.kind not in {n.kind for n in chain}:
            chain.append(shown)
        else:
            beside.append(shown)
    chain.sort(key=lambda n: CHAIN.index(n.kind))
    return chain, beside


def _href(key: str, meeting_id: UUID | None) -> str | None:
    """Where a lineage node is shown: its place on the task's meeting page, or its
    own page (``href_of``)."""
    kind, ref = key.split(":", 1)
    anchors = {"speech": f"#speech-{ref}", "point": "#points", "person": "#speeches"}
    if meeting_id and kind in anchors:
        page = url_for("meeting_pages.meeting_page", meeting_id=meeting_id)
        return page + anchors[kind]
    return href_of(key)


def href_of(key: str) -> str:
    """The page of a lineage node: a task's, a meeting's, an item on its meeting's
    page, a document's; anything else opens in the lineage explorer."""
    kind, ref = key.split(":", 1)
    if kind == "assignment":
        return url_for("task_pages.task_page", assignment_id=ref)
    if kind == "meeting":
        return url_for("meeting_pages.meeting_page", meeting_id=ref)
    if kind == "item":
        item_meeting, number = ref.split("#", 1)
        page = url_for("meeting_pages.meeting_page", meeting_id=item_meeting)
        return f"{page}#item-{number}"
    if kind == "document":
        return url_for("explore_pages.document", number=ref)
    return url_for("explore_pages.lineage", key=key)


def _replacement(task: Assignment) -> str | None:
    """The title of the task that replaced this one (None when none did)."""
    if task.superseded_by is None:
        return None
    return str(steerlog().view(Assignment, task.superseded_by).title)


def _children(task: Assignment, day: Any) -> list[Any]:
    """Tasks delegated from this one (one level down)."""
    graph = read_side().lineage(f"assignment:{task.id}", "down", 1, day)
    return [
        node
        for node in graph.nodes
        if node.kind == "assignment" and node.key != f"assignment:{task.id}"
    ]


task_actions.register(bp, render_task)
