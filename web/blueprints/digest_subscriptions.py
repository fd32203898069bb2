"""Digest subscriptions: subscribe a recipient, change addresses, end, resume."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from flask_smorest import Blueprint

from domain.subscription import DigestSubscription
from web.http import NOT_MODIFIED, READ_HEADERS, command, steerlog, written
from web.reading import read
from web.representations import represented
from web.schemas.common import AsOfArgsSchema, Write
from web.schemas.digest_subscriptions import (
    AccountsSchema,
    AddressesSchema,
    SubscribeSchema,
    SubscriptionSchema,
)

REPRESENTATION = SubscriptionSchema()

blp = Blueprint(
    "digest_subscriptions",
    __name__,
    url_prefix="/api/v1/digests/subscriptions",
    description="Đăng ký nhận bản tin",
)


@blp.route("", methods=["POST"])
@command(blp, 201)
@blp.arguments(SubscribeSchema())
def subscribe(write: Write, body: dict[str, Any]) -> Any:
    """Subscribe a recipient (id derives from committee and recipient: once)."""
    result = steerlog().subscribe_to_digests(actor=write.actor, **body)
    return written(result, url_for(".get_subscription", subscription_id=result.id))


@blp.route("/<uuid:subscription_id>", methods=["GET"])
@blp.arguments(AsOfArgsSchema(), location="query")
@blp.response(200, SubscriptionSchema, headers=READ_HEADERS)
@blp.alt_response(304, description=NOT_MODIFIED, headers=READ_HEADERS)
def get_subscription(args: dict[str, Any], subscription_id: UUID) -> Any:
    """A subscription now, or as it stood at ``as_of``."""
    subscription = read(DigestSubscription, subscription_id, args["as_of"])
    return represented(REPRESENTATION, subscription)


@blp.route("/<uuid:subscription_id>/addresses", methods=["PUT"])
@command(blp)
@blp.arguments(AddressesSchema())
def change_addresses(write: Write, body: dict[str, Any], subscription_id: UUID) -> Any:
    """Send the recipient's digests to these addresses from now on."""
    return written(
        steerlog().change_digest_addresses(subscription_id, **write.kwargs, **body)
    )


@blp.route("/<uuid:subscription_id>/accounts", methods=["PUT"])
@command(blp)
@blp.arguments(AccountsSchema())
def name_accounts(write: Write, body: dict[str, Any], subscription_id: UUID) -> Any:
    """Accounts that also get the digests (a secretary, or a named account itself)."""
    return written(
        steerlog().name_digest_accounts(subscription_id, **write.kwargs, **body)
    )


@blp.route("/<uuid:subscription_id>/end", methods=["POST"])
@command(blp)
def end_subscription(write: Write, subscription_id: UUID) -> Any:
    """Stop issuing digests to the recipient."""
    return written(steerlog().end_digest_subscription(subscription_id, **write.kwargs))


@blp.route("/<uuid:subscription_id>/resume", methods=["POST"])
@command(blp)
@blp.arguments(AddressesSchema())
def resume_subscription(
    write: Write, body: dict[str, Any], subscription_id: UUID
) -> Any:
    """Issue digests to the recipient again, at these addresses."""
    return written(
        steerlog().resume_digest_subscription(subscription_id, **write.kwargs, **body)
    )
