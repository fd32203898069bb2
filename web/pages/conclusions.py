"""Paste the official conclusion, check what was read, confirm: the tasks are issued.

The text is shown with every field the extractor read marked where it read it;
beside it, the draft as a form. An agency the directory does not know is named,
with "register it" or "it is another name of ..."; confirming issues the items
and their tasks (confirming the same draft again creates nothing new).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable
from typing import Any
from uuid import UUID

from flask import (
    Blueprint,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from domain.meeting import Meeting
from domain.values import SpeechKind
from service.extraction.drafting import ConclusionDraft, draft_conclusion
from service.extraction.errors import ExtractionError
from service.plain import plain
from web.http import read_side, steerlog
from web.pages.conclusion_forms import MAX_TEXT, ConclusionForm, from_draft
from web.pages.feedback import attempt, show_on
from web.pages.forms import REQUIRED, PageForm, choose
from web.pages.labels import SPEECH_KIND
from web.principal import current_actor

bp = Blueprint("conclusion_pages", __name__)
log = logging.getLogger(__name__)


class PasteForm(PageForm):
    """The official text, pasted whole."""

    text = TextAreaField(
        _l("Văn bản kết luận"),
        validators=[InputRequired(REQUIRED), Length(max=MAX_TEXT)],
    )


class AgencyForm(PageForm):
    """An unknown agency of the draft: register it, or name the one it is."""

    text = HiddenField(validators=[Length(max=MAX_TEXT)])
    name = StringField(validators=[InputRequired(REQUIRED), Length(max=500)])
    same_as = SelectField(validators=[Optional()])


@bp.route("/meetings/<uuid:meeting_id>/conclusion", methods=["GET", "POST"])
def conclusion_draft(meeting_id: UUID) -> tuple[str, int]:
    """The paste box; once sent, the text and its draft side by side."""
    meeting = steerlog().view(Meeting, meeting_id)
    form = PasteForm()
    if request.method == "POST" and form.validate_on_submit():
        return _review(meeting, form.text.data, None, 200)
    status = 400 if request.method == "POST" else 200
    return render_template("conclusions/paste.html", meeting=meeting, form=form), status


@bp.route("/meetings/<uuid:meeting_id>/conclusion/agency", methods=["POST"])
def conclusion_agency(meeting_id: UUID) -> tuple[str, int]:
    """Register an agency the draft named, or record it as another's alias."""
    meeting = steerlog().view(Meeting, meeting_id)
    form = AgencyForm()
    choose(form.same_as, _agencies(), blank=True)
    if form.validate_on_submit():
        name = form.name.data.strip()
        if form.same_as.data:
            outcome = attempt(
                lambda: steerlog().add_agency_alias(
                    UUID(form.same_as.data), actor=current_actor(), alias=name
                )
            )
        else:
            outcome = attempt(
                lambda: steerlog().register_agency(actor=current_actor(), name=name)
            )
        if outcome.ok and outcome.written is not None:
            read_side().wait_for(outcome.written.position)
            flash(_("Đã cập nhật danh mục cơ quan: %(name)s.", name=name), "success")
        elif outcome.message:
            flash(outcome.message, "error")
    return _review(meeting, form.text.data or "", None, 200)


@bp.route("/meetings/<uuid:meeting_id>/conclusion/confirm", methods=["POST"])
def conclusion_confirm(meeting_id: UUID) -> ResponseReturnValue:
    """Issue the items and tasks as corrected; nothing new when already issued."""
    meeting = steerlog().view(Meeting, meeting_id)
    form = ConclusionForm()
    form.offer(_agencies(), _speeches(meeting))
    if form.validate_on_submit():
        outcome = attempt(
            lambda: (
                steerlog()
                .issue_conclusion(
                    meeting_id,
                    actor=current_actor(),
                    speech_id=UUID(form.speech_id.data),
                    items=form.item_drafts(),
                    expected_version=form.expected_version(),
                )
                .meeting
            )
        )
        if outcome.ok and outcome.written is not None:
            _keep_reading(meeting.id, form)
            flash(_("Đã ban hành kết luận và giao nhiệm vụ."), "success")
            page = url_for(
                "meeting_pages.meeting_page",
                meeting_id=meeting_id,
                after=outcome.written.position,
            )
            return redirect(f"{page}#conclusion", code=303)
        show_on(form, outcome)
    return _review(meeting, form.text.data or "", form, 400)


