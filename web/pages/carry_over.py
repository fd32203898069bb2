"""The meeting page's carry-over section: review the committee's open tasks.

The section lists the tasks this meeting reviews, each with its status on the
meeting's day and a link to its page, where the secretary records what the
meeting decided (extend, reassign, cancel, complete) naming one of this
meeting's conclusion items; a button puts the open tasks on the agenda.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from flask import Blueprint, flash, redirect, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from domain.assignment import Assignment
from domain.meeting import Meeting
from domain.values import AssignmentStatus, MeetingStatus
from service.eventstore.application import Written
from service.usecases.carry_over import review_open_tasks
from web.http import read_side, steerlog
from web.pages.feedback import attempt
from web.pages.forms import VersionedForm
from web.pages.permissions import may
from web.principal import current_actor

bp = Blueprint("carry_over_pages", __name__)
OPERATION = "carry_over.review_open_tasks"


class ReviewForm(VersionedForm):
    """Rà soát nhiệm vụ còn mở: nothing to fill in but the record's version."""


@dataclass(frozen=True)
class ReviewedTask:
    """A task on this meeting's agenda for review, as it stands on the meeting's day."""

    number: int
    assignment_id: UUID
    title: str
    status: AssignmentStatus


@dataclass(frozen=True)
class CarryOver:
    """What the section shows: the reviewed tasks, and the button when allowed."""

    tasks: list[ReviewedTask]
    form: ReviewForm | None


def carry_over_of(meeting: Meeting) -> CarryOver:
    """The meeting's reviewed tasks, and a review form if this viewer may review."""
    application = steerlog()
    day = application.committee_day(meeting.committee_id, meeting.starts_at)
    tasks = []
    for assignment_id, number in meeting.reviewed_tasks.items():
        task = application.view(Assignment, assignment_id)
        tasks.append(ReviewedTask(number, task.id, task.title, task.status_on(day)))
    form = None
    still_open = meeting.status in (MeetingStatus.SCHEDULED, MeetingStatus.OPEN)
    if still_open and may(OPERATION, application.target_of_aggregate(meeting)):
        form = ReviewForm(formdata=None)
        form.version.data = str(meeting.version)
    return CarryOver(tasks, form)


@bp.app_context_processor
def carry_over_helpers() -> dict[str, Any]:
    """Let the meeting page's partial ask for its section."""
    return {"carry_over_of": carry_over_of}


@bp.route("/meetings/<uuid:meeting_id>/open-task-reviews", methods=["POST"])
def review(meeting_id: UUID) -> ResponseReturnValue:
    """Rà soát: put the committee's open tasks from earlier meetings on the agenda."""
    form = ReviewForm()
    added: list[UUID] = []

    def run() -> Written:
        result = review_open_tasks(
            steerlog(),
            read_side(),
            meeting_id,
            actor=current_actor(),
            expected_version=form.expected_version(),
        )
        added.extend(result.assignment_ids)
        return result.meeting

    if not form.validate_on_submit():
        flash(_("Phiên làm việc đã hết hạn. Vui lòng gửi lại."), "error")
    else:
        outcome = attempt(run)
        if outcome.ok:
            flash(_("Đã đưa %(num)d nhiệm vụ còn mở vào chương trình.", num=len(added)))
        else:
            flash(outcome.message or _("Không thể rà soát nhiệm vụ."), "error")
    page = url_for("meeting_pages.meeting_page", meeting_id=meeting_id)
    return redirect(f"{page}#carry-over", code=303)
