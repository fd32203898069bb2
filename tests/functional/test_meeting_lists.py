"""Meetings and their points listed from the read models, and reading your writes."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from service.readmodel.projector import Projector
from tests.functional.support import MEETING_START, Api, problem

MEETINGS = "/api/v1/meetings"


def test_meetings_list_newest_first_and_pages_with_a_cursor(api: Api) -> None:
    committee_id = api.committee()
    first = api.meeting(committee_id)
    later = api.created(
        MEETINGS,
        {
            "committee_id": committee_id,
            "title": "Phiên họp thứ hai",
            "format": "hybrid",
            "starts_at": "2022-03-17T14:00:00+07:00",
        },
    )
    page = api.read(MEETINGS, committee_id=committee_id, limit=1)
    assert [m["id"] for m in page["items"]] == [later]
    assert page["items"][0]["format"] == "hybrid"
    rest = api.read(MEETINGS, committee_id=committee_id, cursor=page["next_cursor"])
    assert [m["id"] for m in rest["items"]] == [first]
    assert rest["next_cursor"] is None


def test_meetings_filter_by_status_format_and_start(api: Api) -> None:
    meeting = api.open_meeting()
    other = api.meeting(meeting.committee_id)
    mine = {"committee_id": meeting.committee_id}
    opened = api.read(MEETINGS, status="open", **mine)["items"]
    assert [m["id"] for m in opened] == [meeting.meeting_id]
    assert opened[0]["point_count"] == 1
    assert {m["id"] for m in api.read(MEETINGS, format="online", **mine)["items"]} == {
        meeting.meeting_id,
        other,
    }
    assert api.read(MEETINGS, format="hybrid", **mine)["items"] == []
    after = api.read(MEETINGS, starts_from="2021-12-10T08:00:00+07:00", **mine)
    before = api.read(MEETINGS, starts_before="2021-12-10T08:00:00+07:00", **mine)
    assert len(after["items"]) == 2
    assert before["items"] == []


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"status": "postponed"}, "status"),
        ({"format": "radio"}, "format"),
        ({"starts_from": "2021-12-10T08:00:00"}, "starts_from"),
        ({"limit": 201}, "limit"),
        ({"committee_id": "not-an-id"}, "committee_id"),
        ({"cursor": "bm90IGEgY3Vyc29y"}, "cursor"),
    ],
)
def test_bad_meeting_filters_are_422_on_their_field(
    api: Api, query: dict[str, object], field: str
) -> None:
    assert field in problem(api.get(MEETINGS, **query), 422)["errors"]


def test_meeting_points_are_listed_in_registration_order(api: Api) -> None:
    meeting = api.open_meeting()
    base = f"{MEETINGS}/{meeting.meeting_id}/points"
    second = api.created(base, {"name": "UBND huyện Bát Xát", "level": "district"})
    api.ok(f"{base}/{meeting.host_point_id}/connect")
    api.put(f"{base}/{second}/attendance", {"person_ids": [], "attendee_count": 40})
    points = api.read(base)["items"]
    assert [p["id"] for p in points] == [meeting.host_point_id, second]
    assert points[0]["is_host"] is True and points[0]["connected"] is True
    assert points[1]["attendee_count"] == 40


def test_points_of_an_unknown_meeting_are_an_empty_list(api: Api) -> None:
    unknown = "00000000-0000-4000-8000-000000000000"
    assert api.read(f"{MEETINGS}/{unknown}/points") == {"items": []}


# -- read your writes -------------------------------------------------------


@pytest.fixture
def projecting(api: Api) -> Iterator[None]:
    """A projector following the log in a thread, as in production."""
    app = api.client.application
    projector = Projector(
        app.extensions["steerlog"], app.extensions["steerlog.read"].read_model
    )
    stop = threading.Event()
    thread = threading.Thread(target=projector.run, args=(stop, 0.05))
    thread.start()
    yield
    stop.set()
    thread.join()


def test_a_read_after_a_write_waits_until_it_is_projected(
    api: Api, projecting: None
) -> None:
    committee_id = api.committee()
    written = api.post(
        MEETINGS,
        {
            "committee_id": committee_id,
            "title": "Hội nghị sơ kết",
            "format": "in_person",
            "starts_at": "2022-06-01T08:00:00+07:00",
        },
    )
    position = int(written.headers["X-Steerlog-Position"])
    response = api.get(MEETINGS, committee_id=committee_id, after=position)
    assert response.status_code == 200
    assert int(response.headers["X-Steerlog-Read-Position"]) >= position
    assert [m["title"] for m in response.get_json()["items"]] == ["Hội nghị sơ kết"]


def test_the_after_header_waits_like_the_query_argument(
    api: Api, projecting: None
) -> None:
    committee_id = api.committee()
    written = api.post(
        MEETINGS,
        {
            "committee_id": committee_id,
            "title": "Phiên họp định kỳ",
            "format": "online",
            "starts_at": MEETING_START,
        },
    )
    position = written.headers["X-Steerlog-Position"]
    response = api.client.get(
        MEETINGS,
        query_string={"committee_id": committee_id},
        headers={"X-Steerlog-After": position},
    )
    assert int(response.headers["X-Steerlog-Read-Position"]) >= int(position)
    assert len(response.get_json()["items"]) == 1


def test_a_position_beyond_the_log_is_a_422_on_after(api: Api) -> None:
    body = problem(api.get(MEETINGS, after=10**15), 422)
    assert "after" in body["errors"]


def test_a_negative_position_is_a_422_on_after(api: Api) -> None:
    assert "after" in problem(api.get(MEETINGS, after=-1), 422)["errors"]
