"""The lineage explorer, search and the documents registry, as pages."""

from __future__ import annotations

from tests.functional.pages.conftest import SignIn
from tests.functional.support import Api


def test_the_explorer_goes_down_from_a_meeting_one_step_at_a_time(
    api: Api, sign_in: SignIn
) -> None:
    meeting = api.open_meeting()
    [task_id] = api.conclude(meeting)
    api.project()
    leader = sign_in("leader", meeting.committee_id)
    html = leader.get(f"/lineage?key=meeting:{meeting.meeting_id}").get_data(
        as_text=True
    )
    assert "Mục kết luận" in html
    item_key = f"item:{meeting.meeting_id}#1"
    below = leader.get(
        "/lineage", query_string={"key": item_key}, headers={"HX-Request": "1"}
    )
    assert below.status_code == 200
    assert f"/tasks/{task_id}" in below.get_data(as_text=True)
    assert "<html" not in below.get_data(as_text=True)  # a fragment for htmx


def test_the_explorer_refuses_a_malformed_key_and_hides_other_committees(
    api: Api, sign_in: SignIn
) -> None:
    meeting = api.open_meeting()
    api.project()
    leader = sign_in("leader", meeting.committee_id)
    assert leader.get("/lineage?key=nonsense").status_code == 400
    outsider = sign_in("viewer", api.committee("Ban Chỉ đạo khác"))
    response = outsider.get(f"/lineage?key=meeting:{meeting.meeting_id}")
    assert response.status_code == 404


def test_search_ignores_diacritics_and_marks_the_matching_words(
    api: Api, sign_in: SignIn
) -> None:
    meeting = api.open_meeting()
    api.conclude(meeting)
    api.project()
    leader = sign_in("leader", meeting.committee_id)
    html = leader.get("/search?q=ke hoach chuyen doi").get_data(as_text=True)
    assert (
        "<mark>kế</mark> <mark>hoạch</mark> <mark>chuyển</mark> <mark>đổi</mark>"
        in html
    )


def test_a_document_page_lists_the_tasks_citing_it(api: Api, sign_in: SignIn) -> None:
    meeting = api.open_meeting()
    speech_id = api.speech(meeting)
    number = f"04-NQ/TU-{api.token}"
    task = {"title": "Triển khai Nghị quyết", "lead": [meeting.department_id],
            "documents": [{"kind": "Nghị quyết", "number": number}]}  # fmt: skip
    item = {"number": "1", "text": "Triển khai", "tasks": [task]}
    body = {"speech_id": speech_id, "items": [item]}
    result = api.ok(f"/api/v1/meetings/{meeting.meeting_id}/conclusion", body)
    [task_id] = result["assignment_ids"]
    api.project()
    leader = sign_in("leader", meeting.committee_id)
    listed = leader.get("/documents").get_data(as_text=True)
    assert f"/documents/{number}" in listed
    page = leader.get(f"/documents/{number}").get_data(as_text=True)
    assert f"/tasks/{task_id}" in page and "Nghị quyết" in page
    assert leader.get("/documents/999-KHONG-CO").status_code == 404
