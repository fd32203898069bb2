"""The API's conventions: credentials, If-Match, size limit, bad JSON, docs, health."""

from __future__ import annotations

import pytest

from service.usecases.steerlog import Steerlog
from tests.functional.support import Api, problem

COMMITTEES = "/api/v1/committees"


def test_write_without_credentials_is_a_401_and_nothing_is_stored(api: Api) -> None:
    body = {"name": api.name("Ban Chỉ đạo"), "jurisdiction": "tỉnh Yên Bái"}
    refused = api.post(COMMITTEES, body, authorised=False)
    problem(refused, 401)
    assert refused.headers["WWW-Authenticate"].startswith("Bearer")
    assert api.post(COMMITTEES, body).status_code == 201


def test_the_actor_header_is_ignored_the_account_is_the_actor(api: Api) -> None:
    body = {"name": api.name("Ban Chỉ đạo"), "jurisdiction": "tỉnh Yên Bái"}
    response = api.client.post(
        COMMITTEES, json=body, headers={"X-Steerlog-Actor": "anonymous"}
    )
    committee_id = response.get_json()["id"]
    [entry] = api.get(f"/api/v1/history/{committee_id}").get_json()["items"]
    assert entry["actor"] == api.actor


def test_history_names_the_account_by_its_display_name(api: Api) -> None:
    committee_id = api.committee()
    [entry] = api.get(f"/api/v1/history/{committee_id}").get_json()["items"]
    assert entry["actor"] == api.actor
    assert entry["actor_name"] == "Nguyễn Thị Hằng"


def test_a_client_with_the_current_version_gets_not_modified(api: Api) -> None:
    committee_id = api.committee()
    path = f"{COMMITTEES}/{committee_id}"
    current = api.client.get(path, headers={"If-None-Match": '"1"'})
    assert current.status_code == 304
    assert current.headers["ETag"] == '"1"'
    assert current.data == b""
    weak = api.client.get(path, headers={"If-None-Match": 'W/"1"'})
    assert weak.status_code == 304  # If-None-Match compares weakly (RFC 9110)
    api.post(f"{path}/rename", {"name": api.name("Ban B")}, if_match=1)
    changed = api.client.get(path, headers={"If-None-Match": '"1"'})
    assert changed.status_code == 200
    assert changed.headers["ETag"] == '"2"'
    assert changed.get_json()["name"].startswith("Ban B")


def test_malformed_if_match_is_a_422_and_a_star_matches_any_version(api: Api) -> None:
    committee_id = api.committee()
    path = f"{COMMITTEES}/{committee_id}/rename"
    weak = api.post(path, {"name": "Ban A"}, if_match='W/"1"')
    assert "If-Match" in problem(weak, 422)["errors"]
    assert api.post(path, {"name": "Ban A"}, if_match="*").status_code == 200


def test_request_body_over_one_mebibyte_is_a_413(api: Api) -> None:
    committee_id = api.committee()
    huge = {"name": "x" * (1024 * 1024 + 1)}
    body = problem(api.post(f"{COMMITTEES}/{committee_id}/rename", huge), 413)
    assert body["title"] == "Request Entity Too Large"


def test_malformed_json_is_a_400(api: Api) -> None:
    response = api.client.post(
        COMMITTEES,
        data='{"name": "Ban',
        content_type="application/json",
    )
    detail = problem(response, 400)["detail"]
    assert detail.startswith("The body is not valid JSON: Unterminated string")


def test_json_that_is_not_an_object_is_a_422(api: Api) -> None:
    response = api.post(COMMITTEES, ["Ban Chỉ đạo"])
    assert "_schema" in problem(response, 422)["errors"]


def test_unknown_body_fields_are_refused(api: Api) -> None:
    body = {"name": api.name("Ban"), "jurisdiction": "tỉnh", "chairman": "X"}
    assert problem(api.post(COMMITTEES, body), 422)["errors"] == {
        "chairman": ["Unknown field."]
    }


def test_control_characters_in_text_are_refused(api: Api) -> None:
    body = {"name": "Ban\x00Chỉ đạo", "jurisdiction": "tỉnh Lào Cai"}
    assert "name" in problem(api.post(COMMITTEES, body), 422)["errors"]


def test_unknown_route_and_method_are_problems(api: Api) -> None:
    problem(api.get("/api/v1/nothing"), 404)
    problem(api.client.delete(COMMITTEES), 405)


def test_openapi_document_describes_the_api(api: Api) -> None:
    response = api.get("/api/openapi.json")
    assert response.status_code == 200
    document = response.get_json()
    assert document["openapi"].startswith("3.")
    paths = document["paths"]
    assert "/api/v1/meetings/{meeting_id}/speeches" in paths
    assert "/api/v1/history/{aggregate_id}" in paths
    problem_schema = document["components"]["responses"]["DEFAULT_ERROR"]["content"]
    assert "application/problem+json" in problem_schema


def test_interactive_documentation_page_is_served(api: Api) -> None:
    response = api.get("/api/docs")
    assert response.status_code == 200
    assert b"swagger" in response.get_data().lower()


def test_health_is_ok_when_the_event_store_answers(api: Api) -> None:
    response = api.get("/healthz")
    assert (response.status_code, response.get_json()) == (200, {"status": "ok"})


def test_readiness_is_503_naming_the_database_when_the_event_store_does_not_answer(
    api: Api, application: Steerlog, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreachable() -> int:
        raise OSError("connection refused")

    monkeypatch.setattr(application.recorder, "max_notification_id", unreachable)
    response = api.get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["failing"] == ["database"]
    assert api.get("/healthz").status_code == 200  # alive all the same
