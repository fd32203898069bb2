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
    assert 'aria-label="Kết nối UBND tỉnh"' in _row(html, host)  # the form's own step
    assert f'action="/meetings/{meeting.meeting_id}/connect"' in html
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


def test_a_points_row_speaks_english_when_asked(api: Api, sign_in: SignIn) -> None:
    meeting = api.open_meeting()
    secretary = sign_in("secretary", meeting.committee_id)
    host = meeting.host_point_id
    html = _page(secretary, meeting)
    status, _html = _send(secretary, meeting, "connect", html, point_id=host)
    assert status == 303
    english = secretary.get(f"/meetings/{meeting.meeting_id}?lang=en")
    html = english.get_data(as_text=True)
    row = _row(html, host)
    assert '<th scope="col">Connection</th>' in html
    assert 'aria-label="Disconnect UBND tỉnh">Disconnect</button>' in row
    assert re.search(r"since \d\d/\d\d/\d{4} \d\d:\d\d", row), row
    assert "Province" in row  # its level
    data = {"csrf_token": csrf_token(html), "version": _version(html, "connect"),
            "point_id": host}  # fmt: skip
    response = secretary.post(f"/meetings/{meeting.meeting_id}/disconnect", data=data)
    assert response.status_code == 303
    english = secretary.get(f"/meetings/{meeting.meeting_id}?lang=en")
    row = _row(english.get_data(as_text=True), host)
    assert re.search(r"disconnected at \d\d/\d\d/\d{4} \d\d:\d\d", row), row
    assert 'aria-label="Connect UBND tỉnh">Connect</button>' in row


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


def _attend(
    client: FlaskClient, meeting: OpenMeeting, html: str, **fields: str
) -> tuple[int, str]:
    point = meeting.host_point_id
    data = {"csrf_token": csrf_token(html), "version": _version(html, "attendance"),
            "point_id": point, **fields}  # fmt: skip
    response = client.post(
        f"/meetings/{meeting.meeting_id}/points/{point}/attendance", data=data
    )
    return response.status_code, response.get_data(as_text=True)


def test_attendance_on_the_points_page_names_who_was_there_and_keeps_a_bad_count(
    api: Api, sign_in: SignIn
) -> None:
    meeting = api.open_meeting()
    secretary = sign_in("secretary", meeting.committee_id)
    point_page = f"/meetings/{meeting.meeting_id}/points/{meeting.host_point_id}"
    assert f'href="{point_page}"' in _page(secretary, meeting)
    html = secretary.get(point_page).get_data(as_text=True)
    assert "Chưa điểm danh." in html
    status, page = _attend(
        secretary, meeting, html, person_ids=meeting.chair_id, attendee_count="0"
    )
    assert status == 400  # fewer than the people named
    assert 'id="attendance-attendee_count-error"' in page
    assert 'value="0"' in page
    assert "AttendanceRecorded" not in _events(api, meeting)
    status, page = _attend(
        secretary, meeting, html, person_ids=meeting.chair_id, attendee_count="abc"
    )
    assert status == 400
    assert 'id="attendance-attendee_count-error"' in page
    status, _ = _attend(
        secretary, meeting, html, person_ids=meeting.chair_id, attendee_count="35"
    )
    assert status == 303
    row = _row(_page(secretary, meeting), meeting.host_point_id)
    assert "35" in row and "Trịnh Văn Thắng" in row
    again = secretary.get(point_page).get_data(as_text=True)
    assert "Trịnh Văn Thắng" in again.split('id="attendance"')[1]


def test_a_stale_attendance_form_is_told_who_changed_the_meeting(
    api: Api, sign_in: SignIn
) -> None:
    meeting = api.open_meeting()
    first = sign_in("secretary", meeting.committee_id)
    second = sign_in("secretary", meeting.committee_id)
    point_page = f"/meetings/{meeting.meeting_id}/points/{meeting.host_point_id}"
    stale = second.get(point_page).get_data(as_text=True)
    status, _ = _attend(
        first, meeting, first.get(point_page).get_data(as_text=True), attendee_count="9"
    )
    assert status == 303
    before = _events(api, meeting)
    status, page = _attend(second, meeting, stale, attendee_count="12")
    assert status == 400
    assert "Cán bộ secretary đã thay đổi hồ sơ này" in page
    assert 'value="12"' in page
    assert _events(api, meeting) == before


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
    assert "connection-form" not in html
    point_page = f"/meetings/{meeting.meeting_id}/points/{meeting.host_point_id}"
    point = viewer.get(point_page).get_data(as_text=True)
    assert "đang kết nối" in point and "/attendance" not in point
    before = _events(api, meeting)
    response = viewer.post(
        f"/meetings/{meeting.meeting_id}/disconnect",
        data={"csrf_token": csrf_token(html), "point_id": meeting.host_point_id},
    )
    assert response.status_code == 403
    assert _events(api, meeting) == before
