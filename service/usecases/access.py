"""What the policy needs to know of a target: its committee, agencies, account."""

from __future__ import annotations

from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.account import Account
from domain.agency import Agency
from domain.assignment import Assignment
from domain.committee import Committee
from domain.digest import Digest
from domain.meeting import Meeting
from domain.subscription import DigestSubscription
from service.access.decision import Target
from service.errors import NotFoundError
from service.eventstore.application import SteerlogBase


class AccessUseCases(SteerlogBase):
    """Find the committee (and agencies) an operation's target belongs to."""

    def target_of(self, aggregate_id: UUID) -> Target:
        """The target an aggregate is for the policy (``NotFoundError`` if none)."""
        aggregate = self.view(Aggregate, aggregate_id)
        return self.target_of_aggregate(aggregate)

    def target_of_aggregate(self, aggregate: Aggregate) -> Target:
        """The committee an aggregate belongs to, and for a task its agencies."""
        if isinstance(aggregate, Committee):
            return Target(committee_id=aggregate.id)
        if isinstance(aggregate, DigestSubscription):
            return Target(
                committee_id=aggregate.committee_id,
                recipients=frozenset(aggregate.account_ids),
                read_permission="read_subscriptions",
            )
        if isinstance(aggregate, Meeting | Digest):
            return Target(committee_id=aggregate.committee_id)
        if isinstance(aggregate, Assignment):
            return Target(
                committee_id=aggregate.origin.committee_id,
                agencies=self.agencies_of(aggregate),
            )
        if isinstance(aggregate, Account):
            return Target(account_id=aggregate.id)
        return Target()  # the shared directory: agencies, people

    def agencies_of(self, assignment: Assignment) -> frozenset[UUID]:
        """Lead, coordinating and tracked agencies, groups' members included."""
        agencies = {*assignment.lead, *assignment.coordinating, *assignment.tracked}
        for agency_id in assignment.coordinating:
            try:
                agency = self.view(Agency, agency_id)
            except NotFoundError:
                continue
            agencies.update(agency.member_ids)
        return frozenset(agencies)
