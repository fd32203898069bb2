"""The directory projection: committees, agencies (names, groups) and people."""

from __future__ import annotations

from typing import Any

from domain.agency import Agency
from domain.committee import Committee
from domain.person import Person
from domain.text import fold
from service.readmodel.projections.core import Operations, Projection

directory = Projection("directory")


@directory.on(Committee, "Established")
def committee_established(event: Any, out: Operations) -> None:
    out.put(
        "committee_established",
        id=event.originator_id,
        name=event.name,
        jurisdiction=event.jurisdiction,
        time_zone=event.time_zone,
        predecessor_id=event.predecessor_id,
    )


@directory.on(Committee, "Renamed")
def committee_renamed(event: Any, out: Operations) -> None:
    out.put("committee_renamed", id=event.originator_id, name=event.name)


@directory.on(Agency, "Registered")
def agency_registered(event: Any, out: Operations) -> None:
    out.put(
        "agency_registered",
        id=event.originator_id,
        name=event.name,
        kind=event.kind,
        short_name=event.short_name,
        parent_id=event.parent_id,
    )
    names = [
        event.name,
        *([event.short_name] if event.short_name else []),
        *event.aliases,
    ]
    for name in names:
        name_added(out, event.originator_id, name)


@directory.on(Agency, "Renamed")
def agency_renamed(event: Any, out: Operations) -> None:
    out.put("agency_renamed", id=event.originator_id, name=event.name)
    name_added(out, event.originator_id, event.name)


@directory.on(Agency, "AliasAdded")
def agency_alias_added(event: Any, out: Operations) -> None:
    name_added(out, event.originator_id, event.alias)


def name_added(out: Operations, agency_id: Any, name: str) -> None:
    """Every name an agency is known by, folded for matching."""
    out.put("agency_name_added", agency_id=agency_id, folded=fold(name), name=name)


@directory.on(Agency, "GroupMembersSet")
def group_members_set(event: Any, out: Operations) -> None:
    out.put("group_members_cleared", group_id=event.originator_id)
    for member_id in event.member_ids:
        out.put("group_member_added", group_id=event.originator_id, member_id=member_id)


@directory.on(Person, "Registered")
def person_registered(event: Any, out: Operations) -> None:
    out.put(
        "person_registered",
        id=event.originator_id,
        full_name=event.full_name,
        title=event.title,
        agency_id=event.agency_id,
    )


@directory.on(Person, "TitleChanged")
def person_title_changed(event: Any, out: Operations) -> None:
    out.put(
        "person_title_changed",
        id=event.originator_id,
        title=event.title,
        agency_id=event.agency_id,
    )
