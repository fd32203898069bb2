"""Committees over HTTP: establish, read, rename, members; and their failures."""

from __future__ import annotations

from uuid import uuid4

from tests.functional.support import Api, problem

BASE = "/api/v1/committees"


def test_establish_answers_201_with_location_etag_and_position(api: Api) -> None:
    response = api.post(
        BASE, {"name": api.name("Ban Chỉ đạo CĐS"), "jurisdiction": "tỉnh Lào Cai"}
    )
    assert response.status_code == 201
    body = response.get_json()
    assert response.headers["Location"] == f"{BASE}/{body['id']}"
    assert response.headers["ETag"] == '"1"'
    assert int(response.headers["X-Steerlog-Position"]) == body["position"] > 0
    assert body["version"] == 1


def test_committee_reads_back_as_stored_with_its_version_as_etag(api: Api) -> None:
    committee_id = api.committee("Ban Chỉ đạo Chuyển đổi số tỉnh Lào Cai")
    response = api.get(f"{BASE}/{committee_id}")
    assert response.status_code == 200
    assert response.headers["ETag"] == '"1"'
    body = response.get_json()
    assert body["id"] == committee_id
    assert body["name"] == api.name("Ban Chỉ đạo Chuyển đổi số tỉnh Lào Cai")
    assert body["jurisdiction"] == "tỉnh Lào Cai"
    assert body["time_zone"] == "Asia/Ho_Chi_Minh"
    # Times are answered in the committee's zone, with its offset.
    assert body["created_on"].endswith("+07:00")
    # UTF-8 on the wire, not \u escapes.
    assert "Chỉ đạo".encode() in response.get_data()


def test_establishing_the_same_committee_twice_is_a_409(api: Api) -> None:
    body = {"name": api.name("Ban Chỉ đạo"), "jurisdiction": "tỉnh Lào Cai"}
    first = api.post(BASE, body)
    again = problem(api.post(BASE, body), 409)
    assert again["rule"] == "already_exists"
    assert again["details"]["id"] == first.get_json()["id"]


def test_establish_validates_fields_one_by_one(api: Api) -> None:
    body = {"name": "", "time_zone": "Mars/Olympus", "document": {"kind": "QĐ"}}
    errors = problem(api.post(BASE, body), 422)["errors"]
    assert set(errors) == {"name", "jurisdiction", "time_zone", "document.number"}


def test_blank_name_is_refused_on_its_field(api: Api) -> None:
    # At the boundary, as the OpenAPI document states it (the domain refuses it too).
    body = {"name": "   ", "jurisdiction": "tỉnh Lào Cai"}
    errors = problem(api.post(BASE, body), 422)["errors"]
    assert errors == {"name": ["Must not be blank."]}


def test_unknown_predecessor_is_a_422_on_that_field(api: Api) -> None:
    body = {
        "name": api.name("Ban Chỉ đạo"),
        "jurisdiction": "tỉnh Lào Cai",
        "predecessor_id": str(uuid4()),
    }
    assert "predecessor_id" in problem(api.post(BASE, body), 422)["errors"]


def test_unknown_committee_is_a_404(api: Api) -> None:
    problem(api.get(f"{BASE}/{uuid4()}"), 404)
    problem(api.post(f"{BASE}/{uuid4()}/rename", {"name": "Ban mới"}), 404)


def test_another_kind_of_aggregate_is_not_a_committee(api: Api) -> None:
    agency_id = api.agency("Sở Nội vụ")
    problem(api.get(f"{BASE}/{agency_id}"), 404)


