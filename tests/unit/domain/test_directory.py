"""Committees, agencies and people: the directory's rules."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from domain import ids
from domain.agency import Agency
from domain.committee import Committee
from domain.errors import (
    AlreadyMemberError,
    InvalidValueError,
    NoChangeError,
    NotMemberError,
)
from domain.person import FormerTitle, Person
from domain.values import CommitteeRole, DocumentRef
from tests.scenario import ACTOR


def test_committee_members_are_appointed_once_and_relieved() -> None:
    committee = Committee.establish(
        id=uuid4(), actor=ACTOR, name="Ban Chỉ đạo CĐS", jurisdiction="tỉnh Bắc Kạn"
    )
    person = uuid4()
    committee.appoint_member(actor=ACTOR, person_id=person, role="head", document=None)
    assert committee.members[person].role is CommitteeRole.HEAD
    with pytest.raises(AlreadyMemberError):
        committee.appoint_member(
            actor=ACTOR, person_id=person, role="member", document=None
        )
    committee.relieve_member(actor=ACTOR, person_id=person)
    with pytest.raises(NotMemberError):
        committee.relieve_member(actor=ACTOR, person_id=person)


def test_committee_rejects_unknown_role_naming_the_field() -> None:
    committee = Committee.establish(
        id=uuid4(), actor=ACTOR, name="Ban Chỉ đạo", jurisdiction="tỉnh Nghệ An"
    )
    with pytest.raises(InvalidValueError) as error:
        committee.appoint_member(
            actor=ACTOR, person_id=uuid4(), role="boss", document=None
        )
    assert error.value.field == "role"


def test_committee_rename_keeps_former_name() -> None:
    committee = Committee.establish(
        id=uuid4(), actor=ACTOR, name="Ban Chỉ đạo CNTT", jurisdiction="tỉnh Vĩnh Phúc"
    )
    decision = DocumentRef("Quyết định", "12/QĐ-UBND", date(2021, 3, 1))
    committee.rename(actor=ACTOR, name="Ban Chỉ đạo Chuyển đổi số", document=decision)
    assert committee.former_names == ["Ban Chỉ đạo CNTT"]
    with pytest.raises(NoChangeError):
        committee.rename(actor=ACTOR, name="Ban Chỉ đạo Chuyển đổi số", document=None)


def test_agency_aliases_match_folded() -> None:
    agency = Agency.register(
        id=uuid4(),
        actor=ACTOR,
        name="Sở Thông tin và Truyền thông",
        kind="department",
        aliases=["Sở TT&TT", "sở thông tin và truyền thông"],
    )
    assert agency.aliases == ["Sở TT&TT"]
    with pytest.raises(NoChangeError):
        agency.add_alias(actor=ACTOR, alias="SỞ TT&TT")


def test_agency_rename_keeps_old_name_as_alias() -> None:
    agency = Agency.register(
        id=uuid4(), actor=ACTOR, name="Sở Bưu chính", kind="department"
    )
    agency.rename(actor=ACTOR, name="Sở Thông tin và Truyền thông")
    assert "Sở Bưu chính" in agency.aliases


def test_only_groups_have_members_and_not_themselves() -> None:
    department = Agency.register(
        id=uuid4(), actor=ACTOR, name="Sở Y tế", kind="department"
    )
    with pytest.raises(InvalidValueError):
        department.set_group_members(actor=ACTOR, member_ids=[uuid4()])
    group = Agency.register(id=uuid4(), actor=ACTOR, name="Các Sở, ngành", kind="group")
    with pytest.raises(InvalidValueError):
        group.set_group_members(actor=ACTOR, member_ids=[group.id])
    group.set_group_members(actor=ACTOR, member_ids=[department.id, department.id])
    assert group.member_ids == [department.id]


def test_agency_and_committee_ids_ignore_case_and_diacritics_spelling() -> None:
    assert ids.agency_id("Uỷ ban nhân dân tỉnh") == ids.agency_id(
        "ủy ban nhân dân  tỉnh"
    )
    assert ids.committee_id("BCĐ", "tỉnh A") == ids.committee_id("bcđ", "Tỉnh A")


def test_person_title_change_remembers_the_former_title() -> None:
    person = Person.register(
        id=uuid4(),
        actor=ACTOR,
        full_name="Nguyễn Văn Sơn",
        title="Phó Chủ tịch UBND tỉnh",
    )
    person.change_title(
        actor=ACTOR, title="Chủ tịch UBND tỉnh", effective_on=date(2021, 6, 1)
    )
    assert person.title == "Chủ tịch UBND tỉnh"
    assert person.former_titles == [
        FormerTitle("Phó Chủ tịch UBND tỉnh", date(2021, 6, 1))
    ]


def test_person_needs_a_name() -> None:
    with pytest.raises(InvalidValueError) as error:
        Person.register(id=uuid4(), actor=ACTOR, full_name=" ")
    assert error.value.field == "full_name"
