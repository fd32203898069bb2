"""Schemas every resource shares: documents, authorities, write headers, problems."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from marshmallow import Schema, ValidationError, fields, post_load, validates_schema
from marshmallow.validate import Length, Range, Regexp

from domain.values import Authority, DocumentRef
from service.paging import MAX_PAGE
from web.principal import current_actor
from web.schemas.fields import Day, Moment, Text

NAME = Length(min=1, max=500)
REASON = Length(min=1, max=5000)
MANY_IDS = Length(max=500)
_ETAG = re.compile(r'^(\*|"\d{1,18}")$')
_POSITION = Range(min=0, max=2**62)


class DocumentSchema(Schema):
    """Nghị quyết, Quyết định, Kế hoạch, Thông báo...: a legal document."""

    kind = Text(
        required=True,
        validate=Length(min=1, max=100),
        metadata={"example": "Quyết định"},
    )
    number = Text(
        required=True, validate=Length(min=1, max=100), metadata={"example": "04-NQ/TU"}
    )
    date = Day(load_default=None, allow_none=True)
    issuer = Text(load_default=None, allow_none=True, validate=NAME)
    title = Text(load_default=None, allow_none=True, validate=Length(max=2000))

    @post_load
    def make(self, data: dict[str, Any], **kwargs: Any) -> DocumentRef:
        """The document as the domain's value object."""
        return DocumentRef(**data)


# A meeting or a document must stand behind a change, as the document states it.
NEEDS_A_SOURCE = {
    "anyOf": [
        {"required": ["meeting_id"], "properties": {"meeting_id": {"type": "string"}}},
        {"required": ["document"], "properties": {"document": {"type": "object"}}},
    ]
}


def needs_a_source(data: dict[str, Any], field: str = "_schema") -> None:
    """A meeting or a document must stand behind the change (an error on ``field``)."""
    if data.get("meeting_id") is None and data.get("document") is None:
        raise ValidationError("Needs a meeting_id or a document.", field_name=field)


# What may authorise a change, as the domain checks it: an item of a meeting's
# conclusion, or a document (a meeting named without an item needs one).
AN_ITEM_OR_A_DOCUMENT = {
    "anyOf": [
        {
            "required": ["meeting_id", "item_number"],
            "properties": {
                "meeting_id": {"type": "string"},
                "item_number": {"type": "string"},
            },
        },
        {"required": ["document"], "properties": {"document": {"type": "object"}}},
    ]
}


class AuthoritySchema(Schema):
    """What authorised a change: a meeting's conclusion item, or a document."""

    OPENAPI_RULES = AN_ITEM_OR_A_DOCUMENT

    meeting_id = fields.UUID(load_default=None, allow_none=True)
    item_number = Text(
        load_default=None,
        allow_none=True,
        validate=Length(max=50),
        metadata={"description": "An item the meeting's conclusion has."},
    )
    document = fields.Nested(DocumentSchema, load_default=None, allow_none=True)

    @validates_schema
    def needs_a_source(self, data: dict[str, Any], **kwargs: Any) -> None:
        """A meeting or a document must stand behind the change."""
        needs_a_source(data)

    @post_load
    def make(self, data: dict[str, Any], **kwargs: Any) -> Authority:
        """The authority as the domain's value object."""
        return Authority(**data)


@dataclass(frozen=True)
class Write:
    """Who writes (the signed-in account) and the version they saw (``If-Match``)."""

    actor: str
    expected_version: int | None

    @property
    def kwargs(self) -> dict[str, Any]:
        """The actor and expected version, as a change use case takes them."""
        return {"actor": self.actor, "expected_version": self.expected_version}


class WriteHeadersSchema(Schema):
    """The headers of every write: the version it is based on.

    The actor is the account the request is authenticated as (``web.auth``); it
    is recorded on every event the write produces.
    """

    if_match = fields.String(
        load_default=None,
        data_key="If-Match",
        validate=Regexp(_ETAG),
        metadata={"description": 'The version the change is based on, e.g. "7".'},
    )

    @post_load
    def make(self, data: dict[str, Any], **kwargs: Any) -> Write:
        """The actor, and the expected version (``*`` or absent: any version)."""
        tag = data["if_match"]
        expected = None if tag in (None, "*") else int(tag.strip('"'))
        return Write(actor=current_actor(), expected_version=expected)


class WrittenSchema(Schema):
    """What a write stored: the id written, the new version, the log position."""

    id = fields.UUID(required=True)
    version = fields.Integer(required=True)
    position = fields.Integer(
        required=True, metadata={"description": "Position of the last event stored."}
    )


class AsOfArgsSchema(Schema):
    """Read an aggregate as it stood at a past moment."""

    as_of = Moment(
        load_default=None,
        metadata={
            "description": "ISO 8601 time with offset, e.g. 2022-01-01T00:00:00+07:00"
        },
    )


class PageArgsSchema(Schema):
    """Which page of a list: after the cursor, at most ``limit`` rows."""

    cursor = fields.String(
        load_default=None,
        validate=Length(min=1, max=1000),
        metadata={"description": "The next_cursor of the previous page (opaque)."},
    )
    limit = fields.Integer(load_default=50, validate=Range(min=1, max=MAX_PAGE))


class ReadAfterArgsSchema(Schema):
    """Read your writes: the position a read must reflect."""

    after = fields.Integer(
        load_default=None,
        validate=_POSITION,
        metadata={
            "description": "Wait (at most 5 s) until the read models reach this "
            "position: a write's X-Steerlog-Position."
        },
    )


class ReadAfterHeadersSchema(Schema):
    """Read your writes, asked in a header rather than the query."""

    after = fields.Integer(
        data_key="X-Steerlog-After",
        load_default=None,
        validate=_POSITION,
        metadata={"description": "As the ``after`` query argument."},
    )


class RefusedRowSchema(Schema):
    """One refused row of a batch: where it is, and the rule it broke."""

    index = fields.Integer(required=True)
    path = fields.String(required=True, metadata={"example": "points.1.name"})
    rule = fields.String(required=True)
    details = fields.Dict(required=True)


class ProblemSchema(Schema):
    """RFC 9457 problem details, with field errors (422) and the broken rule (409)."""

    type = fields.String(required=True)
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String(allow_none=True)
    errors = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.String()),
        metadata={"description": "Messages by field (422)."},
    )
    rule = fields.String(metadata={"description": "The domain rule broken (409)."})
    rows = fields.List(
        fields.Nested(RefusedRowSchema),
        metadata={"description": "The refused rows of a batch (422, rows_refused)."},
    )
    details = fields.Dict(metadata={"description": "Data of the broken rule (409)."})
    operation = fields.String(metadata={"description": "The operation refused (403)."})
    permission = fields.String(
        metadata={"description": "The permission it needs (403)."}
    )
    committee_id = fields.UUID(
        allow_none=True,
        metadata={"description": "The committee it was asked for (403)."},
    )
    roles = fields.List(
        fields.String(), metadata={"description": "The roles holding it (403)."}
    )
