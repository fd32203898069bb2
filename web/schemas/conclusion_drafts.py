"""Schemas of a conclusion drafted from a pasted text (nothing is stored)."""

from __future__ import annotations

from marshmallow import Schema, fields
from marshmallow.validate import Length

from domain.values import AssignmentKind
from service.extraction.extractor import MAX_TEXT_CHARS
from web.schemas.common import DocumentSchema
from web.schemas.fields import Text
from web.schemas.meeting_record import IssueConclusionSchema

_SPAN = fields.List(fields.Integer(), metadata={"description": "[start, end)"})


class ExtractSchema(Schema):
    """The text of the conclusion (thông báo kết luận) or of a news report."""

    text = Text(
        required=True,
        validate=Length(
            max=MAX_TEXT_CHARS, error="Over the limit of {max} characters."
        ),
        metadata={
            "description": "At most 1 MiB of request body; spans index it. "
            "An empty (or blank) text gives an empty draft."
        },
    )


class ConfirmConclusionSchema(IssueConclusionSchema):
    """``POST .../conclusion``'s body with the text its draft was extracted from."""

    text = Text(
        required=True,
        validate=Length(min=1),
        metadata={
            "description": "The text as extracted (not blank: a blank text was never "
            "extracted); kept with what is confirmed."
        },
    )


class TaskDraftSchema(Schema):
    """A task as ``POST .../conclusion`` takes it (``TaskSchema``)."""

    title = fields.String(required=True)
    lead = fields.List(
        fields.UUID(),
        required=True,
        metadata={"description": "Empty when the text names no lead: fill it in."},
    )
    coordinating = fields.List(fields.UUID(), required=True)
    kind = fields.Enum(AssignmentKind, by_value=True, required=True)
    deadline = fields.Date(allow_none=True)
    deadline_text = fields.String(allow_none=True)
    report_to = fields.UUID(allow_none=True)
    report_via = fields.UUID(allow_none=True)
    documents = fields.List(fields.Nested(DocumentSchema), required=True)


class ItemDraftSchema(Schema):
    """A numbered item as ``POST .../conclusion`` takes it."""

    number = fields.String(required=True)
    text = fields.String(required=True)
    tasks = fields.List(fields.Nested(TaskDraftSchema), required=True)


class ConclusionBodySchema(Schema):
    """The body of ``POST .../conclusion``, but for ``speech_id``."""

    speech_id = fields.UUID(
        allow_none=True,
        required=True,
        metadata={
            "description": "Always null: the secretary records the "
            "concluding speech and sets its id."
        },
    )
    items = fields.List(fields.Nested(ItemDraftSchema), required=True)


class HeldBackTaskSchema(Schema):
    """A task an unknown agency holds back (with its whole item)."""

    item = fields.String(required=True)
    title = fields.String(required=True)


class ProposedAgencySchema(Schema):
    """An agency the text names that the directory does not know yet."""

    name = fields.String(required=True)
    group = fields.Boolean(
        required=True,
        metadata={"description": "A collective (các sở, ngành): register a group."},
    )
    spans = fields.List(_SPAN, required=True)
    tasks = fields.List(fields.Nested(HeldBackTaskSchema), required=True)


class ConclusionDraftSchema(Schema):
    """The extractor's reading with spans, and the conclusion body it drafts."""

    meeting_id = fields.UUID(required=True)
    day = fields.Date(
        required=True,
        metadata={"description": "The meeting's day, for dates without a year."},
    )
    draft = fields.Dict(
        keys=fields.String(),
        required=True,
        metadata={
            "description": "meeting, speeches, assignments, documents_cited, "
            "approvals, agencies_proposed, each with its character spans."
        },
    )
    conclusion = fields.Nested(ConclusionBodySchema, required=True)
    agencies_proposed = fields.List(fields.Nested(ProposedAgencySchema), required=True)
