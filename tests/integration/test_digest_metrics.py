"""Digests issued, sent and failed are counted where the scheduler works."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from prometheus_client import REGISTRY

from service.digests import jobs
from service.settings import Settings
from tests.integration.test_digests_support import (
    FakeClock,
    Scheduler,
    SmtpServer,
    scheduler,
    subscribe_all,
    with_smtp,
)
from tests.scenario import ICT, conclude, open_meeting

COUNTERS = ("issued", "sent", "failed")


def counts() -> dict[str, float]:
    """The digest counters of this process now."""
    return {
        name: REGISTRY.get_sample_value(f"steerlog_digests_{name}_total") or 0.0
        for name in COUNTERS
    }


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2021, 12, 11, 7, 0, tzinfo=ICT))


@pytest.fixture
def one(settings: Settings, smtp: SmtpServer, clock: FakeClock) -> Iterator[Scheduler]:
    running = scheduler(with_smtp(settings, smtp), clock)
    yield running
    running.close()


def test_a_failed_delivery_then_its_retry_are_counted(
    one: Scheduler, smtp: SmtpServer, clock: FakeClock
) -> None:
    s = open_meeting(one.app)
    conclude(one.app, s)
    subscribe_all(one.app, s)
    one.projector.catch_up()
    before = counts()
    smtp.stop()
    issued = jobs.issue_digests(one.service, str(s.committee_id), "daily")
    after_failure = counts()
    assert issued > 0
    assert after_failure["issued"] - before["issued"] == issued
    assert after_failure["failed"] - before["failed"] == issued
    assert after_failure["sent"] == before["sent"]
    smtp.start()
    clock.set(clock() + timedelta(minutes=1))
    one.projector.catch_up()
    assert one.service.deliver_pending() == issued
    assert counts()["sent"] - before["sent"] == issued
