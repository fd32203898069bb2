"""API tokens over HTTP: issued once, used, listed, expired, revoked, disabled."""

from __future__ import annotations

import time
import unicodedata
from datetime import timedelta

from tests.functional.access_support import account_with_role
from tests.functional.support import Api, problem

ME = "/api/v1/accounts/me"


def bearer(token: str) -> dict[str, str]:
    """The Authorization header of ``token``."""
    return {"Authorization": f"Bearer {token}"}


def refused(api: Api, headers: dict[str, str], reason: str) -> None:
    """The request is a 401 saying ``reason``, with a Bearer challenge."""
    response = api.client.application.test_client().get(ME, headers=headers)
    body = problem(response, 401)
    assert reason in body["detail"]
    assert response.headers["WWW-Authenticate"].startswith('Bearer realm="steerlog"')


def test_a_token_is_shown_once_used_listed_and_revoked(api: Api) -> None:
    application = api.client.application.extensions["steerlog"]
    account_id, first = account_with_role(application, f"can.bo.{api.token}", None)
    path = f"/api/v1/accounts/{account_id}/tokens"
    client = api.client.application.test_client()
    issued = client.post(path, json={"name": "Báo cáo tự động"}, headers=bearer(first))
    assert issued.status_code == 201, issued.get_json()
    token = issued.get_json()["token"]
    assert client.get(ME, headers=bearer(token)).get_json()["id"] == str(account_id)
    listed = client.get(path, headers=bearer(token)).get_json()["items"]
    assert [t["name"] for t in listed] == ["tests", "Báo cáo tự động"]
    assert all("token" not in t and "secret_hash" not in t for t in listed)
    assert listed[1]["last_used_at"] is not None
    token_id = issued.get_json()["token_id"]
    revoke = client.post(f"{path}/{token_id}/revoke", headers=bearer(first))
    assert revoke.status_code == 204
    refused(api, bearer(token), "revoked token")
    assert client.get(ME, headers=bearer(first)).status_code == 200
    again = client.post(f"{path}/{token_id}/revoke", headers=bearer(first))
    problem(again, 404)


def test_an_expired_token_is_refused(api: Api) -> None:
    application = api.client.application.extensions["steerlog"]
    account_id, _ = account_with_role(application, f"het.han.{api.token}", None)
    short = application.issue_token(
        account_id, name="ngắn hạn", lifetime=timedelta(milliseconds=1)
    )
    time.sleep(0.01)
    refused(api, bearer(short.token), "expired token")


def test_a_disabled_account_is_refused_at_once_and_enabled_again(api: Api) -> None:
    application = api.client.application.extensions["steerlog"]
    account_id, token = account_with_role(application, f"khoa.{api.token}", None)
    client = api.client.application.test_client()
    assert client.get(ME, headers=bearer(token)).status_code == 200
    api.ok(f"/api/v1/accounts/{account_id}/disable", {"reason": "Nghỉ hưu"})
    refused(api, bearer(token), "account disabled")
    api.ok(f"/api/v1/accounts/{account_id}/enable")
    assert client.get(ME, headers=bearer(token)).status_code == 200


def test_a_revoked_role_ends_access_on_the_next_request(api: Api) -> None:
    application = api.client.application.extensions["steerlog"]
    committee_id = api.committee()
    account_id, token = account_with_role(
        application, f"thu.hoi.{api.token}", "viewer", committee_id
    )
    client = api.client.application.test_client()
    path = f"/api/v1/committees/{committee_id}"
    assert client.get(path, headers=bearer(token)).status_code == 200
    role = {"role": "viewer", "committee_id": committee_id}
    api.ok(f"/api/v1/accounts/{account_id}/roles/revoke", role)
    assert problem(client.get(path, headers=bearer(token)), 403)["permission"] == "read"


def test_malformed_credentials_get_a_clear_401(api: Api) -> None:
    refused(api, {"Authorization": "Basic dGh1Lmt5OnNlY3JldA=="}, "malformed")
    refused(api, {"Authorization": "Bearer"}, "malformed Authorization header")
    refused(api, {"Authorization": "Bearer " + "x" * 5_000}, "malformed token")
    refused(api, {"Authorization": "Bearer stl_123_abc"}, "malformed token")
    unknown = "stl_" + "0" * 16 + "_" + "A" * 43
    refused(api, {"Authorization": f"Bearer {unknown}"}, "unknown token")
    real = api.bearer
    refused(api, {"Authorization": f"Bearer {real[:-1]}x"}, "unknown token")


def test_credentials_of_ten_thousand_characters_are_a_431(api: Api) -> None:
    """Longer than any header may be (web/limits.py): refused before reading it."""
    headers = {"Authorization": "Bearer " + "x" * 10_000}
    response = api.client.application.test_client().get(ME, headers=headers)
    assert "Authorization" in problem(response, 431)["detail"]


def test_a_login_of_ten_thousand_characters_is_a_422(api: Api) -> None:
    body = {"login": "a" * 10_000, "display_name": "A", "email": "a@quangnam.gov.vn"}
    assert "login" in problem(api.post("/api/v1/accounts", body), 422)["errors"]


def test_a_weak_or_common_password_is_refused_and_nothing_is_stored(api: Api) -> None:
    login = f"mat.khau.{api.token}"
    body = {"login": login, "display_name": "B", "email": "b@quangnam.gov.vn"}
    for password in ("ngắn quá", "password1234", "123456789012"):
        response = api.post("/api/v1/accounts", {**body, "password": password})
        assert "password" in problem(response, 422)["errors"]
    api.created("/api/v1/accounts", {**body, "password": "đồng-bộ-dữ-liệu-2022"})


def test_a_vietnamese_display_name_survives_into_history_exactly(api: Api) -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hằng Ưng Ổn")
    application = api.client.application.extensions["steerlog"]
    _, token = account_with_role(
        application, f"ten.viet.{api.token}", "admin", display_name=decomposed
    )
    writer = Api(api.client.application.test_client(), token)
    committee_id = writer.committee()
    [entry] = api.get(f"/api/v1/history/{committee_id}").get_json()["items"]
    assert entry["actor_name"] == unicodedata.normalize("NFC", decomposed)
    assert entry["actor_name"] == "Nguyễn Thị Hằng Ưng Ổn"


def test_an_accounts_history_is_read_by_itself_and_admins_only(api: Api) -> None:
    application = api.client.application.extensions["steerlog"]
    committee_id = api.committee()
    own_id, own = account_with_role(
        application, f"rieng.{api.token}", "viewer", committee_id
    )
    _, colleague = account_with_role(
        application, f"dong.nghiep.{api.token}", "secretary", committee_id
    )
    client = api.client.application.test_client()
    path = f"/api/v1/history/{own_id}"
    events = client.get(path, headers=bearer(own)).get_json()["items"]
    assert [e["event"] for e in events] == ["Registered", "RoleGranted"]
    assert problem(client.get(path, headers=bearer(colleague)), 403)
    assert api.get(path).status_code == 200
