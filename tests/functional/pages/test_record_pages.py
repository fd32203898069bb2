"""The meeting and task pages show the record, its lineage, history and the past."""

from __future__ import annotations

import re

from tests.functional.pages.conftest import SignIn
from tests.functional.support import Api


def _page(api: Api, path: str, **query: str) -> str:
    api.project()
    response = api.get(path, **query)
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


def test_meeting_page_shows_chair_points_speeches_and_each_items_tasks(
    api: Api,
) -> None:
    meeting = api.open_meeting()
    api.conclude(meeting)
    html = _page(api, f"/meetings/{meeting.meeting_id}")
    assert "Hội nghị trực tuyến về chuyển đổi số" in html
    assert "Trịnh Văn Thắng" in html and "Chủ tịch UBND tỉnh" in html
    assert "UBND tỉnh" in html and "điểm cầu chính" in html
    assert "Kết luận của đồng chí Chủ tịch UBND tỉnh." in html
    assert '1. <span class="item-text">Giao Sở TT&amp;TT' in html
    assert "Xây dựng kế hoạch chuyển đổi số năm 2022" in html
    assert api.name("Sở Thông tin và Truyền thông") in html
    assert "30/06/2099" in html


def test_task_page_leads_back_to_the_meeting_and_the_speech_in_one_click(
    api: Api,
) -> None:
    meeting = api.open_meeting()
    [task_id] = api.conclude(meeting)
    html = _page(api, f"/tasks/{task_id}")
    meeting_link = f'href="/meetings/{meeting.meeting_id}"'
    assert meeting_link in html
    speech_link = re.search(
        rf'href="/meetings/{meeting.meeting_id}#speech-([0-9a-f-]+)"', html
    )
    assert speech_link is not None
    meeting_html = _page(api, f"/meetings/{meeting.meeting_id}")
    assert f'id="speech-{speech_link.group(1)}"' in meeting_html
    assert "Chưa hoàn thành, trong hạn" in html
    assert "chủ trì" in html and "phối hợp" in html


def test_a_record_page_shows_its_history_with_the_actor(api: Api) -> None:
    meeting = api.open_meeting()
    html = _page(api, f"/meetings/{meeting.meeting_id}")
    assert "Lịch sử thay đổi" in html
    assert "Nguyễn Thị Hằng" in html  # the admin of the tests, by display name


def test_as_of_a_moment_before_the_conclusion_shows_no_conclusion(api: Api) -> None:
    meeting = api.open_meeting()
    history = api.get(f"/api/v1/history/{meeting.meeting_id}").get_json()["items"]
    opened_at = history[-1]["recorded_at"]
    api.conclude(meeting)
    before = _page(api, f"/meetings/{meeting.meeting_id}", as_of=opened_at)
    assert "Chưa có kết luận." in before
    assert "Đang xem hội nghị như vào lúc" in before
    now = _page(api, f"/meetings/{meeting.meeting_id}")
    assert "Chưa có kết luận." not in now


def test_as_of_before_the_meeting_existed_is_a_404_page(api: Api) -> None:
    meeting = api.open_meeting()
    response = api.get(f"/meetings/{meeting.meeting_id}", as_of="2000-01-01")
    assert response.status_code == 404
    assert response.mimetype == "text/html"


def test_a_malformed_as_of_is_a_400(api: Api) -> None:
    meeting = api.open_meeting()
    response = api.get(f"/meetings/{meeting.meeting_id}", as_of="31/02/2022")
    assert response.status_code == 400
    assert "as_of" in response.get_data(as_text=True)


def test_an_unknown_meeting_page_is_a_404(api: Api) -> None:
    response = api.get("/meetings/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404


def test_meeting_list_and_calendar_list_the_meeting(api: Api) -> None:
    meeting = api.open_meeting()
    listed = _page(api, "/meetings", **{"from": "2021-12-01", "to": "2021-12-31"})
    assert f"/meetings/{meeting.meeting_id}" in listed
    month = _page(api, "/meetings/calendar", month="2021-12")
    assert f"/meetings/{meeting.meeting_id}" in month


def test_tracker_page_filters_by_status(api: Api) -> None:
    meeting = api.open_meeting()
    [task_id] = api.conclude(meeting)
    in_progress = _page(
        api, "/tasks", status="in_progress", committee_id=meeting.committee_id
    )
    assert f"/tasks/{task_id}" in in_progress
    overdue = _page(api, "/tasks", status="overdue", committee_id=meeting.committee_id)
    assert f"/tasks/{task_id}" not in overdue


def test_lists_show_only_the_committees_the_viewer_may_read(
    api: Api, sign_in: SignIn
) -> None:
    meeting = api.open_meeting()
    [task_id] = api.conclude(meeting)
    api.project()
    outsider = sign_in("viewer", api.committee("Ban Chỉ đạo khác"))
    for path in (
        "/meetings",
        "/meetings/calendar?month=2021-12",
        "/tasks?as_of=2022-01-01",
    ):
        html = outsider.get(path).get_data(as_text=True)
        assert meeting.meeting_id not in html and task_id not in html
    insider = sign_in("viewer", meeting.committee_id)
    assert meeting.meeting_id in insider.get("/meetings").get_data(as_text=True)


def test_the_meeting_pages_downloads_open_for_a_reader_of_the_committee(
    api: Api, sign_in: SignIn
) -> None:
    meeting = api.open_meeting()
    api.conclude(meeting)
    api.project()
    viewer = sign_in("viewer", meeting.committee_id)
    html = viewer.get(f"/meetings/{meeting.meeting_id}").get_data(as_text=True)
    docx = f"/api/v1/meetings/{meeting.meeting_id}/notice.docx"
    assert docx in html
    with viewer.get(docx) as response:
        assert response.status_code == 200
        assert response.get_data()[:2] == b"PK"  # a DOCX is a zip
    outsider = sign_in("viewer", api.committee("Ban Chỉ đạo khác"))
    assert outsider.get(docx).status_code == 403
