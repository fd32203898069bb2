"""Value objects and vocabularies shared by the aggregates, compared by value."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar
from uuid import UUID

from domain.errors import InvalidValueError
from domain.text import clean


class MeetingFormat(StrEnum):
    """Hình thức họp: trực tiếp, trực tuyến, kết hợp."""

    IN_PERSON = "in_person"
    ONLINE = "online"
    HYBRID = "hybrid"


class PointLevel(StrEnum):
    """Cấp của điểm cầu."""

    CENTRAL = "central"
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"
    EXTERNAL = "external"


class SpeechKind(StrEnum):
    """Loại phát biểu: khai mạc, trình bày, thảo luận, chỉ đạo, kết luận."""

    OPENING = "opening"
    PRESENTATION = "presentation"
    DISCUSSION = "discussion"
    DIRECTIVE = "directive"
    CONCLUSION = "conclusion"


class CommitteeRole(StrEnum):
    """Trưởng ban, Phó Trưởng ban, Thường trực, Thành viên, Tổ giúp việc."""

    HEAD = "head"
    DEPUTY_HEAD = "deputy_head"
    STANDING = "standing"
    MEMBER = "member"
    SECRETARIAT = "secretariat"


class AgencyKind(StrEnum):
    """Loại cơ quan: sở ngành, UBND cấp huyện/xã, doanh nghiệp, nhóm cơ quan..."""

    DEPARTMENT = "department"
    PEOPLES_COMMITTEE = "peoples_committee"
    PARTY = "party"
    MINISTRY = "ministry"
    ENTERPRISE = "enterprise"
    GROUP = "group"
    OTHER = "other"


class RecipientKind(StrEnum):
    """Who a digest is for: an agency, or a committee's leaders."""

    AGENCY = "agency"
    COMMITTEE = "committee"


class AssignmentKind(StrEnum):
    """Giao nhiệm vụ (task) or đề nghị to an outside party (request)."""

    TASK = "task"
    REQUEST = "request"


class AssignmentStatus(StrEnum):
    """The government's four reporting statuses, plus cancelled and superseded."""

    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    IN_PROGRESS = "in_progress"
    OVERDUE = "overdue"
    CANCELLED = "cancelled"
    SUPERSEDED = "superseded"


class MeetingStatus(StrEnum):
    """Where a meeting is in its life."""

    SCHEDULED = "scheduled"
    OPEN = "open"
    CLOSED = "closed"
    CANCELLED = "cancelled"


E = TypeVar("E", bound=StrEnum)
_DOCUMENT_NUMBER_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class DocumentRef:
    """A legal document: Nghị quyết, Quyết định, Kế hoạch, Chỉ thị, Công văn..."""

    kind: str
    number: str
    date: date | None = None
    issuer: str | None = None
    title: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", clean(self.kind))
        object.__setattr__(self, "number", clean(self.number))
        if not self.kind:
            raise InvalidValueError(field="document.kind", reason="empty")
        if not self.number:
            raise InvalidValueError(field="document.number", reason="empty")

    @property
    def key(self) -> str:
        """The normalised number that identifies the document, e.g. ``04-NQ/TU``."""
        return _DOCUMENT_NUMBER_SPACES.sub("", self.number).upper()


@dataclass(frozen=True)
class Authority:
    """What authorised a change: a meeting's conclusion item, or a document, or both."""

    meeting_id: UUID | None = None
    item_number: str | None = None
    document: DocumentRef | None = None

    def __post_init__(self) -> None:
        if self.meeting_id is None and self.document is None:
            raise InvalidValueError(
                field="authority", reason="needs a meeting or a document"
            )


@dataclass(frozen=True)
class Origin:
    """Where an assignment came from: meeting, conclusion item, speech, speaker."""

    committee_id: UUID
    meeting_id: UUID | None = None
    item_number: str | None = None
    task_number: int = 1
    speech_id: UUID | None = None
    speaker_id: UUID | None = None
    point_id: UUID | None = None
    document: DocumentRef | None = None

    @property
    def key(self) -> str:
        """A canonical text for this origin, from which the assignment id derives."""
        source = str(self.meeting_id) if self.meeting_id else self._document_key()
        return f"{source}#{self.item_number or ''}#{self.task_number}"

    def _document_key(self) -> str:
        if self.document is None:
            raise InvalidValueError(
                field="origin", reason="needs a meeting or a document"
            )
        return f"{self.committee_id}:{self.document.key}"


@dataclass(frozen=True)
class ConclusionItem:
    """One numbered item of a meeting's conclusion (Kết luận), as the chair gave it."""

    number: str
    text: str
    # The ids of the tasks the item assigns, in task order (stored events from
    # before items carried them have none).
    task_ids: tuple[UUID, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "task_ids", tuple(self.task_ids))
        object.__setattr__(self, "number", clean(self.number))
        object.__setattr__(self, "text", clean(self.text))
        if not self.number:
            raise InvalidValueError(field="items.number", reason="empty")
        if not self.text:
            raise InvalidValueError(field="items.text", reason="empty")


def required_text(field: str, value: str) -> str:
    """Return ``value`` cleaned (NFC, single spaces), or raise if nothing is left."""
    cleaned = clean(value) if isinstance(value, str) else ""
    if not cleaned:
        raise InvalidValueError(field=field, reason="empty")
    return cleaned


def optional_text(value: str | None) -> str | None:
    """Return ``value`` cleaned, or None when it is missing or blank."""
    cleaned = clean(value) if value else ""
    return cleaned or None


def aware(field: str, moment: datetime) -> datetime:
    """Return ``moment`` if it carries a UTC offset; naive times are refused."""
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        raise InvalidValueError(field=field, reason="needs a time with a UTC offset")
    return moment


def member_of(field: str, vocabulary: type[E], value: str) -> E:
    """Return ``value`` as a member of ``vocabulary``, or raise naming the field."""
    try:
        return vocabulary(value)
    except ValueError:
        allowed = ", ".join(member.value for member in vocabulary)
        raise InvalidValueError(
            field=field, reason=f"must be one of: {allowed}"
        ) from None
