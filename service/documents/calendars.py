"""Calendars (iCalendar): a committee's meetings, an agency's deadlines, a person's.

Each event keeps one UID for the life of its meeting or assignment, and its
SEQUENCE counts the changes a calendar must show: a meeting's reschedulings and
cancellation, an assignment's deadline extensions (RFC 5545 §3.8.7.4).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from uuid import UUID

from eventsourcing.utils import get_topic
from icalendar import Alarm, Calendar, Event

from domain.agency import Agency
from domain.assignment import Assignment
from domain.committee import Committee
from domain.meeting import Meeting
from domain.person import Person
from service.documents.tracker_source import (
    as_moment,
    committee_meetings,
    optional_date,
    tracker_rows,
)
from service.readmodel.base import AssignmentFilter
from service.readmodel.readside import ReadSide
from service.readmodel.rows import MeetingSummary, TrackedAssignment
from service.usecases.steerlog import Steerlog

ALARM_DAYS = (7, 3, 1)
MEETING_LENGTH = timedelta(hours=3)  # a meeting not closed yet: its usual length
UID_DOMAIN = "steerlog"


def event_topic(aggregate: type, name: str) -> str:
    """The stored topic of an aggregate's event: ``...:Meeting.Rescheduled``."""
    return f"{get_topic(aggregate)}.{name}"


MEETING_CHANGES = (
    event_topic(Meeting, "Rescheduled"),
    event_topic(Meeting, "Cancelled"),
)
DEADLINE_CHANGES = (event_topic(Assignment, "DeadlineExtended"),)
MEMBER_APPOINTED = event_topic(Committee, "MemberAppointed")
LOG_PAGE = 1000


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//steerlog//lịch Ban Chỉ đạo//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def changes(app: Steerlog, aggregate_id: UUID, topics: tuple[str, ...]) -> int:
    """How many of an aggregate's events are of ``topics`` (no event decoded)."""
    stored = app.recorder.select_events(aggregate_id)
    return sum(1 for event in stored if event.topic in topics)


def meeting_event(app: Steerlog, row: MeetingSummary, stamp: datetime) -> Event:
    """One meeting as a VEVENT: its start, its end (or usual length), its place."""
    event = Event()
    starts = as_moment(row.starts_at)
    ends = as_moment(row.closed_at) if row.closed_at else starts + MEETING_LENGTH
    event.add("uid", f"meeting-{row.id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", starts)
    event.add("dtend", max(ends, starts + timedelta(minutes=30)))
    event.add("summary", row.title)
    if row.location:
        event.add("location", row.location)
    event.add("status", "CANCELLED" if row.status == "cancelled" else "CONFIRMED")
    event.add("sequence", changes(app, UUID(str(row.id)), MEETING_CHANGES))
    return event


def deadline_event(
    app: Steerlog, row: TrackedAssignment, stamp: datetime
) -> Event | None:
    """A task's deadline as an all-day VEVENT with alarms 7, 3 and 1 days before."""
    deadline = optional_date(row.deadline)
    if deadline is None:
        return None
    event = Event()
    event.add("uid", f"assignment-{row.id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", deadline)
    event.add("dtend", deadline + timedelta(days=1))
    event.add("summary", f"Hạn: {row.title}")
    leads = [a.name for a in row.agencies if a.role == "lead" and a.name]
    event.add("description", f"Chủ trì: {', '.join(leads)}\nTrạng thái: {row.status}")
    event.add("transp", "TRANSPARENT")
    closed = row.status in ("cancelled", "superseded")
    event.add("status", "CANCELLED" if closed else "CONFIRMED")
    event.add("sequence", changes(app, UUID(str(row.id)), DEADLINE_CHANGES))
    if not closed and not row.completed_on:
        for days in ALARM_DAYS:
            event.add_component(_alarm(days, row.title))
    return event


def _alarm(days: int, title: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(days=-days))
    alarm.add("description", f"Còn {days} ngày đến hạn: {title}")
    return alarm


def _meetings(
    app: Steerlog, read_side: ReadSide, committee_id: UUID
) -> Iterator[Event]:
    stamp = app.clock()
    for row in committee_meetings(read_side, str(committee_id)):
        yield meeting_event(app, row, stamp)


def _deadlines(
    app: Steerlog, read_side: ReadSide, agency_id: UUID, day: date
) -> Iterator[Event]:
    stamp = app.clock()
    where = AssignmentFilter(day=day, agency_id=str(agency_id))
    for row in tracker_rows(read_side, where):
        event = deadline_event(app, row, stamp)
        if event is not None:
            yield event


def _ics(calendar: Calendar, events: Iterable[Event]) -> bytes:
    for event in events:
        calendar.add_component(event)
    ics: bytes = calendar.to_ical()
    return ics


def committee_calendar(app: Steerlog, read_side: ReadSide, committee_id: UUID) -> bytes:
    """Every meeting of a committee."""
    committee = app.view(Committee, committee_id)
    return _ics(_calendar(committee.name), _meetings(app, read_side, committee_id))


def agency_calendar(app: Steerlog, read_side: ReadSide, agency_id: UUID) -> bytes:
    """The deadlines of an agency's tasks (a group's include its members')."""
    agency = app.view(Agency, agency_id)
    day = app.clock().astimezone(app.settings.zone()).date()
    events = _deadlines(app, read_side, agency_id, day)
    return _ics(_calendar(f"Hạn nhiệm vụ: {agency.name}"), events)


def person_calendar(app: Steerlog, read_side: ReadSide, person_id: UUID) -> bytes:
    """A person's own: their agency's deadlines and their committees' meetings."""
    person = app.view(Person, person_id)
    day = app.clock().astimezone(app.settings.zone()).date()
    events: list[Event] = []
    for committee_id in committees_of(app, person_id):
        events.extend(_meetings(app, read_side, committee_id))
    if person.agency_id is not None:
        events.extend(_deadlines(app, read_side, person.agency_id, day))
    return _ics(_calendar(f"Lịch của {person.full_name}"), events)


def committees_of(app: Steerlog, person_id: UUID) -> list[UUID]:
    """The committees a person is a member of now, found from the appointments
    in the log (no read model keeps memberships yet)."""
    candidates: dict[UUID, None] = {}
    start = 1
    while True:
        page = app.recorder.select_notifications(
            start,
            LOG_PAGE,
            topics=[MEMBER_APPOINTED],  # a list: PostgreSQL takes it as an array
        )
        for notification in page:
            candidates.setdefault(notification.originator_id, None)
        if len(page) < LOG_PAGE:
            break
        start = page[-1].id + 1
    return [
        committee_id
        for committee_id in candidates
        if person_id in app.view(Committee, committee_id).members
    ]
