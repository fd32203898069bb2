"""The digests over HTTP: the JSON API, and the pages people read."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

import pytest
from flask import Flask

from domain.digest import Digest, DigestKind
from service.readmodel.readside import ReadSide
from service.settings import Settings
from tests.functional.support import admin_token
from tests.integration.test_digests_support import (
    FakeClock,
    Scheduler,
    SmtpServer,
    scheduler,
    subscribe_all,
    with_smtp,
)
from tests.scenario import ICT, conclude, open_meeting
from web.app import create_app


@pytest.fixture
def issued(settings: Settings) -> Iterator[Scheduler]:
    server = SmtpServer()
    server.start()
    one = scheduler(
        with_smtp(settings, server), FakeClock(datetime(2021, 12, 11, 7, 0, tzinfo=ICT))
    )
    s = open_meeting(one.app)
    conclude(one.app, s)
    subscribe_all(one.app, s)
    one.projector.catch_up()
    due = one.service.current(s.committee_id, DigestKind.DAILY)
    assert due is not None
    one.service.issue(due)
    one.projector.catch_up()
    yield one
    one.close()
    server.stop()


def client_of(one: Scheduler) -> Any:
    app: Flask = create_app(
        {"STEERLOG_SECRET_KEY": "test-key-" * 6},
        application=one.app,
        read_side=ReadSide(one.service.read_side.read_model),
    )
    client = app.test_client()
    token = admin_token(one.app)
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client


def test_digests_are_listed_newest_first_a_page_at_a_time_and_read_one_by_one(
    issued: Scheduler,
) -> None:
    client = client_of(issued)

    first = client.get("/api/v1/digests?limit=2").get_json()
    second = client.get(
        f"/api/v1/digests?limit=2&cursor={first['next_cursor']}"
    ).get_json()

    assert len(first["items"]) == 2 and len(second["items"]) == 1
    assert second["next_cursor"] is None
    summary = second["items"][0]
    assert summary["state"] == "delivered" and summary["counts"]
    one = client.get(f"/api/v1/digests/{summary['id']}")
    assert one.status_code == 200
    body = one.get_json()
    assert body["period_start"] == "2021-12-11"
    assert body["lines"][0]["section"] == "new"
    assert one.headers["ETag"] == f'"{body["version"]}"'
    assert client.get("/api/v1/digests?state=nonsense").status_code == 422


def test_the_digest_pages_list_digests_and_show_one_as_it_was_sent(
    issued: Scheduler,
) -> None:
    client = client_of(issued)
    listing = client.get("/digests")
    assert listing.status_code == 200 and listing.mimetype == "text/html"
    html = listing.get_data(as_text=True)
    assert "Bản tin đôn đốc" in html and "hằng ngày" in html
    digest_id = client.get("/api/v1/digests?limit=1").get_json()["items"][0]["id"]
    assert f"/digests/{digest_id}" in html
    page = client.get(f"/digests/{digest_id}")
    assert page.status_code == 200 and page.mimetype == "text/html"
    sent = issued.service.render(issued.service.app.load(Digest, UUID(digest_id)))
    assert page.get_data(as_text=True) == sent.html
    assert client.get(f"/digests/{uuid4()}").status_code == 404
