"""A digest issued late for a past day lists what was true on that day.

The clock moves between writes, so the events are recorded on different days;
the digest of 12/01 is issued only on 14/01, after a task was issued, a deadline
extended and a completion reported: none of that had happened on 12/01.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from uuid import UUID

import pytest

from domain.digest import Digest, DigestKind
from domain.values import Authority
from service.digests.manual import due_on
from service.settings import Settings
from service.usecases.assignments import TaskDraft
from tests.integration.test_digests_support import (
    FakeClock,
    Scheduler,
    SmtpServer,
    scheduler,
    subscribe_all,
    with_smtp,
)
from tests.scenario import ACTOR, ICT, Scenario, conclude, open_meeting

DIGEST_DAY = date(2022, 1, 12)  # 07:00 on the 12th: the guidance is due in 3 days


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2021, 12, 11, 7, 0, tzinfo=ICT))


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def one(settings: Settings, smtp: SmtpServer, clock: FakeClock) -> Iterator[Scheduler]:
    part = scheduler(with_smtp(settings, smtp), clock)
    yield part
    part.close()


@pytest.fixture
def guidance(one: Scheduler) -> tuple[Scenario, UUID]:
    """The meeting of 10/12 and its task for the department (due 15/01/2022)."""
    s = open_meeting(one.app)
    _speech, assignment_ids = conclude(one.app, s)
    subscribe_all(one.app, s)
    return s, assignment_ids[1]


def department_digest(one: Scheduler, s: Scenario, day: date) -> Digest:
    """Issue the department's daily digest of ``day`` now, and read it back."""
    one.projector.catch_up()
    due = due_on(one.service, s.committee_id, DigestKind.DAILY, day)
    one.service.issue(due)
    return one.app.load(Digest, one.service.digest_id(due, "agency", s.department_id))


def test_a_late_digest_shows_the_day_as_it_was_not_as_it_is(
    one: Scheduler, guidance: tuple[Scenario, UUID], clock: FakeClock
) -> None:
    s, guidance_id = guidance
    clock.set(datetime(2022, 1, 14, 9, 0, tzinfo=ICT))  # two days after the 12th
    later = one.app.issue_assignment(
        actor=ACTOR,
        committee_id=s.committee_id,
        task=TaskDraft(
            title="báo cáo số liệu chuyển đổi số quý I",
            lead=[s.department_id],
            deadline=date(2022, 1, 19),
        ),
        issued_on=date(2022, 1, 14),
        meeting_id=s.meeting_id,
        item_number="2",
        task_number=9,
    )
    one.app.extend_deadline(
        guidance_id,
        actor=ACTOR,
        deadline=date(2022, 2, 15),
        authority=Authority(meeting_id=s.meeting_id, item_number="2"),
        reason="Chờ hướng dẫn của Bộ",
    )
    clock.set(datetime(2022, 1, 14, 10, 0, tzinfo=ICT))
    one.app.complete(
        guidance_id,
        actor=ACTOR,
        agency_id=s.department_id,
        evidence="Công văn 15/STTTT",
        completed_on=date(2022, 1, 14),
    )

    digest = department_digest(one, s, DIGEST_DAY)

    assert digest.late
    listed = {(line.section, line.ref): line for line in digest.lines}
    assert ("due", guidance_id) in listed
    assert listed["due", guidance_id].deadline == date(2022, 1, 15)
    assert listed["due", guidance_id].days == 3
    assert all(line.ref != later.id for line in digest.lines)


def test_a_digest_issued_on_time_reads_the_read_models_as_they_are(
    one: Scheduler, guidance: tuple[Scenario, UUID], clock: FakeClock
) -> None:
    s, guidance_id = guidance
    clock.set(datetime(2022, 1, 12, 7, 0, 30, tzinfo=ICT))
    digest = department_digest(one, s, DIGEST_DAY)
    assert not digest.late
    assert ("due", guidance_id) in {(line.section, line.ref) for line in digest.lines}
