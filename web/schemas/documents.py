"""Schemas of cited documents (văn bản) and the assignments citing them."""

from __future__ import annotations

from marshmallow import Schema, fields

from web.schemas.common import PageArgsSchema
from web.schemas.fields import Day, day_text
from web.schemas.tracker import TrackedAssignmentSchema


class DocumentListArgsSchema(PageArgsSchema):
    """Which page of documents (by normalised number)."""


class DocumentDayArgsSchema(Schema):
    """The day the citing assignments' statuses are judged on."""

    day = Day(
        load_default=None,
        metadata={"description": "Default: today in Asia/Ho_Chi_Minh."},
    )


class CitedDocumentSchema(Schema):
    """A document as cited: its key (the normalised number) and what is known."""

    key = fields.String(required=True, metadata={"example": "04-NQ/TU"})
    kind = fields.String(required=True)
    number = fields.String(required=True)
    date = day_text(allow_none=True)
    issuer = fields.String(allow_none=True)
    title = fields.String(allow_none=True)


class DocumentSummarySchema(CitedDocumentSchema):
    """A document in the list, with how many assignments cite it."""

    citing = fields.Integer(required=True)


class DocumentPageSchema(Schema):
    """A page of documents; ``next_cursor`` is null on the last one."""

    items = fields.List(fields.Nested(DocumentSummarySchema), required=True)
    next_cursor = fields.String(allow_none=True, required=True)


class CitingAssignmentSchema(TrackedAssignmentSchema):
    """An assignment citing the document (agencies are not listed here)."""

    class Meta:
        exclude = ("agencies",)


class DocumentCitationsSchema(CitedDocumentSchema):
    """A document and the assignments that cite it, with their status."""

    cited_by = fields.List(fields.Nested(CitingAssignmentSchema), required=True)