def test_rename_with_current_if_match_keeps_the_former_name(api: Api) -> None:
    committee_id = api.committee("Ban Chỉ đạo CĐS")
    document = {"kind": "Quyết định", "number": "12/QĐ-UBND", "date": "2022-03-01"}
    response = api.post(
        f"{BASE}/{committee_id}/rename",
        {"name": api.name("Ban Chỉ đạo Chuyển đổi số"), "document": document},
        if_match=1,
    )
    assert response.status_code == 200
    assert response.headers["ETag"] == '"2"'
    body = api.get(f"{BASE}/{committee_id}").get_json()
    assert body["name"] == api.name("Ban Chỉ đạo Chuyển đổi số")
    assert body["former_names"] == [api.name("Ban Chỉ đạo CĐS")]


def test_rename_with_a_stale_if_match_is_a_412(api: Api) -> None:
    committee_id = api.committee()
    body = problem(
        api.post(f"{BASE}/{committee_id}/rename", {"name": "Ban khác"}, if_match=7),
        412,
    )
    assert body["details"] == {"expected": 7, "actual": 1}


def test_renaming_to_the_same_name_breaks_the_no_change_rule(api: Api) -> None:
    committee_id = api.committee("Ban Chỉ đạo")
    body = {"name": api.name("Ban Chỉ đạo")}
    conflict = problem(api.post(f"{BASE}/{committee_id}/rename", body), 409)
    assert conflict["rule"] == "no_change"
    assert conflict["details"]["committee_id"] == committee_id


def test_members_are_appointed_and_relieved(api: Api) -> None:
    committee_id = api.committee()
    person_id = api.person("Nguyễn Văn Hùng", "Giám đốc Sở TT&TT")
    api.ok(f"{BASE}/{committee_id}/members", {"person_id": person_id, "role": "member"})
    members = api.get(f"{BASE}/{committee_id}").get_json()["members"]
    assert members == [{"person_id": person_id, "role": "member"}]
    api.ok(f"{BASE}/{committee_id}/members/{person_id}/relieve", {"reason": "Nghỉ hưu"})
    assert api.get(f"{BASE}/{committee_id}").get_json()["members"] == []


def test_appointing_twice_or_relieving_a_non_member_breaks_a_rule(api: Api) -> None:
    committee_id = api.committee()
    person_id = api.person("Lê Thị Mai")
    path = f"{BASE}/{committee_id}/members"
    api.ok(path, {"person_id": person_id, "role": "standing"})
    again = api.post(path, {"person_id": person_id, "role": "member"})
    assert problem(again, 409)["rule"] == "already_member"
    stranger = api.person("Phạm Văn Nam")
    relieve = api.post(f"{path}/{stranger}/relieve")
    assert problem(relieve, 409)["rule"] == "not_member"


def test_appointing_an_unknown_person_or_role_is_a_422(api: Api) -> None:
    committee_id = api.committee()
    path = f"{BASE}/{committee_id}/members"
    unknown = api.post(path, {"person_id": str(uuid4()), "role": "member"})
    assert "person_id" in problem(unknown, 422)["errors"]
    person_id = api.person("Lê Thị Mai")
    bad_role = api.post(path, {"person_id": person_id, "role": "king"})
    assert "role" in problem(bad_role, 422)["errors"]


def test_committee_as_of_a_past_moment_shows_the_old_name(api: Api) -> None:
    committee_id = api.committee("Ban Chỉ đạo CĐS")
    created_on = api.get(f"{BASE}/{committee_id}").get_json()["created_on"]
    api.ok(f"{BASE}/{committee_id}/rename", {"name": api.name("Ban mới")})
    past = api.get(f"{BASE}/{committee_id}", as_of=created_on)
    assert past.status_code == 200
    assert past.headers["ETag"] == '"1"'
    assert past.get_json()["name"] == api.name("Ban Chỉ đạo CĐS")
    before = api.get(f"{BASE}/{committee_id}", as_of="2000-01-01T00:00:00+07:00")
    problem(before, 404)


def test_as_of_without_an_offset_is_a_422(api: Api) -> None:
    committee_id = api.committee()
    naive = api.get(f"{BASE}/{committee_id}", as_of="2022-01-01T00:00:00")
    assert "as_of" in problem(naive, 422)["errors"]
