"""A speech's own page: what was first recorded, every correction (đính chính) with
who made it and when, and the secretary's correction form; the original stays."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from flask import Blueprint, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from domain.meeting import Meeting
from domain.meeting_parts import Speech
from service.errors import NotFoundError
from service.usecases import lookups
from web.http import steerlog
from web.pages import names
from web.pages.feedback import RULES, Outcome, attempt, show_on
from web.pages.meeting_forms import CorrectionForm
from web.pages.permissions import may
from web.principal import current_actor

OPERATION = "meeting_record.correct_speech"
# What a correction may change, in the order the page lists them.
CORRECTABLE = ("text", "speaker_title", "kind")


@dataclass(frozen=True)
class Correction:
    """One đính chính as the page shows it: the new values, why, who and when."""

    changes: dict[str, str]
    reason: str
    who: str
    when: datetime


@dataclass(frozen=True)
class SpeechRecord:
    """A speech as first recorded, and the corrections made to it since."""

    original: dict[str, Any]
    corrections: list[Correction]


def speech_record(meeting_id: UUID, speech_id: UUID) -> SpeechRecord:
    """The speech's first recording and its corrections, from the meeting's history."""
    original: dict[str, Any] = {}
    corrections: list[Correction] = []
    for entry in steerlog().history(meeting_id):
        if str(entry.data.get("speech_id")) != str(speech_id):
            continue
        if entry.event == "SpeechRecorded":
            original = entry.data
        elif entry.event == "SpeechCorrected":
            who = entry.actor_name or entry.actor or "?"
            corrections.append(
                Correction(
                    entry.data["changes"], entry.data["reason"], who, entry.recorded_at
                )
            )
    return SpeechRecord(original, corrections)


def register(bp: Blueprint) -> None:
    """The speech page and its correction form, on the meeting pages' blueprint."""
    bp.add_url_rule(
        "/meetings/<uuid:meeting_id>/speeches/<uuid:speech_id>",
        endpoint="speech",
        view_func=speech_page,
    )
    bp.add_url_rule(
        "/meetings/<uuid:meeting_id>/speeches/<uuid:speech_id>/correct",
        endpoint="correct_speech",
        view_func=correct_speech,
        methods=["POST"],
    )


def speech_page(meeting_id: UUID, speech_id: UUID) -> tuple[str, int]:
    """A speech: as recorded, as corrected, and the form to correct it."""
    meeting = steerlog().view(Meeting, meeting_id)
    speech = _speech(meeting, speech_id)
    form = CorrectionForm(formdata=None)
    form.text.data = speech.text
    form.speaker_title.data = speech.speaker_title or ""
    form.kind.data = str(speech.kind)
    form.version.data = str(meeting.version)
    return _render(meeting, speech, form, 200)


def correct_speech(meeting_id: UUID, speech_id: UUID) -> ResponseReturnValue:
    """Đính chính: the correction is a new event with its reason; nothing is lost."""
    meeting = steerlog().load(Meeting, meeting_id)
    speech = _speech(meeting, speech_id)
    form = CorrectionForm()
    outcome = Outcome()
    if form.validate_on_submit():
        outcome = _plainly(attempt(lambda: _correct(meeting_id, speech_id, form)))
        if outcome.ok:
            flash(
                _("Đã đính chính phát biểu; bản ghi ban đầu vẫn được giữ."), "success"
            )
            page = url_for(".speech", meeting_id=meeting_id, speech_id=speech_id)
            return redirect(page, code=303)
    show_on(form, outcome)
    # What was typed stays; sent again, it applies to the meeting as it is now.
    form.version.data = str(steerlog().view(Meeting, meeting_id).version)
    return _render(steerlog().view(Meeting, meeting_id), speech, form, 400)


def _correct(meeting_id: UUID, speech_id: UUID, form: CorrectionForm) -> Any:
    return steerlog().correct_speech(
        meeting_id,
        speech_id,
        actor=current_actor(),
        reason=form.reason.data,
        text=form.text.data,
        speaker_title=form.speaker_title.data,
        kind=form.kind.data,
        expected_version=form.expected_version(),
    )


def _plainly(outcome: Outcome) -> Outcome:
    """A correction that changes nothing is told so beside the text."""
    if "speech" in outcome.errors:
        outcome.errors.pop("speech")
        outcome.errors["text"] = [str(RULES["no_change"])]
    return outcome


def _speech(meeting: Meeting, speech_id: UUID) -> Speech:
    speech = meeting.speeches.get(speech_id)
    if speech is None:
        raise NotFoundError("speech", speech_id)
    return speech


def _render(
    meeting: Meeting, speech: Speech, form: CorrectionForm, status: int
) -> tuple[str, int]:
    target = steerlog().target_of_aggregate(meeting)
    correctable = str(meeting.status) != "cancelled" and may(OPERATION, target)
    page = render_template(
        "meetings/speech.html",
        meeting=meeting,
        speech=speech,
        record=speech_record(meeting.id, speech.id),
        committee=names.committee_name(meeting.committee_id),
        zone=lookups.zone_of(steerlog(), meeting.committee_id),
        form=form if correctable else None,
        fields=CORRECTABLE,
    )
    return page, status
