"""Deciding one request: who asks (a principal), about what (a target), allowed?"""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from domain.account import Account, Grant, Role
from service.access.policy import Reach, Rule, roles_holding


class NotSignedInError(Exception):
    """No valid credentials came with a request that needs an account (401)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class ForbiddenError(Exception):
    """The account lacks the operation's permission on its target (403)."""

    def __init__(
        self,
        operation: str,
        permission: str,
        committee_id: UUID | None = None,
        agency_id: UUID | None = None,
    ) -> None:
        self.operation = operation
        self.permission = permission
        self.committee_id = committee_id
        self.agency_id = agency_id
        super().__init__(f"{operation} needs {permission}")


@dataclass(frozen=True)
class Scope:
    """What a principal may read: every committee, or these ones."""

    everything: bool
    committees: frozenset[UUID] = frozenset()

    def can_read(self, committee_id: UUID | None) -> bool:
        """Whether the committee's records are readable (None: shared directory)."""
        return (
            self.everything or committee_id is None or committee_id in self.committees
        )

    @property
    def committee_list(self) -> list[UUID] | None:
        """The committees to scope a query to; None for every committee."""
        return None if self.everything else sorted(self.committees)


@dataclass(frozen=True)
class Principal:
    """The account behind a request, with the roles it holds right now."""

    account_id: UUID
    login: str
    display_name: str
    grants: tuple[Grant, ...]

    @classmethod
    def of(cls, account: Account) -> Principal:
        """The principal of an (enabled) account."""
        return cls(
            account.id, account.login, account.display_name, tuple(account.grants)
        )

    @property
    def actor(self) -> str:
        """What the events this principal causes record as their actor."""
        return str(self.account_id)

    @property
    def is_admin(self) -> bool:
        """Whether the account holds the global admin role."""
        return any(grant.role is Role.ADMIN for grant in self.grants)

    def grants_on(self, committee_id: UUID) -> list[Grant]:
        """The roles held on one committee."""
        return [g for g in self.grants if g.committee_id == committee_id]

    def scope(self) -> Scope:
        """The committees this principal may read (all of them for an admin)."""
        readable = roles_holding("read")
        committees = frozenset(
            g.committee_id
            for g in self.grants
            if g.committee_id is not None and g.role in readable
        )
        return Scope(everything=self.is_admin, committees=committees)


@dataclass(frozen=True)
class Target:
    """What an operation acts on, as far as the policy cares."""

    committee_id: UUID | None = None
    # Agencies the target assignment concerns: lead, coordinating, group members.
    agencies: frozenset[UUID] = frozenset()
    # The agency the request acts for (``agency_id`` of an acknowledgement...).
    acting_agency: UUID | None = None
    account_id: UUID | None = None
    # Accounts named as recipients (a subscription they may change themselves).
    recipients: frozenset[UUID] = field(default_factory=frozenset)
    # What reading it needs, when more than ``read`` (a subscription's history
    # holds e-mail addresses, as the subscription does).
    read_permission: str = "read"


_RECIPIENTS_MAY = frozenset({"read_subscriptions", "manage_subscriptions"})


def authorise(
    principal: Principal | None, operation: str, rule: Rule, target: Target
) -> None:
    """Return if ``principal`` may run ``operation`` on ``target``; raise if not."""
    if rule.reach is Reach.PUBLIC:
        return
    if principal is None:
        raise NotSignedInError("no credentials")
    if principal.is_admin or rule.reach is Reach.SIGNED_IN:
        return
    if rule.permission == "read" and target.read_permission != "read":
        rule = Rule(target.read_permission, rule.reach)
    if _allowed(principal, rule, target):
        return
    raise ForbiddenError(
        operation, rule.permission, target.committee_id, target.acting_agency
    )


def _allowed(principal: Principal, rule: Rule, target: Target) -> bool:
    roles = roles_holding(rule.permission)
    if rule.reach is Reach.ADMIN:
        return False  # admins were let through already
    if rule.reach is Reach.SELF or target.account_id is not None:
        # An account (its history too: who granted it what) is its own business.
        return target.account_id == principal.account_id
    if rule.reach is Reach.ANY_COMMITTEE:
        return any(g.role in roles for g in principal.grants)
    if rule.permission in _RECIPIENTS_MAY and principal.account_id in target.recipients:
        return True  # an account named on a subscription reads and changes it
    if target.committee_id is None:
        # Not bound to a committee: an agency's or a person's history (the
        # shared directory), or a body whose committee_id is missing or
        # malformed, which its schema then refuses with a 422.
        return any(g.role in roles for g in principal.grants)
    grants = principal.grants_on(target.committee_id)
    if rule.reach is Reach.AGENCY:
        return any(_acts_for(g, target) for g in grants if g.role in roles)
    return any(g.role in roles for g in grants)


def _acts_for(grant: Grant, target: Target) -> bool:
    """An officer acts for its own agency, on a task that agency takes part in."""
    if grant.role is not Role.AGENCY_OFFICER:
        return True
    if grant.agency_id not in target.agencies:
        return False
    return target.acting_agency in (None, grant.agency_id)
