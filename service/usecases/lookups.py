"""What several use cases read before they act: agencies, groups, committees' days.

Plain functions over the event store, so each family of use cases can be a flat
mixin of ``SteerlogBase`` and still share them (no tower of subclasses).
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID
from zoneinfo import ZoneInfo

from domain import assignment_authority
from domain.agency import Agency
from domain.committee import Committee
from domain.meeting import Meeting
from domain.values import Authority
from service.eventstore.application import SteerlogBase


def check_agencies(
    store: SteerlogBase, agency_ids: list[UUID], field: str
) -> list[Agency]:
    """Load every agency named by a command, or fail naming the field."""
    return [store.load(Agency, agency_id, field=field) for agency_id in agency_ids]


def tracked_agencies(
    store: SteerlogBase, lead: list[UUID], field: str = "lead"
) -> list[UUID]:
    """Lead agencies with each group replaced by its members, in order."""
    tracked: list[UUID] = []
    for agency in check_agencies(store, lead, field):
        # A group nobody has listed the members of is followed as one agency.
        tracked.extend(agency.member_ids if agency.is_group else [])
        tracked.extend([] if agency.is_group and agency.member_ids else [agency.id])
    return list(dict.fromkeys(tracked))


def check_authority(store: SteerlogBase, authority: Authority) -> None:
    """An authority's meeting must exist, and have concluded the item it names."""
    meeting = None
    if authority.meeting_id is not None:
        meeting = store.load(
            Meeting, authority.meeting_id, field="authority.meeting_id"
        )
    assignment_authority.check_authority(authority, meeting)


def zone_of(store: SteerlogBase, committee_id: UUID) -> ZoneInfo:
    """The committee's time zone, where its deadlines are plain dates."""
    return ZoneInfo(store.load(Committee, committee_id).time_zone)


def committee_day(
    store: SteerlogBase, committee_id: UUID, at: datetime | None = None
) -> date:
    """The day it is (or was at ``at``) in the committee's time zone."""
    return (at or store.clock()).astimezone(zone_of(store, committee_id)).date()
