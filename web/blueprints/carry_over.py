"""Carry-over (rà soát nhiệm vụ): a meeting reviews the committee's open tasks."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask_smorest import Blueprint

from service.usecases.carry_over import review_open_tasks as review
from web.http import command, read_side, steerlog, write_headers
from web.schemas.common import Write
from web.schemas.meeting_record import CarryOverWrittenSchema

blp = Blueprint(
    "carry_over",
    __name__,
    url_prefix="/api/v1/meetings/<uuid:meeting_id>/open-task-reviews",
    description="Rà soát nhiệm vụ",
)


@blp.route("", methods=["POST"])
@command(blp, schema=CarryOverWrittenSchema)
def review_open_tasks(write: Write, meeting_id: UUID) -> Any:
    """Rà soát: put the committee's open tasks from earlier meetings on the agenda.

    One agenda entry per task, once: reviewing again adds only tasks not yet on
    it (``assignment_ids`` lists those added). Decide about each task with its
    own operations (extensions, reassignments, cancel, completions), naming a
    conclusion item of this meeting as authority.
    """
    result = review(steerlog(), read_side(), meeting_id, **write.kwargs)
    return result, write_headers(result.meeting)
