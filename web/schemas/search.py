"""Schemas of search over speeches, conclusion items and assignments."""

from __future__ import annotations

import re

from marshmallow import Schema, fields
from marshmallow.validate import Length, OneOf, Range, Regexp

from service.paging import MAX_PAGE
from web.schemas.fields import Text

_LETTER = r"0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff"
# Read from the start (as Regexp does) up to the first letter or digit.
WORD = re.compile(rf"^[^{_LETTER}]*[{_LETTER}]")


class SearchArgsSchema(Schema):
    """Words to find, with or without diacritics (``chuyen doi so``)."""

    # Blank text would match everything, or nothing: ask for a word (a letter
    # of the Latin script, Vietnamese ones included, or a digit somewhere).
    q = Text(
        required=True,
        validate=[
            Length(min=1, max=500),
            Regexp(WORD, error="Give at least one word to search for."),
        ],
    )
    limit = fields.Integer(load_default=20, validate=Range(min=1, max=MAX_PAGE))


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
