"""The Agency aggregate: Sở, Ban, ngành, UBND huyện, enterprises, and groups of them."""

from __future__ import annotations

from uuid import UUID

from eventsourcing.domain import event

from domain.base import SteerlogAggregate
from domain.errors import InvalidValueError, NoChangeError
from domain.text import fold
from domain.values import AgencyKind, member_of, optional_text, required_text


class Agency(SteerlogAggregate):
    """Cơ quan, đơn vị: one that leads or coordinates tasks, known by several names."""

    @classmethod
    def register(
        cls,
        *,
        id: UUID,
        actor: str,
        name: str,
        kind: str,
        short_name: str | None = None,
        aliases: list[str] | None = None,
        parent_id: UUID | None = None,
    ) -> Agency:
        """Register an agency in the directory."""
        checked_name = required_text("name", name)
        return cls(
            id=id,
            actor=actor,
            name=checked_name,
            kind=member_of("kind", AgencyKind, kind),
            short_name=optional_text(short_name),
            aliases=_distinct_aliases(checked_name, aliases or []),
            parent_id=parent_id,
        )

    @event("Registered")
    def __init__(
        self,
        *,
        id: UUID,
        actor: str,
        name: str,
        kind: str,
        short_name: str | None,
        aliases: list[str],
        parent_id: UUID | None,
    ) -> None:
        self.name = name
        self.kind = AgencyKind(kind)
        self.short_name = short_name
        self.aliases = list(aliases)
        self.parent_id = parent_id
        self.member_ids: list[UUID] = []

    @property
    def is_group(self) -> bool:
        """Whether this is a group ("UBND các huyện, thị xã, thành phố")."""
        return self.kind is AgencyKind.GROUP

    def names(self) -> list[str]:
        """Every name this agency is known by: name, short name, aliases."""
        return [
            self.name,
            *([self.short_name] if self.short_name else []),
            *self.aliases,
        ]

    def rename(self, *, actor: str, name: str) -> None:
        """The agency takes a new name; the old one stays as an alias."""
        new_name = required_text("name", name)
        if fold(new_name) == fold(self.name):
            raise NoChangeError(field="name", agency_id=self.id)
        self._renamed(actor=actor, name=new_name)

    @event("Renamed")
    def _renamed(self, *, actor: str, name: str) -> None:
        self.aliases.append(self.name)
        self.name = name

    def add_alias(self, *, actor: str, alias: str) -> None:
        """Record another name the agency is known by (``Sở TT&TT``)."""
        new_alias = required_text("alias", alias)
        if any(fold(new_alias) == fold(known) for known in self.names()):
            raise NoChangeError(field="alias", agency_id=self.id)
        self._alias_added(actor=actor, alias=new_alias)

    @event("AliasAdded")
    def _alias_added(self, *, actor: str, alias: str) -> None:
        self.aliases.append(alias)

    def set_group_members(self, *, actor: str, member_ids: list[UUID]) -> None:
        """Say which agencies a group stands for; tasks to it are tracked per member."""
        if not self.is_group:
            raise InvalidValueError(field="kind", reason="only a group has members")
        if self.id in member_ids:
            raise InvalidValueError(
                field="member_ids", reason="a group cannot contain itself"
            )
        distinct = list(dict.fromkeys(member_ids))
        if distinct == self.member_ids:
            raise NoChangeError(field="member_ids", agency_id=self.id)
        self._group_members_set(actor=actor, member_ids=distinct)

    @event("GroupMembersSet")
    def _group_members_set(self, *, actor: str, member_ids: list[UUID]) -> None:
        self.member_ids = list(member_ids)


def _distinct_aliases(name: str, aliases: list[str]) -> list[str]:
    seen = {fold(name)}
    distinct = []
    for alias in aliases:
        cleaned = optional_text(alias)
        if cleaned and fold(cleaned) not in seen:
            seen.add(fold(cleaned))
            distinct.append(cleaned)
    return distinct
