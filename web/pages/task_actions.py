"""What a task's page lets people do: an agency's follow-up, a leader's decisions.

Each action is its own endpoint (``task_pages.<action>``), authorised in the policy
table as the API operation it mirrors; its form keeps what was typed when refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

from flask import Blueprint, flash, redirect, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from domain.assignment import Assignment
from service.eventstore.application import Written
from web.http import steerlog
from web.pages import forms
from web.pages.feedback import attempt, show_on
from web.pages.task_forms import SupersedeForm, offer_choices
from web.principal import current_actor

Command = Callable[[Assignment, FlaskForm, str], Written]


@dataclass(frozen=True)
class Action:
    """A form on the task page, the API operation it is, and the use case it runs."""

    name: str
    form: type[FlaskForm]
    operation: str
    command: Command
    done: str


def _agency(form: FlaskForm) -> UUID:
    return UUID(form.agency_id.data)


def _acknowledge(task: Assignment, form: FlaskForm, actor: str) -> Written:
    return steerlog().acknowledge(
        task.id,
        actor=actor,
        agency_id=_agency(form),
        expected_version=form.expected_version(),
    )


def _progress(task: Assignment, form: FlaskForm, actor: str) -> Written:
    return steerlog().report_progress(
        task.id,
        actor=actor,
        agency_id=_agency(form),
        note=form.note.data,
        percent=form.percent.data,
        expected_version=form.expected_version(),
    )


def _request_extension(task: Assignment, form: FlaskForm, actor: str) -> Written:
    return steerlog().request_extension(
        task.id,
        actor=actor,
        agency_id=_agency(form),
        deadline=form.deadline.data,
        reason=form.reason.data,
        expected_version=form.expected_version(),
    )


def _complete(task: Assignment, form: FlaskForm, actor: str) -> Written:
    return steerlog().complete(
        task.id,
        actor=actor,
        agency_id=_agency(form),
        evidence=form.evidence.data,
        completed_on=form.completed_on.data,
        document=form.document.form.document(),
        expected_version=form.expected_version(),
    )


def _extend(task: Assignment, form: FlaskForm, actor: str) -> Written:
    return steerlog().extend_deadline(
        task.id,
        actor=actor,
        deadline=form.deadline.data,
        authority=form.authority.form.authority(),
        reason=form.reason.data,
        expected_version=form.expected_version(),
    )


def _cancel(task: Assignment, form: FlaskForm, actor: str) -> Written:
    return steerlog().cancel_assignment(
        task.id,
        actor=actor,
        authority=form.authority.form.authority(),
        reason=form.reason.data,
        expected_version=form.expected_version(),
    )


def _reassign(task: Assignment, form: FlaskForm, actor: str) -> Written:
    return steerlog().reassign(
        task.id,
        actor=actor,
        lead=[UUID(agency) for agency in form.lead.data],
        coordinating=[UUID(agency) for agency in form.coordinating.data or []],
        authority=form.authority.form.authority(),
        reason=form.reason.data,
        expected_version=form.expected_version(),
    )


def _supersede(task: Assignment, form: FlaskForm, actor: str) -> Written:
    return steerlog().supersede(
        task.id,
        actor=actor,
        by_assignment_id=form.replacement(),
        authority=form.authority.form.authority(),
        reason=form.reason.data,
        expected_version=form.expected_version(),
    )


ACTIONS = [
    Action("acknowledge", forms.AcknowledgeForm, "assignments.acknowledge",
           _acknowledge, _l("Đã tiếp nhận nhiệm vụ.")),
    Action("progress", forms.ProgressForm, "assignments.report_progress",
           _progress, _l("Đã ghi báo cáo tiến độ.")),
    Action("request_extension", forms.ExtensionRequestForm,
           "assignments.request_extension", _request_extension,
           _l("Đã gửi đề nghị gia hạn.")),
    Action("complete", forms.CompleteForm, "assignments.complete",
           _complete, _l("Đã báo cáo hoàn thành.")),
    Action("extend", forms.ExtendForm, "assignments.extend_deadline",
           _extend, _l("Đã gia hạn nhiệm vụ.")),
    Action("reassign", forms.ReassignForm, "assignments.reassign",
           _reassign, _l("Đã điều chỉnh cơ quan thực hiện.")),
    Action("cancel", forms.CancelForm, "assignments.cancel_assignment",
           _cancel, _l("Đã hủy nhiệm vụ.")),
    Action("supersede", SupersedeForm, "assignments.supersede",
           _supersede, _l("Đã ghi nhiệm vụ được thay thế.")),
]  # fmt: skip
BY_NAME = {action.name: action for action in ACTIONS}


Render = Callable[[Assignment, dict[str, FlaskForm], int], tuple[str, int]]


def register(bp: Blueprint, render: Render) -> None:
    """Add one POST endpoint per action to the task pages' blueprint.

    ``render`` shows the task page again with the refused form in place.
    """
    for action in ACTIONS:
        bp.add_url_rule(
            f"/tasks/<uuid:assignment_id>/{action.name}",
            endpoint=action.name,
            view_func=_view(action, render),
            methods=["POST"],
        )


def _view(action: Action, render: Render) -> Callable[[UUID], ResponseReturnValue]:
    def act(assignment_id: UUID) -> ResponseReturnValue:
        task = steerlog().load(Assignment, assignment_id)
        form = action.form()
        if _validates(form, task):
            outcome = attempt(lambda: action.command(task, form, current_actor()))
            if outcome.ok:
                flash(str(action.done), "success")
                return redirect(
                    url_for(".task_page", assignment_id=assignment_id), code=303
                )
            show_on(form, outcome)
        # What was typed stays; sent again, it applies to the record as it is now.
        form.version.data = str(steerlog().view(Assignment, assignment_id).version)
        return render(task, {action.name: form}, 400)

    act.__name__ = action.name
    act.__doc__ = (
        f"{action.name}: the form on the task page, run as {action.operation}."
    )
    return act


def _validates(form: FlaskForm, task: Assignment) -> bool:
    """Validate against the choices the page offered (set before validating)."""
    offer_choices(form, task)
    return bool(form.validate_on_submit())
