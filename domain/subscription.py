"""The DigestSubscription aggregate: where a recipient's digests of a committee go."""

from __future__ import annotations

from uuid import UUID

from eventsourcing.domain import event

from domain.base import SteerlogAggregate
from domain.errors import DomainError, InvalidValueError, NoChangeError
from domain.ids import subscription_id
from domain.values import RecipientKind, member_of

MAX_ACCOUNTS = 50


class SubscriptionEndedError(DomainError):
    """An ended subscription takes no changes until it is resumed."""

    rule = "subscription_ended"


def checked_addresses(addresses: list[str]) -> list[str]:
    """E-mail addresses, trimmed and distinct; at least one, each with a domain."""
    cleaned = list(dict.fromkeys(a.strip() for a in addresses if a and a.strip()))
    if not cleaned:
        raise InvalidValueError(field="addresses", reason="empty")
    for address in cleaned:
        local, _, domain = address.partition("@")
        if not local or "." not in domain or any(c.isspace() for c in address):
            raise InvalidValueError(
                field="addresses", reason=f"not an address: {address}"
            )
    return cleaned


class DigestSubscription(SteerlogAggregate):
    """Đăng ký nhận bản tin: where a recipient's digests of one committee go."""

    @classmethod
    def subscribe(
        cls,
        *,
        actor: str,
        committee_id: UUID,
        recipient_kind: str,
        recipient_id: UUID,
        addresses: list[str],
    ) -> DigestSubscription:
        """Subscribe an agency (daily) or a committee's leaders (weekly)."""
        checked = member_of("recipient_kind", RecipientKind, recipient_kind)
        return cls(
            id=subscription_id(committee_id, checked, recipient_id),
            actor=actor,
            committee_id=committee_id,
            recipient_kind=checked,
            recipient_id=recipient_id,
            addresses=checked_addresses(addresses),
        )

    @event("Subscribed")
    def __init__(
        self,
        *,
        id: UUID,
        actor: str,
        committee_id: UUID,
        recipient_kind: str,
        recipient_id: UUID,
        addresses: list[str],
    ) -> None:
        self.committee_id = committee_id
        self.recipient_kind = RecipientKind(recipient_kind)
        self.recipient_id = recipient_id
        self.addresses = list(addresses)
        self.active = True
        # Accounts that also receive these digests, at their own e-mail.
        self.account_ids: list[UUID] = []

    def name_accounts(self, *, actor: str, account_ids: list[UUID]) -> None:
        """These accounts also receive the digests (at their account's e-mail)."""
        distinct = list(dict.fromkeys(account_ids))
        if len(distinct) > MAX_ACCOUNTS:
            raise InvalidValueError(
                field="account_ids", reason=f"at most {MAX_ACCOUNTS}"
            )
        if distinct == self.account_ids:
            raise NoChangeError(field="account_ids", subscription_id=self.id)
        self._accounts_named(actor=actor, account_ids=distinct)

    @event("AccountsNamed")
    def _accounts_named(self, *, actor: str, account_ids: list[UUID]) -> None:
        self.account_ids = list(account_ids)

    def change_addresses(self, *, actor: str, addresses: list[str]) -> None:
        """Send this recipient's digests to other addresses from now on."""
        if not self.active:
            raise SubscriptionEndedError(subscription_id=self.id)
        checked = checked_addresses(addresses)
        if checked == self.addresses:
            raise NoChangeError(field="addresses", subscription_id=self.id)
        self._addresses_changed(actor=actor, addresses=checked)

    @event("AddressesChanged")
    def _addresses_changed(self, *, actor: str, addresses: list[str]) -> None:
        self.addresses = list(addresses)

    def end(self, *, actor: str) -> None:
        """Stop issuing digests to this recipient."""
        if not self.active:
            raise NoChangeError(field="active", subscription_id=self.id)
        self._ended(actor=actor)

    @event("Ended")
    def _ended(self, *, actor: str) -> None:
        self.active = False

    def resume(self, *, actor: str, addresses: list[str]) -> None:
        """Issue digests to this recipient again (at these addresses)."""
        if self.active:
            raise NoChangeError(field="active", subscription_id=self.id)
        self._resumed(actor=actor, addresses=checked_addresses(addresses))

    @event("Resumed")
    def _resumed(self, *, actor: str, addresses: list[str]) -> None:
        self.addresses = list(addresses)
        self.active = True