def _keep_reading(meeting_id: UUID, form: ConclusionForm) -> None:
    """Keep the pasted text with its draft and what the secretary confirmed, so the
    extractor learns from every conclusion (``steerlog extract corpus export``).

    The conclusion is issued already; a reading that cannot be kept is logged."""
    text = form.text.data or ""
    if not text.strip():
        return
    draft = draft_conclusion(steerlog(), read_side(), meeting_id, text).draft
    confirmed = {"speech_id": form.speech_id.data, "items": plain(form.item_drafts())}
    outcome = attempt(
        lambda: steerlog().keep_confirmed_reading(
            actor=current_actor(),
            meeting_id=meeting_id,
            text=text,
            draft=draft,
            confirmed=confirmed,
        )
    )
    if not outcome.ok:
        log.warning("confirmed reading of meeting %s not kept: %s", meeting_id, outcome)


def _review(
    meeting: Meeting, text: str, form: ConclusionForm | None, status: int
) -> tuple[str, int]:
    """The text with its marks beside the draft's form (``form``: as sent)."""
    try:
        draft = draft_conclusion(steerlog(), read_side(), meeting.id, text)
    except ExtractionError as error:
        paste = PasteForm(formdata=None, data={"text": text})
        paste.text.errors = [str(error)]
        page = render_template("conclusions/paste.html", meeting=meeting, form=paste)
        return page, 400
    if form is None:
        form = ConclusionForm(formdata=None, data=from_draft(draft.conclusion["items"]))
        form.text.data = text
        form.version.data = str(meeting.version)
        form.speech_id.data = _concluding_speech(meeting)
    form.offer(_agencies(), _speeches(meeting))
    agency_form = AgencyForm(formdata=None)
    choose(agency_form.same_as, _agencies(), blank=True)
    page = render_template(
        "conclusions/review.html",
        meeting=meeting,
        form=form,
        draft=draft,
        marked=marked_text(text, draft),
        agency_form=agency_form,
        text=text,
    )
    return page, status


def marked_text(text: str, draft: ConclusionDraft) -> Markup:
    """The text with each span the extractor read inside a ``<mark>`` of its kind."""
    spans = list(_spans(draft.draft))
    edges = sorted({0, len(text), *(p for s, e, _k in spans for p in (s, e))})
    out = []
    for start, end in itertools.pairwise(edges):
        kinds = sorted({k for s, e, k in spans if s <= start and end <= e})
        piece = escape(text[start:end])
        if kinds:
            classes = " ".join(f"hl-{kind}" for kind in kinds)
            out.append(Markup(f'<mark class="{classes}">{piece}</mark>'))
        else:
            out.append(piece)
    return Markup("").join(out)


def _spans(draft: dict[str, Any]) -> Iterable[tuple[int, int, str]]:
    """(start, end, kind) of every field the extractor read."""
    for task in draft.get("assignments", []):
        marks = task.get("spans", {})
        for kind in ("assignees_lead", "assignees_coordinating"):
            for span in marks.get(kind, []):
                yield (
                    span[0],
                    span[1],
                    "lead" if kind == "assignees_lead" else "coordinating",
                )
        for kind in ("deadline", "report_to"):
            if marks.get(kind):
                yield marks[kind][0], marks[kind][1], kind
        if marks.get("text"):
            yield marks["text"][0], marks["text"][1], "task"
    for document in draft.get("documents_cited", []):
        mention = document.get("spans", {}).get("mention")
        if mention:
            yield mention[0], mention[1], "document"


def _agencies() -> list[tuple[str, str]]:
    """The directory's agencies by name."""
    rows = read_side().agency_directory()
    return sorted(((str(r.id), str(r.name)) for r in rows), key=lambda c: c[1])


def _speeches(meeting: Meeting) -> list[tuple[str, str]]:
    """The meeting's speeches, conclusions first: the one the items come from."""
    ordered = sorted(
        meeting.speeches.values(),
        key=lambda s: (s.kind is not SpeechKind.CONCLUSION, s.spoken_at),
    )
    return [(str(s.id), f"{s.speaker_name} ({SPEECH_KIND[s.kind]})") for s in ordered]


def _concluding_speech(meeting: Meeting) -> str | None:
    """The latest concluding speech, the usual source of the items."""
    conclusions = [
        s for s in meeting.speeches.values() if s.kind is SpeechKind.CONCLUSION
    ]
    latest = max(conclusions, key=lambda s: s.spoken_at, default=None)
    return str(latest.id) if latest else None
