"""A meeting's portable record: export it as Popolo JSON, import one elsewhere."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Response, jsonify
from flask_smorest import Blueprint

from service.documents.export import export_meeting
from service.documents.meeting_import import import_meeting
from web.http import command, steerlog, written
from web.schemas.common import Write
from web.schemas.downloads import MeetingExportBodySchema

blp = Blueprint(
    "meeting_exports",
    __name__,
    url_prefix="/api/v1/meetings",
    description="Hồ sơ cuộc họp (Popolo JSON)",
)


@blp.route("/<uuid:meeting_id>/export", methods=["GET"])
@blp.response(200, {"type": "object"}, description="steerlog-meeting-export/2")
@blp.alt_response(404, response="NOT_FOUND")
def export_meeting_record(meeting_id: UUID) -> Any:
    """The whole record of a meeting (points, speeches, conclusion, tasks,
    documents) as JSON in the Popolo vocabulary, ids kept."""
    response: Response = jsonify(export_meeting(steerlog(), meeting_id))
    response.headers["Content-Disposition"] = (
        f'attachment; filename="meeting-{meeting_id}.json"'
    )
    return response


@blp.route("/import", methods=["POST"])
@command(blp, 200)
@blp.arguments(MeetingExportBodySchema())
def import_meeting_record(write: Write, body: dict[str, Any]) -> Any:
    """Import a meeting's export with its ids and lineage; importing it again
    records nothing. Answers with the meeting's version and log position."""
    imported = import_meeting(steerlog(), body, write.actor)
    return written(imported.meeting)
