"""The digests projection: issued digests with their delivery, and subscriptions."""

from __future__ import annotations

import json
from typing import Any

from domain.digest import Digest
from domain.subscription import DigestSubscription
from service.readmodel.projections.core import Operations, Projection

digests = Projection("digests")


@digests.on(Digest, "Issued")
def issued(event: Any, out: Operations) -> None:
    out.put(
        "digest_issued",
        id=event.originator_id,
        kind=event.kind,
        committee_id=event.committee_id,
        recipient_kind=event.recipient_kind,
        recipient_id=event.recipient_id,
        period_start=event.period_start,
        period_end=event.period_end,
        issued_at=event.issued_at,
        late=bool(event.late),
        counts=json.dumps(event.counts, sort_keys=True),
    )


@digests.on(Digest, "DeliveryAttempted")
def attempted(event: Any, out: Operations) -> None:
    out.put(
        "digest_attempted",
        id=event.originator_id,
        attempt=event.attempt,
        at=event.at,
        message_id=event.message_id,
    )


@digests.on(Digest, "DeliveryFailed")
def failed(event: Any, out: Operations) -> None:
    out.put(
        "digest_failed",
        id=event.originator_id,
        state="retrying" if event.next_retry_at else "abandoned",
        error=event.error,
        next_retry_at=event.next_retry_at,
    )


@digests.on(Digest, "Delivered")
def delivered(event: Any, out: Operations) -> None:
    out.put(
        "digest_delivered",
        id=event.originator_id,
        at=event.at,
        message_id=event.message_id,
    )


@digests.on(DigestSubscription, "Subscribed")
def subscribed(event: Any, out: Operations) -> None:
    out.put(
        "digest_subscribed",
        id=event.originator_id,
        committee_id=event.committee_id,
        recipient_kind=event.recipient_kind,
        recipient_id=event.recipient_id,
        addresses=json.dumps(event.addresses, ensure_ascii=False),
    )


@digests.on(DigestSubscription, "AddressesChanged", "Resumed")
def addressed(event: Any, out: Operations) -> None:
    out.put(
        "digest_subscription_changed",
        id=event.originator_id,
        addresses=json.dumps(event.addresses, ensure_ascii=False),
        active=True,
    )


@digests.on(DigestSubscription, "Ended")
def ended(event: Any, out: Operations) -> None:
    out.put(
        "digest_subscription_changed",
        id=event.originator_id,
        addresses=None,
        active=False,
    )
