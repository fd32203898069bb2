"""Schemas of digest subscriptions (đăng ký nhận bản tin): who gets digests, where."""

from __future__ import annotations

from marshmallow import Schema, fields
from marshmallow.validate import Length, Regexp

from domain.values import RecipientKind
from web.schemas.fields import ADDRESS, LocalMoment, Text

ADDRESSES = Length(min=1, max=20)


class AddressesSchema(Schema):
    """The e-mail addresses a recipient's digests go to."""

    addresses = fields.List(
        Text(
            validate=[
                Length(min=3, max=320),
                Regexp(ADDRESS, error="Not an e-mail address."),
            ]
        ),
        required=True,
        validate=ADDRESSES,
        metadata={"example": ["vanphong@stttt.quangnam.gov.vn"]},
    )


class AccountsSchema(Schema):
    """Accounts that also receive the digests, at their own e-mail."""

    account_ids = fields.List(fields.UUID(), required=True, validate=Length(max=50))


class SubscribeSchema(AddressesSchema):
    """An agency subscribes to a committee's daily digest, or the committee's
    leaders to its weekly one (recipient_kind ``committee``, recipient_id = it)."""

    committee_id = fields.UUID(required=True)
    recipient_kind = fields.Enum(RecipientKind, by_value=True, required=True)
    recipient_id = fields.UUID(required=True)


class SubscriptionSchema(Schema):
    """A subscription as it stands (or stood)."""

    id = fields.UUID(required=True)
    version = fields.Integer(required=True)
    committee_id = fields.UUID(required=True)
    recipient_kind = fields.Enum(RecipientKind, by_value=True, required=True)
    recipient_id = fields.UUID(required=True)
    addresses = fields.List(fields.String(), required=True)
    account_ids = fields.List(
        fields.UUID(),
        metadata={"description": "Accounts that also receive them, at their e-mail."},
    )
    active = fields.Boolean(required=True)
    created_on = LocalMoment(required=True)
    modified_on = LocalMoment(required=True)
