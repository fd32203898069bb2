"""The assignment tracker and statistics over HTTP: filters, days, statuses, rates."""

from __future__ import annotations

from typing import Any

import pytest

from tests.functional.support import Api, OpenMeeting, problem

TRACKER = "/api/v1/assignments"


def conclude(api: Api, meeting: OpenMeeting, tasks: list[dict[str, Any]]) -> list[str]:
    """Issue one item per task; the assignments' ids in order."""
    body = {
        "speech_id": api.speech(meeting),
        "items": [
            {"number": str(n), "text": f"Nội dung kết luận {n}.", "tasks": [task]}
            for n, task in enumerate(tasks, start=1)
        ],
    }
    result = api.ok(f"/api/v1/meetings/{meeting.meeting_id}/conclusion", body)
    return [str(i) for i in result["assignment_ids"]]


def task(lead: str, deadline: str | None, title: str = "Báo cáo") -> dict[str, Any]:
    """A task led by one agency."""
    return {"title": title, "lead": [lead], "deadline": deadline}


def ids(page: dict[str, Any]) -> list[str]:
    """The ids of a page's items."""
    return [item["id"] for item in page["items"]]


def test_tracker_lists_by_due_date_with_status_on_the_day(api: Api) -> None:
    meeting = api.open_meeting()
    late, early = conclude(
        api,
        meeting,
        [
            task(meeting.department_id, "2022-03-31"),
            task(meeting.finance_id, "2022-01-15"),
        ],
    )
    mine = {"meeting_id": meeting.meeting_id}
    page = api.read(TRACKER, day="2022-02-01", **mine)
    assert ids(page) == [early, late]
    assert [a["status"] for a in page["items"]] == ["overdue", "in_progress"]
    lead = [a for a in page["items"][0]["agencies"] if a["role"] == "lead"]
    assert lead[0]["agency_id"] == meeting.finance_id
    overdue = api.read(TRACKER, day="2022-02-01", status="overdue", **mine)
    assert ids(overdue) == [early]
    assert ids(api.read(TRACKER, status="overdue", **mine)) == [early, late]


def test_tracker_filters_by_agency_committee_speaker_and_due_dates(api: Api) -> None:
    meeting = api.open_meeting()
    department, finance = conclude(
        api,
        meeting,
        [
            task(meeting.department_id, "2022-03-31"),
            task(meeting.finance_id, "2022-01-15"),
        ],
    )
    assert ids(api.read(TRACKER, agency_id=meeting.finance_id)) == [finance]
    by_committee = api.read(TRACKER, committee_id=meeting.committee_id)
    assert set(ids(by_committee)) == {department, finance}
    by_speaker = api.read(TRACKER, speaker_id=meeting.chair_id)
    assert set(ids(by_speaker)) == {department, finance}
    window = {"due_from": "2022-02-01", "due_to": "2022-03-31"}
    assert ids(api.read(TRACKER, meeting_id=meeting.meeting_id, **window)) == [
        department
    ]


def test_tracker_by_a_group_includes_its_members_tasks(api: Api) -> None:
    meeting = api.open_meeting()
    group = api.agency(
        "Các Sở, Ban, ngành",
        kind="group",
        member_ids=[meeting.department_id, meeting.finance_id],
    )
    [assignment] = conclude(api, meeting, [task(meeting.finance_id, "2022-01-15")])
    assert ids(api.read(TRACKER, agency_id=group)) == [assignment]


def test_tracker_pages_with_a_cursor(api: Api) -> None:
    meeting = api.open_meeting()
    first, second = conclude(
        api,
        meeting,
        [
            task(meeting.department_id, "2022-01-15"),
            task(meeting.finance_id, "2022-03-31"),
        ],
    )
    page = api.read(TRACKER, meeting_id=meeting.meeting_id, limit=1)
    assert ids(page) == [first]
    rest = api.read(
        TRACKER, meeting_id=meeting.meeting_id, limit=1, cursor=page["next_cursor"]
    )
    assert ids(rest) == [second] and rest["next_cursor"] is None


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"status": "late"}, "status"),
        ({"day": "10/02/2022"}, "day"),
        ({"due_from": "2022-13-01"}, "due_from"),
        ({"agency_id": "x"}, "agency_id"),
        ({"limit": 0}, "limit"),
        ({"cursor": "%%%"}, "cursor"),
        ({"cursor": "WzFd"}, "cursor"),
    ],
)
def test_bad_tracker_filters_are_422_on_their_field(
    api: Api, query: dict[str, object], field: str
) -> None:
    assert field in problem(api.get(TRACKER, **query), 422)["errors"]


def test_statistics_count_each_status_and_the_on_time_rate(api: Api) -> None:
    meeting = api.open_meeting()
    done, late, _open = conclude(
        api,
        meeting,
        [
            task(meeting.department_id, "2022-01-15"),
            task(meeting.department_id, "2022-01-15"),
            task(meeting.finance_id, "2022-06-30"),
        ],
    )
    for assignment, day in ((done, "2022-01-10"), (late, "2022-01-20")):
        completion = {
            "agency_id": meeting.department_id,
            "evidence": "Công văn báo cáo số 12/STTTT",
            "completed_on": day,
        }
        api.ok(f"{TRACKER}/{assignment}/completions", completion)
    query = {"committee_id": meeting.committee_id, "day": "2022-02-01"}
    agencies = {
        row["id"]: row
        for row in api.read("/api/v1/statistics/agencies", **query)["items"]
    }
    department = agencies[meeting.department_id]
    assert (department["done_on_time"], department["done_late"]) == (1, 1)
    assert department["on_time_rate"] == 0.5
    assert agencies[meeting.finance_id]["in_progress"] == 1
    assert agencies[meeting.finance_id]["on_time_rate"] is None
    [committee] = api.read("/api/v1/statistics/committees", **query)["items"]
    assert committee["id"] == meeting.committee_id
    assert committee["total"] == 3 and committee["in_progress"] == 1


def test_statistics_on_a_later_day_count_overdue_work(api: Api) -> None:
    meeting = api.open_meeting()
    conclude(api, meeting, [task(meeting.finance_id, "2022-06-30")])
    query = {"committee_id": meeting.committee_id}
    [committee] = api.read("/api/v1/statistics/committees", **query)["items"]
    assert committee["overdue"] == 1  # today is long past mid-2022


def test_statistics_refuse_a_malformed_day(api: Api) -> None:
    response = api.get("/api/v1/statistics/agencies", day="yesterday")
    assert "day" in problem(response, 422)["errors"]
