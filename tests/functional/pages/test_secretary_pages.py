"""A secretary records a meeting through pages: schedule, 160 points pasted at once,
chair, opening, speeches, the pasted conclusion confirmed, the notice, closing."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from uuid import UUID

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service.run.composition import build_application, build_read_side
from service.settings import Settings
from service.usecases.steerlog import Steerlog
from tests.conftest import sqlite_settings
from tests.functional.pages.conftest import SignIn, csrf_token
from tests.functional.support import Api
from web.representations import EXTENSION, Representations


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def application(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Steerlog]:
    """A database of this test's own: it registers the seed text's agencies, which
    other tests on the shared schema expect to be unknown."""
    settings: Settings = (
        request.getfixturevalue("postgres_settings")
        if request.param == "postgres"
        else sqlite_settings(tmp_path)
    )
    application = build_application(settings)
    yield application
    application.close()


@pytest.fixture
def web_app(flask_app: Flask, application: Steerlog) -> Iterator[Flask]:
    """The session's Flask app over this test's own database."""
    read_side = build_read_side(application.settings)
    flask_app.extensions.update(
        {
            "steerlog": application,
            "steerlog.read": read_side,
            EXTENSION: Representations(),
        }
    )
    yield flask_app
    read_side.read_model.close()


QUANG_NAM = Path(__file__).parents[1] / "data" / "quang-nam-2021-12-10-conclusion.txt"


def _form(client: FlaskClient, page: str, action: str, **fields: object) -> str:
    """Post the form of ``page`` whose action is ``action``, with its hidden fields."""
    html = client.get(page).get_data(as_text=True)
    return _post_from(client, html, action, **fields)


def _post_from(client: FlaskClient, html: str, action: str, **fields: object) -> str:
    form = re.search(
        rf'<form[^>]*action="{re.escape(action)}"[^>]*>(.*?)</form>', html, re.S
    )
    assert form is not None, f"no form posting to {action}"
    values = _form_values(form.group(1))
    values.setdefault("csrf_token", csrf_token(html))
    values.pop("q", None)
    response = client.post(action, data={**values, **fields})
    assert response.status_code in (200, 303), response.get_data(as_text=True)[:3000]
    if response.status_code == 303:
        return str(response.headers["Location"])
    return response.get_data(as_text=True)


def _meeting(api: Api, meeting_id: str) -> dict[str, object]:
    return api.get(f"/api/v1/meetings/{meeting_id}").get_json()


def test_a_secretary_records_a_160_point_meeting_and_its_conclusion(
    api: Api, sign_in: SignIn, projecting: None
) -> None:
    committee_id = api.committee()
    chair_id = api.person("Hồ Quang Bửu", "Phó Chủ tịch UBND tỉnh")
    api.agency("Sở Thông tin và Truyền thông")
    secretary = sign_in("secretary", committee_id)
    api.project()

    location = _form(
        secretary, "/meetings/new", "/meetings/new",
        committee_id=committee_id, title="Hội nghị trực tuyến về chuyển đổi số",
        format="online", starts_at="2021-12-10T08:00",
    )  # fmt: skip
    meeting_id = location.rsplit("/", 1)[-1]
    page = f"/meetings/{meeting_id}"
    names = "\n".join(
        ["UBND tỉnh Quảng Nam"] + [f"UBND xã số {n}" for n in range(1, 160)]
    )
    _form(
        secretary,
        page,
        f"{page}/points",
        names=names,
        level="commune",
        first_is_host="y",
    )
    assert len(_meeting(api, meeting_id)["points"]) == 160

    _form(secretary, page, f"{page}/chair", person_id=chair_id)
    _form(secretary, page, f"{page}/open", opened_at="2021-12-10T08:00")
    for hour, kind in enumerate(("opening", "presentation", "discussion", "directive")):
        at = f"2021-12-10T{hour + 8:02d}:30"
        _form(secretary, page, f"{page}/speech", speaker_id=chair_id, kind=kind,
              text=f"Phát biểu {kind}", spoken_at=at)  # fmt: skip
    saved = secretary.post(
        f"{page}/speech",
        data={"csrf_token": csrf_token(secretary.get(page).get_data(as_text=True)),
              "speaker_id": chair_id, "kind": "conclusion", "text": "Kết luận",
              "spoken_at": "2021-12-10T11:30"},
        headers={"HX-Request": "true"},
    )  # fmt: skip
    assert saved.status_code == 200
    fragment = saved.get_data(as_text=True)
    assert 'hx-swap-oob="true"' in fragment  # the form, fresh, in place of the old
    items = re.findall(r'<li class="speech" id="speech-([0-9a-f-]+)">', fragment)
    assert len(items) == 1  # the new speech alone, to be added to the list
    assert '<span class="badge kind-conclusion">Kết luận</span>' in fragment
    assert '<time datetime="2021-12-10T' in fragment
    assert f'href="{page}/speeches/{items[0]}">Chi tiết</a>' in fragment
    assert len(_meeting(api, meeting_id)["speeches"]) == 5

    api.project()
    review = _form(
        secretary,
        f"{page}/conclusion",
        f"{page}/conclusion",
        text=QUANG_NAM.read_text(encoding="utf-8"),
    )
    assert '<mark class="hl-deadline">' in review or "hl-deadline" in review
    assert "Cơ quan chưa có trong danh mục" in review
    assert "Tập đoàn FPT" in review or "FPT" in review
    for _round in range(10):  # register each agency the directory lacks
        unknown = re.search(r'name="name" value="([^"]+)"', review)
        if unknown is None:
            break
        review = _post_from(
            secretary,
            review,
            f"{page}/conclusion/agency",
            name=unknown.group(1),
            same_as="",
        )
    assert "Cơ quan chưa có trong danh mục" not in review

    items = re.findall(
        r'name="(items-\d+-tasks-\d+-deadline)"[^>]*value="([^"]*)"', review
    )
    assert items, "the draft has no task with a deadline field"
    first_deadline = items[0][0]
    confirm = f"{page}/conclusion/confirm"
    form = re.search(rf'<form[^>]*action="{confirm}"[^>]*>(.*?)</form>', review, re.S)
    assert form is not None
    fields = _form_values(form.group(1))
    fields[first_deadline] = "2022-02-31"  # mistyped: said beside it, in Vietnamese
    refused = secretary.post(confirm, data=fields)
    assert refused.status_code in (200, 400)
    assert "Ngày không hợp lệ" in refused.get_data(as_text=True)
    assert "Not a valid" not in refused.get_data(as_text=True)
    assert _meeting(api, meeting_id)["conclusion"] == []  # nothing issued
    fields[first_deadline] = "2022-01-31"  # the secretary corrects one deadline
    response = secretary.post(confirm, data=fields)
    assert response.status_code == 303, response.get_data(as_text=True)[:3000]
    kept = api.client.application.extensions["steerlog"]
    reading = kept.confirmed_reading(UUID(meeting_id), QUANG_NAM.read_text("utf-8"))
    assert reading is not None  # kept with its text, for the extractor to learn from
    again = secretary.post(confirm, data=fields)  # confirming again adds nothing
    assert again.status_code in (303, 400)
    issued = _meeting(api, meeting_id)
    assert len(issued["conclusion"]) >= 4

    _form(
        secretary, page, f"{page}/notice", number="25/TB-UBND", issued_on="2021-12-14"
    )
    _form(secretary, page, f"{page}/close")
    final = _meeting(api, meeting_id)
    assert final["status"] == "closed" and final["notice"]["number"] == "25/TB-UBND"


def _form_values(form: str) -> dict[str, object]:
    """Every field of a form as a browser would send it."""
    values: dict[str, object] = {}
    for tag in re.findall(r"<input[^>]*>", form):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name:
            values[name.group(1)] = value.group(1) if value else ""
    for name, body in re.findall(
        r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S
    ):
        values[name] = _unescape(body.lstrip("\n"))
    for name, body in re.findall(
        r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S
    ):
        chosen = re.findall(
            r'<option[^>]*selected[^>]*value="([^"]*)"|<option[^>]*value="([^"]*)"[^>]*selected',
            body,
        )
        values[name] = [a or b for a, b in chosen]
    return values


def _unescape(text: str) -> str:
    return html.unescape(text)
