"""Schemas of the document registry (văn bản): every document, and what links to it."""

from __future__ import annotations

from marshmallow import Schema, fields
from marshmallow.validate import OneOf, Range

from domain.values import AssignmentStatus
from service.readmodel.document_links import DocumentRelation
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


_RELATIONS = {
    DocumentRelation.CITED_BY: "Assignments citing it (căn cứ).",
    DocumentRelation.ORIGIN_OF: "Assignments issued by it.",
    DocumentRelation.AUTHORISED: "Changes it authorised: extends, reassigns, cancels,"
    " supersedes an assignment.",
    DocumentRelation.APPROVED_AT: "Meetings that approved it (thông qua).",
    DocumentRelation.NOTICE_OF: "The meeting whose conclusion it publishes"
    " (thông báo kết luận).",
    DocumentRelation.EVIDENCE_FOR: "Assignments whose completion it proves"
    " (the report given as evidence).",
}


# How many assignments or meetings link to a document, by relation.
DocumentLinkCountsSchema = Schema.from_dict(
    {
        relation.value: fields.Integer(
            required=True, validate=Range(min=0), metadata={"description": text}
        )
        for relation, text in _RELATIONS.items()
    },
    name="DocumentLinkCountsSchema",
)


class DocumentSummarySchema(CitedDocumentSchema):
    """A document in the registry: how many assignments cite it, and how many
    assignments or meetings link to it by each relation."""

    citing = fields.Integer(required=True)
    links = fields.Nested(DocumentLinkCountsSchema, required=True)


class DocumentPageSchema(Schema):
    """A page of documents; ``next_cursor`` is null on the last one."""

    items = fields.List(fields.Nested(DocumentSummarySchema), required=True)
    next_cursor = fields.String(allow_none=True, required=True)


class CitingAssignmentSchema(TrackedAssignmentSchema):
    """An assignment citing the document (agencies are not listed here)."""

    class Meta:
        exclude = ("agencies",)


class DocumentLinkSchema(Schema):
    """An assignment or a meeting linked to the document."""

    kind = fields.String(required=True, validate=OneOf(["assignment", "meeting"]))
    id = fields.UUID(required=True)
    title = fields.String(allow_none=True, required=True)
    committee_id = fields.UUID(allow_none=True, required=True)
    status = fields.Enum(
        AssignmentStatus,
        by_value=True,
        allow_none=True,
        required=True,
        metadata={"description": "An assignment's status on ``day``."},
    )
    change = fields.String(
        allow_none=True,
        required=True,
        validate=OneOf(["extends", "reassigns", "cancels", "supersedes"]),
        metadata={"description": "The change authorised (relation authorised)."},
    )
    agency_id = fields.UUID(
        allow_none=True,
        required=True,
        metadata={"description": "Whose completion it proves (evidence_for)."},
    )


# What links to a document, by relation (each present, perhaps empty).
DocumentLinksSchema = Schema.from_dict(
    {
        relation.value: fields.List(
            fields.Nested(DocumentLinkSchema),
            required=True,
            metadata={"description": text},
        )
        for relation, text in _RELATIONS.items()
    },
    name="DocumentLinksSchema",
)


class DocumentCitationsSchema(CitedDocumentSchema):
    """A document, the assignments that cite it with their status, and everything
    that links to it, by relation."""

    cited_by = fields.List(fields.Nested(CitingAssignmentSchema), required=True)
    links = fields.Nested(DocumentLinksSchema, required=True)
