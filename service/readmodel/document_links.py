"""What links to a document in the registry: the relations, and one link's row."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from domain.values import AssignmentStatus


class DocumentRelation(StrEnum):
    """How something links to a document: the registry groups by it."""

    CITED_BY = "cited_by"  # căn cứ: an assignment cites it
    ORIGIN_OF = "origin_of"  # an assignment was issued by it
    AUTHORISED = "authorised"  # it authorised a change (extend, cancel...)
    APPROVED_AT = "approved_at"  # thông qua: a meeting approved it
    NOTICE_OF = "notice_of"  # thông báo kết luận: it publishes a conclusion
    EVIDENCE_FOR = "evidence_for"  # the report that proves a completion


@dataclass(frozen=True, slots=True)
class DocumentLink:
    """An assignment or meeting linked to a document, with what the link says.

    ``change`` is the change authorised (extends, reassigns, cancels,
    supersedes); ``agency_id`` the agency whose completion the document proves.
    """

    relation: DocumentRelation
    kind: str
    id: str
    title: str | None
    committee_id: str | None
    status: AssignmentStatus | None
    change: str | None
    agency_id: str | None
