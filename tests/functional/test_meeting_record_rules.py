"""A meeting's record keeps wrong facts out and keeps its conclusion in order."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from tests.functional.support import Api, OpenMeeting, problem

BASE = "/api/v1/meetings"


def speech_body(meeting: OpenMeeting, **extra: Any) -> dict[str, Any]:
    """A discussion by the chair at the host point."""
    return {
        "speaker_id": meeting.chair_id,
        "kind": "discussion",
        "point_id": meeting.host_point_id,
        "text": "Ý kiến thảo luận.",
        "spoken_at": "2021-12-10T09:00:00+07:00",
        **extra,
    }


def test_speech_before_the_meeting_opened_or_in_the_future_is_a_422(
    api: Api,
) -> None:
    meeting = api.open_meeting()
    path = f"{BASE}/{meeting.meeting_id}/speeches"
    for when in ("2021-12-09T09:00:00+07:00", "2030-01-01T09:00:00+07:00"):
        refused = problem(api.post(path, speech_body(meeting, spoken_at=when)), 422)
        assert "spoken_at" in refused["errors"]
    assert api.get(f"{BASE}/{meeting.meeting_id}").get_json()["speeches"] == []


def test_a_speech_id_posted_again_with_other_text_is_taken(api: Api) -> None:
    meeting = api.open_meeting()
    path = f"{BASE}/{meeting.meeting_id}/speeches"
    speech_id = str(uuid4())
    first = api.post(path, speech_body(meeting, id=speech_id))
    assert first.status_code == 201, first.get_json()
    same = api.post(path, speech_body(meeting, id=speech_id))
    assert problem(same, 409)["rule"] == "no_change"
    other = problem(
        api.post(path, speech_body(meeting, id=speech_id, text="Khác.")), 409
    )
    assert other["rule"] == "speech_id_taken"
    assert other["details"]["field"] == "speech_id"
    assert other["details"]["differs"] == ["text"]
    speeches = api.get(f"{BASE}/{meeting.meeting_id}").get_json()["speeches"]
    assert [s["text"] for s in speeches] == ["Ý kiến thảo luận."]


def item(meeting: OpenMeeting, number: str, tasks: int) -> dict[str, Any]:
    """An item assigning ``tasks`` tasks to the department."""
    return {
        "number": number,
        "text": f"Kết luận mục {number}.",
        "tasks": [
            {"title": f"Nhiệm vụ {number}.{n}", "lead": [meeting.department_id]}
            for n in range(1, tasks + 1)
        ],
    }


def test_items_carry_their_tasks_in_order_and_keep_the_posted_order(
    api: Api,
) -> None:
    meeting = api.open_meeting()
    path = f"{BASE}/{meeting.meeting_id}/conclusion"
    speech_id = api.speech(meeting)
    first = api.ok(
        path,
        {
            "speech_id": speech_id,
            "items": [item(meeting, "2", 3), item(meeting, "3", 1)],
        },
    )
    second = api.ok(
        path,
        {
            "speech_id": speech_id,
            "items": [
                item(meeting, "1", 2),
                item(meeting, "2", 3),
                item(meeting, "3", 1),
            ],
        },
    )
    conclusion = api.get(f"{BASE}/{meeting.meeting_id}").get_json()["conclusion"]
    assert [entry["number"] for entry in conclusion] == ["1", "2", "3"]
    by_number = {entry["number"]: entry["task_ids"] for entry in conclusion}
    assert first["assignment_ids"] == by_number["2"] + by_number["3"]
    assert second["assignment_ids"] == by_number["1"]
    assert [len(by_number[n]) for n in ("1", "2", "3")] == [2, 3, 1]
    titles = [
        api.get(f"/api/v1/assignments/{task_id}").get_json()["title"]
        for task_id in by_number["2"]
    ]
    assert titles == ["Nhiệm vụ 2.1", "Nhiệm vụ 2.2", "Nhiệm vụ 2.3"]
