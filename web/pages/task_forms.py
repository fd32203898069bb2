"""The forms a task's page offers its viewer: only what their role allows, with the
choices that make sense for this task (its agencies, its committee's meetings)."""

from __future__ import annotations

import re
from typing import Any
from uuid import UUID

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, ValidationError
from wtforms.validators import InputRequired, Length

from domain.assignment import Assignment
from service.access.decision import Target
from service.readmodel.base import MeetingFilter, Page
from web.http import read_side, steerlog
from web.pages import forms, names
from web.pages.permissions import acting_agencies, may

# The latest meetings of the committee offered as an authority.
AUTHORITY_MEETINGS = 50


def forms_for(
    task: Assignment, actions: list[Any], submitted: dict[str, FlaskForm]
) -> dict[str, FlaskForm]:
    """A form for each action the viewer may take; a submitted one as it came.

    A cancelled or superseded task takes no further commands, so it offers none.
    """
    target = steerlog().target_of_aggregate(task)
    offered: dict[str, FlaskForm] = {}
    if task.closed_status is not None:
        return offered
    for action in actions:
        if not may(action.operation, target):
            continue
        form = submitted.get(action.name) or action.form(formdata=None)
        if action.name not in submitted:
            form.version.data = str(task.version)
        offer_choices(form, task, target)
        if hasattr(form, "agency_id") and not form.agency_id.choices:
            continue  # an officer of an agency this task does not concern
        if action.name not in submitted and _reported_already(form, task):
            continue  # each agency reports its completion once
        offered[action.name] = form
    return offered


def offer_choices(
    form: FlaskForm, task: Assignment, target: Target | None = None
) -> None:
    """Fill the select fields of ``form`` for ``task``."""
    target = target or steerlog().target_of_aggregate(task)
    if hasattr(form, "agency_id"):
        agencies = acting_agencies(target, _candidates(form, task))
        forms.choose(form.agency_id, [(str(a), names.agency_name(a)) for a in agencies])
    if hasattr(form, "authority"):
        forms.choose(
            form.authority.form.meeting_id,
            _meetings(task.origin.committee_id),
            blank=True,
        )
    if hasattr(form, "lead"):
        directory = _agencies()
        forms.choose(form.lead, directory)
        forms.choose(form.coordinating, directory)


def _reported_already(form: FlaskForm, task: Assignment) -> bool:
    """A completion form all of whose agencies have reported their part done (a
    refused one is still shown, with the rule that refused it)."""
    return isinstance(form, forms.CompleteForm) and all(
        UUID(choice.value) in task.completions for choice in form.agency_id.choices
    )


def _candidates(form: FlaskForm, task: Assignment) -> list[UUID]:
    """Agencies that may send this form: completion and extension requests come
    from the agencies doing the task; receipt and progress from any taking part."""
    if isinstance(form, forms.CompleteForm | forms.ExtensionRequestForm):
        return list(task.tracked)
    return list(dict.fromkeys([*task.tracked, *task.lead, *task.coordinating]))


def _meetings(committee_id: UUID) -> list[tuple[str, str]]:
    """The committee's latest meetings, newest first."""
    found = read_side().meetings(
        MeetingFilter(committee_id=str(committee_id)), Page(limit=AUTHORITY_MEETINGS)
    )
    return [(str(row.id), str(row.title)) for row in found.items]


def _agencies() -> list[tuple[str, str]]:
    """Every agency of the directory, by name."""
    rows = read_side().agency_directory()
    seen: dict[str, str] = {}
    for row in rows:
        seen.setdefault(str(row.id), str(row.name))
    return sorted(seen.items(), key=lambda item: item[1])


# A task named by its page's address (…/tasks/<id>) or by its id alone.
_TASK_ID = re.compile(
    r"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\W*$", re.I
)


def named_task(typed: str | None) -> UUID | None:
    """The task a pasted address or id names (None when it names none)."""
    found = _TASK_ID.search((typed or "").strip())
    return UUID(found.group(1)) if found else None


def _names_a_task(form: FlaskForm, field: Any) -> None:
    if named_task(field.data) is None:
        raise ValidationError(
            str(_l("Dán địa chỉ trang (hoặc mã) của nhiệm vụ thay thế."))
        )


class SupersedeForm(forms.DecisionForm):
    """Thay thế: a newer task replaces this one, by a meeting item or a document."""

    by_assignment_id = StringField(
        _l("Nhiệm vụ thay thế (địa chỉ trang hoặc mã)"),
        validators=[InputRequired(forms.REQUIRED), Length(max=500), _names_a_task],
    )

    def replacement(self) -> UUID:
        """The task that replaces this one (the validator made sure there is one)."""
        task = named_task(self.by_assignment_id.data)
        assert task is not None
        return task
