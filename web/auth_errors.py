"""Errors of authentication and authorisation, as problem details (401, 403, 429)."""

from __future__ import annotations

from flask import Flask, Response

from service.access.decision import ForbiddenError, NotSignedInError
from service.access.policy import roles_holding
from service.accounts.errors import (
    SignInRefusedError,
    TooManyAttemptsError,
    UnknownTokenError,
)
from web.errors import problem

REALM = 'Bearer realm="steerlog"'


def register_auth_errors(app: Flask) -> None:
    """Install the handlers of the errors ``web.auth`` and the accounts raise."""
    app.register_error_handler(NotSignedInError, not_signed_in)
    app.register_error_handler(ForbiddenError, forbidden)
    app.register_error_handler(SignInRefusedError, sign_in_refused)
    app.register_error_handler(TooManyAttemptsError, too_many_attempts)
    app.register_error_handler(UnknownTokenError, unknown_token)


def not_signed_in(error: NotSignedInError) -> Response:
    """401: no credentials, or credentials that are not (or no longer) valid."""
    challenge = REALM
    if error.reason != "no credentials":
        challenge += f', error="invalid_token", error_description="{error.reason}"'
    return problem(
        401,
        "Unauthorized",
        f"Sign in, or send Authorization: Bearer <token> ({error.reason}).",
        kind="not_signed_in",
        headers={"WWW-Authenticate": challenge},
    )


def forbidden(error: ForbiddenError) -> Response:
    """403 naming the permission missing, where it is needed, and who holds it."""
    if error.permission == "unlisted_operation":
        detail = f"The operation {error.operation} has no entry in the policy."
        roles: list[str] = []
    else:
        roles = sorted(role.value for role in roles_holding(error.permission))
        where = f" on committee {error.committee_id}" if error.committee_id else ""
        agency = f" for agency {error.agency_id}" if error.agency_id else ""
        detail = (
            f"{error.operation} needs the permission {error.permission}{where}{agency}."
        )
    return problem(
        403,
        "Forbidden",
        detail,
        kind="forbidden",
        operation=error.operation,
        permission=error.permission,
        committee_id=str(error.committee_id) if error.committee_id else None,
        roles=roles,
    )


def sign_in_refused(error: SignInRefusedError) -> Response:
    """401: the login and password match no enabled account."""
    return problem(
        401, "Unauthorized", "Wrong login or password.", kind="sign_in_refused"
    )


def too_many_attempts(error: TooManyAttemptsError) -> Response:
    """429 with ``Retry-After``: too many failed sign-ins."""
    seconds = int(error.retry_after.total_seconds())
    return problem(
        429,
        "Too Many Requests",
        "Too many failed sign-ins; try again later.",
        kind="too_many_attempts",
        headers={"Retry-After": str(seconds)},
    )


def unknown_token(error: UnknownTokenError) -> Response:
    """404: the account has no such token (or it is already revoked)."""
    return problem(404, "Not Found", f"No active token {error.token_id}.")
