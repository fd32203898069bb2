"""Use cases of the directory: committees, agencies and people."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID, uuid4

from domain import ids
from domain.agency import Agency
from domain.committee import Committee
from domain.person import Person
from domain.values import AgencyKind, DocumentRef
from service.eventstore.application import SteerlogBase, Written
from service.usecases import lookups


class DirectoryUseCases(SteerlogBase):
    """Register and maintain committees, agencies and people."""

    def establish_committee(
        self,
        *,
        actor: str,
        name: str,
        jurisdiction: str,
        document: DocumentRef | None = None,
        predecessor_id: UUID | None = None,
        time_zone: str | None = None,
    ) -> Written:
        """Thành lập (or kiện toàn) a committee; its id derives from name and place."""
        if predecessor_id is not None:
            self.load(Committee, predecessor_id, field="predecessor_id")
        committee = Committee.establish(
            id=ids.committee_id(name, jurisdiction),
            actor=actor,
            name=name,
            jurisdiction=jurisdiction,
            document=document,
            predecessor_id=predecessor_id,
            time_zone=time_zone or self.settings.time_zone,
        )
        return self.create(committee, "committee")

    def rename_committee(
        self,
        committee_id: UUID,
        *,
        actor: str,
        name: str,
        document: DocumentRef | None = None,
        expected_version: int | None = None,
    ) -> Written:
        """Đổi tên: a committee takes a new name."""
        return self.change(
            Committee,
            committee_id,
            lambda c: c.rename(actor=actor, name=name, document=document),
            expected_version,
        )

    def appoint_member(
        self,
        committee_id: UUID,
        *,
        actor: str,
        person_id: UUID,
        role: str,
        document: DocumentRef | None = None,
        expected_version: int | None = None,
    ) -> Written:
        """Give a registered person a role on a committee."""
        self.load(Person, person_id, field="person_id")
        return self.change(
            Committee,
            committee_id,
            lambda c: c.appoint_member(
                actor=actor, person_id=person_id, role=role, document=document
            ),
            expected_version,
        )

    def relieve_member(
        self,
        committee_id: UUID,
        *,
        actor: str,
        person_id: UUID,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Written:
        """A person leaves a committee."""
        return self.change(
            Committee,
            committee_id,
            lambda c: c.relieve_member(actor=actor, person_id=person_id, reason=reason),
            expected_version,
        )

    def register_agency(
        self,
        *,
        actor: str,
        name: str,
        kind: str = AgencyKind.DEPARTMENT,
        short_name: str | None = None,
        aliases: list[str] | None = None,
        parent_id: UUID | None = None,
        member_ids: list[UUID] | None = None,
    ) -> Written:
        """Register an agency (or a group and its members); the id derives from name."""
        if parent_id is not None:
            self.load(Agency, parent_id, field="parent_id")
        agency = Agency.register(
            id=ids.agency_id(name),
            actor=actor,
            name=name,
            kind=kind,
            short_name=short_name,
            aliases=aliases,
            parent_id=parent_id,
        )
        if member_ids:
            lookups.check_agencies(self, member_ids, "member_ids")
            agency.set_group_members(actor=actor, member_ids=member_ids)
        return self.create(agency, "agency")

    def rename_agency(
        self,
        agency_id: UUID,
        *,
        actor: str,
        name: str,
        expected_version: int | None = None,
    ) -> Written:
        """An agency takes a new name; the old one stays an alias."""
        return self.change(
            Agency,
            agency_id,
            lambda a: a.rename(actor=actor, name=name),
            expected_version,
        )

    def add_agency_alias(
        self,
        agency_id: UUID,
        *,
        actor: str,
        alias: str,
        expected_version: int | None = None,
    ) -> Written:
        """Record another name for an agency."""
        return self.change(
            Agency,
            agency_id,
            lambda a: a.add_alias(actor=actor, alias=alias),
            expected_version,
        )

    def set_group_members(
        self,
        agency_id: UUID,
        *,
        actor: str,
        member_ids: list[UUID],
        expected_version: int | None = None,
    ) -> Written:
        """Say which agencies a group stands for."""
        lookups.check_agencies(self, member_ids, "member_ids")
        return self.change(
            Agency,
            agency_id,
            lambda a: a.set_group_members(actor=actor, member_ids=member_ids),
            expected_version,
        )

    def register_person(
        self,
        *,
        actor: str,
        full_name: str,
        title: str | None = None,
        agency_id: UUID | None = None,
        person_id: UUID | None = None,
    ) -> Written:
        """Register an official (names are not unique, so the id is new)."""
        if agency_id is not None:
            self.load(Agency, agency_id, field="agency_id")
        person = Person.register(
            id=person_id or uuid4(),
            actor=actor,
            full_name=full_name,
            title=title,
            agency_id=agency_id,
        )
        return self.create(person, "person")

    def change_title(
        self,
        person_id: UUID,
        *,
        actor: str,
        title: str,
        effective_on: date,
        agency_id: UUID | None = None,
        expected_version: int | None = None,
    ) -> Written:
        """An official takes a new position from a given day."""
        if agency_id is not None:
            self.load(Agency, agency_id, field="agency_id")
        return self.change(
            Person,
            person_id,
            lambda p: p.change_title(
                actor=actor, title=title, effective_on=effective_on, agency_id=agency_id
            ),
            expected_version,
        )

    def committee_day(self, committee_id: UUID, at: datetime | None = None) -> date:
        """The day it is (or was at ``at``) in the committee's time zone."""
        return lookups.committee_day(self, committee_id, at)
