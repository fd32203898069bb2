"""Schemas of the downloads: who signs a notice, which tracker rows to report."""

from __future__ import annotations

from marshmallow import Schema, fields
from marshmallow.validate import Length

from web.schemas.tracker import TrackerArgsSchema

_TEXT = Length(min=1, max=200)


class SigningArgsSchema(Schema):
    """Who signs the notice; by default the chair who gave the conclusion."""

    signer_name = fields.String(
        load_default=None, validate=_TEXT, metadata={"description": "Họ tên"}
    )
    signer_title = fields.String(
        load_default=None,
        validate=_TEXT,
        metadata={"description": "Chức vụ, e.g. CHÁNH VĂN PHÒNG"},
    )
    signer_authority = fields.String(
        load_default=None,
        validate=_TEXT,
        metadata={"description": "Quyền hạn ký, e.g. TL. TRƯỞNG BAN"},
    )


class TrackerReportArgsSchema(TrackerArgsSchema):
    """The tracker's filters (as ``GET /assignments``), every row, no pages."""

    class Meta:
        exclude = ("limit", "cursor")


class FeedSecretSchema(Schema):
    """A calendar feed secret, shown once, and the feed addresses it opens."""

    account_id = fields.String(required=True)
    secret = fields.String(required=True)
    created_at = fields.DateTime(required=True)
