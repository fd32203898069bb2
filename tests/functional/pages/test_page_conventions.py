"""What every page keeps to: its language, no outside assets, no inline script."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.functional.pages.conftest import SignIn
from tests.functional.support import Api

PAGES = [
    "/meetings",
    "/meetings/calendar",
    "/tasks",
    "/digests",
    "/api/docs",
    "/sign-in",
]


@pytest.fixture
def client(sign_in: SignIn) -> FlaskClient:
    """A signed-in browser (an admin sees every page)."""
    return sign_in("admin")


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_nothing_from_outside_and_run_no_inline_script(
    client: FlaskClient, path: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert not re.search(r'(src|href)="(https?:)?//', html), "an outside asset"
    for script in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
        assert "src=" in script[0] and not script[1].strip(), "an inline script"


def test_pages_speak_vietnamese_unless_asked_otherwise(client: FlaskClient) -> None:
    assert '<html lang="vi">' in client.get("/meetings").get_data(as_text=True)
    english = client.get("/meetings", headers={"Accept-Language": "en"})
    assert '<html lang="en">' in english.get_data(as_text=True)
    assert "Meetings" in english.get_data(as_text=True)


def test_lang_in_the_query_is_remembered_for_the_next_page(
    client: FlaskClient,
) -> None:
    first = client.get("/meetings?lang=en")
    assert "steerlog_lang=en" in first.headers.get("Set-Cookie", "")
    assert '<html lang="en">' in client.get("/tasks").get_data(as_text=True)


def test_the_api_docs_work_offline_from_the_installed_package(
    client: FlaskClient,
) -> None:
    html = client.get("/api/docs").get_data(as_text=True)
    bundle = re.search(r'src="([^"]*swagger-ui-bundle\.js)"', html)
    assert bundle is not None
    with client.get(bundle.group(1)) as response:
        assert response.status_code == 200
        assert b"SwaggerUIBundle" in response.get_data()
    assert client.get("/api/docs/assets/../../setup.cfg").status_code == 404


@pytest.mark.parametrize("path", ["/meetings", "/tasks"])
def test_a_page_with_its_assets_weighs_under_200_kb(
    client: FlaskClient, path: str
) -> None:
    html = client.get(path).get_data()
    assets = re.findall(rb'(?:src|href)="(/static/[^"]+)"', html)
    total = len(html)
    for asset in assets:
        with client.get(asset.decode()) as response:
            total += len(response.get_data())
    assert total < 200 * 1024


def test_pages_in_english_for_a_record(api: Api) -> None:
    meeting = api.open_meeting()
    api.project()
    html = api.get(f"/meetings/{meeting.meeting_id}", lang="en").get_data(as_text=True)
    assert "Connection points" in html and "Speeches" in html


def test_a_page_asks_who_you_are_first(flask_app: Flask) -> None:
    response = flask_app.test_client().get("/meetings")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in?next=/meetings")
