"""Calendars read back by icalendar; feed secrets issued, found, revoked."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest

from domain import ids
from domain.meeting import Meeting
from domain.values import Authority, DocumentRef
from service.documents.calendars import (
    agency_calendar,
    committee_calendar,
    person_calendar,
)
from service.documents.feeds import FeedSecrets
from service.readmodel.projector import Projector
from service.readmodel.readside import ReadSide
from service.run.composition import build_read_model
from service.run.demo import load_demo
from service.settings import Settings
from service.usecases.assignments import TaskDraft
from service.usecases.steerlog import Steerlog
from tests.integration.documents_support import QUANG_NAM

NOW = datetime(2022, 1, 5, tzinfo=UTC)


@pytest.fixture
def read_side(settings: Settings, app: Steerlog) -> Iterator[ReadSide]:
    model = build_read_model(settings)
    yield ReadSide(model)
    model.close()


def events(body: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(body)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def project(app: Steerlog, read_side: ReadSide) -> None:
    Projector(app, read_side.read_model).catch_up()


def test_a_rescheduled_meeting_keeps_its_uid_and_its_sequence_grows(
    app: Steerlog, read_side: ReadSide
) -> None:
    load_demo(app)
    committee_id = app.view(Meeting, QUANG_NAM).committee_id
    starts = datetime(2030, 3, 1, 8, tzinfo=UTC)
    planned = app.schedule_meeting(
        actor="test",
        committee_id=committee_id,
        title="Phiên họp quý I",
        format="hybrid",
        starts_at=starts,
        location="Hội trường UBND tỉnh",
    ).id
    project(app, read_side)
    uid = f"meeting-{planned}@steerlog"
    before = events(committee_calendar(app, read_side, committee_id))
    assert before[uid]["SEQUENCE"] == 0
    assert before[uid]["DTSTART"].dt == starts
    assert str(before[uid]["LOCATION"]) == "Hội trường UBND tỉnh"
    assert f"meeting-{QUANG_NAM}@steerlog" in before
    app.reschedule_meeting(planned, actor="test", starts_at=starts + timedelta(days=2))
    project(app, read_side)
    after = events(committee_calendar(app, read_side, committee_id))
    assert after[uid]["SEQUENCE"] == 1
    assert after[uid]["DTSTART"].dt == starts + timedelta(days=2)
    app.cancel_meeting(planned, actor="test", reason="Dời sang quý II")
    project(app, read_side)
    cancelled = events(committee_calendar(app, read_side, committee_id))[uid]
    assert cancelled["SEQUENCE"] == 2 and cancelled["STATUS"] == "CANCELLED"


def test_an_agency_s_deadlines_are_all_day_with_alarms_and_extensions_count(
    app: Steerlog, read_side: ReadSide
) -> None:
    committee_id = app.establish_committee(
        actor="test", name="Ban Chỉ đạo lịch", jurisdiction="tỉnh Lịch"
    ).id
    agency_id = app.register_agency(actor="test", name="Sở Lịch").id
    task = app.issue_assignment(
        actor="test",
        committee_id=committee_id,
        task=TaskDraft(
            title="Báo cáo quý", lead=[agency_id], deadline=date(2030, 3, 31)
        ),
        issued_on=date(2030, 1, 2),
        document=DocumentRef(kind="Kế hoạch", number="1/KH"),
    ).id
    project(app, read_side)
    uid = f"assignment-{task}@steerlog"
    event = events(agency_calendar(app, read_side, agency_id))[uid]
    assert event["DTSTART"].dt == date(2030, 3, 31)
    assert event["DTEND"].dt == date(2030, 4, 1)
    assert event["SEQUENCE"] == 0
    triggers = sorted(alarm["TRIGGER"].dt for alarm in event.walk("VALARM"))
    assert triggers == [timedelta(days=-7), timedelta(days=-3), timedelta(days=-1)]
    app.extend_deadline(
        task,
        actor="test",
        deadline=date(2030, 4, 30),
        authority=Authority(document=DocumentRef(kind="Công văn", number="9/UBND")),
        reason="Chờ số liệu",
    )
    project(app, read_side)
    extended = events(agency_calendar(app, read_side, agency_id))[uid]
    assert extended["SEQUENCE"] == 1 and extended["DTSTART"].dt == date(2030, 4, 30)


def test_a_person_s_own_calendar_has_their_agency_s_tasks_and_committees_meetings(
    app: Steerlog, read_side: ReadSide
) -> None:
    load_demo(app)
    meeting = app.view(Meeting, QUANG_NAM)
    department = ids.agency_id("Sở Thông tin và Truyền thông tỉnh Quảng Nam")
    officer = app.register_person(
        actor="test", full_name="Lê Thị Lịch", title="Chuyên viên", agency_id=department
    ).id
    app.appoint_member(
        meeting.committee_id, actor="test", person_id=officer, role="member"
    )
    project(app, read_side)
    own = events(person_calendar(app, read_side, officer))
    assert f"meeting-{QUANG_NAM}@steerlog" in own
    deadlines = [uid for uid in own if uid.startswith("assignment-")]
    assert deadlines
    assert all(own[uid]["DTSTART"].params.get("VALUE", "DATE") for uid in deadlines)


def test_a_feed_secret_works_until_revoked_and_a_new_one_replaces_the_old(
    settings: Settings,
) -> None:
    secrets = FeedSecrets(settings.database)
    first = secrets.issue("account-7", NOW)
    assert secrets.account_of(first.secret) == "account-7"
    second = secrets.issue("account-7", NOW)
    assert secrets.account_of(first.secret) is None
    assert secrets.account_of(second.secret) == "account-7"
    assert secrets.revoke("account-7", NOW) == 1
    assert secrets.account_of(second.secret) is None
    assert secrets.revoke("account-7", NOW) == 0
    assert secrets.account_of("not-a-secret") is None
