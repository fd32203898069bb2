"""Recording a meeting from its page: points pasted at once, chairs, opening,
speeches live (htmx appends them without a reload), the notice, closing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from uuid import UUID

from flask import (
    Blueprint,
    Response,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_wtf import FlaskForm

from domain.meeting import Meeting
from domain.values import DocumentRef
from service.errors import RowsRefusedError
from service.eventstore.application import Written
from service.usecases import lookups
from web.http import steerlog
from web.pages import meeting_forms as mf
from web.pages import meeting_points as points
from web.pages.feedback import RULES, Outcome, attempt, show_on
from web.pages.forms import choose
from web.pages.meeting_rows import speech_lines
from web.pages.permissions import may
from web.pages.speakers import known_speakers, matching
from web.per_request import once
from web.principal import current_actor

ANCHORS = {"speech": "#speeches", "chair": "#chairs"}
Render = Callable[[Meeting, dict[str, FlaskForm], int], tuple[str, int]]
Choices = list[tuple[str, str]]  # (value, label) of a select
# Forms and the operations (API endpoints) they run as, in the policy table.
OPERATIONS = {
    "points": "meeting_points.add_connection_point",
    "chair": "meetings.assign_chair",
    "open": "meetings.open_meeting",
    "speech": "meeting_record.record_speech",
    "notice": "meeting_record.publish_notice",
    "close": "meetings.close_meeting",
    "connect": "meeting_points.connect_point",
    "disconnect": "meeting_points.disconnect_point",
}
FORMS: dict[str, type[FlaskForm]] = {
    "points": mf.PointsForm,
    "chair": mf.ChairForm,
    "open": mf.OpenForm,
    "speech": mf.SpeechForm,
    "notice": mf.NoticeForm,
    "close": mf.StepForm,
    "connect": mf.ConnectionForm,
    "disconnect": mf.ConnectionForm,
}
# Which forms each state of the meeting offers.
_POINTS = ("connect", "disconnect")
BY_STATUS = {
    "scheduled": ("points", "chair", "open", *_POINTS),
    "open": ("speech", "points", "chair", "notice", "close", *_POINTS),
    "closed": ("notice",),
    "cancelled": (),
}


def forms_for(
    meeting: Meeting, submitted: dict[str, FlaskForm]
) -> dict[str, FlaskForm]:
    """The forms this viewer may use on this meeting now; a submitted one as sent."""
    target = steerlog().target_of_aggregate(meeting)
    offered: dict[str, FlaskForm] = {}
    for name in BY_STATUS[str(meeting.status)]:
        if name == "notice" and (meeting.notice is not None or not meeting.items):
            continue
        if not may(OPERATIONS[name], target):
            continue
        form = submitted.get(name) or FORMS[name](formdata=None)
        if name not in submitted:
            form.version.data = str(meeting.version)
        if name not in _POINTS:  # shown as one button a point, not as a select
            offer_choices(form, meeting)
        offered[name] = form
    return offered


def offer_choices(form: FlaskForm, meeting: Meeting) -> None:
    """The speakers, officials and points a form may name."""
    if hasattr(form, "point_id"):
        choose(form.point_id, _point_choices(meeting), blank=True)
    for name in ("speaker_id", "person_id"):
        if hasattr(form, name):
            people = [(str(s.person_id), s.label) for s in known_speakers(meeting)]
            choose(getattr(form, name), people)


def _point_choices(meeting: Meeting) -> Choices:
    """The host first, then by name (made once per request: two forms offer them)."""

    def made() -> Choices:
        points = sorted(meeting.points.values(), key=lambda p: (not p.is_host, p.name))
        return [(str(p.id), p.name) for p in points]

    return once("point_choices", (meeting.id, meeting.version), made)


def register(bp: Blueprint, render: Render) -> None:
    """The meeting page's POST endpoints, and the speaker typeahead."""
    for name, run in _COMMANDS.items():
        bp.add_url_rule(
            f"/meetings/<uuid:meeting_id>/{name}",
            endpoint=f"record_{name}",
            view_func=_view(name, run, render),
            methods=["POST"],
        )
    bp.add_url_rule(
        "/meetings/<uuid:meeting_id>/speakers",
        endpoint="speaker_choices",
        view_func=speaker_choices,
    )


def speaker_choices(meeting_id: UUID) -> str:
    """The speakers matching what was typed (``?q=``), as the form's options."""
    meeting = steerlog().view(Meeting, meeting_id)
    found = matching(known_speakers(meeting), request.args.get("q", ""))
    return render_template("meetings/_speaker_options.html", speakers=found)


