"""Superseding a task from its page: a leader names the task that replaces it and
the authority that decided it; others see no such form."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from tests.functional.pages.conftest import SignIn, csrf_token
from tests.functional.support import Api, OpenMeeting

CONG_VAN = {
    "reason": "Nhiệm vụ được giao lại theo kết luận mới",
    "authority-document_kind": "Công văn",
    "authority-document_number": "310/UBND-KGVX",
    "authority-document_date": "2022-02-10",
}


def _two_tasks(api: Api) -> tuple[OpenMeeting, str, str]:
    """A meeting's task, and a later item's task that may replace it."""
    meeting = api.open_meeting()
    [old] = api.conclude(meeting)
    body = {
        "speech_id": api.speech(meeting),
        "items": [{
            "number": "2",
            "text": "Giao Sở TT&TT lập kế hoạch chuyển đổi số giai đoạn 2022-2025.",
            "tasks": [{
                "title": "Xây dựng kế hoạch chuyển đổi số giai đoạn 2022-2025",
                "lead": [meeting.department_id],
                "deadline": "2099-09-30",
            }],
        }],
    }  # fmt: skip
    result = api.ok(f"/api/v1/meetings/{meeting.meeting_id}/conclusion", body)
    new = next(str(i) for i in result["assignment_ids"] if str(i) != old)
    api.project()
    return meeting, old, new


def _form(client: FlaskClient, task_id: str) -> tuple[str, str]:
    page = client.get(f"/tasks/{task_id}").get_data(as_text=True)
    version = re.search(
        rf'action="/tasks/{task_id}/supersede".*?name="version"[^>]*value="(\d+)"',
        page,
        re.S,
    )
    assert version is not None, "no supersede form on the page"
    return csrf_token(page), version.group(1)


def _supersede(
    client: FlaskClient, task_id: str, token: str, version: str, **fields: str
) -> tuple[int, str]:
    data = {"csrf_token": token, "version": version, **CONG_VAN, **fields}
    response = client.post(f"/tasks/{task_id}/supersede", data=data)
    return response.status_code, response.get_data(as_text=True)


def _events(api: Api, task_id: str) -> list[str]:
    items = api.get(f"/api/v1/history/{task_id}").get_json()["items"]
    return [item["event"] for item in items]


def test_a_leader_supersedes_a_task_by_pasting_the_new_tasks_address(
    api: Api, sign_in: SignIn
) -> None:
    meeting, old, new = _two_tasks(api)
    leader = sign_in("leader", meeting.committee_id)
    token, version = _form(leader, old)
    status, _page = _supersede(
        leader, old, token, version, by_assignment_id=f"http://steerlog/tasks/{new}"
    )
    assert status == 303
    assert _events(api, old)[-1] == "Superseded"
    task = api.get(f"/api/v1/assignments/{old}").get_json()
    assert str(task["superseded_by"]) == new
    page = leader.get(f"/tasks/{old}").get_data(as_text=True)
    assert "Được thay thế bởi" in page
    assert f'href="/tasks/{new}"' in page
    assert "giai đoạn 2022-2025" in page
    assert f"/tasks/{old}/supersede" not in page  # a closed task offers it no more


def test_an_address_naming_no_task_gets_a_message_beside_the_field(
    api: Api, sign_in: SignIn
) -> None:
    meeting, old, _new = _two_tasks(api)
    leader = sign_in("leader", meeting.committee_id)
    token, version = _form(leader, old)
    status, page = _supersede(leader, old, token, version, by_assignment_id="việc mới")
    assert status == 400
    assert 'id="supersede-by_assignment_id-error"' in page
    assert "việc mới" in page and "310/UBND-KGVX" in page
    unknown = "00000000-0000-4000-8000-000000000000"
    status, page = _supersede(leader, old, token, version, by_assignment_id=unknown)
    assert status == 400
    assert 'id="supersede-by_assignment_id-error"' in page
    assert "Superseded" not in _events(api, old)


def test_a_second_leader_is_told_who_changed_the_task(
    api: Api, sign_in: SignIn
) -> None:
    meeting, old, new = _two_tasks(api)
    first = sign_in("leader", meeting.committee_id)
    second = sign_in("leader", meeting.committee_id)
    token, version = _form(second, old)
    extended = first.post(
        f"/tasks/{old}/extend",
        data={"csrf_token": _form(first, old)[0], "version": version,
              "deadline": "2099-12-31", **CONG_VAN},
    )  # fmt: skip
    assert extended.status_code == 303
    status, page = _supersede(second, old, token, version, by_assignment_id=new)
    assert status == 400
    assert "Cán bộ leader đã thay đổi hồ sơ này" in page
    assert new in page
    assert "Superseded" not in _events(api, old)


def test_only_leaders_are_offered_supersede_and_an_officers_post_is_refused(
    api: Api, sign_in: SignIn
) -> None:
    meeting, old, new = _two_tasks(api)
    officer = sign_in("agency_officer", meeting.committee_id, meeting.department_id)
    secretary = sign_in("secretary", meeting.committee_id)
    for client in (officer, secretary):
        page = client.get(f"/tasks/{old}").get_data(as_text=True)
        assert f"/tasks/{old}/supersede" not in page
    token = csrf_token(officer.get(f"/tasks/{old}").get_data(as_text=True))
    status, _page = _supersede(officer, old, token, "", by_assignment_id=new)
    assert status == 403
    assert "Superseded" not in _events(api, old)
