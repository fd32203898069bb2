"""Carry-over: a meeting reviews the committee's open tasks from earlier meetings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.functional.support import Api, problem

BASE = "/api/v1/meetings"
LINEAGE = "/api/v1/lineage"


@dataclass(frozen=True)
class Committee:
    """A committee with a department, a chair, and the ids the tests use."""

    committee_id: str
    department_id: str
    chair_id: str


def committee(api: Api) -> Committee:
    """A committee whose meetings the chair chairs."""
    return Committee(
        api.committee(),
        api.agency("Sở Thông tin và Truyền thông"),
        api.person("Trịnh Văn Thắng", "Chủ tịch UBND tỉnh"),
    )


def open_meeting(api: Api, of: Committee, day: str) -> str:
    """A meeting of the committee on ``day``, scheduled, chaired and opened."""
    meeting_id = api.created(
        BASE,
        {
            "committee_id": of.committee_id,
            "title": f"Hội nghị ngày {day}",
            "format": "online",
            "starts_at": f"{day}T08:00:00+07:00",
        },
    )
    api.ok(f"{BASE}/{meeting_id}/chairs", {"person_id": of.chair_id})
    api.ok(f"{BASE}/{meeting_id}/open", {"at": f"{day}T08:05:00+07:00"})
    return meeting_id


def conclude(
    api: Api, of: Committee, meeting_id: str, day: str, items: list[dict[str, Any]]
) -> list[str]:
    """The chair concludes with ``items``; the ids of the tasks issued."""
    speech_id = api.created(
        f"{BASE}/{meeting_id}/speeches",
        {
            "speaker_id": of.chair_id,
            "kind": "conclusion",
            "text": "Kết luận.",
            "spoken_at": f"{day}T11:00:00+07:00",
        },
    )
    body = {"speech_id": speech_id, "items": items}
    result = api.ok(f"{BASE}/{meeting_id}/conclusion", body)
    return [str(task_id) for task_id in result["assignment_ids"]]


def task_item(of: Committee, number: str, title: str) -> dict[str, Any]:
    """An item assigning one task to the department, due in 2099."""
    return {
        "number": number,
        "text": f"Giao Sở TT&TT: {title}.",
        "tasks": [
            {"title": title, "lead": [of.department_id], "deadline": "2099-06-30"}
        ],
    }


def earlier_meetings(api: Api, of: Committee) -> tuple[str, str, str]:
    """Two concluded meetings: tasks one and three open, task two done."""
    first = open_meeting(api, of, "2021-12-10")
    one, two = conclude(
        api,
        of,
        first,
        "2021-12-10",
        [task_item(of, "1", "Nhiệm vụ một"), task_item(of, "2", "Nhiệm vụ hai")],
    )
    done = {"agency_id": of.department_id, "evidence": "Báo cáo số 5/BC-STTTT"}
    api.ok(
        f"/api/v1/assignments/{two}/completions", {**done, "completed_on": "2021-12-20"}
    )
    second = open_meeting(api, of, "2021-12-24")
    [three] = conclude(
        api, of, second, "2021-12-24", [task_item(of, "1", "Nhiệm vụ ba")]
    )
    return one, two, three


def schedule(api: Api, of: Committee, day: str) -> str:
    """A meeting of the committee scheduled for ``day``."""
    body = {
        "committee_id": of.committee_id,
        "title": "Hội nghị rà soát nhiệm vụ",
        "format": "hybrid",
        "starts_at": f"{day}T08:00:00+07:00",
    }
    return api.created(BASE, body)


def test_open_tasks_of_two_earlier_meetings_are_reviewed_once_each(api: Api) -> None:
    of = committee(api)
    one, two, three = earlier_meetings(api, of)
    review = schedule(api, of, "2022-01-10")
    api.project()
    path = f"{BASE}/{review}/open-task-reviews"
    first = api.ok(path)
    assert sorted(first["assignment_ids"]) == sorted([one, three])
    again = api.ok(path)
    assert again["assignment_ids"] == []
    meeting = api.get(f"{BASE}/{review}").get_json()
    assert sorted(entry["title"] for entry in meeting["agenda"]) == [
        "Nhiệm vụ ba",
        "Nhiệm vụ một",
    ]
    assert [entry["number"] for entry in meeting["agenda"]] == [1, 2]
    up = api.read(f"{LINEAGE}/meeting/{review}", direction="up", depth=1)
    reviews = {e["dst"] for e in up["edges"] if e["edge"] == "reviews"}
    assert reviews == {f"assignment:{one}", f"assignment:{three}"}
    assert f"assignment:{two}" not in {node["key"] for node in up["nodes"]}


def test_a_meeting_does_not_review_its_own_tasks_nor_after_closing(api: Api) -> None:
    of = committee(api)
    meeting_id = open_meeting(api, of, "2021-12-10")
    conclude(api, of, meeting_id, "2021-12-10", [task_item(of, "1", "Nhiệm vụ một")])
    api.project()
    path = f"{BASE}/{meeting_id}/open-task-reviews"
    assert api.ok(path)["assignment_ids"] == []
    api.ok(f"{BASE}/{meeting_id}/close", {"at": "2021-12-10T12:00:00+07:00"})
    assert problem(api.post(path), 409)["rule"] == "meeting_closed"


def test_a_decision_on_a_reviewed_task_is_its_own_command_by_this_meetings_item(
    api: Api,
) -> None:
    of = committee(api)
    one, _, three = earlier_meetings(api, of)
    review = schedule(api, of, "2022-01-10")
    api.project()
    api.ok(f"{BASE}/{review}/open-task-reviews")
    api.ok(f"{BASE}/{review}/chairs", {"person_id": of.chair_id})
    api.ok(f"{BASE}/{review}/open", {"at": "2022-01-10T08:05:00+07:00"})
    decided = [
        {"number": "1", "text": "Gia hạn Nhiệm vụ một đến 31/12/2099."},
        {"number": "2", "text": "Hủy Nhiệm vụ ba."},
    ]
    conclude(api, of, review, "2022-01-10", decided)
    extend = {
        "deadline": "2099-12-31",
        "authority": {"meeting_id": review, "item_number": "1"},
        "reason": "Hội nghị rà soát đồng ý gia hạn",
    }
    api.ok(f"/api/v1/assignments/{one}/extensions", extend)
    cancel = {
        "authority": {"meeting_id": review, "item_number": "2"},
        "reason": "Không còn phù hợp",
    }
    api.ok(f"/api/v1/assignments/{three}/cancel", cancel)
    for task_id, kind, number in ((one, "extends", "1"), (three, "cancels", "2")):
        down = api.read(f"{LINEAGE}/assignment/{task_id}", direction="down", depth=1)
        assert f"meeting:{review}" in {node["key"] for node in down["nodes"]}
        up = api.read(f"{LINEAGE}/assignment/{task_id}", direction="up", depth=2)
        edges = {(e["src"], e["dst"], e["edge"]) for e in up["edges"]}
        item = f"item:{review}#{number}"
        assert (f"assignment:{task_id}", item, kind) in edges
        assert (item, f"meeting:{review}", "issued_at") in edges
    assert api.get(f"/api/v1/assignments/{three}").get_json()["status"] == "cancelled"
