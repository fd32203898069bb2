"""The lineage projection: nodes and edges, written at the moment of each event.

Edges point from what came later to what it came from (an assignment to its
conclusion item, the item to its speech, the speech to its speaker), so "up" walks
edges forwards and "down" walks them backwards.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar
from uuid import UUID

from domain.assignment import Assignment
from domain.committee import Committee
from domain.meeting import Meeting
from domain.person import Person
from domain.values import Authority, DocumentRef
from service.readmodel.changes import Changes, change
from service.readmodel.projections.core import Projection, item_key, node_key


class LineageChanges(Changes):
    """Nodes (with their committee, or the meeting that has it) and edges."""

    keyed: ClassVar[dict[str, tuple[str, ...]]] = {"node": ("key",)}

    @change
    def node(
        self,
        *,
        key: str,
        kind: str,
        label: str,
        committee_id: UUID | None = None,
        meeting_key: str | None = None,
    ) -> None:
        """A node; a later one of the same key relabels it."""

    @change
    def edge(self, *, src: str, dst: str, edge: str, at: datetime) -> None:
        """An edge from what came later to what it came from (kept once)."""


lineage = Projection("lineage", LineageChanges, statement_order=("node", "edge"))


def edge(out: LineageChanges, src: str, dst: str, kind: str, event: Any) -> None:
    """One edge, stamped with the time its event was recorded."""
    out.edge(src=src, dst=dst, edge=kind, at=event.timestamp)


def document_node(out: LineageChanges, document: DocumentRef) -> str:
    """The node of a document, labelled ``Quyết định số 1969/QĐ-UBND``."""
    key = node_key("document", document.key)
    out.node(key=key, kind="document", label=f"{document.kind} số {document.number}")
    return key


def authority_node(out: LineageChanges, authority: Authority) -> str:
    """The node of what authorised a change: a conclusion item, meeting or document."""
    if authority.meeting_id is not None and authority.item_number:
        return item_key(authority.meeting_id, authority.item_number)
    if authority.meeting_id is not None:
        return node_key("meeting", authority.meeting_id)
    assert authority.document is not None  # Authority needs one or the other
    return document_node(out, authority.document)


@lineage.on(Committee, "Established")
def committee(event: Any, out: LineageChanges) -> None:
    key = node_key("committee", event.originator_id)
    out.node(
        key=key, kind="committee", label=event.name, committee_id=event.originator_id
    )
    if event.predecessor_id:
        edge(out, key, node_key("committee", event.predecessor_id), "succeeds", event)


@lineage.on(Person, "Registered")
def person(event: Any, out: LineageChanges) -> None:
    key = node_key("person", event.originator_id)
    out.node(key=key, kind="person", label=event.full_name)


@lineage.on(Meeting, "Scheduled")
def meeting(event: Any, out: LineageChanges) -> None:
    key = node_key("meeting", event.originator_id)
    out.node(
        key=key, kind="meeting", label=event.title, committee_id=event.committee_id
    )
    edge(out, key, node_key("committee", event.committee_id), "held_by", event)


@lineage.on(Meeting, "ConnectionPointAdded")
def point(event: Any, out: LineageChanges) -> None:
    out.node(
        key=node_key("point", event.point_id),
        kind="point",
        label=event.name,
        meeting_key=node_key("meeting", event.originator_id),
    )


@lineage.on(Meeting, "SpeechRecorded")
def speech(event: Any, out: LineageChanges) -> None:
    key = node_key("speech", event.speech_id)
    label = f"{event.kind}: {event.speaker_name}"
    meeting_key = node_key("meeting", event.originator_id)
    out.node(key=key, kind="speech", label=label, meeting_key=meeting_key)
    edge(out, key, node_key("person", event.speaker_id), "spoken_by", event)
    if event.point_id:
        edge(out, key, node_key("point", event.point_id), "spoken_at", event)


@lineage.on(Meeting, "ConclusionIssued")
def items(event: Any, out: LineageChanges) -> None:
    for item in event.items:
        key = item_key(event.originator_id, item.number)
        label = f"{item.number}. {item.text[:120]}"
        meeting_key = node_key("meeting", event.originator_id)
        out.node(key=key, kind="item", label=label, meeting_key=meeting_key)
        edge(out, key, node_key("meeting", event.originator_id), "issued_at", event)
        edge(out, key, node_key("speech", event.speech_id), "concluded_by", event)


@lineage.on(Meeting, "ApprovalRecorded")
def approval(event: Any, out: LineageChanges) -> None:
    if event.document:
        key = document_node(out, event.document)
        edge(out, key, node_key("meeting", event.originator_id), "approved_at", event)


@lineage.on(Meeting, "NoticePublished")
def notice(event: Any, out: LineageChanges) -> None:
    key = document_node(out, event.notice)
    edge(out, key, node_key("meeting", event.originator_id), "publishes", event)


@lineage.on(Meeting, "TaskCarriedOver")
def reviewed_task(event: Any, out: LineageChanges) -> None:
    meeting_key = node_key("meeting", event.originator_id)
    task_key = node_key("assignment", event.assignment_id)
    edge(out, meeting_key, task_key, "reviews", event)


@lineage.on(Assignment, "Issued")
def assignment(event: Any, out: LineageChanges) -> None:
    key = node_key("assignment", event.originator_id)
    origin = event.origin
    out.node(
        key=key, kind="assignment", label=event.title, committee_id=origin.committee_id
    )
    if event.parent_id:
        edge(out, key, node_key("assignment", event.parent_id), "delegated_from", event)
    elif origin.meeting_id and origin.item_number:
        edge(
            out,
            key,
            item_key(origin.meeting_id, origin.item_number),
            "derived_from",
            event,
        )
    elif origin.document:
        edge(out, key, document_node(out, origin.document), "derived_from", event)
    for document in event.documents:
        edge(out, key, document_node(out, document), "cites", event)


def authorised(kind: str) -> Any:
    """A handler adding ``assignment -kind-> authority`` for a change."""

    def handler(event: Any, out: LineageChanges) -> None:
        key = node_key("assignment", event.originator_id)
        edge(out, key, authority_node(out, event.authority), kind, event)

    return handler


lineage.on(Assignment, "DeadlineExtended")(authorised("extends"))
lineage.on(Assignment, "Reassigned")(authorised("reassigns"))
lineage.on(Assignment, "Cancelled")(authorised("cancels"))


@lineage.on(Assignment, "Completed")
def proved(event: Any, out: LineageChanges) -> None:
    # The report that proves a completion came after the task: it points to it,
    # so the task's "what came of it" reaches the report, and the report's
    # "where did it come from" reaches the task.
    if event.document:
        key = node_key("assignment", event.originator_id)
        edge(out, document_node(out, event.document), key, "proves", event)


@lineage.on(Assignment, "Superseded")
def superseded(event: Any, out: LineageChanges) -> None:
    key = node_key("assignment", event.originator_id)
    edge(out, key, authority_node(out, event.authority), "supersedes", event)
    replacement: UUID = event.by_assignment_id
    edge(out, node_key("assignment", replacement), key, "replaces", event)
