"""The rows the read side hands out, in the domain's words.

Dates and times that the API shows are ISO 8601 text, as both databases hand
them out (the web schemas dump them as they are); the digests' own rows, which
only the service reads, carry ``date`` values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from domain.values import AssignmentStatus
from service.readmodel.document_links import DocumentLink, DocumentRelation


@dataclass(frozen=True, slots=True)
class MeetingSummary:
    """A meeting as the list shows it, with how much was recorded."""

    id: str
    committee_id: str
    title: str
    format: str
    status: str
    starts_at: str
    location: str | None
    opened_at: str | None
    closed_at: str | None
    notice_number: str | None
    point_count: int
    speech_count: int
    item_count: int


@dataclass(frozen=True, slots=True)
class ConnectionPointRow:
    """Điểm cầu: a meeting's connection point with its attendance."""

    id: str
    name: str
    level: str
    is_host: bool
    agency_id: str | None
    connected: bool
    attendee_count: int | None
    named_attendees: int


@dataclass(frozen=True, slots=True)
class TrackedAgency:
    """An agency of an assignment in one role, and when it reported done."""

    agency_id: str
    role: str
    name: str | None
    completed_on: str | None


@dataclass(frozen=True, slots=True)
class AssignmentRow:
    """An assignment with its status on the day asked."""

    id: str
    title: str
    kind: str
    committee_id: str
    meeting_id: str | None
    item_number: str | None
    task_number: int
    speech_id: str | None
    speaker_id: str | None
    point_id: str | None
    parent_id: str | None
    issued_on: str
    original_deadline: str | None
    deadline: str | None
    deadline_text: str | None
    extension_requested: str | None
    completed_on: str | None
    closed: str | None
    superseded_by: str | None
    status: AssignmentStatus


@dataclass(frozen=True, slots=True)
class TrackedAssignment(AssignmentRow):
    """An assignment as the tracker lists it: with its agencies by role."""

    agencies: list[TrackedAgency] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class StatusCounts:
    """An agency's or committee's assignments in each status on a day."""

    id: str
    name: str | None
    done_on_time: int = 0
    done_late: int = 0
    in_progress: int = 0
    overdue: int = 0
    cancelled: int = 0
    superseded: int = 0

    @property
    def total(self) -> int:
        """Every assignment counted, in whatever status."""
        return sum(getattr(self, status.value) for status in AssignmentStatus)

    @property
    def on_time_rate(self) -> float | None:
        """Done on time / done (four decimals); None while nothing is done."""
        done = self.done_on_time + self.done_late
        return round(self.done_on_time / done, 4) if done else None


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """Văn bản: a document as cited, keyed by its normalised number."""

    key: str
    kind: str
    number: str
    date: str | None
    issuer: str | None
    title: str | None


@dataclass(frozen=True, slots=True)
class DocumentSummary(DocumentRow):
    """A document in the list, with how many assignments cite it, and how many
    assignments or meetings link to it by each relation."""

    citing: int = 0
    links: dict[DocumentRelation, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DocumentCitations(DocumentRow):
    """A document, the assignments that cite it, and everything linked to it,
    by relation (every relation present, perhaps with nothing)."""

    cited_by: list[AssignmentRow] = field(default_factory=list)
    links: dict[DocumentRelation, list[DocumentLink]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LineageNode:
    """A node reached by a walk, its committee where known, steps from the start."""

    key: str
    kind: str
    label: str
    depth: int
    committee_id: str | None


@dataclass(frozen=True, slots=True)
class AssignmentNode(LineageNode):
    """An assignment reached by a walk, with its status on the day asked."""

    status: AssignmentStatus = AssignmentStatus.IN_PROGRESS
    deadline: str | None = None


@dataclass(frozen=True, slots=True)
class LineageEdge:
    """An edge from what came later (``src``) to what it came from (``dst``)."""

    src: str
    dst: str
    edge: str
    at: str


@dataclass(frozen=True)
class Graph:
    """Nodes and edges of a lineage walk; ``truncated`` when it reached its bound."""

    nodes: list[LineageNode] = field(default_factory=list)
    edges: list[LineageEdge] = field(default_factory=list)
    truncated: bool = False


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A speech, conclusion item or assignment matching a search, with its rank."""

    key: str
    kind: str
    meeting_id: str | None
    title: str
    body: str
    rank: float


@dataclass(frozen=True, slots=True)
class AgencyNames:
    """An agency with the other names it is known by (for matching text)."""

    id: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PersonRow:
    """An official of the directory: whom a secretary may name as speaker."""

    id: str
    full_name: str
    title: str | None
    agency_id: str | None


@dataclass(frozen=True, slots=True)
class CommitteeZone:
    """A committee and the time zone its deadlines are dates in."""

    id: str
    name: str
    time_zone: str


@dataclass(frozen=True, slots=True)
class Subscription:
    """An active subscription to a committee's digests."""

    id: str
    committee_id: str
    recipient_kind: str
    recipient_id: str
    addresses: list[str]


@dataclass(frozen=True, slots=True)
class DigestSummary:
    """An issued digest, with its counts and where its delivery stands."""

    id: str
    kind: str
    committee_id: str
    recipient_kind: str
    recipient_id: str
    period_start: str
    period_end: str
    issued_at: str
    late: bool
    counts: dict[str, Any]
    state: str
    attempts: int
    last_error: str | None
    next_retry_at: str | None
    delivered_at: str | None
    message_id: str | None


@dataclass(frozen=True, slots=True)
class AgencyTask:
    """An agency's open (or lately finished) task, as its daily digest reads it."""

    id: str
    title: str
    deadline: date | None
    issued_on: date
    extension_requested: date | None
    role: str
    done_on: date | None


@dataclass(frozen=True, slots=True)
class TrackedPart:
    """One tracked agency's part of an assignment: what its status is judged by."""

    agency_id: str
    deadline: date | None
    closed: AssignmentStatus | None
    completed_on: date | None


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision of the week with where it came from, for the weekly digest."""

    id: str
    title: str
    deadline: date | None
    issued_on: date
    item_number: str | None
    origin_document: str | None
    meeting: str | None
    speaker: str | None
    speaker_title: str | None
