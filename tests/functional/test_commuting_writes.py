"""Appends that commute are tried again by the service: racing writers all get in.

Without ``If-Match`` a speech or a connection point that loses the race to store
its event is recorded on another try; with a stale ``If-Match`` it is still 412.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

from flask import Flask

from tests.functional.support import Api, OpenMeeting

WRITERS = 8


def history_of(api: Api, meeting_id: str, event: str) -> list[dict[str, object]]:
    """The data of the meeting's events of one kind, oldest first."""
    path = f"/api/v1/history/{meeting_id}"
    items = api.get(path, limit=200).get_json()["items"]
    return [e["data"] for e in items if e["event"] == event]


def speech_body(meeting: OpenMeeting, n: int) -> dict[str, object]:
    """The n-th secretary's speech, recorded at the host point."""
    return {
        "speaker_id": meeting.chair_id,
        "kind": "discussion",
        "point_id": meeting.host_point_id,
        "text": f"Ý kiến thảo luận số {n} về chuyển đổi số.",
        "spoken_at": f"2021-12-10T09:{n:02d}:00+07:00",
    }


def race(web_app: Flask, path: str, bodies: list[dict[str, object]]) -> list[int]:
    """Post every body at once, one client each, without If-Match; the statuses."""
    clients = [Api(web_app.test_client()) for _ in bodies]
    start = Barrier(len(bodies))

    def post(n: int) -> int:
        start.wait()
        return clients[n].post(path, bodies[n]).status_code

    with ThreadPoolExecutor(len(bodies)) as pool:
        return list(pool.map(post, range(len(bodies))))


def test_eight_writers_appending_speeches_without_if_match_are_all_stored(
    api: Api, web_app: Flask
) -> None:
    meeting = api.open_meeting()
    path = f"/api/v1/meetings/{meeting.meeting_id}/speeches"
    bodies = [speech_body(meeting, n) for n in range(WRITERS)]
    statuses = race(web_app, path, bodies)
    assert statuses == [201] * WRITERS
    stored = history_of(api, meeting.meeting_id, "SpeechRecorded")
    assert sorted(str(s["text"]) for s in stored) == sorted(
        str(b["text"]) for b in bodies
    )


def test_eight_writers_adding_points_without_if_match_are_all_stored(
    api: Api, web_app: Flask
) -> None:
    meeting_id = api.meeting(api.committee())
    path = f"/api/v1/meetings/{meeting_id}/points"
    bodies: list[dict[str, object]] = [
        {"name": f"UBND huyện số {n}", "level": "district"} for n in range(WRITERS)
    ]
    assert race(web_app, path, bodies) == [201] * WRITERS
    added = history_of(api, meeting_id, "ConnectionPointAdded")
    assert sorted(str(p["name"]) for p in added) == sorted(
        str(b["name"]) for b in bodies
    )


def test_a_speech_with_a_stale_if_match_is_a_412_and_not_stored(api: Api) -> None:
    meeting = api.open_meeting()
    path = f"/api/v1/meetings/{meeting.meeting_id}/speeches"
    seen = int(api.get(f"/api/v1/meetings/{meeting.meeting_id}").headers["ETag"][1:-1])
    first = api.post(path, speech_body(meeting, 1), if_match=seen)
    stale = api.post(path, speech_body(meeting, 2), if_match=seen)
    assert (first.status_code, stale.status_code) == (201, 412)
    stored = history_of(api, meeting.meeting_id, "SpeechRecorded")
    assert [s["text"] for s in stored] == [speech_body(meeting, 1)["text"]]


def test_a_point_added_twice_at_once_is_stored_once_and_refused_once(
    api: Api, web_app: Flask
) -> None:
    meeting_id = api.meeting(api.committee())
    path = f"/api/v1/meetings/{meeting_id}/points"
    body: dict[str, object] = {"name": "UBND huyện Bát Xát", "level": "district"}
    statuses = sorted(race(web_app, path, [body, body]))
    # The loser's retry loads the winner's point: the rule, not the race, answers.
    assert statuses[0] == 201 and statuses[1] in (409, 422)
    assert len(history_of(api, meeting_id, "ConnectionPointAdded")) == 1
