"""The digests projection: issued digests with their delivery, and subscriptions."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any
from uuid import UUID

from domain.digest import Digest
from domain.subscription import DigestSubscription
from service.readmodel.changes import Changes, change
from service.readmodel.projections.core import Projection


class DigestChanges(Changes):
    """Issued digests with their delivery, and subscriptions to them."""

    @change
    def digest_issued(
        self,
        *,
        id: UUID,
        kind: str,
        committee_id: UUID,
        recipient_kind: str,
        recipient_id: UUID,
        period_start: date,
        period_end: date,
        issued_at: datetime,
        late: bool,
        counts: str,
    ) -> None:
        """A digest (bản tin) issued, waiting to be sent; counts as JSON."""

    @change
    def digest_attempted(
        self, *, id: UUID, attempt: int, at: datetime, message_id: str
    ) -> None:
        """A delivery begun."""

    @change
    def digest_failed(
        self, *, id: UUID, state: str, error: str, next_retry_at: datetime | None
    ) -> None:
        """A delivery failed: retried later, or abandoned."""

    @change
    def digest_delivered(self, *, id: UUID, at: datetime, message_id: str) -> None:
        """A digest delivered."""

    @change
    def digest_subscribed(
        self,
        *,
        id: UUID,
        committee_id: UUID,
        recipient_kind: str,
        recipient_id: UUID,
        addresses: str,
    ) -> None:
        """A subscription to a committee's digests; addresses as JSON."""

    @change
    def digest_subscription_changed(
        self, *, id: UUID, addresses: str | None, active: bool
    ) -> None:
        """A subscription's new addresses (None: kept), active or ended."""


digests = Projection("digests", DigestChanges)


@digests.on(Digest, "Issued")
def issued(event: Any, out: DigestChanges) -> None:
    out.digest_issued(
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
def attempted(event: Any, out: DigestChanges) -> None:
    out.digest_attempted(
        id=event.originator_id,
        attempt=event.attempt,
        at=event.at,
        message_id=event.message_id,
    )


@digests.on(Digest, "DeliveryFailed")
def failed(event: Any, out: DigestChanges) -> None:
    out.digest_failed(
        id=event.originator_id,
        state="retrying" if event.next_retry_at else "abandoned",
        error=event.error,
        next_retry_at=event.next_retry_at,
    )


@digests.on(Digest, "Delivered")
def delivered(event: Any, out: DigestChanges) -> None:
    out.digest_delivered(
        id=event.originator_id,
        at=event.at,
        message_id=event.message_id,
    )


@digests.on(DigestSubscription, "Subscribed")
def subscribed(event: Any, out: DigestChanges) -> None:
    out.digest_subscribed(
        id=event.originator_id,
        committee_id=event.committee_id,
        recipient_kind=event.recipient_kind,
        recipient_id=event.recipient_id,
        addresses=json.dumps(event.addresses, ensure_ascii=False),
    )


@digests.on(DigestSubscription, "AddressesChanged", "Resumed")
def addressed(event: Any, out: DigestChanges) -> None:
    out.digest_subscription_changed(
        id=event.originator_id,
        addresses=json.dumps(event.addresses, ensure_ascii=False),
        active=True,
    )


@digests.on(DigestSubscription, "Ended")
def ended(event: Any, out: DigestChanges) -> None:
    out.digest_subscription_changed(
        id=event.originator_id,
        addresses=None,
        active=False,
    )
