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
from domain.values import Authority, RecipientKind
from service.digests.manual import due_on, preview
from service.eventstore.application import Written
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
def tasks(one: Scheduler) -> tuple[Scenario, list[UUID]]:
    """The meeting of 10/12 and its three tasks: the districts' plan (due
    31/12/2021), the department's guidance (due 15/01/2022), the funding."""
    s = open_meeting(one.app)
    _speech, assignment_ids = conclude(one.app, s)
    subscribe_all(one.app, s)
    return s, assignment_ids


@pytest.fixture
def guidance(tasks: tuple[Scenario, list[UUID]]) -> tuple[Scenario, UUID]:
    """The department's task (due 15/01/2022)."""
    s, assignment_ids = tasks
    return s, assignment_ids[1]


def department_digest(one: Scheduler, s: Scenario, day: date) -> Digest:
    """Issue the department's daily digest of ``day`` now, and read it back."""
    one.projector.catch_up()
    due = due_on(one.service, s.committee_id, DigestKind.DAILY, day)
    one.service.issue(due)
    return one.app.load(Digest, one.service.digest_id(due, "agency", s.department_id))


def issue_a_report_task(one: Scheduler, s: Scenario) -> Written:
    """A task for the department issued on 14/01 (after the digest's day)."""
    return one.app.issue_assignment(
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


def test_a_late_digest_shows_the_day_as_it_was_not_as_it_is(
    one: Scheduler, guidance: tuple[Scenario, UUID], clock: FakeClock
) -> None:
    s, guidance_id = guidance
    clock.set(datetime(2022, 1, 14, 9, 0, tzinfo=ICT))  # two days after the 12th
    later = issue_a_report_task(one, s)
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


def test_a_task_cancelled_after_the_day_is_in_that_days_late_digest(
    one: Scheduler, guidance: tuple[Scenario, UUID], clock: FakeClock
) -> None:
    s, guidance_id = guidance
    clock.set(datetime(2022, 1, 13, 15, 0, tzinfo=ICT))  # the day after the 12th
    one.app.cancel_assignment(
        guidance_id,
        actor=ACTOR,
        reason="Bộ đã ban hành hướng dẫn chung",
        authority=Authority(meeting_id=s.meeting_id, item_number="2"),
    )
    clock.set(datetime(2022, 1, 14, 9, 0, tzinfo=ICT))

    digest = department_digest(one, s, DIGEST_DAY)

    assert digest.late
    listed = {(line.section, line.ref) for line in digest.lines}
    assert ("due", guidance_id) in listed  # it was open, due in 3 days, on the 12th


def test_a_late_weekly_digest_lists_the_most_overdue_as_they_then_were(
    one: Scheduler, tasks: tuple[Scenario, list[UUID]], clock: FakeClock
) -> None:
    """On Monday 10/01 the districts' plan (due 31/12) was overdue; by the
    time the digest goes out its deadline was extended to 28/02: it is still
    listed, with its deadline of then."""
    s, (plan_id, guidance_id, _funding) = tasks
    clock.set(datetime(2022, 1, 12, 9, 0, tzinfo=ICT))
    one.app.extend_deadline(
        plan_id,
        actor=ACTOR,
        deadline=date(2022, 2, 28),
        authority=Authority(meeting_id=s.meeting_id, item_number="1"),
        reason="Chờ số liệu của các xã",
    )
    one.projector.catch_up()
    due = due_on(one.service, s.committee_id, DigestKind.WEEKLY, date(2022, 1, 10))
    one.service.issue(due)
    digest = one.app.load(
        Digest, one.service.digest_id(due, "committee", s.committee_id)
    )

    assert digest.late
    overdue = [line for line in digest.lines if line.section == "most_overdue"]
    assert [line.ref for line in overdue] == [plan_id]
    assert overdue[0].deadline == date(2021, 12, 31)
    assert overdue[0].days == -10
    assert guidance_id not in {line.ref for line in overdue}  # due 15/01: not yet


def test_a_preview_of_a_past_day_shows_that_day(
    one: Scheduler, guidance: tuple[Scenario, UUID], clock: FakeClock
) -> None:
    s, _guidance_id = guidance
    clock.set(datetime(2022, 1, 14, 9, 0, tzinfo=ICT))
    issue_a_report_task(one, s)
    one.projector.catch_up()

    then = preview(
        one.service, (RecipientKind.AGENCY, s.department_id), s.committee_id, DIGEST_DAY
    )
    today = preview(
        one.service,
        (RecipientKind.AGENCY, s.department_id),
        s.committee_id,
        date(2022, 1, 15),
    )

    assert "khung hướng dẫn" in then.text
    assert "số liệu chuyển đổi số quý I" not in then.text
    assert "số liệu chuyển đổi số quý I" in today.text  # issued yesterday: new


def test_a_task_reassigned_away_after_the_day_is_in_that_days_late_digest(
    one: Scheduler, guidance: tuple[Scenario, UUID], clock: FakeClock
) -> None:
    """On the 12th the guidance was the department's; on the 13th it went to
    a district: the department's digest of the 12th still lists it, the
    district's does not."""
    s, guidance_id = guidance
    clock.set(datetime(2022, 1, 13, 15, 0, tzinfo=ICT))
    one.app.reassign(
        guidance_id,
        actor=ACTOR,
        lead=[s.district_b_id],
        authority=Authority(meeting_id=s.meeting_id, item_number="2"),
        reason="Giao huyện chủ trì theo chỉ đạo mới",
    )
    clock.set(datetime(2022, 1, 14, 9, 0, tzinfo=ICT))

    digest = department_digest(one, s, DIGEST_DAY)

    assert digest.late
    listed = {(line.section, line.ref): line for line in digest.lines}
    assert listed["due", guidance_id].deadline == date(2022, 1, 15)
    district = one.service.compose(
        DigestKind.DAILY,
        s.committee_id,
        s.district_b_id,
        (DIGEST_DAY, DIGEST_DAY),
        due_at=datetime(2022, 1, 12, 7, 0, tzinfo=ICT),
    )
    assert guidance_id not in {line.ref for line in district.lines}  # not yet its


def test_a_late_weekly_digest_tallies_the_week_as_it_then_was(
    one: Scheduler, tasks: tuple[Scenario, list[UUID]], clock: FakeClock
) -> None:
    """On Monday 10/01 the department's guidance was in progress and the
    districts' plan overdue. Since then the plan was cancelled, the guidance
    completed, and a new task issued: the tallies of then count none of that."""
    s, (plan_id, guidance_id, _funding) = tasks
    monday = date(2022, 1, 10)
    one.projector.catch_up()
    due = due_on(one.service, s.committee_id, DigestKind.WEEKLY, monday)
    on_time = one.service.compose(
        DigestKind.WEEKLY, s.committee_id, s.committee_id, due.period
    )
    clock.set(datetime(2022, 1, 12, 9, 0, tzinfo=ICT))
    one.app.cancel_assignment(
        plan_id,
        actor=ACTOR,
        reason="Gộp vào kế hoạch chung của tỉnh",
        authority=Authority(meeting_id=s.meeting_id, item_number="1"),
    )
    one.app.complete(
        guidance_id,
        actor=ACTOR,
        agency_id=s.department_id,
        evidence="Công văn 15/STTTT",
        completed_on=date(2022, 1, 9),  # reported late, done before the Monday
    )
    clock.set(datetime(2022, 1, 14, 9, 0, tzinfo=ICT))
    issue_a_report_task(one, s)
    one.projector.catch_up()

    one.service.issue(due)
    digest = one.app.load(
        Digest, one.service.digest_id(due, "committee", s.committee_id)
    )
    now = one.service.compose(
        DigestKind.WEEKLY, s.committee_id, s.committee_id, due.period
    )

    assert digest.late
    assert digest.tallies == on_time.tallies
    by_agency = {tally.agency_id: tally for tally in digest.tallies}
    assert by_agency[s.district_a_id].overdue == 1  # the plan, not cancelled then
    assert by_agency[s.department_id].in_progress >= 1  # the guidance, not yet done
    assert by_agency[s.department_id].done_on_time == 0
    assert now.tallies != digest.tallies  # as things stand now, they differ
