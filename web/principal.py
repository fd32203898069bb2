"""The account behind the current request, as ``web.auth`` authenticated it."""

from __future__ import annotations

from typing import TypeVar
from uuid import UUID

from eventsourcing.domain import Aggregate
from flask import g
from flask_login import UserMixin

from service.access.decision import NotSignedInError, Principal, Scope

A = TypeVar("A", bound=Aggregate)


def remember_viewed(aggregate: Aggregate) -> None:
    """Keep the aggregate the policy looked at, for the view of the same request."""
    g.setdefault("viewed", {})[aggregate.id] = aggregate


def viewed_in_request(cls: type[A], aggregate_id: UUID) -> A | None:
    """The aggregate already viewed in this request (authorising it), if any."""
    aggregate = g.get("viewed", {}).get(aggregate_id)
    return aggregate if isinstance(aggregate, cls) else None


def current_principal() -> Principal | None:
    """The signed-in account of this request, or None (a public endpoint)."""
    principal: Principal | None = g.get("principal")
    return principal


def signed_in() -> Principal:
    """The signed-in account of this request (401 when there is none)."""
    principal = current_principal()
    if principal is None:
        raise NotSignedInError("no credentials")
    return principal


def current_actor() -> str:
    """The actor the events of this request record: the account's id."""
    return signed_in().actor


def current_scope() -> Scope:
    """The committees this request may read."""
    return signed_in().scope()


class SessionUser(UserMixin):  # type: ignore[misc]
    """Flask-Login's user: a server-side session and the account holding it."""

    def __init__(self, session_id: str, principal: Principal) -> None:
        self.session_id = session_id
        self.principal = principal

    def get_id(self) -> str:
        """What the signed cookie keeps: the session's id, known to the server."""
        return self.session_id
