"""Meeting pages: the list, a month's calendar, and one meeting's whole record."""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from flask import (
    Blueprint,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from markupsafe import Markup

from domain.meeting import Meeting
from domain.values import MeetingFormat, MeetingStatus
from service.access.decision import Target
from service.readmodel.base import AssignmentFilter, MeetingFilter, Page
from service.usecases import lookups
from web.consistency import wait_for
from web.http import read_side, steerlog
from web.pages import (
    fragments,
    meeting_actions,
    meeting_point_page,
    meeting_rows,
    meeting_speeches,
    moments,
    names,
)
from web.pages.feedback import attempt, show_on
from web.pages.forms import choose
from web.pages.meeting_forms import ScheduleForm
from web.pages.permissions import may, readable
from web.principal import current_actor
from web.reading import read

bp = Blueprint("meeting_pages", __name__)
PAGE_SIZE = 50
# Enough for any one conclusion: the largest seen has a few dozen tasks.
TASKS_PER_MEETING = 200
# A meeting's page shows its latest changes; the API pages through all of them.
HISTORY = 20


@dataclass(frozen=True)
class ItemRow:
    """A conclusion item with the tasks it issued."""

    number: str
    text: str
    amendments: tuple[str, ...]
    tasks: list[Any]


@bp.route("/meetings", methods=["GET"])
def meeting_list() -> str:
    """Meetings, newest first, filtered by committee, status, format and dates."""
    args = request.args
    where = MeetingFilter(
        committee_id=args.get("committee_id") or None,
        status=_choice(args.get("status"), MeetingStatus),
        format=_choice(args.get("format"), MeetingFormat),
        starts_from=_day_start(args.get("from")),
        starts_before=_day_start(args.get("to"), days=1),
    )
    page = Page(limit=PAGE_SIZE, cursor=args.get("cursor") or None)
    found = read_side().meetings(where, page, readable())
    return render_template(
        "meetings/list.html",
        page=found,
        args=args,
        statuses=list(MeetingStatus),
        formats=list(MeetingFormat),
        may_schedule=may("meetings.schedule_meeting", Target()),
    )


@bp.route("/meetings/new", methods=["GET", "POST"])
def schedule() -> ResponseReturnValue:
    """Lên lịch: a new meeting of a committee the secretary records for."""
    form = ScheduleForm()
    committees = [
        (str(row.id), str(row.name))
        for row in read_side().committees()
        if may("meetings.schedule_meeting", Target(committee_id=UUID(str(row.id))))
    ]
    choose(form.committee_id, committees)
    if request.method == "GET":
        form.committee_id.data = request.args.get("committee_id")
    elif form.validate_on_submit():
        committee_id = UUID(form.committee_id.data)
        zone = lookups.zone_of(steerlog(), committee_id)
        outcome = attempt(
            lambda: steerlog().schedule_meeting(
                actor=current_actor(),
                committee_id=committee_id,
                title=form.title.data.strip(),
                format=form.format.data,
                starts_at=form.starts_at.data.replace(tzinfo=zone),
                location=form.location.data or None,
            )
        )
        if outcome.ok and outcome.written is not None:
            flash(_("Đã lên lịch hội nghị."), "success")
            page = url_for(".meeting_page", meeting_id=outcome.written.id)
            return redirect(page, code=303)
        show_on(form, outcome)
    status = 400 if request.method == "POST" else 200
    return render_template("meetings/new.html", form=form), status


@bp.route("/meetings/calendar", methods=["GET"])
def meeting_calendar() -> str:
    """A month of meetings, a week a row (Monday first, as Vietnamese calendars)."""
    today = datetime.now(moments.zone()).date()
    month = _month(request.args.get("month"), today)
    first = month.replace(day=1)
    after = (first + timedelta(days=32)).replace(day=1)
    where = MeetingFilter(
        starts_from=datetime.combine(first, time(), moments.zone()),
        starts_before=datetime.combine(after, time(), moments.zone()),
    )
    by_day: dict[date, list[Any]] = defaultdict(list)
    cursor: str | None = None
    while True:
        found = read_side().meetings(where, Page(limit=200, cursor=cursor), readable())
        for row in found.items:
            by_day[
                moments.aware(row.starts_at).astimezone(moments.zone()).date()
            ].append(row)
        cursor = found.next_cursor
        if cursor is None:
            break
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(
        month.year, month.month
    )
    return render_template(
        "meetings/calendar.html",
        month=first,
        weeks=weeks,
        by_day=by_day,
        today=today,
        previous=(first - timedelta(days=1)).replace(day=1),
        next=after,
    )


@bp.route("/meetings/<uuid:meeting_id>", methods=["GET"])
def meeting_page(meeting_id: UUID) -> tuple[str, int]:
    """One meeting: header, agenda, chairs, points, speeches, approvals, conclusion."""
    at = moments.as_of()
    return render_meeting(read(Meeting, meeting_id, at), {}, 200, at)


def render_meeting(
    meeting: Meeting,
    submitted: dict[str, FlaskForm],
    status: int,
    at: datetime | None = None,
) -> tuple[str, int]:
    """The meeting's page, with the forms its viewer may use (``submitted`` as sent)."""
    wait_for(request.args.get("after", type=int))
    zone = lookups.zone_of(steerlog(), meeting.committee_id)
    page = render_template(
        "meetings/page.html",
        meeting=meeting,
        zone=zone,
        as_of=at,
        committee=names.committee_name(meeting.committee_id),
        points=meeting_rows.point_rows(meeting, zone),
        speeches=_speech_list(meeting, zone),
        speech_count=len(meeting.speeches),
        items=_items(meeting, at),
        history=steerlog().history(
            meeting.id, after_version=max(0, meeting.version - HISTORY)
        ),
        forms={} if at else meeting_actions.forms_for(meeting, submitted),
    )
    return page, status


def _speech_list(meeting: Meeting, zone: ZoneInfo) -> Markup:
    """The speeches' list items: the same for every viewer of this version of
    the meeting in one language and zone, so rendered once for them all."""
    key = ("speeches", meeting.id, meeting.version, str(get_locale()), str(zone))
    return fragments.kept(
        key,
        lambda: render_template(
            "meetings/_speech.html",
            meeting=meeting,
            speeches=meeting_rows.speech_lines(meeting, zone),
        ),
    )


def _items(meeting: Meeting, at: datetime | None) -> list[ItemRow]:
    """Conclusion items in number order, each with its tasks and their status."""
    if not meeting.items:
        return []
    day = steerlog().committee_day(meeting.committee_id, at)
    found = read_side().assignments(
        AssignmentFilter(day=day, meeting_id=str(meeting.id)),
        Page(limit=TASKS_PER_MEETING),
    )
    tasks: dict[str | None, list[Any]] = defaultdict(list)
    for row in sorted(found.items, key=lambda r: (r.item_number or "", r.task_number)):
        tasks[row.item_number].append(row)
    return [
        ItemRow(item.number, item.text, item.amendments, tasks.get(item.number, []))
        for item in sorted(meeting.items.values(), key=lambda i: _number_key(i.number))
    ]


def _number_key(number: str) -> tuple[int, str]:
    """Items sort as numbers where they are numbers: 2 before 10."""
    head = number.split(".", 1)[0]
    return (int(head), number) if head.isdigit() else (10**6, number)


def _choice(raw: str | None, kind: Any) -> str | None:
    """A filter value that names one of ``kind``'s members, or no filter."""
    return raw if raw in {member.value for member in kind} else None


def _day_start(raw: str | None, days: int = 0) -> datetime | None:
    """The start of a day (``YYYY-MM-DD``), ``days`` later; nothing when blank."""
    try:
        day = date.fromisoformat(raw or "")
    except ValueError:
        return None
    return datetime.combine(day + timedelta(days=days), time(), moments.zone())


def _month(raw: str | None, today: date) -> date:
    """``YYYY-MM`` as the first of that month; this month when absent or wrong."""
    try:
        return date.fromisoformat(f"{raw}-01") if raw else today.replace(day=1)
    except ValueError:
        return today.replace(day=1)


meeting_actions.register(bp, render_meeting)
meeting_speeches.register(bp)
meeting_point_page.register(bp)
