"""Agencies and people over HTTP: register, read, rename, aliases, groups, titles."""

from __future__ import annotations

from uuid import uuid4

from tests.functional.support import Api, problem

AGENCIES = "/api/v1/agencies"
PEOPLE = "/api/v1/people"


def test_agency_registers_with_aliases_and_reads_back(api: Api) -> None:
    agency_id = api.agency(
        "Sở Thông tin và Truyền thông", short_name="Sở TT&TT", aliases=["STTTT"]
    )
    response = api.get(f"{AGENCIES}/{agency_id}")
    assert response.headers["ETag"] == '"1"'
    body = response.get_json()
    assert body["name"] == api.name("Sở Thông tin và Truyền thông")
    assert body["kind"] == "department"
    assert body["short_name"] == "Sở TT&TT"
    assert body["aliases"] == ["STTTT"]


def test_group_registers_with_its_members(api: Api) -> None:
    first = api.agency("UBND huyện Bát Xát", kind="peoples_committee")
    second = api.agency("UBND huyện Sa Pa", kind="peoples_committee")
    group = api.agency(
        "UBND các huyện, thị xã, thành phố", kind="group", member_ids=[first, second]
    )
    assert api.get(f"{AGENCIES}/{group}").get_json()["member_ids"] == [first, second]


def test_group_with_an_unknown_member_is_a_422_on_member_ids(api: Api) -> None:
    body = {"name": api.name("Nhóm"), "kind": "group", "member_ids": [str(uuid4())]}
    assert "member_ids" in problem(api.post(AGENCIES, body), 422)["errors"]


def test_agency_kind_must_be_known(api: Api) -> None:
    body = {"name": api.name("Sở lạ"), "kind": "guild"}
    assert "kind" in problem(api.post(AGENCIES, body), 422)["errors"]


def test_rename_keeps_the_old_name_as_an_alias(api: Api) -> None:
    agency_id = api.agency("Sở Tài chính")
    api.ok(f"{AGENCIES}/{agency_id}/rename", {"name": api.name("Sở Tài chính tỉnh")})
    body = api.get(f"{AGENCIES}/{agency_id}").get_json()
    assert body["name"] == api.name("Sở Tài chính tỉnh")
    assert body["aliases"] == [api.name("Sở Tài chính")]


def test_alias_is_added_once(api: Api) -> None:
    agency_id = api.agency("Sở Thông tin và Truyền thông")
    path = f"{AGENCIES}/{agency_id}/aliases"
    api.ok(path, {"alias": "Sở TT&TT"})
    assert problem(api.post(path, {"alias": "sở tt&tt"}), 409)["rule"] == "no_change"


def test_group_members_are_replaced(api: Api) -> None:
    member = api.agency("UBND huyện Bảo Thắng", kind="peoples_committee")
    group = api.agency("UBND các huyện", kind="group")
    response = api.put(f"{AGENCIES}/{group}/members", {"member_ids": [member]})
    assert response.status_code == 200
    assert api.get(f"{AGENCIES}/{group}").get_json()["member_ids"] == [member]


def test_only_a_group_has_members(api: Api) -> None:
    member = api.agency("Sở Y tế")
    agency_id = api.agency("Sở Giáo dục")
    response = api.put(f"{AGENCIES}/{agency_id}/members", {"member_ids": [member]})
    assert problem(response, 422)["errors"] == {"kind": ["only a group has members"]}


def test_unknown_agency_is_a_404(api: Api) -> None:
    problem(api.get(f"{AGENCIES}/{uuid4()}"), 404)
    problem(api.post(f"{AGENCIES}/{uuid4()}/aliases", {"alias": "X"}), 404)


def test_person_registers_with_a_chosen_id_and_reads_back(api: Api) -> None:
    agency_id = api.agency("Sở Nội vụ")
    chosen = str(uuid4())
    person_id = api.person(
        "Nguyễn Thị Hồng Nhung", "Giám đốc Sở", agency_id=agency_id, id=chosen
    )
    assert person_id == chosen
    body = api.get(f"{PEOPLE}/{person_id}").get_json()
    assert body["full_name"] == "Nguyễn Thị Hồng Nhung"
    assert body["title"] == "Giám đốc Sở"
    assert body["agency_id"] == agency_id


def test_person_names_are_stored_in_nfc(api: Api) -> None:
    decomposed = "Nguye\u0302\u0303n Va\u0306n A"
    person_id = api.person(decomposed)
    body = api.get(f"{PEOPLE}/{person_id}").get_json()
    assert body["full_name"] == "Nguyễn Văn A"


def test_person_with_an_unknown_agency_is_a_422(api: Api) -> None:
    body = {"full_name": "Trần Văn B", "agency_id": str(uuid4())}
    assert "agency_id" in problem(api.post(PEOPLE, body), 422)["errors"]


def test_title_change_keeps_the_former_title_and_its_end(api: Api) -> None:
    person_id = api.person("Hoàng Quốc Khánh", "Phó Chủ tịch UBND tỉnh")
    created_on = api.get(f"{PEOPLE}/{person_id}").get_json()["created_on"]
    body = {"title": "Chủ tịch UBND tỉnh", "effective_on": "2022-05-01"}
    api.ok(f"{PEOPLE}/{person_id}/title", body)
    person = api.get(f"{PEOPLE}/{person_id}").get_json()
    assert person["title"] == "Chủ tịch UBND tỉnh"
    assert person["former_titles"] == [
        {"title": "Phó Chủ tịch UBND tỉnh", "until": "2022-05-01"}
    ]
    past = api.get(f"{PEOPLE}/{person_id}", as_of=created_on).get_json()
    assert past["title"] == "Phó Chủ tịch UBND tỉnh"


def test_title_change_needs_a_valid_date(api: Api) -> None:
    person_id = api.person("Hoàng Quốc Khánh")
    body = {"title": "Chủ tịch", "effective_on": "01/05/2022"}
    response = api.post(f"{PEOPLE}/{person_id}/title", body)
    assert "effective_on" in problem(response, 422)["errors"]
