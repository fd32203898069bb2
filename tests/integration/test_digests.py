"""Digests end to end on SQLite and PostgreSQL, sent to a real SMTP server."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import pytest

from domain.digest import DeliveryState, Digest
from service.digests import jobs
from service.settings import Settings
from tests.integration.test_digests_support import (
    BASE_URL,
    SENDER,
    FakeClock,
    Scheduler,
    SmtpServer,
    scheduler,
    subscribe_all,
    with_smtp,
)
from tests.scenario import ICT, Scenario, conclude, open_meeting

DAY_AFTER_MEETING = datetime(2021, 12, 11, 7, 0, tzinfo=ICT)


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(DAY_AFTER_MEETING)


@pytest.fixture
def mailing(settings: Settings, smtp: SmtpServer) -> Settings:
    return with_smtp(settings, smtp)


@pytest.fixture
def first(mailing: Settings, clock: FakeClock) -> Iterator[Scheduler]:
    one = scheduler(mailing, clock)
    yield one
    one.close()


@pytest.fixture
def scenario(first: Scheduler) -> Scenario:
    s = open_meeting(first.app)
    conclude(first.app, s)
    subscribe_all(first.app, s)
    first.projector.catch_up()
    return s


def events_of(app_scheduler: Scheduler, digest_id: UUID) -> list[str]:
    return [entry.event for entry in app_scheduler.app.history(digest_id)]


def run_daily(one: Scheduler, s: Scenario) -> int:
    one.projector.catch_up()
    return jobs.issue_digests(one.service, str(s.committee_id), "daily")


def test_daily_digest_is_vietnamese_multipart_with_links_to_each_item(
    first: Scheduler, scenario: Scenario, smtp: SmtpServer
) -> None:
    assert run_daily(first, scenario) == 3  # both districts and the department

    by_recipient = {str(m["To"]): m for m in smtp.inbox.messages}
    message = by_recipient["vanthu@nuithanh.quangnam.gov.vn"]
    assert message["Subject"] == (
        "[steerlog] Bản tin đôn đốc ngày 11/12/2021 — UBND huyện Núi Thành"
    )
    assert message["From"] == SENDER
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assignment_id = next(
        line.ref
        for line in first.app.load(Digest, UUID(str(message["Message-ID"])[8:44])).lines
    )
    link = f"{BASE_URL}/api/v1/assignments/{assignment_id}"
    for part in (text, html):
        assert "Nhiệm vụ mới được giao (1)" in part
        assert "xây dựng kế hoạch chuyển đổi số năm 2022" in part
        assert "hạn 31/12/2021 (còn 20 ngày)" in part
        assert link in part
    assert f'href="{link}"' in html


def test_digest_records_issue_attempt_and_delivery_with_its_message_id(
    first: Scheduler, scenario: Scenario, smtp: SmtpServer
) -> None:
    run_daily(first, scenario)

    message_id = smtp.inbox.message_ids()[0]
    digest = first.app.load(Digest, UUID(message_id[8:44]))
    assert digest.state is DeliveryState.DELIVERED
    assert digest.message_id == message_id
    assert (digest.period_start, digest.late) == (date(2021, 12, 11), False)
    assert digest.counts == {"new": 1}
    assert events_of(first, digest.id) == [
        "Issued",
        "DeliveryAttempted",
        "Delivered",
    ]


def test_running_a_period_again_issues_and_sends_nothing_new(
    first: Scheduler, scenario: Scenario, smtp: SmtpServer
) -> None:
    run_daily(first, scenario)
    assert run_daily(first, scenario) == 0  # the same period, once more
    assert first.service.deliver_pending() == 0
    assert len(smtp.inbox.messages) == 3


def test_two_schedulers_racing_for_a_period_send_each_digest_once(
    first: Scheduler,
    scenario: Scenario,
    mailing: Settings,
    clock: FakeClock,
    smtp: SmtpServer,
) -> None:
    second = scheduler(mailing, clock)
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def run(one: Scheduler) -> None:
        try:
            start.wait()
            jobs.issue_digests(one.service, str(scenario.committee_id), "daily")
            jobs.deliver_pending(one.service)
        except BaseException as error:  # surfaced below, in the test's thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(one,)) for one in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    second.close()

    assert errors == []
    ids = smtp.inbox.message_ids()
    assert len(ids) == 3
    assert len(set(ids)) == 3


def test_midnight_utc_is_seven_in_the_morning_of_the_committee_local_day(
    first: Scheduler, scenario: Scenario, clock: FakeClock, smtp: SmtpServer
) -> None:
    clock.set(datetime(2021, 12, 30, 23, 59, 59, tzinfo=UTC))  # 06:59:59 on the 31st
    run_daily(first, scenario)
    periods = {
        first.app.load(Digest, UUID(i[8:44])).period_start
        for i in smtp.inbox.message_ids()
    }
    assert periods == {date(2021, 12, 30)}  # due tomorrow: "còn 1 ngày"

    clock.set(datetime(2021, 12, 31, 0, 0, tzinfo=UTC))  # 07:00 on the 31st
    run_daily(first, scenario)
    clock.set(datetime(2022, 1, 1, 0, 0, tzinfo=UTC))  # 07:00 on 1 January
    run_daily(first, scenario)

    days = sorted(
        first.app.load(Digest, UUID(i[8:44])).period_start
        for i in smtp.inbox.message_ids()
    )
    # The 31st has nothing to tell (due today is not a 7/3/1-day reminder).
    assert date(2021, 12, 31) not in days
    assert days.count(date(2022, 1, 1)) == 2  # both districts: overdue
    texts = [m.get_body(("plain",)).get_content() for m in smtp.inbox.messages]  # type: ignore[union-attr]
    assert any("(còn 1 ngày)" in text for text in texts)
    assert any("Quá hạn (1)" in text and "(quá hạn 1 ngày)" in text for text in texts)


def test_after_downtime_missed_periods_are_issued_late_at_most_seven_days_back(
    first: Scheduler, scenario: Scenario, clock: FakeClock, smtp: SmtpServer
) -> None:
    clock.set(datetime(2022, 1, 10, 9, 0, tzinfo=ICT))  # a Monday, after 11 days off
    first.projector.catch_up()

    issued = jobs.catch_up(first.service)

    digests = [first.app.load(Digest, UUID(i[8:44])) for i in smtp.inbox.message_ids()]
    assert issued == len(digests) > 0
    daily = sorted({d.period_start for d in digests if d.kind == "daily"})
    assert daily == [date(2022, 1, day) for day in range(4, 11)]
    weekly = [(d.period_start, d.period_end) for d in digests if d.kind == "weekly"]
    assert weekly == [(date(2022, 1, 3), date(2022, 1, 9))]
    assert all(d.late for d in digests)
    assert all(
        "gửi muộn" in m.get_body(("plain",)).get_content()  # type: ignore[union-attr]
        for m in smtp.inbox.messages
    )
    assert jobs.catch_up(first.service) == 0


def test_smtp_down_records_the_failure_and_a_retry_delivers_one_copy(
    first: Scheduler, scenario: Scenario, clock: FakeClock, smtp: SmtpServer
) -> None:
    smtp.stop()
    run_daily(first, scenario)
    first.projector.catch_up()
    digest_ids = [UUID(row.id) for row in first.service.read_side.digests().items]
    failed = first.app.load(Digest, digest_ids[0])
    assert failed.state is DeliveryState.RETRYING
    assert "ConnectionRefusedError" in (failed.last_error or "")
    assert failed.next_retry_at == clock() + timedelta(minutes=1)
    assert first.service.deliver_pending() == 0  # not time yet

    smtp.start()
    clock.set(clock() + timedelta(minutes=1))
    first.projector.catch_up()
    assert first.service.deliver_pending() == 3
    first.projector.catch_up()
    assert first.service.deliver_pending() == 0

    assert sorted(smtp.inbox.message_ids()) == sorted(
        f"<digest.{i}@quangnam.gov.vn>" for i in digest_ids
    )
    assert events_of(first, digest_ids[0]) == [
        "Issued",
        "DeliveryAttempted",
        "DeliveryFailed",
        "DeliveryAttempted",
        "Delivered",
    ]


def test_weekly_digest_tallies_agencies_and_lists_the_week_decisions_with_lineage(
    first: Scheduler, scenario: Scenario, clock: FakeClock, smtp: SmtpServer
) -> None:
    clock.set(datetime(2021, 12, 13, 7, 30, tzinfo=ICT))  # the Monday after
    first.projector.catch_up()

    assert jobs.issue_digests(first.service, str(scenario.committee_id), "weekly") == 1

    (message,) = smtp.inbox.messages
    assert message["To"] == "lanhdao@quangnam.gov.vn"
    assert "Bản tin tuần 06/12/2021 – 12/12/2021" in str(message["Subject"])
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "Thống kê theo cơ quan" in text
    assert "- UBND huyện Núi Thành: 0 / 0 / 1 / 0" in text
    assert "<th>Hoàn thành đúng hạn</th>" in html
    assert "Quyết định, chỉ đạo trong tuần (3)" in text
    assert "Hội nghị trực tuyến về chuyển đổi số, mục 2 — Hồ Quang Bửu" in text
