"""The target of a request, for the policy: found from its path, else its body."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate
from flask import request

from service.access.decision import Target
from web.http import steerlog
from web.principal import remember_viewed

# Path arguments naming an aggregate, the most specific first.
_AGGREGATE_ARGUMENTS = (
    "assignment_id",
    "meeting_id",
    "subscription_id",
    "digest_id",
    "committee_id",
    "aggregate_id",
)
_ACTING_AGENCY_FIELDS = ("agency_id", "by_agency_id")


def request_target() -> Target:
    """What the current request acts on: its committee, agencies, account."""
    arguments: Mapping[str, Any] = request.view_args or {}
    body = _json_body()
    acting = _uuid_in(body, *_ACTING_AGENCY_FIELDS)
    if "account_id" in arguments:
        return Target(account_id=arguments["account_id"])
    for name in _AGGREGATE_ARGUMENTS:
        if isinstance(arguments.get(name), UUID):
            aggregate = steerlog().view(Aggregate, arguments[name])
            remember_viewed(aggregate)  # the view reads it again: one load, not two
            target = steerlog().target_of_aggregate(aggregate)
            return Target(
                committee_id=target.committee_id,
                agencies=target.agencies,
                acting_agency=acting,
                account_id=target.account_id,
                recipients=target.recipients,
                read_permission=target.read_permission,
            )
    return Target(committee_id=_uuid_in(body, "committee_id"), acting_agency=acting)


def _json_body() -> Mapping[str, Any]:
    """The body's fields: a JSON object, or a page's form (its agency_id...)."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return {}
    if not request.is_json:
        return request.form
    body = request.get_json(silent=True)
    return body if isinstance(body, Mapping) else {}


def _uuid_in(body: Mapping[str, Any], *names: str) -> UUID | None:
    """The first of ``names`` in the body that is an id (others: the schema's 422)."""
    for name in names:
        value = body.get(name)
        if isinstance(value, str) and len(value) <= 64:
            try:
                return UUID(value)
            except ValueError:
                return None
    return None
