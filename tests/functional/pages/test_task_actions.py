"""Acting on a task from its page: each role sees and may do only its own part."""

from __future__ import annotations

import re

from tests.functional.pages.conftest import SignIn, csrf_token
from tests.functional.pages.task_support import issued_task, post_action, task_events
from tests.functional.support import Api


def test_an_officer_acknowledges_reports_half_and_completes(
    api: Api, sign_in: SignIn
) -> None:
    meeting, task_id = issued_task(api)
    officer = sign_in("agency_officer", meeting.committee_id, meeting.department_id)
    agency = meeting.department_id
    assert post_action(officer, task_id, "acknowledge", agency_id=agency) == ""
    assert (
        post_action(
            officer,
            task_id,
            "progress",
            agency_id=agency,
            percent="50",
            note="Đã hoàn thành dự thảo",
        )
        == ""
    )
    evidence = "Kế hoạch số 12/KH-STTTT"
    assert (
        post_action(
            officer,
            task_id,
            "complete",
            agency_id=agency,
            evidence=evidence,
            completed_on="2022-01-10",
        )
        == ""
    )
    assert task_events(api, task_id)[-3:] == [
        "Acknowledged",
        "ProgressReported",
        "Completed",
    ]
    page = officer.get(f"/tasks/{task_id}").get_data(as_text=True)
    assert "Hoàn thành đúng hạn" in page


def test_an_officer_sees_no_leaders_decisions_and_a_viewer_no_action(
    api: Api, sign_in: SignIn
) -> None:
    meeting, task_id = issued_task(api)
    officer = sign_in("agency_officer", meeting.committee_id, meeting.department_id)
    page = officer.get(f"/tasks/{task_id}").get_data(as_text=True)
    assert f"/tasks/{task_id}/acknowledge" in page
    assert f"/tasks/{task_id}/extend" not in page
    viewer = sign_in("viewer", meeting.committee_id)
    page = viewer.get(f"/tasks/{task_id}").get_data(as_text=True)
    assert 'id="actions"' not in page


def test_an_officer_of_another_agency_may_not_act_and_nothing_is_stored(
    api: Api, sign_in: SignIn
) -> None:
    meeting, task_id = issued_task(api)
    other = api.agency("Sở Nội vụ")
    outsider = sign_in("agency_officer", meeting.committee_id, other)
    page = outsider.get(f"/tasks/{task_id}").get_data(as_text=True)
    assert f"/tasks/{task_id}/complete" not in page
    token = csrf_token(outsider.get("/sign-in").get_data(as_text=True))
    before = task_events(api, task_id)
    response = outsider.post(
        f"/tasks/{task_id}/complete",
        data={"csrf_token": token, "agency_id": meeting.department_id,
              "evidence": "giả mạo"},
    )  # fmt: skip
    assert response.status_code in (400, 403)
    assert task_events(api, task_id) == before


def test_a_form_posted_without_its_csrf_token_is_refused(
    api: Api, sign_in: SignIn
) -> None:
    meeting, task_id = issued_task(api)
    officer = sign_in("agency_officer", meeting.committee_id, meeting.department_id)
    before = task_events(api, task_id)
    response = officer.post(
        f"/tasks/{task_id}/acknowledge", data={"agency_id": meeting.department_id}
    )
    assert response.status_code == 400
    assert task_events(api, task_id) == before


def test_a_leader_extends_citing_a_cong_van(api: Api, sign_in: SignIn) -> None:
    meeting, task_id = issued_task(api)
    leader = sign_in("leader", meeting.committee_id)
    fields = {
        "deadline": "2099-12-31",
        "reason": "Theo đề nghị của Sở",
        "authority-document_kind": "Công văn",
        "authority-document_number": "125/UBND-KGVX",
        "authority-document_date": "2022-01-12",
    }
    assert post_action(leader, task_id, "extend", **fields) == ""
    task = api.get(f"/api/v1/assignments/{task_id}").get_json()
    assert task["deadline"] == "2099-12-31"
    assert task["original_deadline"] == "2099-06-30"


