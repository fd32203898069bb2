"""A meeting's record: speeches, approvals, the conclusion and its notice."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from flask_smorest import Blueprint

from domain.meeting import Meeting
from web.http import (
    READ_HEADERS,
    command,
    etag,
    steerlog,
    write_headers,
    written,
)
from web.reading import part_of, read
from web.schemas.common import DocumentSchema, Write
from web.schemas.meeting_record import (
    AmendItemSchema,
    ConclusionWrittenSchema,
    CorrectSpeechSchema,
    IssueConclusionSchema,
    RecordApprovalSchema,
    RecordSpeechSchema,
)
from web.schemas.meetings import ApprovalSchema, SpeechSchema

blp = Blueprint(
    "meeting_record",
    __name__,
    url_prefix="/api/v1/meetings/<uuid:meeting_id>",
    description="Phát biểu, thông qua, kết luận, thông báo",
)


@blp.route("/speeches", methods=["POST"])
@command(blp, 201)
@blp.arguments(RecordSpeechSchema())
def record_speech(write: Write, body: dict[str, Any], meeting_id: UUID) -> Any:
    """Phát biểu: the speaker's name and title are kept as they are today."""
    result = steerlog().record_speech(meeting_id, **write.kwargs, **body)
    location = url_for(".get_speech", meeting_id=meeting_id, speech_id=result.id)
    return written(result, location)


@blp.route("/speeches/<uuid:speech_id>", methods=["GET"])
@blp.response(200, SpeechSchema, headers=READ_HEADERS)
def get_speech(meeting_id: UUID, speech_id: UUID) -> Any:
    """One speech, with its corrections; the ETag is its meeting's version."""
    meeting = read(Meeting, meeting_id)
    return part_of(meeting.speeches, speech_id, "speech"), etag(meeting.version)


@blp.route("/speeches/<uuid:speech_id>/corrections", methods=["POST"])
@command(blp)
@blp.arguments(CorrectSpeechSchema())
def correct_speech(
    write: Write, body: dict[str, Any], meeting_id: UUID, speech_id: UUID
) -> Any:
    """Đính chính: correct a speech with a reason; the original stays."""
    return written(
        steerlog().correct_speech(meeting_id, speech_id, **write.kwargs, **body)
    )


@blp.route("/approvals", methods=["POST"])
@command(blp, 201)
@blp.arguments(RecordApprovalSchema())
def record_approval(write: Write, body: dict[str, Any], meeting_id: UUID) -> Any:
    """Thông qua: a plan or draft approved at the meeting."""
    result = steerlog().record_approval(meeting_id, **write.kwargs, **body)
    location = url_for(".get_approval", meeting_id=meeting_id, approval_id=result.id)
    return written(result, location)


@blp.route("/approvals/<uuid:approval_id>", methods=["GET"])
@blp.response(200, ApprovalSchema, headers=READ_HEADERS)
def get_approval(meeting_id: UUID, approval_id: UUID) -> Any:
    """One approval; the ETag is its meeting's version."""
    meeting = read(Meeting, meeting_id)
    approvals = {approval.id: approval for approval in meeting.approvals}
    return part_of(approvals, approval_id, "approval"), etag(meeting.version)


@blp.route("/conclusion", methods=["POST"])
@command(blp, schema=ConclusionWrittenSchema)
@blp.arguments(IssueConclusionSchema())
def issue_conclusion(write: Write, body: dict[str, Any], meeting_id: UUID) -> Any:
    """Kết luận: numbered items and their assignments, stored atomically.

    Items already issued word for word are skipped with their tasks, so posting
    the same draft twice creates nothing new (``assignment_ids`` is then empty).
    """
    result = steerlog().issue_conclusion(meeting_id, **write.kwargs, **body)
    return result, write_headers(result.meeting)


@blp.route("/conclusion/items/<string:number>/amendments", methods=["POST"])
@command(blp)
@blp.arguments(AmendItemSchema())
def amend_conclusion_item(
    write: Write, body: dict[str, Any], meeting_id: UUID, number: str
) -> Any:
    """Điều chỉnh: amend a conclusion item's text, with a reason."""
    return written(
        steerlog().amend_conclusion_item(meeting_id, number, **write.kwargs, **body)
    )


@blp.route("/notice", methods=["POST"])
@command(blp)
@blp.arguments(DocumentSchema())
def publish_notice(write: Write, notice: Any, meeting_id: UUID) -> Any:
    """Thông báo kết luận: publish the conclusion under its number."""
    return written(steerlog().publish_notice(meeting_id, notice=notice, **write.kwargs))
