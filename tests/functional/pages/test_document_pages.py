"""The documents registry as pages: every document known, and what links to it."""

from __future__ import annotations

from tests.functional.pages.conftest import SignIn
from tests.functional.support import Api


def test_a_notice_and_an_authorising_letter_have_pages_of_their_own(
    api: Api, sign_in: SignIn
) -> None:
    meeting = api.open_meeting()
    [task_id] = api.conclude(meeting)
    notice = {"kind": "Thông báo", "number": f"25-{api.token}/TB-UBND"}
    api.ok(f"/api/v1/meetings/{meeting.meeting_id}/notice", notice)
    letter = {"kind": "Công văn", "number": f"301-{api.token}/UBND"}
    grant = {"deadline": "2099-12-31", "authority": {"document": letter}}
    api.ok(f"/api/v1/assignments/{task_id}/extensions", {**grant, "reason": "Đồng ý"})
    api.project()
    leader = sign_in("leader", meeting.committee_id)
    listed = leader.get("/documents").get_data(as_text=True)
    assert f"/documents/{notice['number']}" in listed
    assert "Thông báo kết luận của cuộc họp: 1" in listed
    page = leader.get(f"/documents/{notice['number']}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Thông báo kết luận của cuộc họp" in html
    assert f"/meetings/{meeting.meeting_id}" in html
    html = leader.get(f"/documents/{letter['number']}").get_data(as_text=True)
    assert "Điều chỉnh nhiệm vụ theo văn bản" in html
    assert f"/tasks/{task_id}" in html and "(Gia hạn)" in html
