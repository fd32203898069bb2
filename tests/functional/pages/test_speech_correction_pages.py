"""Correcting a recorded speech from its page: the correction is kept beside the
original, with who made it and when; a refused one keeps what was typed."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from tests.functional.pages.conftest import SignIn, csrf_token
from tests.functional.support import Api, OpenMeeting


def _speech(api: Api) -> tuple[OpenMeeting, str, str]:
    meeting = api.open_meeting()
    speech_id = api.speech(meeting)
    return meeting, speech_id, f"/meetings/{meeting.meeting_id}/speeches/{speech_id}"


def _correct(
    client: FlaskClient, path: str, html: str, **fields: str
) -> tuple[int, str]:
    version = re.search(r'id="correct-version"[^>]*value="(\d+)"', html)
    assert version is not None, "no correction form on the page"
    data = {"csrf_token": csrf_token(html), "version": version.group(1), **fields}
    response = client.post(f"{path}/correct", data=data)
    return response.status_code, response.get_data(as_text=True)


def _events(api: Api, meeting: OpenMeeting) -> list[str]:
    items = api.get(f"/api/v1/history/{meeting.meeting_id}").get_json()["items"]
    return [item["event"] for item in items]


def test_a_secretary_corrects_a_speech_and_the_original_stays_beside_it(
    api: Api, sign_in: SignIn
) -> None:
    meeting, speech_id, path = _speech(api)
    secretary = sign_in("secretary", meeting.committee_id)
    html = secretary.get(path).get_data(as_text=True)
    original = re.search(r'name="text"[^>]*>\s*([^<]+)</textarea>', html)
    assert original is not None
    status, _page = _correct(
        secretary, path, html,
        text="Kết luận của đồng chí Chủ tịch UBND tỉnh (đã đính chính).",
        speaker_title="Chủ tịch UBND tỉnh Lào Cai", kind="conclusion",
        reason="Sửa theo băng ghi âm",
    )  # fmt: skip
    assert status == 303
    page = secretary.get(path).get_data(as_text=True)
    current, before = page.split('id="original"', 1)
    assert "(đã đính chính)" in current and "Chủ tịch UBND tỉnh Lào Cai" in current
    assert original.group(1).strip() in before.split('id="corrections"')[0]
    assert "Sửa theo băng ghi âm" in page
    assert "Cán bộ secretary" in page  # who corrected it
    assert re.search(r"<time datetime=\"20\d\d-", page)  # and when
    meeting_page = secretary.get(f"/meetings/{meeting.meeting_id}").get_data(
        as_text=True
    )
    assert "(đã đính chính)" in meeting_page
    assert f'href="{path}"' in meeting_page
    assert _events(api, meeting)[-1] == "SpeechCorrected"
    speech = api.get(
        f"/api/v1/meetings/{meeting.meeting_id}/speeches/{speech_id}"
    ).get_json()
    assert speech["speaker_title"] == "Chủ tịch UBND tỉnh Lào Cai"


def test_a_correction_without_a_reason_or_change_is_refused_beside_the_field(
    api: Api, sign_in: SignIn
) -> None:
    meeting, _speech_id, path = _speech(api)
    secretary = sign_in("secretary", meeting.committee_id)
    html = secretary.get(path).get_data(as_text=True)
    before = _events(api, meeting)
    status, page = _correct(
        secretary, path, html, text="Nội dung đã sửa", kind="conclusion", reason=""
    )
    assert status == 400
    assert 'id="correct-reason-error"' in page
    assert "Nội dung đã sửa" in page
    unchanged = re.search(r'name="text"[^>]*>\s*([^<]+)</textarea>', html)
    assert unchanged is not None
    status, page = _correct(
        secretary, path, html, text=unchanged.group(1).strip(), kind="conclusion",
        speaker_title="Chủ tịch UBND tỉnh", reason="Không sửa gì",
    )  # fmt: skip
    assert status == 400
    assert 'id="correct-text-error"' in page and "Không có gì thay đổi." in page
    assert _events(api, meeting) == before


def test_a_second_secretary_is_told_who_changed_the_meeting_and_keeps_the_text(
    api: Api, sign_in: SignIn
) -> None:
    meeting, _speech_id, path = _speech(api)
    first = sign_in("secretary", meeting.committee_id)
    second = sign_in("secretary", meeting.committee_id)
    stale = second.get(path).get_data(as_text=True)
    status, _page = _correct(
        first, path, first.get(path).get_data(as_text=True),
        text="Bản sửa thứ nhất", kind="conclusion", reason="Sửa lỗi chính tả",
    )  # fmt: skip
    assert status == 303
    before = _events(api, meeting)
    status, page = _correct(
        second, path, stale, text="Bản sửa thứ hai", kind="conclusion",
        reason="Sửa lần nữa",
    )  # fmt: skip
    assert status == 400
    assert "Cán bộ secretary đã thay đổi hồ sơ này" in page
    assert "Bản sửa thứ hai" in page
    assert _events(api, meeting) == before


def test_a_viewer_reads_the_original_but_may_not_correct(
    api: Api, sign_in: SignIn
) -> None:
    meeting, _speech_id, path = _speech(api)
    viewer = sign_in("viewer", meeting.committee_id)
    response = viewer.get(path)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Bản ghi ban đầu" in html and 'id="correct"' not in html
    before = _events(api, meeting)
    forged = viewer.post(
        f"{path}/correct",
        data={"csrf_token": csrf_token(html), "text": "giả mạo", "reason": "giả"},
    )
    assert forged.status_code == 403
    assert _events(api, meeting) == before


def test_an_unknown_speech_is_a_404_page(api: Api, sign_in: SignIn) -> None:
    meeting, _speech_id, _path = _speech(api)
    secretary = sign_in("secretary", meeting.committee_id)
    unknown = "00000000-0000-4000-8000-000000000000"
    response = secretary.get(f"/meetings/{meeting.meeting_id}/speeches/{unknown}")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
