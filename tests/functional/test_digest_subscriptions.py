"""Digest subscriptions over HTTP: subscribe, read, change addresses, end, resume."""

from __future__ import annotations

from uuid import uuid4

from tests.functional.support import Api, problem

SUBSCRIPTIONS = "/api/v1/digests/subscriptions"


def subscribe(api: Api) -> tuple[str, dict[str, str]]:
    committee = api.committee()
    agency = api.agency("Sở Nội vụ")
    body = {
        "committee_id": committee,
        "recipient_kind": "agency",
        "recipient_id": agency,
        "addresses": ["vanthu@snv.laocai.gov.vn"],
    }
    return api.created(SUBSCRIPTIONS, body), body


def test_an_agency_subscribes_and_reads_its_subscription(api: Api) -> None:
    subscription, body = subscribe(api)
    response = api.get(f"{SUBSCRIPTIONS}/{subscription}")
    assert response.headers["ETag"] == '"1"'
    state = response.get_json()
    assert state["recipient_id"] == body["recipient_id"]
    assert state["addresses"] == ["vanthu@snv.laocai.gov.vn"]
    assert state["active"] is True


def test_subscribing_twice_is_a_conflict(api: Api) -> None:
    _, body = subscribe(api)
    problem(api.post(SUBSCRIPTIONS, body), 409)


def test_addresses_change_then_the_subscription_ends_and_resumes(api: Api) -> None:
    subscription, _ = subscribe(api)
    path = f"{SUBSCRIPTIONS}/{subscription}"
    changed = api.put(f"{path}/addresses", {"addresses": ["lanhdao@snv.gov.vn"]})
    assert changed.status_code == 200 and changed.headers["ETag"] == '"2"'
    assert api.post(f"{path}/end", if_match=2).status_code == 200
    problem(api.post(f"{path}/end"), 409)
    problem(api.put(f"{path}/addresses", {"addresses": ["x@y.vn"]}), 409)
    resumed = api.post(f"{path}/resume", {"addresses": ["vanthu@snv.gov.vn"]})
    assert resumed.status_code == 200
    assert api.get(path).get_json()["active"] is True


def test_bad_addresses_and_unknown_recipients_are_422(api: Api) -> None:
    committee = api.committee()
    body = {
        "committee_id": committee,
        "recipient_kind": "agency",
        "recipient_id": str(uuid4()),
        "addresses": ["vanthu@snv.gov.vn"],
    }
    assert "recipient_id" in problem(api.post(SUBSCRIPTIONS, body), 422)["errors"]
    agency = api.agency("Sở Y tế")
    bad = {**body, "recipient_id": agency, "addresses": ["không phải địa chỉ"]}
    # The address pattern is stated in the document and checked at the boundary.
    errors = problem(api.post(SUBSCRIPTIONS, bad), 422)["errors"]
    assert errors == {"addresses.0": ["Not an e-mail address."]}
    assert (
        "addresses"
        in problem(api.post(SUBSCRIPTIONS, {**bad, "addresses": []}), 422)["errors"]
    )


def test_unknown_subscription_is_404(api: Api) -> None:
    problem(api.get(f"{SUBSCRIPTIONS}/{uuid4()}"), 404)
