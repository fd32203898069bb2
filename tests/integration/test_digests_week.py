"""Two schedulers against one database for a simulated week: each digest sent once."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta
from uuid import UUID

import pytest

from domain.digest import DeliveryState, Digest
from service.digests import jobs
from service.digests.schedule import fire_times
from service.settings import Settings
from tests.integration.test_digests_support import (
    FakeClock,
    Scheduler,
    SmtpServer,
    scheduler,
    subscribe_all,
    with_smtp,
)
from tests.scenario import ICT, MEETING_DAY, conclude, open_meeting

WEEK_START = datetime(2022, 1, 3, 0, 0, tzinfo=ICT)  # a Monday
STEP = timedelta(minutes=30)
OUTAGE = (
    datetime(2022, 1, 5, 6, 0, tzinfo=ICT),
    datetime(2022, 1, 5, 9, 0, tzinfo=ICT),
)


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


def tick(
    one: Scheduler, since: datetime, now: datetime, errors: list[BaseException]
) -> None:
    """What one scheduler process does between two ticks: due jobs, then retries."""
    try:
        if since == now:
            jobs.catch_up(one.service)  # at start
        for spec in jobs.issue_jobs(one.service):
            if fire_times(spec.trigger, since + timedelta(microseconds=1), now):
                spec.func(*spec.args)
        jobs.deliver_pending(one.service)
    except BaseException as error:  # surfaced in the test's thread
        errors.append(error)


def test_two_schedulers_for_a_week_deliver_every_digest_exactly_once(
    settings: Settings, smtp: SmtpServer
) -> None:
    clock = FakeClock(MEETING_DAY + timedelta(hours=4))  # after the conclusion
    mailing = with_smtp(settings, smtp)
    schedulers = [scheduler(mailing, clock), scheduler(mailing, clock)]
    first = schedulers[0]
    s = open_meeting(first.app)
    conclude(first.app, s)
    subscribe_all(first.app, s)
    errors: list[BaseException] = []

    since = now = WEEK_START
    clock.set(now)
    while now < WEEK_START + timedelta(days=7):
        if now == OUTAGE[0]:
            smtp.stop()
        if now == OUTAGE[1]:
            smtp.start()
        first.projector.catch_up()  # the projector process
        threads = [
            threading.Thread(target=tick, args=(one, since, now, errors))
            for one in schedulers
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        since, now = now, now + STEP
        clock.set(now)
    first.projector.catch_up()

    assert errors == []
    listed = first.service.read_side.digests(state=None)
    digest_ids = [UUID(row.id) for row in listed.items]
    sent = Counter(smtp.inbox.message_ids())
    assert set(sent.values()) == {1}
    assert sorted(sent) == sorted(f"<digest.{i}@quangnam.gov.vn>" for i in digest_ids)
    digests = [first.app.load(Digest, i) for i in digest_ids]
    assert all(d.state is DeliveryState.DELIVERED for d in digests)
    on_time = sorted(
        d.period_start.day
        for d in digests
        if d.recipient_id == s.district_a_id and not d.late
    )
    assert on_time == [3, 4, 5, 6, 7, 8, 9]  # every day of the week, once
    wednesday = next(
        d
        for d in digests
        if d.recipient_id == s.district_a_id and d.period_start.day == 5
    )
    assert wednesday.attempts > 1  # failed during the outage, then went out
    for one in schedulers:
        one.close()