def _view(
    name: str, run: Callable[[UUID, FlaskForm], Written], render: Render
) -> Callable[[UUID], ResponseReturnValue]:
    def record(meeting_id: UUID) -> ResponseReturnValue:
        meeting = steerlog().load(Meeting, meeting_id)
        form = FORMS[name]()
        offer_choices(form, meeting)
        outcome = Outcome()
        if form.validate_on_submit():
            # A speech or points losing a race are tried again by the use case
            # itself (``service.usecases.commuting``): they send no version.
            outcome = attempt_rows(lambda: run(meeting_id, form))
            if outcome.ok:
                return _saved(name, meeting_id, outcome)
        htmx = name == "speech" and bool(request.headers.get("HX-Request"))
        show_on(form, outcome, flash_message=not htmx)
        form.version.data = str(steerlog().view(Meeting, meeting_id).version)
        if htmx:
            return _speech_form(form, meeting, outcome.message)
        return render(steerlog().view(Meeting, meeting_id), {name: form}, 400)

    record.__name__ = f"record_{name}"
    record.__doc__ = f"The {name} form of the meeting page ({OPERATIONS[name]})."
    return record


def attempt_rows(command: Callable[[], Written]) -> Outcome:
    """``attempt``, with the refused lines of a pasted list named one by one."""
    try:
        return attempt(command)
    except RowsRefusedError as refused:
        lines = [
            _(
                "Dòng %(n)s: %(why)s",
                n=row + 1,
                why=str(RULES.get(getattr(e, "rule", ""), e)),
            )
            for row, e in sorted(refused.errors.items())
        ]
        return Outcome(errors={"names": lines})


def _saved(name: str, meeting_id: UUID, outcome: Outcome) -> ResponseReturnValue:
    """After a write: the new speech alone (htmx), or the page again (303)."""
    assert outcome.written is not None
    if name == "speech" and request.headers.get("HX-Request"):
        meeting = steerlog().view(Meeting, meeting_id)
        speech = meeting.speeches[outcome.written.id]
        form = mf.SpeechForm(formdata=None)
        offer_choices(form, meeting)
        form.speaker_id.data = str(speech.speaker_id)
        form.point_id.data = str(speech.point_id or "")
        zone = lookups.zone_of(steerlog(), meeting.committee_id)
        html = render_template(
            "meetings/_speech_saved.html",
            speeches=speech_lines(meeting, zone, [speech]),
            meeting=meeting,
            form=form,
        )
        return Response(html)
    flash(_("Đã ghi."), "success")
    anchor = "#points" if name in ("points", *_POINTS) else ANCHORS.get(name, "")
    target = url_for(
        ".meeting_page", meeting_id=meeting_id, after=outcome.written.position
    )
    return redirect(target + anchor, code=303)


def _speech_form(form: FlaskForm, meeting: Meeting, message: str | None) -> Response:
    """The speech form again, with its messages, in place of the old one (htmx)."""
    html = render_template(
        "meetings/_speech_form.html", form=form, meeting=meeting, message=message
    )
    return Response(
        html,
        status=422,
        headers={"HX-Retarget": "#speech-form", "HX-Reswap": "outerHTML"},
    )


def _chair(meeting_id: UUID, form: FlaskForm) -> Written:
    return steerlog().assign_chair(
        meeting_id,
        actor=current_actor(),
        person_id=UUID(form.person_id.data),
        point_id=UUID(form.point_id.data) if form.point_id.data else None,
        expected_version=form.expected_version(),
    )


def _open(meeting_id: UUID, form: FlaskForm) -> Written:
    return steerlog().open_meeting(
        meeting_id,
        actor=current_actor(),
        at=_moment(meeting_id, form.opened_at.data),
        expected_version=form.expected_version(),
    )


def _close(meeting_id: UUID, form: FlaskForm) -> Written:
    return steerlog().close_meeting(
        meeting_id, actor=current_actor(), expected_version=form.expected_version()
    )


def _speech(meeting_id: UUID, form: FlaskForm) -> Written:
    return steerlog().record_speech(
        meeting_id,
        actor=current_actor(),
        speaker_id=UUID(form.speaker_id.data),
        kind=form.kind.data,
        point_id=UUID(form.point_id.data) if form.point_id.data else None,
        text=form.text.data or "",
        spoken_at=_moment(meeting_id, form.spoken_at.data),
    )


def _moment(meeting_id: UUID, local: datetime | None) -> datetime | None:
    """A time typed on the page, in the committee's zone (none: now)."""
    if local is None:
        return None
    meeting = steerlog().view(Meeting, meeting_id)
    return local.replace(tzinfo=lookups.zone_of(steerlog(), meeting.committee_id))


def _notice(meeting_id: UUID, form: FlaskForm) -> Written:
    notice = DocumentRef(
        kind="Thông báo", number=form.number.data, date=form.issued_on.data
    )
    return steerlog().publish_notice(
        meeting_id,
        actor=current_actor(),
        notice=notice,
        expected_version=form.expected_version(),
    )


_COMMANDS: dict[str, Callable[[UUID, FlaskForm], Written]] = {
    "points": points.add_pasted,
    "chair": _chair,
    "open": _open,
    "speech": _speech,
    "notice": _notice,
    "close": _close,
    "connect": points.connect,
    "disconnect": points.disconnect,
}
