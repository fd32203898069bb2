"""Schemas of people: the officials who chair, speak and decide."""

from __future__ import annotations

from marshmallow import Schema, fields

from web.schemas.common import NAME
from web.schemas.fields import Day, LocalMoment, Text


class RegisterPersonSchema(Schema):
    """Register an official with their current title (chức vụ)."""

    person_id = fields.UUID(
        data_key="id",
        load_default=None,
        allow_none=True,
        load_only=True,
        metadata={"description": "Client-chosen id, so a retried request is safe."},
    )
    full_name = Text(required=True, validate=NAME, metadata={"example": "Nguyễn Văn A"})
    title = Text(load_default=None, allow_none=True, validate=NAME)
    agency_id = fields.UUID(load_default=None, allow_none=True)


class ChangeTitleSchema(Schema):
    """A new position from a given day."""

    title = Text(required=True, validate=NAME)
    effective_on = Day(required=True)
    agency_id = fields.UUID(load_default=None, allow_none=True)


class FormerTitleSchema(Schema):
    """A title held until a day."""

    title = fields.String(allow_none=True)
    until = fields.Date(required=True)


class PersonSchema(Schema):
    """A person as they stand (or stood)."""

    id = fields.UUID(required=True)
    version = fields.Integer(required=True)
    full_name = fields.String(required=True)
    title = fields.String(allow_none=True)
    agency_id = fields.UUID(allow_none=True)
    former_titles = fields.List(fields.Nested(FormerTitleSchema), required=True)
    created_on = LocalMoment(required=True)
    modified_on = LocalMoment(required=True)
