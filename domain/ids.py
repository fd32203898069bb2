"""Deterministic ids (uuid5): creating the same thing twice finds the same id."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid5

from domain.text import fold
from domain.values import Origin

NAMESPACE = UUID("5b0f2f0e-3c57-4d1c-9a43-7f1e0e2a9c11")


def assignment_id(origin: Origin) -> UUID:
    """The id of the assignment issued from ``origin`` (meeting, item, task number)."""
    return uuid5(NAMESPACE, f"assignment:{origin.key}")


def delegated_assignment_id(parent_id: UUID, lead: list[UUID], title: str) -> UUID:
    """The id of the task delegated from ``parent_id`` to ``lead``, by its title."""
    agencies = ",".join(sorted(str(agency) for agency in lead))
    return uuid5(NAMESPACE, f"delegation:{parent_id}:{agencies}:{fold(title)}")


def agency_id(name: str) -> UUID:
    """The id of the agency registered under ``name`` (folded: case, diacritics)."""
    return uuid5(NAMESPACE, f"agency:{fold(name)}")


def committee_id(name: str, jurisdiction: str) -> UUID:
    """The id of the committee of that name in that jurisdiction."""
    return uuid5(NAMESPACE, f"committee:{fold(jurisdiction)}:{fold(name)}")


def connection_point_id(meeting_id: UUID, name: str) -> UUID:
    """The id of the point called ``name`` at one meeting."""
    return uuid5(NAMESPACE, f"point:{meeting_id}:{fold(name)}")


def digest_id(recipient: str, period_start: date, period_end: date) -> UUID:
    """The id of the digest for one recipient and one period: issued once."""
    return uuid5(NAMESPACE, f"digest:{recipient}:{period_start}:{period_end}")


def subscription_id(
    committee_id: UUID, recipient_kind: str, recipient_id: UUID
) -> UUID:
    """The id of a recipient's subscription to one committee's digests."""
    return uuid5(
        NAMESPACE, f"subscription:{committee_id}:{recipient_kind}:{recipient_id}"
    )
