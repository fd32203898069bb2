"""One connection point's page: whether it is on line, who attended there, and the
secretary's attendance form (điểm danh), kept off the meeting page so a meeting of
hundreds of points stays light."""

from __future__ import annotations

from uuid import UUID

from flask import Blueprint, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from domain.meeting import Meeting
from domain.meeting_parts import ConnectionPoint
from service.errors import NotFoundError
from service.eventstore.application import Written
from service.usecases import lookups
from web.http import steerlog
from web.pages import names
from web.pages.feedback import Outcome, attempt, show_on
from web.pages.forms import choose
from web.pages.meeting_forms import AttendanceForm, ConnectionForm
from web.pages.permissions import may
from web.pages.speakers import known_speakers
from web.principal import current_actor

OPERATION = "meeting_points.record_attendance"
CONNECTING = "meeting_points.connect_point"


def register(bp: Blueprint) -> None:
    """The point page and its attendance form, on the meeting pages' blueprint."""
    bp.add_url_rule(
        "/meetings/<uuid:meeting_id>/points/<uuid:point_id>",
        endpoint="point",
        view_func=point_page,
    )
    bp.add_url_rule(
        "/meetings/<uuid:meeting_id>/points/<uuid:point_id>/attendance",
        endpoint="record_attendance",
        view_func=record_attendance,
        methods=["POST"],
    )


def point_page(meeting_id: UUID, point_id: UUID) -> tuple[str, int]:
    """A point: on line or not, since when, who attended; the attendance form."""
    meeting = steerlog().view(Meeting, meeting_id)
    point = _point(meeting, point_id)
    form = AttendanceForm(formdata=None)
    attended = meeting.attendance.get(point_id)
    if attended is not None:
        form.person_ids.data = [str(person) for person in attended.person_ids]
        form.attendee_count.data = attended.attendee_count
    form.version.data = str(meeting.version)
    return _render(meeting, point, form, 200)


def record_attendance(meeting_id: UUID, point_id: UUID) -> ResponseReturnValue:
    """Điểm danh: the officials present at the point and the head count."""
    meeting = steerlog().load(Meeting, meeting_id)
    point = _point(meeting, point_id)
    form = AttendanceForm()
    _offer(form, meeting, point)
    outcome = Outcome()
    if form.validate_on_submit():
        outcome = attempt(lambda: _record(meeting_id, point_id, form))
        if outcome.ok and outcome.written is not None:
            flash(_("Đã ghi điểm danh."), "success")
            page = url_for(
                ".meeting_page", meeting_id=meeting_id, after=outcome.written.position
            )
            return redirect(f"{page}#point-{point_id}", code=303)
    show_on(form, outcome)
    # What was typed stays; sent again, it applies to the meeting as it is now.
    form.version.data = str(steerlog().view(Meeting, meeting_id).version)
    return _render(steerlog().view(Meeting, meeting_id), point, form, 400)


def _record(meeting_id: UUID, point_id: UUID, form: AttendanceForm) -> Written:
    return steerlog().record_attendance(
        meeting_id,
        point_id,
        actor=current_actor(),
        person_ids=[UUID(person) for person in form.person_ids.data or []],
        attendee_count=form.attendee_count.data,
        expected_version=form.expected_version(),
    )


def _point(meeting: Meeting, point_id: UUID) -> ConnectionPoint:
    point = meeting.points.get(point_id)
    if point is None:
        raise NotFoundError("connection point", point_id)
    return point


def _offer(form: AttendanceForm, meeting: Meeting, point: ConnectionPoint) -> None:
    """The point is the page's own; the officials, those the meeting may name."""
    choose(form.point_id, [(str(point.id), point.name)])
    form.point_id.data = str(point.id)
    people = [(str(s.person_id), s.label) for s in known_speakers(meeting)]
    choose(form.person_ids, people)


def _render(
    meeting: Meeting, point: ConnectionPoint, form: AttendanceForm, status: int
) -> tuple[str, int]:
    target = steerlog().target_of_aggregate(meeting)
    open_to_change = str(meeting.status) in ("scheduled", "open")
    _offer(form, meeting, point)
    connection = None
    if open_to_change and may(CONNECTING, target):
        connection = ConnectionForm(formdata=None)
        connection.version.data = str(meeting.version)
    attended = meeting.attendance.get(point.id)
    page = render_template(
        "meetings/point.html",
        meeting=meeting,
        point=point,
        present=[names.person_name(p) for p in attended.person_ids] if attended else [],
        head_count=attended.attendee_count if attended else None,
        committee=names.committee_name(meeting.committee_id),
        zone=lookups.zone_of(steerlog(), meeting.committee_id),
        form=form if open_to_change and may(OPERATION, target) else None,
        connection=connection,
    )
    return page, status
