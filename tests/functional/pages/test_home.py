"""The home page shows each role what it acts on first."""

from __future__ import annotations

from tests.functional.pages.conftest import SignIn
from tests.functional.support import Api


def test_an_officer_sees_the_agencys_overdue_task_first(
    api: Api, sign_in: SignIn
) -> None:
    meeting = api.open_meeting()
    [task_id] = api.conclude(meeting, deadline="2022-01-31")
    api.project()
    officer = sign_in("agency_officer", meeting.committee_id, meeting.department_id)
    html = officer.get("/").get_data(as_text=True)
    assert "<h1>Xin chào, Cán bộ agency_officer</h1>" in html
    assert "Việc của đơn vị" in html
    overdue = html.split("Quá hạn", 1)[1].split("Đến hạn trong 7 ngày", 1)[0]
    assert f"/tasks/{task_id}" in overdue


def test_a_leader_sees_counts_per_agency_and_the_extension_waiting(
    api: Api, sign_in: SignIn
) -> None:
    meeting = api.open_meeting()
    [task_id] = api.conclude(meeting)
    body = {"agency_id": meeting.department_id, "deadline": "2099-12-31",
            "reason": "Cần thêm thời gian"}  # fmt: skip
    api.ok(f"/api/v1/assignments/{task_id}/extension-requests", body)
    api.project()
    leader = sign_in("leader", meeting.committee_id)
    html = leader.get("/").get_data(as_text=True)
    assert "Tình hình thực hiện theo cơ quan" in html and "<svg" in html
    assert api.name("Sở Thông tin và Truyền thông") in html
    # On a phone each agency is a card: its counts carry their status's name.
    assert '<td class="num" data-label="Chưa hoàn thành, trong hạn">1</td>' in html
    waiting = html.split("Đề nghị gia hạn chờ quyết định", 1)[1]
    assert f"/tasks/{task_id}#action-extend" in waiting


def test_a_secretary_sees_the_notice_to_publish(api: Api, sign_in: SignIn) -> None:
    meeting = api.open_meeting()
    api.conclude(meeting)
    api.project()
    secretary = sign_in("secretary", meeting.committee_id)
    html = secretary.get("/").get_data(as_text=True)
    to_publish = html.split("Thông báo kết luận cần ban hành", 1)[1]
    assert f"/meetings/{meeting.meeting_id}#conclusion" in to_publish
