"""The parts of an assignment's state: agencies, completions, progress, extensions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from domain.errors import InvalidValueError
from domain.values import Authority, DocumentRef


@dataclass(frozen=True)
class Completion:
    """Hoàn thành: one agency reports its part done, with evidence.

    ``document`` is the report that proves it (kind, number, date), when the
    evidence names one; completions recorded before it could are without.
    """

    agency_id: UUID
    completed_on: date
    evidence: str
    document: DocumentRef | None = None


@dataclass(frozen=True)
class ProgressReport:
    """Báo cáo tiến độ: what an agency said of its progress, and when."""

    agency_id: UUID
    at: datetime
    note: str
    percent: int | None


@dataclass(frozen=True)
class ExtensionRequest:
    """Đề nghị gia hạn: a lead agency's pending request for a later deadline."""

    agency_id: UUID
    deadline: date
    reason: str


@dataclass(frozen=True)
class Extension:
    """Gia hạn: a deadline moved, by the meeting or document that authorised it."""

    previous: date | None
    deadline: date
    authority: Authority
    reason: str


def checked_assignees(
    lead: list[UUID], coordinating: list[UUID]
) -> tuple[list[UUID], list[UUID]]:
    """Lead agencies (at least one) and coordinating ones, distinct and not both."""
    distinct_lead = list(dict.fromkeys(lead))
    if not distinct_lead:
        raise InvalidValueError(field="lead", reason="at least one lead agency")
    distinct_coordinating = [
        agency for agency in dict.fromkeys(coordinating) if agency not in distinct_lead
    ]
    return distinct_lead, distinct_coordinating


def distinct_documents(documents: list[DocumentRef]) -> list[DocumentRef]:
    """Documents cited once each, by normalised number (the last mention wins)."""
    return list({document.key: document for document in documents}.values())
