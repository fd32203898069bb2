"""The Digest aggregate (bản tin đôn đốc): one recipient's digest of one period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from uuid import UUID

from eventsourcing.domain import event

from domain.base import SteerlogAggregate
from domain.errors import DomainError, InvalidValueError
from domain.ids import digest_id
from domain.subscription import checked_addresses
from domain.values import RecipientKind, member_of, optional_text


class DigestKind(StrEnum):
    """Bản tin hằng ngày (per agency) or hằng tuần (per committee, for its leaders)."""

    DAILY = "daily"
    WEEKLY = "weekly"


class DeliveryState(StrEnum):
    """Where a digest's delivery stands."""

    PENDING = "pending"
    SENDING = "sending"
    RETRYING = "retrying"
    DELIVERED = "delivered"
    ABANDONED = "abandoned"


class DigestDeliveredError(DomainError):
    """A delivered digest is never sent again."""

    rule = "digest_delivered"


class DeliveryInProgressError(DomainError):
    """Another sender holds a recent attempt: it has not reported its outcome yet."""

    rule = "delivery_in_progress"


class RetryNotDueError(DomainError):
    """A failed delivery is retried only at its next retry time, if any."""

    rule = "retry_not_due"


class NoDeliveryAttemptError(DomainError):
    """An outcome is recorded only for an attempt in flight."""

    rule = "no_delivery_attempt"


@dataclass(frozen=True)
class DigestLine:
    """One line of a digest: an assignment and why it is listed (section)."""

    section: str
    ref: UUID
    title: str
    deadline: date | None = None
    days: int | None = None
    detail: str | None = None


@dataclass(frozen=True)
class AgencyTally:
    """An agency's assignments in the government's four statuses (weekly digest)."""

    agency_id: UUID
    name: str
    done_on_time: int
    done_late: int
    in_progress: int
    overdue: int


def recipient_key(
    kind: str, committee_id: UUID, recipient_kind: str, recipient_id: UUID
) -> str:
    """The text a digest's id derives from, with its period: who and which series."""
    return f"{kind}:{committee_id}:{recipient_kind}:{recipient_id}"


