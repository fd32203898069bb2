"""Wrong facts stay out of an assignment: an authority that names nothing, reports
dated in the future or before the task, a percent that is not a whole number."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tests.functional.support import Api, OpenMeeting, problem
from tests.functional.test_assignments import issue

BASE = "/api/v1/assignments"
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def concluded_task(api: Api) -> tuple[OpenMeeting, str]:
    """A meeting whose conclusion has item 1, and the task it gave."""
    meeting = api.open_meeting()
    [assignment_id] = api.conclude(meeting)
    return meeting, assignment_id


def version(api: Api, assignment_id: str) -> str:
    """The assignment's ETag: it moves only when something was stored."""
    return str(api.get(f"{BASE}/{assignment_id}").headers["ETag"])


def refused(api: Api, path: str, body: dict[str, Any], field: str) -> dict[str, Any]:
    """A 422 naming ``field``, with nothing stored."""
    assignment_id = path.split("/")[4]
    before = version(api, assignment_id)
    found = problem(api.post(path, body), 422)
    assert field in found["errors"], found
    assert version(api, assignment_id) == before
    return found


def test_cancelling_by_an_item_the_meeting_did_not_conclude_is_refused(
    api: Api,
) -> None:
    meeting, assignment_id = concluded_task(api)
    path = f"{BASE}/{assignment_id}/cancel"
    by_item_9 = {"meeting_id": meeting.meeting_id, "item_number": "9"}
    found = refused(
        api, path, {"authority": by_item_9, "reason": "Hủy"}, "authority.item_number"
    )
    assert "items: 1" in found["errors"]["authority.item_number"][0]
    by_item_1 = {"meeting_id": meeting.meeting_id, "item_number": "1"}
    api.ok(path, {"authority": by_item_1, "reason": "Hủy"})
    assert api.get(f"{BASE}/{assignment_id}").get_json()["status"] == "cancelled"


def test_every_authorised_change_checks_its_item(api: Api) -> None:
    meeting, assignment_id = concluded_task(api)
    path = f"{BASE}/{assignment_id}"
    by_item_9 = {"meeting_id": meeting.meeting_id, "item_number": "9"}
    other_id = issue(api, [meeting.finance_id])
    for action, body in (
        ("extensions", {"deadline": "2099-12-31"}),
        ("reassignments", {"lead": [meeting.finance_id]}),
        ("supersede", {"by_assignment_id": other_id}),
    ):
        change = {**body, "authority": by_item_9, "reason": "Theo kết luận"}
        refused(api, f"{path}/{action}", change, "authority.item_number")


def test_a_meeting_named_without_an_item_needs_a_document(api: Api) -> None:
    meeting, assignment_id = concluded_task(api)
    path = f"{BASE}/{assignment_id}/extensions"
    grant = {"deadline": "2099-12-31", "reason": "Đồng ý"}
    bare = {"meeting_id": meeting.meeting_id}
    refused(api, path, {**grant, "authority": bare}, "authority.item_number")
    letter = {"kind": "Công văn", "number": "301/UBND-KGVX", "date": "2022-01-12"}
    api.ok(path, {**grant, "authority": {**bare, "document": letter}})


def test_completion_dated_next_year_is_refused_and_the_real_one_then_recorded(
    api: Api,
) -> None:
    meeting, assignment_id = concluded_task(api)
    path = f"{BASE}/{assignment_id}/completions"
    today = datetime.now(ZONE).date()
    done = {"agency_id": meeting.department_id, "evidence": "Kế hoạch số 10/KH"}
    next_year = (today + timedelta(days=366)).isoformat()
    found = refused(api, path, {**done, "completed_on": next_year}, "completed_on")
    assert found["errors"]["completed_on"] == ["in the future"]
    before_issue = {**done, "completed_on": "2021-12-09"}
    refused(api, path, before_issue, "completed_on")
    api.ok(path, {**done, "completed_on": today.isoformat()})
    body = api.get(f"{BASE}/{assignment_id}").get_json()
    assert body["completed_on"] == today.isoformat()


def test_progress_in_the_future_or_before_the_task_is_refused(api: Api) -> None:
    meeting, assignment_id = concluded_task(api)
    path = f"{BASE}/{assignment_id}/progress"
    report = {"agency_id": meeting.department_id, "note": "Đang triển khai"}
    tomorrow = datetime.now(ZONE) + timedelta(days=1)
    refused(api, path, {**report, "at": tomorrow.isoformat()}, "at")
    refused(api, path, {**report, "at": "2021-12-09T16:59:00+00:00"}, "at")
    # 17:00 UTC on the 9th is midnight on the 10th in Hà Nội: the issue day.
    api.ok(path, {**report, "at": "2021-12-09T17:00:00+00:00"})
    api.ok(path, report)  # at: now
    assert len(api.get(f"{BASE}/{assignment_id}").get_json()["progress"]) == 2


def test_a_percent_that_is_not_a_whole_number_is_refused(api: Api) -> None:
    meeting, assignment_id = concluded_task(api)
    path = f"{BASE}/{assignment_id}/progress"
    report = {"agency_id": meeting.department_id, "note": "Đã xong một nửa"}
    for percent in (50.7, "50", True):
        found = refused(api, path, {**report, "percent": percent}, "percent")
        assert found["errors"]["percent"] == ["Not a valid integer."]
    api.ok(path, {**report, "percent": 50})
    [stored] = api.get(f"{BASE}/{assignment_id}").get_json()["progress"]
    assert stored["percent"] == 50


def test_the_openapi_document_says_percent_is_an_integer(api: Api) -> None:
    spec = api.get("/api/openapi.json").get_json()
    schema = spec["components"]["schemas"]["ReportProgress"]["properties"]["percent"]
    assert schema["type"] == "integer"
    assert (schema["minimum"], schema["maximum"]) == (0, 100)
