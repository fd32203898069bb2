"""The parts of an assignment's state: completions, progress, extensions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from domain.values import Authority


@dataclass(frozen=True)
class Completion:
    """Hoàn thành: one agency reports its part done, with evidence."""

    agency_id: UUID
    completed_on: date
    evidence: str


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
