"""Schemas of search over speeches, conclusion items and assignments."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validates
from marshmallow.validate import Length, OneOf, Range

from service.paging import MAX_PAGE
from web.schemas.fields import Text


class SearchArgsSchema(Schema):
    """Words to find, with or without diacritics (``chuyen doi so``)."""

    q = Text(required=True, validate=Length(min=1, max=500))
    limit = fields.Integer(load_default=20, validate=Range(min=1, max=MAX_PAGE))

    @validates("q")
    def has_words(self, value: str, **kwargs: object) -> None:
        """Blank text would match everything, or nothing: ask for words."""
        if not any(character.isalnum() for character in value):
            raise ValidationError("Give at least one word to search for.")


class MatchSchema(Schema):
    """A match: what it is (``speech:<id>``...), its meeting, text and rank."""

    key = fields.String(required=True, metadata={"example": "speech:<uuid>"})
    kind = fields.String(
        required=True, validate=OneOf(["speech", "item", "assignment"])
    )
    meeting_id = fields.UUID(allow_none=True)
    title = fields.String(required=True)
    body = fields.String(required=True)
    rank = fields.Float(
        required=True, metadata={"description": "Relevance as the database scores it."}
    )


class SearchResultSchema(Schema):
    """Matches, best first."""

    items = fields.List(fields.Nested(MatchSchema), required=True)
