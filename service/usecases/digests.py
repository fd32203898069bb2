"""Use cases of digests: subscriptions, issuing once per period, delivery outcomes."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from uuid import UUID

from eventsourcing.persistence import Transcoder

from domain.account import Account
from domain.agency import Agency
from domain.assignment import Assignment
from domain.committee import Committee
from domain.digest import AgencyTally, Digest, DigestLine
from domain.ids import subscription_id
from domain.subscription import DigestSubscription
from domain.values import RecipientKind
from service.errors import NotFoundError
from service.eventstore.application import SteerlogBase, Written
from service.eventstore.transcodings import FieldsAsDict


class DigestUseCases(SteerlogBase):
    """Subscribe recipients, issue each period's digest once, record its delivery."""

    def register_transcodings(self, transcoder: Transcoder) -> None:
        """Add the digest's value objects to the transcodings."""
        super().register_transcodings(transcoder)
        transcoder.register(FieldsAsDict(DigestLine, "digest_line"))
        transcoder.register(FieldsAsDict(AgencyTally, "agency_tally"))

    # -- subscriptions -------------------------------------------------------

    def subscribe_to_digests(
        self,
        *,
        actor: str,
        committee_id: UUID,
        recipient_kind: str,
        recipient_id: UUID,
        addresses: list[str],
    ) -> Written:
        """Đăng ký: an agency (daily) or a committee's leaders (weekly) get digests."""
        self.load(Committee, committee_id, field="committee_id")
        if recipient_kind == RecipientKind.AGENCY:
            self.load(Agency, recipient_id, field="recipient_id")
        elif recipient_kind == RecipientKind.COMMITTEE and recipient_id != committee_id:
            self.load(Committee, recipient_id, field="recipient_id")
        subscription = DigestSubscription.subscribe(
            actor=actor,
            committee_id=committee_id,
            recipient_kind=recipient_kind,
            recipient_id=recipient_id,
            addresses=addresses,
        )
        return self.create(subscription, "digest_subscription")

    def change_digest_addresses(
        self,
        subscription: UUID,
        *,
        actor: str,
        addresses: list[str],
        expected_version: int | None = None,
    ) -> Written:
        """Send a recipient's digests to other addresses."""
        return self.change(
            DigestSubscription,
            subscription,
            lambda s: s.change_addresses(actor=actor, addresses=addresses),
            expected_version,
        )

    def end_digest_subscription(
        self, subscription: UUID, *, actor: str, expected_version: int | None = None
    ) -> Written:
        """Stop a recipient's digests."""
        return self.change(
            DigestSubscription,
            subscription,
            lambda s: s.end(actor=actor),
            expected_version,
        )

    def resume_digest_subscription(
        self,
        subscription: UUID,
        *,
        actor: str,
        addresses: list[str],
        expected_version: int | None = None,
    ) -> Written:
        """Start a recipient's digests again."""
        return self.change(
            DigestSubscription,
            subscription,
            lambda s: s.resume(actor=actor, addresses=addresses),
            expected_version,
        )

    def name_digest_accounts(
        self,
        subscription: UUID,
        *,
        actor: str,
        account_ids: list[UUID],
        expected_version: int | None = None,
    ) -> Written:
        """Accounts that also get the recipient's digests, at their own e-mail."""
        for account_id in account_ids:
            self.load(Account, account_id, field="account_ids")
        return self.change(
            DigestSubscription,
            subscription,
            lambda s: s.name_accounts(actor=actor, account_ids=account_ids),
            expected_version,
        )

    def digest_addresses(
        self, subscription_id: UUID, addresses: list[str]
    ) -> list[str]:
        """Where a subscription's digest goes: its addresses and its named
        accounts' e-mails (enabled accounts only), each once."""
        subscription = self.view(DigestSubscription, subscription_id)
        emails = [
            account.email
            for account in (self.view(Account, i) for i in subscription.account_ids)
            if not account.disabled
        ]
        return list(dict.fromkeys([*addresses, *emails]))

    def digest_subscription(
        self, committee_id: UUID, recipient_kind: str, recipient_id: UUID
    ) -> DigestSubscription:
        """A recipient's subscription to one committee's digests (or not found)."""
        return self.load(
            DigestSubscription,
            subscription_id(committee_id, recipient_kind, recipient_id),
        )

    # -- the past a digest tells ---------------------------------------------

    def assignment_as_of(self, assignment_id: UUID, at: datetime) -> Assignment | None:
        """The assignment as its events had made it at ``at`` (None: not yet
        recorded), for a digest issued after its time."""
        try:
            then = self.get_as_of(assignment_id, at)
        except NotFoundError:
            return None
        return then if isinstance(then, Assignment) else None

    # -- issuing and delivering ----------------------------------------------

    def issue_digest(
        self,
        *,
        actor: str,
        kind: str,
        committee_id: UUID,
        recipient_kind: str,
        recipient_id: UUID,
        period: tuple[date, date],
        addresses: list[str],
        lines: list[DigestLine],
        tallies: list[AgencyTally],
        late: bool,
    ) -> Written:
        """Issue one period's digest; the second issuer gets ``AlreadyExistsError``."""
        digest = Digest.issue(
            actor=actor,
            kind=kind,
            committee_id=committee_id,
            recipient_kind=recipient_kind,
            recipient_id=recipient_id,
            period_start=period[0],
            period_end=period[1],
            addresses=addresses,
            lines=lines,
            tallies=tallies,
            late=late,
            issued_at=self.clock(),
        )
        return self.create(digest, "digest")

    def attempt_delivery(
        self, digest_id: UUID, *, actor: str, message_id: str, lease: timedelta
    ) -> Written:
        """Take the next delivery attempt; a concurrent taker gets a conflict."""
        at = self.clock()
        return self.change(
            Digest,
            digest_id,
            lambda d: d.attempt_delivery(
                actor=actor, at=at, message_id=message_id, lease=lease
            ),
        )

    def record_delivery_failure(
        self,
        digest_id: UUID,
        *,
        actor: str,
        error: str,
        next_retry_at: datetime | None,
    ) -> Written:
        """The attempt in flight failed; retry later (or never)."""
        at = self.clock()
        return self.change(
            Digest,
            digest_id,
            lambda d: d.record_failure(
                actor=actor, at=at, error=error, next_retry_at=next_retry_at
            ),
        )

    def record_delivered(
        self, digest_id: UUID, *, actor: str, message_id: str
    ) -> Written:
        """The mail server accepted the attempt's message."""
        at = self.clock()
        return self.change(
            Digest,
            digest_id,
            lambda d: d.record_delivered(actor=actor, at=at, message_id=message_id),
        )
