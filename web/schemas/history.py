"""Schemas of an aggregate's history: its events, a page at a time."""

from __future__ import annotations

from marshmallow import Schema, fields
from marshmallow.validate import Range, Regexp

from service.paging import MAX_PAGE
from web.schemas.fields import LocalMoment


class HistoryArgsSchema(Schema):
    """Which page: after the cursor, at most ``limit`` entries."""

    cursor = fields.String(
        load_default=None,
        validate=Regexp(r"^\d{1,18}$"),
        metadata={"description": "The next_cursor of the previous page."},
    )
    limit = fields.Integer(load_default=50, validate=Range(min=1, max=MAX_PAGE))


class HistoryEntrySchema(Schema):
    """One event: what happened, who did it, when it was recorded, its data."""

    version = fields.Integer(required=True)
    event = fields.String(required=True, metadata={"example": "SpeechRecorded"})
    recorded_at = LocalMoment(required=True)
    actor = fields.String(
        allow_none=True,
        metadata={"description": "The account's id (older events: as recorded)."},
    )
    actor_name = fields.String(
        allow_none=True,
        metadata={"description": "Who the actor is: the account's display name."},
    )
    data = fields.Dict(keys=fields.String(), required=True)


class HistoryPageSchema(Schema):
    """A page of history, oldest first; ``next_cursor`` is null on the last one."""

    items = fields.List(fields.Nested(HistoryEntrySchema), required=True)
    next_cursor = fields.String(allow_none=True, required=True)
