"""The lineage projection: nodes and edges, written at the moment of each event.

Edges point from what came later to what it came from (an assignment to its
conclusion item, the item to its speech, the speech to its speaker), so "up" walks
edges forwards and "down" walks them backwards.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.assignment import Assignment
from domain.committee import Committee
from domain.meeting import Meeting
from domain.person import Person
from domain.values import Authority, DocumentRef
from service.readmodel.projections.core import (
    Operations,
    Projection,
    item_key,
    node_key,
)

lineage = Projection("lineage", statement_order=("node", "edge"))


def edge(out: Operations, src: str, dst: str, kind: str, event: Any) -> None:
    """One edge, stamped with the time its event was recorded."""
    out.put("edge", src=src, dst=dst, edge=kind, at=event.timestamp)


def document_node(out: Operations, document: DocumentRef) -> str:
    """The node of a document, labelled ``Quyết định số 1969/QĐ-UBND``."""
    key = node_key("document", document.key)
    out.put(
        "node", key=key, kind="document", label=f"{document.kind} số {document.number}"
    )
    return key


def authority_node(out: Operations, authority: Authority) -> str:
    """The node of what authorised a change: a conclusion item, meeting or document."""
    if authority.meeting_id is not None and authority.item_number:
        return item_key(authority.meeting_id, authority.item_number)
    if authority.meeting_id is not None:
        return node_key("meeting", authority.meeting_id)
    assert authority.document is not None  # Authority needs one or the other
    return document_node(out, authority.document)


@lineage.on(Committee, "Established")
def committee(event: Any, out: Operations) -> None:
    key = node_key("committee", event.originator_id)
    out.put("node", key=key, kind="committee", label=event.name)
    if event.predecessor_id:
        edge(out, key, node_key("committee", event.predecessor_id), "succeeds", event)


@lineage.on(Person, "Registered")
def person(event: Any, out: Operations) -> None:
    key = node_key("person", event.originator_id)
    out.put("node", key=key, kind="person", label=event.full_name)


@lineage.on(Meeting, "Scheduled")
def meeting(event: Any, out: Operations) -> None:
    key = node_key("meeting", event.originator_id)
    out.put("node", key=key, kind="meeting", label=event.title)
    edge(out, key, node_key("committee", event.committee_id), "held_by", event)


@lineage.on(Meeting, "ConnectionPointAdded")
def point(event: Any, out: Operations) -> None:
    out.put(
        "node", key=node_key("point", event.point_id), kind="point", label=event.name
    )


@lineage.on(Meeting, "SpeechRecorded")
def speech(event: Any, out: Operations) -> None:
    key = node_key("speech", event.speech_id)
    label = f"{event.kind}: {event.speaker_name}"
    out.put("node", key=key, kind="speech", label=label)
    edge(out, key, node_key("person", event.speaker_id), "spoken_by", event)
    if event.point_id:
        edge(out, key, node_key("point", event.point_id), "spoken_at", event)


@lineage.on(Meeting, "ConclusionIssued")
def items(event: Any, out: Operations) -> None:
    for item in event.items:
        key = item_key(event.originator_id, item.number)
        out.put("node", key=key, kind="item", label=f"{item.number}. {item.text[:120]}")
        edge(out, key, node_key("meeting", event.originator_id), "issued_at", event)
        edge(out, key, node_key("speech", event.speech_id), "concluded_by", event)


@lineage.on(Meeting, "ApprovalRecorded")
def approval(event: Any, out: Operations) -> None:
    if event.document:
        key = document_node(out, event.document)
        edge(out, key, node_key("meeting", event.originator_id), "approved_at", event)


@lineage.on(Meeting, "NoticePublished")
def notice(event: Any, out: Operations) -> None:
    key = document_node(out, event.notice)
    edge(out, key, node_key("meeting", event.originator_id), "publishes", event)


@lineage.on(Assignment, "Issued")
def assignment(event: Any, out: Operations) -> None:
    key = node_key("assignment", event.originator_id)
    out.put("node", key=key, kind="assignment", label=event.title)
    origin = event.origin
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

    def handler(event: Any, out: Operations) -> None:
        key = node_key("assignment", event.originator_id)
        edge(out, key, authority_node(out, event.authority), kind, event)

    return handler


lineage.on(Assignment, "DeadlineExtended")(authorised("extends"))
lineage.on(Assignment, "Reassigned")(authorised("reassigns"))
lineage.on(Assignment, "Cancelled")(authorised("cancels"))


@lineage.on(Assignment, "Superseded")
def superseded(event: Any, out: Operations) -> None:
    key = node_key("assignment", event.originator_id)
    edge(out, key, authority_node(out, event.authority), "supersedes", event)
    replacement: UUID = event.by_assignment_id
    edge(out, node_key("assignment", replacement), key, "replaces", event)
