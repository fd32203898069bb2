"""An account reads its own writes without asking; others are not kept waiting.

A projector follows the log in a thread, as in production; no read here passes
``after``: the account's last write position is remembered by the service.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from service.readmodel.projector import Projector
from service.usecases.steerlog import Steerlog
from tests.functional.support import Api, admin_token
from tests.functional.test_assignments import BASE, BY_DECISION, issue


@pytest.fixture
def projecting(api: Api) -> Iterator[None]:
    """A projector following the log in a thread, a little behind the writes."""
    app = api.client.application
    projector = Projector(
        app.extensions["steerlog"], app.extensions["steerlog.read"].read_model
    )
    stop = threading.Event()
    thread = threading.Thread(target=projector.run, args=(stop, 0.2))
    thread.start()
    yield
    stop.set()
    thread.join()


def test_a_list_right_after_a_supersede_shows_it_without_after(
    api: Api, projecting: None
) -> None:
    lead = api.agency("Sở Xây dựng")
    old, new = issue(api, [lead]), issue(api, [lead])
    body = {"by_assignment_id": new, "authority": BY_DECISION, "reason": "Thay thế"}
    written = api.ok(f"{BASE}/{old}/supersede", body)
    response = api.get(BASE, status="superseded", agency_id=lead)
    assert response.status_code == 200
    assert int(response.headers["X-Steerlog-Read-Position"]) >= written["position"]
    assert [task["id"] for task in response.get_json()["items"]] == [old]


def test_drafting_right_after_registering_an_agency_knows_it(
    api: Api, projecting: None
) -> None:
    meeting = api.open_meeting()
    # Tests on PostgreSQL share one directory: a unique name, the text's as alias.
    alias = "Ban Dân tộc"
    text = f"1. Giao {alias} rà soát chính sách dân tộc, trước ngày 30/6/2022."
    path = f"/api/v1/meetings/{meeting.meeting_id}/conclusions/extract"
    api.project()
    before = api.client.post(path, json={"text": text}).get_json()
    assert [a["name"] for a in before["agencies_proposed"]] == [alias]
    body = {"name": api.name(alias), "aliases": [alias], "kind": "department"}
    api.created("/api/v1/agencies", body)
    draft = api.client.post(path, json={"text": text}).get_json()
    assert [a["name"] for a in draft["agencies_proposed"]] == []
    task = draft["conclusion"]["items"][0]["tasks"][0]
    assert task["lead"] != []


def test_the_same_account_through_another_token_reads_its_write(
    api: Api, projecting: None
) -> None:
    application: Steerlog = api.client.application.extensions["steerlog"]
    other = Api(api.client.application.test_client(), admin_token(application))
    committee_id = api.committee("Ban Chỉ đạo Cải cách hành chính")
    listed = other.get("/api/v1/meetings", committee_id=committee_id)
    assert listed.status_code == 200
    meeting_id = api.meeting(committee_id)
    found = other.get("/api/v1/meetings", committee_id=committee_id).get_json()
    assert [m["id"] for m in found["items"]] == [meeting_id]


def reader(api: Api) -> Api:
    """Another account, one that has never written."""
    application: Steerlog = api.client.application.extensions["steerlog"]
    token = admin_token(application, login=f"nguoi.doc.{api.token}")
    return Api(api.client.application.test_client(), token)


def test_an_account_that_has_not_written_is_answered_at_once(api: Api) -> None:
    quiet = reader(api)
    api.project()
    committee_id = api.committee("Ban Chỉ đạo Chuyển đổi số huyện")
    written = api.post(
        "/api/v1/meetings",
        {
            "committee_id": committee_id,
            "title": "Chưa chiếu",
            "format": "online",
            "starts_at": "2022-03-01T08:00:00+07:00",
        },
    )
    # No projector runs: a reader waiting for the write would wait 5 s, then
    # answer stale; this one is not waiting for anything.
    response = quiet.get("/api/v1/meetings", committee_id=committee_id)
    position = int(written.headers["X-Steerlog-Position"])
    assert int(response.headers["X-Steerlog-Read-Position"]) < position
    body: dict[str, Any] = response.get_json()
    assert body["items"] == []
