"""Two clients edit one meeting with the same If-Match: one wins, none is lost."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

from flask import Flask

from tests.functional.support import Api

MEETINGS = "/api/v1/meetings"


def agenda_titles(api: Api, meeting_id: str) -> list[str]:
    """Agenda items added, according to the meeting's history."""
    items = api.get(f"/api/v1/history/{meeting_id}", limit=200).get_json()["items"]
    return [e["data"]["title"] for e in items if e["event"] == "AgendaItemAdded"]


def test_second_write_with_the_same_if_match_is_a_412_and_not_stored(
    api: Api,
) -> None:
    meeting_id = api.meeting(api.committee())
    version = int(api.get(f"{MEETINGS}/{meeting_id}").headers["ETag"].strip('"'))
    path = f"{MEETINGS}/{meeting_id}/agenda"
    first = api.post(path, {"title": "Báo cáo của Sở TT&TT"}, if_match=version)
    second = api.post(path, {"title": "Báo cáo của Sở Tài chính"}, if_match=version)
    assert (first.status_code, second.status_code) == (200, 412)
    assert agenda_titles(api, meeting_id) == ["Báo cáo của Sở TT&TT"]
    meeting = api.get(f"{MEETINGS}/{meeting_id}")
    assert meeting.headers["ETag"] == f'"{version + 1}"'


def test_simultaneous_writes_with_the_same_if_match_keep_exactly_one(
    api: Api, web_app: Flask
) -> None:
    meeting_id = api.meeting(api.committee())
    path = f"{MEETINGS}/{meeting_id}/agenda"
    titles = ["Nội dung của Văn phòng", "Nội dung của Sở Nội vụ"]
    start = Barrier(len(titles))

    def add(title: str) -> int:
        client = Api(web_app.test_client())
        start.wait()
        return client.post(path, {"title": title}, if_match=1).status_code

    with ThreadPoolExecutor(len(titles)) as pool:
        statuses = sorted(pool.map(add, titles))
    # The loser either saw the winner's version (412) or lost the race to
    # store its event (409); either way, only the winner's change is kept.
    assert statuses[0] == 200
    assert statuses[1] in (409, 412)
    kept = agenda_titles(api, meeting_id)
    assert len(kept) == 1 and kept[0] in titles
