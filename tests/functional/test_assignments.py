"""Assignments over HTTP: issue, lineage, status, follow-up, and closing rules."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import uuid4
from zoneinfo import ZoneInfo

from tests.functional.support import Api, problem

BASE = "/api/v1/assignments"
DECISION = {"kind": "Quyết định", "number": "123/QĐ-UBND", "date": "2021-12-20"}
BY_DECISION = {"document": DECISION}


def standalone(api: Api, lead: list[str], **task: Any) -> dict[str, Any]:
    """Body of an assignment issued by a document of a new committee."""
    return {
        "committee_id": api.committee(f"Ban Chỉ đạo {uuid4().hex[:8]}"),
        "issued_on": "2021-12-20",
        "document": DECISION,
        "task": {"title": "Triển khai nền tảng số", "lead": lead, **task},
    }


def issue(api: Api, lead: list[str], **task: Any) -> str:
    """Issue a standalone assignment; its id."""
    return api.created(BASE, standalone(api, lead, **task))


def test_assignment_from_a_conclusion_carries_its_lineage(api: Api) -> None:
    meeting = api.open_meeting()
    [assignment_id] = api.conclude(meeting)
    response = api.get(f"{BASE}/{assignment_id}")
    assert response.headers["ETag"] == '"1"'
    body = response.get_json()
    origin = body["origin"]
    assert origin["committee_id"] == meeting.committee_id
    assert origin["meeting_id"] == meeting.meeting_id
    assert (origin["item_number"], origin["task_number"]) == ("1", 1)
    assert origin["speaker_id"] == meeting.chair_id
    assert origin["point_id"] == meeting.host_point_id
    assert origin["speech_id"] is not None
    assert body["parent_id"] is None and body["superseded_by"] is None
    assert body["lead"] == [meeting.department_id]
    assert body["coordinating"] == [meeting.finance_id]
    assert body["issued_on"] == "2021-12-10"
    assert body["original_deadline"] == body["deadline"] == "2099-06-30"
    assert body["deadline_text"] == "trước ngày 30/6"
    assert body["status"] == "in_progress"
    today = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date().isoformat()
    assert body["status_on"] == today


def test_standalone_assignment_is_issued_by_a_document(api: Api) -> None:
    lead = api.agency("Sở Nội vụ")
    response = api.post(BASE, standalone(api, [lead], deadline="2099-01-31"))
    assert response.status_code == 201
    body = api.client.get(response.headers["Location"]).get_json()
    assert body["origin"]["document"]["number"] == "123/QĐ-UBND"
    assert body["origin"]["meeting_id"] is None
    twice = standalone(api, [lead])
    assert api.post(BASE, twice).status_code == 201
    assert problem(api.post(BASE, twice), 409)["rule"] == "already_exists"


def test_standalone_assignment_needs_an_origin_and_known_references(api: Api) -> None:
    lead = api.agency("Sở Nội vụ")
    no_origin = {**standalone(api, [lead]), "document": None}
    assert "origin" in problem(api.post(BASE, no_origin), 422)["errors"]
    unknown = {**standalone(api, [lead]), "committee_id": str(uuid4())}
    assert "committee_id" in problem(api.post(BASE, unknown), 422)["errors"]
    early = standalone(api, [lead], deadline="2021-01-01")
    assert problem(api.post(BASE, early), 422)["errors"] == {
        "deadline": ["before the issue date"]
    }
    no_lead = standalone(api, [])
    assert "task.lead" in problem(api.post(BASE, no_lead), 422)["errors"]


def test_acknowledge_and_progress_are_recorded_per_agency(api: Api) -> None:
    lead = api.agency("Sở Y tế")
    assignment_id = issue(api, [lead])
    path = f"{BASE}/{assignment_id}"
    at = "2021-12-21T09:00:00+07:00"
    api.ok(f"{path}/acknowledgements", {"agency_id": lead, "at": at})
    progress = {"agency_id": lead, "note": "Đã xây dựng dự thảo", "percent": 40}
    api.ok(f"{path}/progress", {**progress, "at": at})
    body = api.get(path).get_json()
    assert body["acknowledgements"] == [{"agency_id": lead, "at": at}]
    assert body["progress"] == [{**progress, "at": at}]
    again = api.post(f"{path}/acknowledgements", {"agency_id": lead})
    assert problem(again, 409)["rule"] == "no_change"
    stranger = api.agency("Sở Xây dựng")
    outsider = api.post(f"{path}/acknowledgements", {"agency_id": stranger})
    assert problem(outsider, 409)["rule"] == "not_assignee"
    too_much = api.post(f"{path}/progress", {**progress, "percent": 140})
    assert "percent" in problem(too_much, 422)["errors"]


def test_deadline_is_extended_by_an_authority_keeping_the_original(api: Api) -> None:
    lead = api.agency("Sở Tài chính")
    assignment_id = issue(api, [lead], deadline="2099-03-31")
    path = f"{BASE}/{assignment_id}"
    ask = {"agency_id": lead, "deadline": "2099-06-30", "reason": "Chờ kinh phí"}
    api.ok(f"{path}/extension-requests", ask)
    assert api.get(path).get_json()["pending_extension"] == ask
    grant = {"deadline": "2099-06-30", "authority": BY_DECISION, "reason": "Đồng ý"}
    api.ok(f"{path}/extensions", grant)
    body = api.get(path).get_json()
    assert body["original_deadline"] == "2099-03-31"
    assert body["deadline"] == "2099-06-30"
    assert body["pending_extension"] is None
    [extension] = body["extensions"]
    assert extension["previous"] == "2099-03-31"
    assert extension["authority"]["document"]["number"] == "123/QĐ-UBND"
    earlier = api.post(f"{path}/extensions", {**grant, "deadline": "2099-01-01"})
    assert "deadline" in problem(earlier, 422)["errors"]


def test_extension_needs_a_known_authority(api: Api) -> None:
    assignment_id = issue(api, [api.agency("Sở Tài chính")], deadline="2099-03-31")
    path = f"{BASE}/{assignment_id}/extensions"
    grant = {"deadline": "2099-06-30", "authority": {}, "reason": "Đồng ý"}
    assert "authority._schema" in problem(api.post(path, grant), 422)["errors"]
    grant["authority"] = {"meeting_id": str(uuid4()), "item_number": "2"}
    assert "authority.meeting_id" in problem(api.post(path, grant), 422)["errors"]


def test_completion_reopening_and_late_status(api: Api) -> None:
    lead = api.agency("Sở Công Thương")
    assignment_id = issue(api, [lead], deadline="2021-12-31")
    path = f"{BASE}/{assignment_id}"
    assert api.get(path).get_json()["status"] == "overdue"
    done = {
        "agency_id": lead,
        "evidence": "Văn bản số 10/SCT",
        "completed_on": "2022-01-15",
    }
    api.ok(f"{path}/completions", done)
    body = api.get(path).get_json()
    assert body["status"] == "done_late"
    assert body["completed_on"] == "2022-01-15"
    assert body["completions"] == [{**done, "document": None}]
    assert problem(api.post(f"{path}/completions", done), 409)["rule"] == (
        "already_completed"
    )
    api.ok(f"{path}/reopen", {"reason": "Chưa đạt yêu cầu"})
    body = api.get(path).get_json()
    assert (body["status"], body["reopen_count"]) == ("overdue", 1)
    again = api.post(f"{path}/reopen", {"reason": "Lần nữa"})
    assert problem(again, 409)["rule"] == "not_completed"


def test_completion_on_time_defaults_to_today(api: Api) -> None:
    lead = api.agency("Sở Công Thương")
    assignment_id = issue(api, [lead], deadline="2099-12-31")
    api.ok(
        f"{BASE}/{assignment_id}/completions", {"agency_id": lead, "evidence": "Xong"}
    )
    assert api.get(f"{BASE}/{assignment_id}").get_json()["status"] == "done_on_time"


def test_group_lead_is_tracked_per_member(api: Api) -> None:
    first = api.agency("UBND huyện Bát Xát", kind="peoples_committee")
    second = api.agency("UBND huyện Sa Pa", kind="peoples_committee")
    group = api.agency("UBND các huyện", kind="group", member_ids=[first, second])
    assignment_id = issue(api, [group], deadline="2099-12-31")
    api.ok(
        f"{BASE}/{assignment_id}/completions", {"agency_id": first, "evidence": "Xong"}
    )
    body = api.get(f"{BASE}/{assignment_id}").get_json()
    assert body["lead"] == [group]
    assert body["tracked"] == [first, second]
    assert body["status"] == "in_progress"
    assert body["agency_statuses"] == [
        {"agency_id": first, "status": "done_on_time"},
        {"agency_id": second, "status": "in_progress"},
    ]


def test_reassignment_moves_the_task(api: Api) -> None:
    first = api.agency("Sở Tài chính")
    second = api.agency("Sở Kế hoạch và Đầu tư")
    assignment_id = issue(api, [first])
    path = f"{BASE}/{assignment_id}/reassignments"
    body = {
        "lead": [second],
        "coordinating": [first],
        "authority": BY_DECISION,
        "reason": "Điều chỉnh",
    }
    api.ok(path, body)
    assignment = api.get(f"{BASE}/{assignment_id}").get_json()
    assert (assignment["lead"], assignment["coordinating"]) == ([second], [first])
    assert problem(api.post(path, body), 409)["rule"] == "no_change"


def test_cancelled_assignment_takes_no_more_commands(api: Api) -> None:
    lead = api.agency("Sở Văn hóa")
    assignment_id = issue(api, [lead])
    path = f"{BASE}/{assignment_id}"
    api.ok(f"{path}/cancel", {"authority": BY_DECISION, "reason": "Không còn phù hợp"})
    body = api.get(path).get_json()
    assert body["status"] == "cancelled"
    assert body["cancelled_by"]["document"]["number"] == "123/QĐ-UBND"
    closed = api.post(f"{path}/acknowledgements", {"agency_id": lead})
    conflict = problem(closed, 409)
    assert conflict["rule"] == "assignment_closed"
    assert conflict["details"]["status"] == "cancelled"


def test_superseded_assignment_names_its_successor(api: Api) -> None:
    lead = api.agency("Sở Giao thông")
    old = issue(api, [lead])
    new = issue(api, [lead])
    path = f"{BASE}/{old}/supersede"
    unknown = {
        "by_assignment_id": str(uuid4()),
        "authority": BY_DECISION,
        "reason": "Thay",
    }
    assert "by_assignment_id" in problem(api.post(path, unknown), 422)["errors"]
    api.ok(path, {**unknown, "by_assignment_id": new})
    body = api.get(f"{BASE}/{old}").get_json()
    assert (body["status"], body["superseded_by"]) == ("superseded", new)
    assert body["supersession_authority"]["document"]["kind"] == "Quyết định"


def test_delegation_creates_a_child_assignment(api: Api) -> None:
    lead = api.agency("Sở Nông nghiệp")
    unit = api.agency("Chi cục Thủy lợi")
    parent = issue(api, [lead], deadline="2099-06-30")
    path = f"{BASE}/{parent}/delegations"
    task = {"title": "Rà soát hồ đập", "lead": [unit], "deadline": "2099-05-31"}
    body = {"by_agency_id": lead, "issued_on": "2021-12-22", "task": task}
    response = api.post(path, body)
    assert response.status_code == 201
    child = api.client.get(response.headers["Location"]).get_json()
    assert child["parent_id"] == parent
    assert child["lead"] == [unit]
    late = {**body, "task": {**task, "deadline": "2099-12-31"}}
    assert "deadline" in problem(api.post(path, late), 422)["errors"]
    outsider = {**body, "by_agency_id": unit}
    assert problem(api.post(path, outsider), 409)["rule"] == "not_assignee"


def test_assignment_as_of_is_evaluated_on_that_day(api: Api) -> None:
    lead = api.agency("Sở Tư pháp")
    assignment_id = issue(api, [lead], deadline="2021-12-31")
    created_on = api.get(f"{BASE}/{assignment_id}").get_json()["created_on"]
    api.ok(
        f"{BASE}/{assignment_id}/cancel", {"authority": BY_DECISION, "reason": "Hủy"}
    )
    past = api.get(f"{BASE}/{assignment_id}", as_of=created_on).get_json()
    assert past["status"] == "overdue"
    day = datetime.fromisoformat(created_on).astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
    assert past["status_on"] == day.date().isoformat()
    assert api.get(f"{BASE}/{assignment_id}").get_json()["status"] == "cancelled"


def test_stale_if_match_on_an_assignment_is_a_412(api: Api) -> None:
    lead = api.agency("Sở Ngoại vụ")
    assignment_id = issue(api, [lead])
    path = f"{BASE}/{assignment_id}/acknowledgements"
    stale = api.post(path, {"agency_id": lead}, if_match=3)
    assert problem(stale, 412)["details"] == {"expected": 3, "actual": 1}
    assert api.post(path, {"agency_id": lead}, if_match=1).headers["ETag"] == '"2"'


def test_unknown_assignment_is_a_404(api: Api) -> None:
    problem(api.get(f"{BASE}/{uuid4()}"), 404)
    problem(api.post(f"{BASE}/{uuid4()}/reopen", {"reason": "Mở"}), 404)
