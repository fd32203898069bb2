"""Issuing each period's digests once, and delivering each one once, with retries."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache, partial
from uuid import UUID

from domain.agency import Agency
from domain.committee import Committee
from domain.digest import (
    DeliveryInProgressError,
    DeliveryState,
    Digest,
    DigestDeliveredError,
    DigestKind,
    RetryNotDueError,
    recipient_key,
)
from domain.ids import digest_id
from domain.values import RecipientKind
from service.digests import compose
from service.digests.compose import Content
from service.digests.mail import DeliveryError, Mailer, build_message, message_id_of
from service.digests.past import Past
from service.digests.render import Rendered, render
from service.digests.schedule import Due, current_period, due_periods, schedule_of
from service.errors import AlreadyExistsError, ConcurrencyConflictError
from service.ops.metrics import DIGESTS_FAILED, DIGESTS_ISSUED, DIGESTS_SENT
from service.readmodel.readside import ReadSide
from service.readmodel.rows import CommitteeZone, Subscription
from service.usecases.steerlog import Steerlog

log = logging.getLogger(__name__)
SCHEDULER = "scheduler"
RECIPIENTS = {
    DigestKind.DAILY: RecipientKind.AGENCY,
    DigestKind.WEEKLY: RecipientKind.COMMITTEE,
}
_BATCH = 500
# A digest composed within this of its time reads the read models as they are;
# later than that, it reads each assignment as it stood at its time.
SETTLED = timedelta(minutes=1)


@dataclass(frozen=True)
class RetryPolicy:
    """Backoff between failed deliveries (doubling, capped), and the sender's lease."""

    first: timedelta = timedelta(minutes=1)
    longest: timedelta = timedelta(hours=1)
    attempts: int = 8
    # An attempt without an outcome for this long is taken to have crashed.
    lease: timedelta = timedelta(minutes=10)

    def next_retry(self, attempt: int, at: datetime) -> datetime | None:
        """When to retry after failed attempt number ``attempt`` (None: give up)."""
        if attempt >= self.attempts:
            return None
        return at + min(self.first * (1 << (attempt - 1)), self.longest)


