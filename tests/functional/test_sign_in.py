"""Browser sessions: sign-in, sign-out, CSRF, attempt limits, security headers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from uuid import UUID

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service.run.composition import build_application
from service.usecases.steerlog import Steerlog
from tests.functional.support import Api, problem
from web import create_app

PASSWORD = "Chuyển đổi số 2022!"
ME = "/api/v1/accounts/me"
COOKIE = "steerlog_session"


@pytest.fixture
def steerlog(api: Api) -> Steerlog:
    """The application behind the API."""
    application: Steerlog = api.client.application.extensions["steerlog"]
    return application


def person(steerlog: Steerlog, api: Api, name: str) -> tuple[str, UUID]:
    """A login with the tests' password, and its account's id."""
    login = f"{name}.{api.token}"
    written = steerlog.register_account(
        actor="tests",
        login=login,
        display_name="Võ Thị Thư",
        email=f"{login}@quangnam.gov.vn",
        password=PASSWORD,
    )
    steerlog.grant_role(written.id, actor="tests", role="admin")
    return login, written.id


def csrf_token(client: FlaskClient) -> str:
    """The CSRF token of the sign-in form (the session cookie holds its pair)."""
    page = client.get("/sign-in").get_data(as_text=True)
    found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert found, page
    return found.group(1)


def sign_in(
    client: FlaskClient, login: str, password: str = PASSWORD, next: str = ""
) -> int:
    """Post the sign-in form with its token; the answer's status."""
    form = {
        "csrf_token": csrf_token(client),
        "login": login,
        "password": password,
        "next": next,
    }
    return client.post("/sign-in", data=form).status_code


def test_sign_in_begins_a_session_with_safe_cookie_and_headers(
    api: Api, steerlog: Steerlog
) -> None:
    login, account_id = person(steerlog, api, "dang.nhap")
    client = api.client.application.test_client()
    client.get("/sign-in")
    before = client.get_cookie(COOKIE)
    form = {"csrf_token": csrf_token(client), "login": login, "password": PASSWORD}
    answer = client.post("/sign-in", data={**form, "next": "/digests?limit=5"})
    assert (answer.status_code, answer.headers["Location"]) == (302, "/digests?limit=5")
    cookie = answer.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    after = client.get_cookie(COOKIE)
    assert before is not None and after is not None and before.value != after.value
    me = client.get(ME)
    assert me.get_json()["id"] == str(account_id)
    assert me.headers["Cache-Control"] == "no-store"
    csp = me.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self';" in csp
    assert me.headers["X-Content-Type-Options"] == "nosniff"
    assert me.headers["Referrer-Policy"] == "same-origin"


def test_next_must_be_a_path_on_this_site(api: Api, steerlog: Steerlog) -> None:
    login, _ = person(steerlog, api, "tiep.theo")
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
        client = api.client.application.test_client()
        form = {"csrf_token": csrf_token(client), "login": login, "password": PASSWORD}
        answer = client.post("/sign-in", data={**form, "next": target})
        assert answer.headers["Location"] == "/", target


def test_sign_out_ends_the_session_on_the_server(api: Api, steerlog: Steerlog) -> None:
    login, _ = person(steerlog, api, "dang.xuat")
    client = api.client.application.test_client()
    assert sign_in(client, login) == 302
    stolen = client.get_cookie(COOKIE)
    assert stolen is not None
    page = client.get("/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert token
    assert (
        client.post("/sign-out", data={"csrf_token": token.group(1)}).status_code == 302
    )
    replay = api.client.application.test_client()
    replay.set_cookie(COOKIE, stolen.value)
    problem(replay.get(ME), 401)


def test_disabling_the_account_ends_its_signed_in_session(
    api: Api, steerlog: Steerlog
) -> None:
    login, account_id = person(steerlog, api, "bi.khoa")
    client = api.client.application.test_client()
    assert sign_in(client, login) == 302
    assert client.get(ME).status_code == 200
    api.ok(f"/api/v1/accounts/{account_id}/disable", {"reason": "Chuyển công tác"})
    problem(client.get(ME), 401)


def test_a_form_post_without_its_csrf_token_is_a_400(
    api: Api, steerlog: Steerlog
) -> None:
    login, _ = person(steerlog, api, "csrf")
    client = api.client.application.test_client()
    answer = client.post("/sign-in", data={"login": login, "password": PASSWORD})
    assert answer.status_code == 400
    assert client.get_cookie(COOKIE) is None or client.get(ME).status_code == 401


def test_a_cookie_write_without_csrf_token_is_a_400_and_stores_nothing(
    api: Api, steerlog: Steerlog
) -> None:
    login, _ = person(steerlog, api, "ghi.csrf")
    client = api.client.application.test_client()
    assert sign_in(client, login) == 302
    body = {"name": api.name("Ban Chỉ đạo CSRF"), "jurisdiction": "tỉnh Quảng Nam"}
    refused = client.post("/api/v1/committees", json=body)
    assert "CSRF" in problem(refused, 400)["detail"]
    token = csrf_token(client)
    created = client.post(
        "/api/v1/committees", json=body, headers={"X-CSRFToken": token}
    )
    assert created.status_code == 201, created.get_json()
    [entry] = api.get(f"/api/v1/history/{created.get_json()['id']}").get_json()["items"]
    assert entry["version"] == 1  # the refused post stored nothing


def test_wrong_password_and_bad_input_are_clear_4xx(
    api: Api, steerlog: Steerlog
) -> None:
    login, _ = person(steerlog, api, "sai.mat.khau")
    client = api.client.application.test_client()
    assert sign_in(client, login, "không phải mật khẩu") == 401
    assert sign_in(client, "a" * 10_000) == 400
    assert sign_in(client, "không có ai") == 401
    assert sign_in(client, login) == 302


@pytest.fixture
def second_worker(api: Api, steerlog: Steerlog) -> Iterator[Flask]:
    """Another app with its own application on the same database: a worker."""
    application = build_application(steerlog.settings)
    app = create_app(
        {"STEERLOG_SECRET_KEY": "second-worker-" * 4},
        application=application,
        read_side=api.client.application.extensions["steerlog.read"],
    )
    yield app
    application.close()


def test_the_attempt_limit_holds_across_two_workers(
    api: Api, steerlog: Steerlog, second_worker: Flask
) -> None:
    login, _ = person(steerlog, api, "do.mat.khau")
    workers = [api.client.application.test_client(), second_worker.test_client()]
    limit = steerlog.sign_in_limits.per_login
    for attempt in range(limit):
        assert sign_in(workers[attempt % 2], login, f"đoán sai {attempt}") == 401
    for worker in workers:
        assert sign_in(worker, login) == 429  # even the right password, now


def test_sign_out_with_a_bearer_token_ends_no_session_and_no_error(api: Api) -> None:
    assert api.post("/sign-out").status_code == 302
    assert api.get(ME).status_code == 200  # tokens are revoked, not signed out
