"""Schemas of digests (bản tin đôn đốc): the list, and one digest with its lines."""

from __future__ import annotations

from marshmallow import Schema, fields
from marshmallow.validate import Length, Range

from domain.digest import DeliveryState, DigestKind
from domain.values import RecipientKind
from service.paging import MAX_PAGE
from web.schemas.fields import LocalMoment

_DATE = {"format": "date", "example": "2022-03-17"}
_TIME = {"format": "date-time"}


class DigestListArgsSchema(Schema):
    """Which digests, newest first: by committee, recipient, kind, delivery state."""

    cursor = fields.String(
        load_default=None,
        validate=Length(max=500),
        metadata={"description": "The next_cursor of the previous page."},
    )
    limit = fields.Integer(load_default=50, validate=Range(min=1, max=MAX_PAGE))
    committee_id = fields.UUID(load_default=None)
    recipient_id = fields.UUID(load_default=None)
    kind = fields.Enum(DigestKind, by_value=True, load_default=None)
    state = fields.Enum(DeliveryState, by_value=True, load_default=None)


class DigestSummarySchema(Schema):
    """A digest in the list: who, which period, how many lines, where its mail is."""

    id = fields.UUID(required=True)
    kind = fields.String(
        required=True, metadata={"enum": [k.value for k in DigestKind]}
    )
    committee_id = fields.UUID(required=True)
    recipient_kind = fields.String(
        required=True, metadata={"enum": [k.value for k in RecipientKind]}
    )
    recipient_id = fields.UUID(required=True)
    period_start = fields.String(required=True, metadata=_DATE)
    period_end = fields.String(required=True, metadata=_DATE)
    issued_at = fields.String(required=True, metadata=_TIME)
    late = fields.Boolean(required=True)
    counts = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    state = fields.String(
        required=True, metadata={"enum": [s.value for s in DeliveryState]}
    )
    attempts = fields.Integer(required=True)
    last_error = fields.String(allow_none=True)
    next_retry_at = fields.String(allow_none=True, metadata=_TIME)
    delivered_at = fields.String(allow_none=True, metadata=_TIME)
    message_id = fields.String(allow_none=True)


class DigestPageSchema(Schema):
    """A page of digests; ``next_cursor`` is null on the last one."""

    items = fields.List(fields.Nested(DigestSummarySchema), required=True)
    next_cursor = fields.String(allow_none=True, required=True)


class DigestLineSchema(Schema):
    """One line: an assignment, the section it is listed in, days to its deadline."""

    section = fields.String(required=True, metadata={"example": "overdue"})
    ref = fields.UUID(required=True, metadata={"description": "The assignment's id."})
    title = fields.String(required=True)
    deadline = fields.Date(allow_none=True)
    days = fields.Integer(
        allow_none=True, metadata={"description": "Days to the deadline (< 0: late)."}
    )
    detail = fields.String(allow_none=True)


class AgencyTallySchema(Schema):
    """An agency's assignments in the four reporting statuses (weekly digests)."""

    agency_id = fields.UUID(required=True)
    name = fields.String(required=True)
    done_on_time = fields.Integer(required=True)
    done_late = fields.Integer(required=True)
    in_progress = fields.Integer(required=True)
    overdue = fields.Integer(required=True)


class DigestSchema(Schema):
    """A digest as issued, and where its delivery stands."""

    id = fields.UUID(required=True)
    version = fields.Integer(required=True)
    kind = fields.Enum(DigestKind, by_value=True, required=True)
    committee_id = fields.UUID(required=True)
    recipient_kind = fields.Enum(RecipientKind, by_value=True, required=True)
    recipient_id = fields.UUID(required=True)
    period_start = fields.Date(required=True)
    period_end = fields.Date(required=True)
    addresses = fields.List(fields.String(), required=True)
    lines = fields.List(fields.Nested(DigestLineSchema), required=True)
    tallies = fields.List(fields.Nested(AgencyTallySchema), required=True)
    counts = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    late = fields.Boolean(required=True)
    issued_at = LocalMoment(required=True)
    state = fields.Enum(DeliveryState, by_value=True, required=True)
    attempts = fields.Integer(required=True)
    last_error = fields.String(allow_none=True)
    next_retry_at = LocalMoment(allow_none=True)
    delivered_at = LocalMoment(allow_none=True)
    message_id = fields.String(allow_none=True)
