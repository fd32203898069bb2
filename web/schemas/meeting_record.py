"""Schemas of a meeting's record: speeches, approvals, conclusion, notice."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields, post_load
from marshmallow.validate import Length

from domain.values import SpeechKind
from service.usecases.meetings import PointDraft
from service.usecases.record import ItemDraft
from web.schemas.assignments import TaskSchema
from web.schemas.common import NAME, REASON, DocumentSchema
from web.schemas.fields import Moment, Text
from web.schemas.meetings import AddConnectionPointSchema

_SPEECH_TEXT = Length(max=200_000)
_ITEM_NUMBER = Length(min=1, max=50)
_ITEM_TEXT = Length(min=1, max=20_000)


class RecordSpeechSchema(Schema):
    """Phát biểu: who spoke, as what, where, and what was said."""

    speech_id = fields.UUID(
        data_key="id",
        load_default=None,
        allow_none=True,
        load_only=True,
        metadata={"description": "Client-chosen id, so a retried request is safe."},
    )
    speaker_id = fields.UUID(required=True)
    kind = fields.Enum(SpeechKind, by_value=True, required=True)
    point_id = fields.UUID(load_default=None, allow_none=True)
    text = Text(load_default="", validate=_SPEECH_TEXT)
    spoken_at = Moment(load_default=None, allow_none=True)
    speaker_title = Text(
        load_default=None,
        allow_none=True,
        validate=NAME,
        metadata={"description": "The title held when speaking; default: today's."},
    )


class CorrectSpeechSchema(Schema):
    """Đính chính: what changes, and why; the original stays in the history."""

    reason = Text(required=True, validate=REASON)
    text = Text(load_default=None, allow_none=True, validate=_SPEECH_TEXT)
    speaker_title = Text(load_default=None, allow_none=True, validate=NAME)
    kind = fields.Enum(SpeechKind, by_value=True, load_default=None, allow_none=True)


class RecordApprovalSchema(Schema):
    """Thông qua: a plan or draft approved at the meeting."""

    title = Text(required=True, validate=Length(min=1, max=2000))
    document = fields.Nested(DocumentSchema, load_default=None, allow_none=True)
    note = Text(load_default=None, allow_none=True, validate=Length(max=5000))


class ConclusionItemSchema(Schema):
    """A numbered conclusion item and the tasks it assigns."""

    number = Text(required=True, validate=_ITEM_NUMBER, metadata={"example": "1"})
    text = Text(required=True, validate=_ITEM_TEXT)
    tasks = fields.List(
        fields.Nested(TaskSchema), load_default=list, validate=Length(max=50)
    )

    @post_load
    def make(self, data: dict[str, Any], **kwargs: Any) -> ItemDraft:
        """The item as the service's draft."""
        return ItemDraft(**data)


class IssueConclusionSchema(Schema):
    """Kết luận: the concluding speech and its numbered items."""

    speech_id = fields.UUID(required=True)
    items = fields.List(
        fields.Nested(ConclusionItemSchema),
        required=True,
        validate=Length(min=1, max=200),
    )


class ConclusionWrittenSchema(Schema):
    """The meeting written, and the assignments the conclusion issued."""

    id = fields.UUID(required=True, attribute="meeting.id")
    version = fields.Integer(required=True, attribute="meeting.version")
    position = fields.Integer(required=True, attribute="meeting.position")
    assignment_ids = fields.List(fields.UUID(), required=True)


class AmendItemSchema(Schema):
    """Điều chỉnh: an item's new text, with a reason."""

    text = Text(required=True, validate=_ITEM_TEXT)
    reason = Text(required=True, validate=REASON)


class CarryOverWrittenSchema(Schema):
    """The meeting written, and the open tasks its agenda now reviews."""

    id = fields.UUID(required=True, attribute="meeting.id")
    version = fields.Integer(required=True, attribute="meeting.version")
    position = fields.Integer(required=True, attribute="meeting.position")
    assignment_ids = fields.List(
        fields.UUID(),
        required=True,
        metadata={"description": "The tasks added to the agenda by this review."},
    )


class AddConnectionPointsSchema(Schema):
    """Many connection points at once (a pasted list): all of them, or none."""

    points = fields.List(
        fields.Nested(AddConnectionPointSchema),
        required=True,
        validate=Length(min=1, max=500),
        metadata={"description": "Up to 500 points; a refused row refuses them all."},
    )

    @post_load
    def drafts(self, data: dict[str, Any], **_kwargs: Any) -> dict[str, Any]:
        """The rows as the use case takes them."""
        return {"points": [PointDraft(**point) for point in data["points"]]}
