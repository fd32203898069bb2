"""Agency officers act for their own agency, on its tasks only, groups included."""

from __future__ import annotations

from typing import Any

from tests.functional.access_support import account_with_role
from tests.functional.support import Api, problem
from tests.functional.test_assignments import standalone

BASE = "/api/v1/assignments"


def officer(api: Api, committee_id: str, agency_id: str, name: str) -> Api:
    """A client signed in as an officer of ``agency_id`` on the committee."""
    application = api.client.application.extensions["steerlog"]
    _, token = account_with_role(
        application,
        f"{name}.{api.token}",
        "agency_officer",
        committee_id,
        agency_id,
    )
    return Api(api.client.application.test_client(), token)


def version_of(api: Api, assignment_id: str) -> str:
    """The assignment's ETag: unchanged when nothing was stored."""
    return str(api.get(f"{BASE}/{assignment_id}").headers["ETag"])


def acknowledge(client: Api, assignment_id: str, agency_id: str) -> Any:
    """An acknowledgement of the task by ``agency_id``."""
    return client.post(
        f"{BASE}/{assignment_id}/acknowledgements", {"agency_id": agency_id}
    )


def test_an_officer_of_another_agency_is_refused_and_nothing_is_stored(
    api: Api,
) -> None:
    own = api.agency("Sở Tài chính")
    other = api.agency("Sở Y tế")
    body = standalone(api, [other])
    assignment_id = api.created(BASE, body)
    finance = officer(api, body["committee_id"], own, "so.tai.chinh")
    before = version_of(api, assignment_id)
    for agency in (own, other):
        refusal = problem(acknowledge(finance, assignment_id, agency), 403)
        assert refusal["permission"] == "follow_up"
    progress = {"agency_id": other, "percent": 50, "note": "Đang làm"}
    problem(finance.post(f"{BASE}/{assignment_id}/progress", progress), 403)
    assert version_of(api, assignment_id) == before
    health = officer(api, body["committee_id"], other, "so.y.te")
    assert acknowledge(health, assignment_id, other).status_code == 200


def test_through_a_group_only_the_member_agency_itself_is_allowed(api: Api) -> None:
    member = api.agency("UBND huyện Núi Thành", kind="peoples_committee")
    neighbour = api.agency("UBND huyện Phú Ninh", kind="peoples_committee")
    group = api.agency("UBND các huyện", kind="group", member_ids=[member, neighbour])
    body = standalone(api, [group])
    assignment_id = api.created(BASE, body)
    nui_thanh = officer(api, body["committee_id"], member, "nui.thanh")
    refusal = problem(acknowledge(nui_thanh, assignment_id, neighbour), 403)
    assert refusal["permission"] == "follow_up"
    assert acknowledge(nui_thanh, assignment_id, member).status_code == 200
    done = {"agency_id": member, "evidence": "Đã ban hành kế hoạch"}
    assert (
        nui_thanh.post(f"{BASE}/{assignment_id}/completions", done).status_code == 200
    )
    statuses = api.get(f"{BASE}/{assignment_id}").get_json()["agency_statuses"]
    assert {s["agency_id"]: s["status"] for s in statuses}[neighbour] == "in_progress"


def test_an_officer_on_another_committee_is_refused(api: Api) -> None:
    agency = api.agency("Sở Nội vụ")
    body = standalone(api, [agency])
    assignment_id = api.created(BASE, body)
    elsewhere = officer(api, api.committee("Ban khác"), agency, "noi.vu")
    problem(acknowledge(elsewhere, assignment_id, agency), 403)


def test_an_officer_cannot_decide_extensions(api: Api) -> None:
    agency = api.agency("Sở Xây dựng")
    body = standalone(api, [agency])
    assignment_id = api.created(BASE, body)
    builder = officer(api, body["committee_id"], agency, "xay.dung")
    extension = {
        "deadline": "2100-01-31",
        "authority": {"document": {"kind": "Công văn", "number": "1/UBND"}},
    }
    refusal = problem(
        builder.post(f"{BASE}/{assignment_id}/extensions", extension), 403
    )
    assert refusal["permission"] == "decide"
