"""History over HTTP: every event of an aggregate, with actor, page by page."""

from __future__ import annotations

from uuid import uuid4

from tests.functional.support import Api, problem

HISTORY = "/api/v1/history"


def test_history_lists_every_event_oldest_first(api: Api) -> None:
    meeting = api.open_meeting()
    body = api.get(f"{HISTORY}/{meeting.meeting_id}").get_json()
    events = [entry["event"] for entry in body["items"]]
    assert events == ["Scheduled", "ConnectionPointAdded", "ChairAssigned", "Opened"]
    assert [entry["version"] for entry in body["items"]] == [1, 2, 3, 4]
    assert body["next_cursor"] is None
    opened = body["items"][-1]
    assert opened["data"]["at"] == "2021-12-10T08:05:00+07:00"
    assert opened["recorded_at"].endswith("+07:00")  # the committee's zone


def test_history_pages_follow_the_cursor_to_the_end(api: Api) -> None:
    meeting = api.open_meeting()
    path = f"{HISTORY}/{meeting.meeting_id}"
    first = api.get(path, limit=3).get_json()
    assert [e["version"] for e in first["items"]] == [1, 2, 3]
    assert first["next_cursor"] is not None
    second = api.get(path, limit=3, cursor=first["next_cursor"]).get_json()
    assert [e["version"] for e in second["items"]] == [4]
    assert second["next_cursor"] is None


def test_history_of_any_kind_of_aggregate(api: Api) -> None:
    meeting = api.open_meeting()
    [assignment_id] = api.conclude(meeting)
    for aggregate_id in (meeting.committee_id, meeting.chair_id, assignment_id):
        body = api.get(f"{HISTORY}/{aggregate_id}").get_json()
        assert body["items"][0]["version"] == 1


def test_history_of_nothing_is_a_404_and_bad_paging_a_422(api: Api) -> None:
    problem(api.get(f"{HISTORY}/{uuid4()}"), 404)
    committee_id = api.committee()
    bad = api.get(f"{HISTORY}/{committee_id}", limit=0, cursor="abc")
    assert set(problem(bad, 422)["errors"]) == {"limit", "cursor"}