def test_a_refused_form_keeps_what_was_typed_with_a_message_beside_the_field(
    api: Api, sign_in: SignIn
) -> None:
    meeting, task_id = issued_task(api)
    officer = sign_in("agency_officer", meeting.committee_id, meeting.department_id)
    page = post_action(
        officer,
        task_id,
        "progress",
        agency_id=meeting.department_id,
        percent="150",
        note="Đang triển khai",
    )
    assert 'class="field-error" id="progress-percent-error"' in page
    assert "Đang triển khai" in page
    assert "ProgressReported" not in task_events(api, task_id)


def test_the_second_writer_is_told_who_changed_the_task_and_keeps_the_input(
    api: Api, sign_in: SignIn
) -> None:
    meeting, task_id = issued_task(api)
    first = sign_in("agency_officer", meeting.committee_id, meeting.department_id)
    second = sign_in("agency_officer", meeting.committee_id, meeting.department_id)
    stale = second.get(f"/tasks/{task_id}").get_data(as_text=True)
    post_action(first, task_id, "acknowledge", agency_id=meeting.department_id)
    version = re.search(r'name="version"[^>]*value="(\d+)"', stale)
    assert version is not None
    response = second.post(
        f"/tasks/{task_id}/progress",
        data={"csrf_token": csrf_token(stale), "version": version.group(1),
              "agency_id": meeting.department_id, "note": "Ghi chú của tôi"},
    )  # fmt: skip
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Cán bộ agency_officer đã thay đổi hồ sơ này" in page
    assert "Ghi chú của tôi" in page
    assert "ProgressReported" not in task_events(api, task_id)


def test_a_coordinating_officer_cannot_act_in_the_lead_agencys_name(
    api: Api, sign_in: SignIn
) -> None:
    meeting, task_id = issued_task(api)
    coordinator = sign_in("agency_officer", meeting.committee_id, meeting.finance_id)
    token = csrf_token(coordinator.get("/sign-in").get_data(as_text=True))
    before = task_events(api, task_id)
    response = coordinator.post(
        f"/tasks/{task_id}/acknowledge",
        data={"csrf_token": token, "agency_id": meeting.department_id},
    )
    assert response.status_code == 403
    assert task_events(api, task_id) == before


def test_a_page_beyond_the_role_is_a_page_saying_so(api: Api, sign_in: SignIn) -> None:
    _meeting, task_id = issued_task(api)
    stranger = sign_in("viewer", api.committee("Ban Chỉ đạo khác"))
    response = stranger.get(f"/tasks/{task_id}")
    assert response.status_code == 403
    assert response.mimetype == "text/html"
    assert "không có quyền" in response.get_data(as_text=True)


def test_an_extension_citing_nothing_is_refused_beside_its_authority(
    api: Api, sign_in: SignIn
) -> None:
    meeting, task_id = issued_task(api)
    leader = sign_in("leader", meeting.committee_id)
    fields = {"deadline": "2099-12-31", "reason": "Theo đề nghị của Sở"}
    page = post_action(leader, task_id, "extend", **fields)
    assert "Cần chọn hội nghị (mục) hoặc văn bản." in page
    assert "Theo đề nghị của Sở" in page
    assert "DeadlineExtended" not in task_events(api, task_id)


def test_a_bad_date_of_the_authority_is_said_beside_it_and_nowhere_else(
    api: Api, sign_in: SignIn
) -> None:
    meeting, task_id = issued_task(api)
    leader = sign_in("leader", meeting.committee_id)
    fields = {
        "deadline": "2099-12-31",
        "reason": "Theo đề nghị của Sở",
        "authority-document_kind": "Công văn",
        "authority-document_number": "125/UBND-KGVX",
        "authority-document_date": "2022-02-31",
    }
    page = post_action(leader, task_id, "extend", **fields)
    assert re.findall(r'<p class="field-error"[^>]*>([^<]*)</p>', page) == [
        "Ngày không hợp lệ (ngày/tháng/năm)."
    ]
    assert 'id="extend-authority-document_date-error"' in page
    assert "DeadlineExtended" not in task_events(api, task_id)