class Digest(SteerlogAggregate):
    """Bản tin: what one recipient is told for one period; issued once, sent once."""

    @classmethod
    def issue(
        cls,
        *,
        actor: str,
        kind: str,
        committee_id: UUID,
        recipient_kind: str,
        recipient_id: UUID,
        period_start: date,
        period_end: date,
        addresses: list[str],
        lines: list[DigestLine],
        tallies: list[AgencyTally],
        late: bool,
        issued_at: datetime,
    ) -> Digest:
        """Issue the digest of (recipient, period); its id derives from both."""
        checked_kind = member_of("kind", DigestKind, kind)
        checked_recipient = member_of("recipient_kind", RecipientKind, recipient_kind)
        check_period(checked_kind, period_start, period_end)
        counts: dict[str, int] = {}
        for line in lines:
            counts[line.section] = counts.get(line.section, 0) + 1
        key = recipient_key(checked_kind, committee_id, checked_recipient, recipient_id)
        return cls(
            id=digest_id(key, period_start, period_end),
            actor=actor,
            kind=checked_kind,
            committee_id=committee_id,
            recipient_kind=checked_recipient,
            recipient_id=recipient_id,
            period_start=period_start,
            period_end=period_end,
            addresses=checked_addresses(addresses),
            lines=list(lines),
            tallies=list(tallies),
            counts=counts,
            late=late,
            issued_at=issued_at,
        )

    @event("Issued")
    def __init__(
        self,
        *,
        id: UUID,
        actor: str,
        kind: str,
        committee_id: UUID,
        recipient_kind: str,
        recipient_id: UUID,
        period_start: date,
        period_end: date,
        addresses: list[str],
        lines: list[DigestLine],
        tallies: list[AgencyTally],
        counts: dict[str, int],
        late: bool,
        issued_at: datetime,
    ) -> None:
        self.kind = DigestKind(kind)
        self.committee_id = committee_id
        self.recipient_kind = RecipientKind(recipient_kind)
        self.recipient_id = recipient_id
        self.period_start = period_start
        self.period_end = period_end
        self.addresses = list(addresses)
        self.lines = list(lines)
        self.tallies = list(tallies)
        self.counts = dict(counts)
        self.late = late
        self.issued_at = issued_at
        self.attempts = 0
        self.sending_since: datetime | None = None
        self.last_error: str | None = None
        self.next_retry_at: datetime | None = None
        self.delivered_at: datetime | None = None
        self.message_id: str | None = None

    @property
    def state(self) -> DeliveryState:
        """Pending, sending, retrying, delivered, or abandoned (no retry left)."""
        if self.delivered_at is not None:
            return DeliveryState.DELIVERED
        if self.sending_since is not None:
            return DeliveryState.SENDING
        if self.attempts == 0:
            return DeliveryState.PENDING
        if self.next_retry_at is None:
            return DeliveryState.ABANDONED
        return DeliveryState.RETRYING

    # -- rules ---------------------------------------------------------------

    def check_not_delivered(self) -> None:
        """A delivered digest is never sent again."""
        if self.delivered_at is not None:
            raise DigestDeliveredError(digest_id=self.id, message_id=self.message_id)

    def check_no_attempt_in_flight(self, at: datetime, lease: timedelta) -> None:
        """A recent attempt without an outcome belongs to another sender."""
        if self.sending_since is not None and at < self.sending_since + lease:
            raise DeliveryInProgressError(digest_id=self.id, since=self.sending_since)

    def check_retry_due(self, at: datetime) -> None:
        """After a failure, wait for the next retry time; none left: abandoned."""
        if self.attempts == 0 or self.sending_since is not None:
            return
        if self.next_retry_at is None or at < self.next_retry_at:
            raise RetryNotDueError(digest_id=self.id, next_retry_at=self.next_retry_at)

    def check_attempt_in_flight(self) -> None:
        """An outcome needs the attempt it is the outcome of."""
        if self.sending_since is None:
            raise NoDeliveryAttemptError(digest_id=self.id)

    # -- delivery ------------------------------------------------------------

    def attempt_delivery(
        self, *, actor: str, at: datetime, message_id: str, lease: timedelta
    ) -> None:
        """Take the next attempt (saving it is the sender's lease on the digest)."""
        self.check_not_delivered()
        self.check_no_attempt_in_flight(at, lease)
        self.check_retry_due(at)
        self._delivery_attempted(
            actor=actor, attempt=self.attempts + 1, at=at, message_id=message_id
        )

    @event("DeliveryAttempted")
    def _delivery_attempted(
        self, *, actor: str, attempt: int, at: datetime, message_id: str
    ) -> None:
        self.attempts = attempt
        self.sending_since = at
        self.message_id = message_id

    def record_failure(
        self, *, actor: str, at: datetime, error: str, next_retry_at: datetime | None
    ) -> None:
        """The attempt failed; retry at ``next_retry_at`` (None: give up)."""
        self.check_attempt_in_flight()
        if next_retry_at is not None and next_retry_at <= at:
            raise InvalidValueError(
                field="next_retry_at", reason="not after the failure"
            )
        self._delivery_failed(
            actor=actor,
            attempt=self.attempts,
            at=at,
            error=optional_text(error) or "unknown",
            next_retry_at=next_retry_at,
        )

    @event("DeliveryFailed")
    def _delivery_failed(
        self,
        *,
        actor: str,
        attempt: int,
        at: datetime,
        error: str,
        next_retry_at: datetime | None,
    ) -> None:
        self.sending_since = None
        self.last_error = error
        self.next_retry_at = next_retry_at

    def record_delivered(self, *, actor: str, at: datetime, message_id: str) -> None:
        """The mail server accepted the message of the attempt in flight."""
        self.check_attempt_in_flight()
        if message_id != self.message_id:
            raise InvalidValueError(field="message_id", reason="not the attempt's")
        self._delivered(
            actor=actor, attempt=self.attempts, at=at, message_id=message_id
        )

    @event("Delivered")
    def _delivered(
        self, *, actor: str, attempt: int, at: datetime, message_id: str
    ) -> None:
        self.sending_since = None
        self.delivered_at = at
        self.next_retry_at = None


def check_period(kind: DigestKind, start: date, end: date) -> None:
    """A daily digest covers one day; a weekly one seven, ending the day before."""
    length = (end - start).days + 1
    expected = 1 if kind is DigestKind.DAILY else 7
    if length != expected:
        raise InvalidValueError(
            field="period", reason=f"a {kind} digest covers {expected} day(s)"
        )
