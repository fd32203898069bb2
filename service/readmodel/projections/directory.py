"""The directory projection: committees, agencies (names, groups) and people."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.agency import Agency
from domain.committee import Committee
from domain.person import Person
from domain.text import fold
from service.readmodel.changes import Changes, change
from service.readmodel.projections.core import Projection


class DirectoryChanges(Changes):
    """Committees, agencies with every name they are known by, groups, people."""

    @change
    def committee_established(
        self,
        *,
        id: UUID,
        name: str,
        jurisdiction: str,
        time_zone: str,
        predecessor_id: UUID | None,
    ) -> None:
        """A committee (Ban Chỉ đạo) and where it came from."""

    @change
    def committee_renamed(self, *, id: UUID, name: str) -> None:
        """A committee's new name."""

    @change
    def agency_registered(
        self,
        *,
        id: UUID,
        name: str,
        kind: str,
        short_name: str | None,
        parent_id: UUID | None,
    ) -> None:
        """An agency (cơ quan, đơn vị)."""

    @change
    def agency_renamed(self, *, id: UUID, name: str) -> None:
        """An agency's new name."""

    @change
    def agency_name_added(self, *, agency_id: UUID, folded: str, name: str) -> None:
        """A name an agency is known by, folded for matching (kept once)."""

    @change
    def group_members_cleared(self, *, group_id: UUID) -> None:
        """A group's members, all gone (before they are set again)."""

    @change
    def group_member_added(self, *, group_id: UUID, member_id: UUID) -> None:
        """An agency in a group."""

    @change
    def person_registered(
        self, *, id: UUID, full_name: str, title: str | None, agency_id: UUID | None
    ) -> None:
        """An official (cán bộ)."""

    @change
    def person_title_changed(
        self, *, id: UUID, title: str | None, agency_id: UUID | None
    ) -> None:
        """An official's new title (and agency)."""


directory = Projection("directory", DirectoryChanges)


@directory.on(Committee, "Established")
def committee_established(event: Any, out: DirectoryChanges) -> None:
    out.committee_established(
        id=event.originator_id,
        name=event.name,
        jurisdiction=event.jurisdiction,
        time_zone=event.time_zone,
        predecessor_id=event.predecessor_id,
    )


@directory.on(Committee, "Renamed")
def committee_renamed(event: Any, out: DirectoryChanges) -> None:
    out.committee_renamed(id=event.originator_id, name=event.name)


@directory.on(Agency, "Registered")
def agency_registered(event: Any, out: DirectoryChanges) -> None:
    out.agency_registered(
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
def agency_renamed(event: Any, out: DirectoryChanges) -> None:
    out.agency_renamed(id=event.originator_id, name=event.name)
    name_added(out, event.originator_id, event.name)


@directory.on(Agency, "AliasAdded")
def agency_alias_added(event: Any, out: DirectoryChanges) -> None:
    name_added(out, event.originator_id, event.alias)


def name_added(out: DirectoryChanges, agency_id: Any, name: str) -> None:
    """Every name an agency is known by, folded for matching."""
    out.agency_name_added(agency_id=agency_id, folded=fold(name), name=name)


@directory.on(Agency, "GroupMembersSet")
def group_members_set(event: Any, out: DirectoryChanges) -> None:
    out.group_members_cleared(group_id=event.originator_id)
    for member_id in event.member_ids:
        out.group_member_added(group_id=event.originator_id, member_id=member_id)


@directory.on(Person, "Registered")
def person_registered(event: Any, out: DirectoryChanges) -> None:
    out.person_registered(
        id=event.originator_id,
        full_name=event.full_name,
        title=event.title,
        agency_id=event.agency_id,
    )


@directory.on(Person, "TitleChanged")
def person_title_changed(event: Any, out: DirectoryChanges) -> None:
    out.person_title_changed(
        id=event.originator_id,
        title=event.title,
        agency_id=event.agency_id,
    )