class DigestService:
    """Composes, issues and delivers digests; every step safe to run twice."""

    def __init__(
        self,
        app: Steerlog,
        read_side: ReadSide,
        mailer: Mailer,
        policy: RetryPolicy | None = None,
        freshness_timeout: float = 10.0,
    ) -> None:
        self.app, self.read_side, self.mailer = app, read_side, mailer
        self.policy = policy or RetryPolicy()
        self.freshness_timeout = freshness_timeout
        self._past: Past | None = None

    @property
    def actor(self) -> str:
        """Jobs act as a named system account, registered when it first acts
        (a preview records nothing)."""
        return self.app.system_actor(SCHEDULER)

    def now(self) -> datetime:
        """The application's clock (injected in tests)."""
        return self.app.clock()

    # -- which periods are due -----------------------------------------------

    def committees(self) -> list[CommitteeZone]:
        """Every committee with its time zone."""
        return self.read_side.read_model.committees_with_zones()

    def current(self, committee_id: UUID, kind: DigestKind) -> Due | None:
        """The period a cron run of ``kind`` for the committee issues now."""
        committee = self.app.load(Committee, committee_id)
        schedule = schedule_of(self.app.settings, committee_id)
        return current_period(
            committee_id, kind, schedule, committee.time_zone, self.now()
        )

    def catch_up(self) -> int:
        """Issue every period of the last seven days not yet issued (late ones too)."""
        self.wait_for_projections()
        issued = 0
        for committee in self.committees():
            committee_id = UUID(committee.id)
            schedule = schedule_of(self.app.settings, committee_id)
            for due in due_periods(
                committee_id, schedule, committee.time_zone, self.now()
            ):
                issued += len(self.issue(due))
        return issued

    # -- issuing -------------------------------------------------------------

    def issue(self, due: Due) -> list[UUID]:
        """Issue (and deliver) the period's digest to every subscriber, once."""
        recipient_kind = RECIPIENTS[due.kind]
        subscriptions = self.read_side.read_model.subscriptions(
            due.committee_id, recipient_kind
        )
        ids = {
            found.id: self.digest_id(due, recipient_kind, UUID(found.recipient_id))
            for found in subscriptions
        }
        existing = self._existing([str(i) for i in ids.values()])
        issued = []
        for found in subscriptions:
            if str(ids[found.id]) not in existing:
                written = self.issue_one(due, found)
                if written is not None:
                    issued.append(written)
                    self.deliver(written)
        return issued

    @staticmethod
    def digest_id(due: Due, recipient_kind: str, recipient_id: UUID) -> UUID:
        """The id the digest of this period for this recipient has (or will have)."""
        key = recipient_key(due.kind, due.committee_id, recipient_kind, recipient_id)
        return digest_id(key, *due.period)

    def issue_one(self, due: Due, subscription: Subscription) -> UUID | None:
        """Issue one subscriber's digest; None if empty or issued by another."""
        recipient_id = UUID(subscription.recipient_id)
        content = self.compose(
            due.kind, due.committee_id, recipient_id, due.period, due.fire_time
        )
        if content.empty:
            return None
        try:
            written = self.app.issue_digest(
                actor=self.actor,
                kind=due.kind,
                committee_id=due.committee_id,
                recipient_kind=subscription.recipient_kind,
                recipient_id=recipient_id,
                period=due.period,
                addresses=self.app.digest_addresses(
                    UUID(subscription.id), subscription.addresses
                ),
                lines=content.lines,
                tallies=content.tallies,
                late=due.late_at(self.now()),
            )
        except AlreadyExistsError:
            return None  # another scheduler issued it first
        DIGESTS_ISSUED.inc()
        return written.id

    def compose(
        self,
        kind: DigestKind,
        committee_id: UUID,
        recipient_id: UUID,
        period: tuple[date, date],
        due_at: datetime | None = None,
    ) -> Content:
        """What the digest of ``period`` for the recipient says (as it stood
        ``due_at``, when that is past: a digest issued late tells the past)."""
        past = self.past_at(due_at)
        if kind is DigestKind.DAILY:
            return compose.daily(
                self.read_side, committee_id, recipient_id, period[0], past
            )
        return compose.weekly(self.read_side, committee_id, period, past)

    def past_at(self, due_at: datetime | None) -> Past | None:
        """Assignments as they stood ``due_at``; None when that is (about) now."""
        if due_at is None or self.now() - due_at <= SETTLED:
            self._past = None  # a late run's replays are not kept past it
            return None
        if self._past is None or self._past.at != due_at:
            # One replay per assignment for all the digests that fell due then.
            as_of = partial(self.app.assignment_as_of, at=due_at)
            self._past = Past(due_at, lru_cache(maxsize=20_000)(as_of))
        return self._past

    def exists(self, digest_id: UUID) -> bool:
        """Whether the digest was issued (by the event store, not the read model)."""
        return any(True for _ in self.app.events.get(digest_id, limit=1))

    def _existing(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(ids), _BATCH):
            part = ids[start : start + _BATCH]
            found.update(self.read_side.read_model.issued_digests(part))
        return found

    def wait_for_projections(self) -> None:
        """Give the projector a moment to reach the log's end (news must be in)."""
        position = self.app.recorder.max_notification_id() or 0
        if not self.read_side.wait_for(position, self.freshness_timeout):
            log.warning(
                "read models behind position %s: digests may miss news", position
            )

    # -- delivering ----------------------------------------------------------

    def render(self, digest: Digest) -> Rendered:
        """The digest's e-mail, addressed by the recipient's name."""
        return rendered(self.app, digest)

    def deliver(self, digest_id: UUID) -> bool:
        """Send the digest unless it went out, is being sent, or waits for a retry."""
        digest = self.app.load(Digest, digest_id)
        if digest.state in (DeliveryState.DELIVERED, DeliveryState.ABANDONED):
            return False
        rendered = self.render(digest)
        sender = self.app.settings.smtp.sender
        message_id = message_id_of(digest_id, sender)
        try:
            self.app.attempt_delivery(
                digest_id,
                actor=self.actor,
                message_id=message_id,
                lease=self.policy.lease,
            )
        except (
            ConcurrencyConflictError,
            DeliveryInProgressError,
            RetryNotDueError,
            DigestDeliveredError,
        ):
            return False  # another sender has it, or it is not time yet
        message = build_message(
            rendered, sender, digest.addresses, message_id, self.now()
        )
        try:
            self.mailer.send(message)
        except DeliveryError as error:
            DIGESTS_FAILED.inc()
            retry = self.policy.next_retry(digest.attempts + 1, self.now())
            self.app.record_delivery_failure(
                digest_id, actor=self.actor, error=str(error), next_retry_at=retry
            )
            log.warning(
                "digest %s not delivered: %s (retry %s)", digest_id, error, retry
            )
            return False
        # The window: a crash here, after the server accepted the message and
        # before this is stored, leaves the attempt open; after the lease it is
        # sent again with the same Message-ID (see service.digests docs).
        self.app.record_delivered(digest_id, actor=self.actor, message_id=message_id)
        DIGESTS_SENT.inc()
        return True

    def deliver_pending(self, limit: int = 1000) -> int:
        """Send digests never attempted, due for a retry, or whose sender crashed."""
        now = self.now()
        due = self.read_side.read_model.digests_to_deliver(
            now, now - self.policy.lease, limit
        )
        return sum(self.deliver(digest_id) for digest_id in due)


def recipient_name(app: Steerlog, digest: Digest) -> str:
    """The agency's name, or the committee's leaders."""
    if digest.recipient_kind is RecipientKind.AGENCY:
        return app.load(Agency, digest.recipient_id).name
    committee = app.load(Committee, digest.recipient_id)
    return f"Lãnh đạo {committee.name}"


def rendered(app: Steerlog, digest: Digest) -> Rendered:
    """A digest as its e-mail shows it: subject, plain text and HTML."""
    return render(digest, recipient_name(app, digest), app.settings.base_url)


def digest_page(app: Steerlog, digest_id: UUID) -> str:
    """One issued digest as an HTML page, exactly as its e-mail's HTML part."""
    return rendered(app, app.load(Digest, digest_id)).html
