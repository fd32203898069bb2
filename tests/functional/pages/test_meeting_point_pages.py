"""Connection points on the meeting page: each point connects and disconnects by its
own button, attendance names who was there, and a stale form is told who wrote."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from tests.functional.pages.conftest import SignIn, csrf_token
from tests.functional.support import Api, OpenMeeting


def _page(client: FlaskClient, meeting: OpenMeeting) -> str:
    response = client.get(f"/meetings/{meeting.meeting_id}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _version(html: str, form: str) -> str:
    found = re.search(rf'id="{form}-version"[^>]*value="(\d+)"', html)
    assert found is not None, f"no {form} form on the page"
    return found.group(1)


def _send(
    client: FlaskClient, meeting: OpenMeeting, step: str, html: str, **fields: object
) -> tuple[int, str]:
    data = {"csrf_token": csrf_token(html), "version": _version(html, step), **fields}
    response = client.post(f"/meetings/{meeting.meeting_id}/{step}", data=data)
    return response.status_code, response.get_data(as_text=True)


def _events(api: Api, meeting: OpenMeeting) -> list[str]:
    items = api.get(f"/api/v1/history/{meeting.meeting_id}").get_json()["items"]
    return [item["event"] for item in items]


def _row(html: str, point_id: str) -> str:
    found = re.search(rf'<tr id="point-{point_id}">(.*?)</tr>', html, re.S)
    assert found is not None, "the point has no row"
    return found.group(1)


def test_a_secretary_connects_and_disconnects_a_point_by_its_row(
    api: Api, sign_in: SignIn
) -> None:
    meeting = api.open_meeting()
    secretary = sign_in("secretary", meeting.committee_id)
    host = meeting.host_point_id
    html = _page(secretary, meeting)
    assert "chưa kết nối" in _row(html, host)
    assert f'formaction="/meetings/{meeting.meeting_id}/connect"' in _row(html, host)
    status, _html = _send(secretary, meeting, "connect", html, point_id=host)
    assert status == 303
    html = _page(secretary, meeting)
    assert "đang kết nối" in _row(html, host)
    assert "1 đang kết nối" in html
    assert f'formaction="/meetings/{meeting.meeting_id}/disconnect"' in _row(html, host)
    status, _html = _send(secretary, meeting, "connect", html, point_id=host)
    assert status == 303  # the row's button names the step: disconnect below
    html = _page(secretary, meeting)
    data = {"csrf_token": csrf_token(html), "version": _version(html, "connect"),
            "point_id": host}  # fmt: skip
    response = secretary.post(f"/meetings/{meeting.meeting_id}/disconnect", data=data)
    assert response.status_code == 303
    assert "đã ngắt lúc" in _row(_page(secretary, meeting), host)
    assert _events(api, meeting)[-3:] == [
        "PointConnected",
        "PointConnected",
        "PointDisconnected",
    ]


def test_a_point_the_meeting_does_not_have_is_refused_beside_the_points(
    api: Api, sign_in: SignIn
) -> None:
    meeting = api.open_meeting()
    secretary = sign_in("secretary", meeting.committee_id)
    html = _page(secretary, meeting)
    before = _events(api, meeting)
    unknown = "00000000-0000-4000-8000-000000000000"
    status, page = _send(secretary, meeting, "connect", html, point_id=unknown)
    assert status == 400
    assert 'id="connect-point_id-error"' in page
    assert _events(api, meeting) == before


def test_a_stale_connection_form_is_told_who_changed_the_meeting(
    api: Api, sign_in: SignIn
) -> None:
    meeting = api.open_meeting()
    first = sign_in("secretary", meeting.committee_id)
    second = sign_in("secretary", meeting.committee_id)
    stale = _page(second, meeting)
    status, _html = _send(
        first, meeting, "connect", _page(first, meeting), point_id=meeting.host_point_id
    )
    assert status == 303
    before = _events(api, meeting)
    status, page = _send(
        second, meeting, "connect", stale, point_id=meeting.host_point_id
    )
    assert status == 400
    assert "Cán bộ secretary đã thay đổi hồ sơ này" in page
    assert _events(api, meeting) == before


def test_attendance_names_who_was_at_a_point_and_keeps_a_bad_count(
    api: Api, sign_in: SignIn
) -> None:
    meeting = api.open_meeting()
    secretary = sign_in("secretary", meeting.committee_id)
    html = _page(secretary, meeting)
    assert f'action="/meetings/{meeting.meeting_id}/attendance"' in html
    status, page = _send(
        secretary, meeting, "attendance", html, point_id=meeting.host_point_id,
        person_ids=meeting.chair_id, attendee_count="0",
    )  # fmt: skip
    assert status == 400  # fewer than the people named
    assert 'id="attendance-attendee_count-error"' in page
    assert 'value="0"' in page
    assert "AttendanceRecorded" not in _events(api, meeting)
    status, page = _send(
        secretary, meeting, "attendance", html, point_id=meeting.host_point_id,
        person_ids=meeting.chair_id, attendee_count="abc",
    )  # fmt: skip
    assert status == 400
    assert 'id="attendance-attendee_count-error"' in page
    status, _ = _send(
        secretary, meeting, "attendance", html, point_id=meeting.host_point_id,
        person_ids=meeting.chair_id, attendee_count="35",
    )  # fmt: skip
    assert status == 303
    row = _row(_page(secretary, meeting), meeting.host_point_id)
    assert "35" in row and "Trịnh Văn Thắng" in row


def test_a_viewer_sees_who_is_connected_but_no_buttons_and_a_forged_post_is_refused(
    api: Api, sign_in: SignIn
) -> None:
    meeting = api.open_meeting()
    api.ok(
        f"/api/v1/meetings/{meeting.meeting_id}/points/{meeting.host_point_id}/connect"
    )
    viewer = sign_in("viewer", meeting.committee_id)
    html = _page(viewer, meeting)
    assert "đang kết nối" in _row(html, meeting.host_point_id)
    assert "connection-form" not in html and "/attendance" not in html
    before = _events(api, meeting)
    response = viewer.post(
        f"/meetings/{meeting.meeting_id}/disconnect",
        data={"csrf_token": csrf_token(html), "point_id": meeting.host_point_id},
    )
    assert response.status_code == 403
    assert _events(api, meeting) == before
