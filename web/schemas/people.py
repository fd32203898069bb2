"""Schemas of people: the officials who chair, speak and decide."""

from __future__ import annotations

from marshmallow import Schema, fields
from marshmallow.validate import Length

from web.schemas.common import NAME, PageArgsSchema
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


class PersonListArgsSchema(PageArgsSchema):
    """Which officials to list: by a folded part of the name or title, one page."""

    q = Text(
        load_default=None,
        validate=Length(max=500),
        metadata={
            "description": "Part of the name; case and diacritics do not matter "
            "(``so thong tin`` finds ``Sở Thông tin và Truyền thông``).",
            "example": "nguyen van",
        },
    )


class PersonRowSchema(Schema):
    """An official as the directory lists it."""

    id = fields.UUID(required=True)
    full_name = fields.String(required=True)
    title = fields.String(allow_none=True, required=True)
    agency_id = fields.UUID(allow_none=True, required=True)


class PersonPageSchema(Schema):
    """A page of officials by name; ``next_cursor`` is null on the last one."""

    items = fields.List(fields.Nested(PersonRowSchema), required=True)
    next_cursor = fields.String(allow_none=True, required=True)
