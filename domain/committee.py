"""The Committee aggregate: Ban Chỉ đạo / Ủy ban, its documents and members."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from eventsourcing.domain import event

from domain.base import SteerlogAggregate
from domain.errors import AlreadyMemberError, NoChangeError, NotMemberError
from domain.values import (
    CommitteeRole,
    DocumentRef,
    member_of,
    optional_text,
    required_text,
)

DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh"


@dataclass(frozen=True)
class Membership:
    """A person's role on the committee (Trưởng ban, Phó Trưởng ban, Thành viên...)."""

    person_id: UUID
    role: CommitteeRole


class Committee(SteerlogAggregate):
    """Ban Chỉ đạo: a steering committee, possibly re-formed from a predecessor."""

    @classmethod
    def establish(
        cls,
        *,
        id: UUID,
        actor: str,
        name: str,
        jurisdiction: str,
        document: DocumentRef | None = None,
        predecessor_id: UUID | None = None,
        time_zone: str = DEFAULT_TIME_ZONE,
    ) -> Committee:
        """Thành lập (or kiện toàn from a predecessor) a committee."""
        return cls(
            id=id,
            actor=actor,
            name=required_text("name", name),
            jurisdiction=required_text("jurisdiction", jurisdiction),
            document=document,
            predecessor_id=predecessor_id,
            time_zone=required_text("time_zone", time_zone),
        )

    @event("Established")
    def __init__(
        self,
        *,
        id: UUID,
        actor: str,
        name: str,
        jurisdiction: str,
        document: DocumentRef | None,
        predecessor_id: UUID | None,
        time_zone: str,
    ) -> None:
        self.name = name
        self.jurisdiction = jurisdiction
        self.document = document
        self.predecessor_id = predecessor_id
        self.time_zone = time_zone
        self.members: dict[UUID, Membership] = {}
        self.former_names: list[str] = []

    def rename(self, *, actor: str, name: str, document: DocumentRef | None) -> None:
        """Đổi tên: the committee takes a new name, by a document."""
        new_name = required_text("name", name)
        if new_name == self.name:
            raise NoChangeError(field="name", committee_id=self.id)
        self._renamed(actor=actor, name=new_name, document=document)

    @event("Renamed")
    def _renamed(self, *, actor: str, name: str, document: DocumentRef | None) -> None:
        self.former_names.append(self.name)
        self.name = name

    def appoint_member(
        self, *, actor: str, person_id: UUID, role: str, document: DocumentRef | None
    ) -> None:
        """Bổ nhiệm: give a person a role on the committee."""
        checked_role = member_of("role", CommitteeRole, role)
        if person_id in self.members:
            raise AlreadyMemberError(committee_id=self.id, person_id=person_id)
        self._member_appointed(
            actor=actor, person_id=person_id, role=checked_role, document=document
        )

    @event("MemberAppointed")
    def _member_appointed(
        self, *, actor: str, person_id: UUID, role: str, document: DocumentRef | None
    ) -> None:
        self.members[person_id] = Membership(person_id, CommitteeRole(role))

    def relieve_member(
        self, *, actor: str, person_id: UUID, reason: str | None = None
    ) -> None:
        """Miễn nhiệm: a person leaves the committee."""
        if person_id not in self.members:
            raise NotMemberError(committee_id=self.id, person_id=person_id)
        self._member_relieved(
            actor=actor, person_id=person_id, reason=optional_text(reason)
        )

    @event("MemberRelieved")
    def _member_relieved(
        self, *, actor: str, person_id: UUID, reason: str | None
    ) -> None:
        del self.members[person_id]
