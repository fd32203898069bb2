"""Schemas of the downloads: who signs a notice, which tracker rows to report."""

from __future__ import annotations

from marshmallow import INCLUDE, Schema, fields
from marshmallow.validate import Length, OneOf

from service.documents.export import FORMATS
from web.schemas.fields import Text
from web.schemas.tracker import TrackerArgsSchema

_TEXT = Length(min=1, max=200)


class SigningArgsSchema(Schema):
    """Who signs the notice; by default the chair who gave the conclusion."""

    signer_name = Text(
        load_default=None, validate=_TEXT, metadata={"description": "Họ tên"}
    )
    signer_title = Text(
        load_default=None,
        validate=_TEXT,
        metadata={"description": "Chức vụ, e.g. CHÁNH VĂN PHÒNG"},
    )
    signer_authority = Text(
        load_default=None,
        validate=_TEXT,
        metadata={"description": "Quyền hạn ký, e.g. TL. TRƯỞNG BAN"},
    )


class TrackerReportArgsSchema(TrackerArgsSchema):
    """The tracker's filters (as ``GET /assignments``), every row, no pages."""

    class Meta:
        exclude = ("limit", "cursor")


class MeetingExportBodySchema(Schema):
    """A meeting export (Popolo vocabulary), as ``GET /meetings/{id}/export``
    answers it; checked whole against its JSON Schema
    (``service/documents/meeting-export.schema.json``) by the import."""

    class Meta:
        unknown = INCLUDE

    format = fields.String(required=True, validate=OneOf(FORMATS))
    organizations = fields.List(
        fields.Dict(),
        required=True,
        validate=Length(min=1),
        metadata={"description": "The committee and the agencies."},
    )
    persons = fields.List(fields.Dict(), required=True)
    memberships = fields.List(fields.Dict(), required=True)
    events = fields.List(
        fields.Dict(),
        required=True,
        validate=Length(equal=1),
        metadata={"description": "The meeting."},
    )
    speeches = fields.List(fields.Dict(), required=True)
    motions = fields.List(fields.Dict(), required=True)
