"""Accounts (tài khoản): register, roles, disable and enable, and API tokens."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import UUID

from flask import url_for
from flask_smorest import Blueprint

from domain.account import Account
from web.http import NOT_MODIFIED, READ_HEADERS, command, steerlog, written
from web.principal import signed_in
from web.reading import read
from web.representations import represented
from web.schemas.accounts import (
    AccountListSchema,
    AccountSchema,
    DisableSchema,
    IssuedTokenSchema,
    IssueTokenSchema,
    RegisterAccountSchema,
    RoleSchema,
    TokenListSchema,
)
from web.schemas.common import AsOfArgsSchema, Write

REPRESENTATION = AccountSchema()

blp = Blueprint(
    "accounts", __name__, url_prefix="/api/v1/accounts", description="Tài khoản"
)


@blp.route("", methods=["POST"])
@command(blp, 201)
@blp.arguments(RegisterAccountSchema())
def register_account(write: Write, body: dict[str, Any]) -> Any:
    """Register an account (admin); its id derives from its login."""
    result = steerlog().register_account(actor=write.actor, **body)
    return written(result, url_for(".get_account", account_id=result.id))


@blp.route("", methods=["GET"])
@blp.response(200, AccountListSchema)
def list_accounts() -> Any:
    """Every account, by login (admin)."""
    return {"items": steerlog().list_accounts()}


@blp.route("/me", methods=["GET"])
@blp.response(200, AccountSchema)
def whoami() -> Any:
    """The account this request is signed in as, with its roles now."""
    return steerlog().view(Account, signed_in().account_id)


@blp.route("/<uuid:account_id>", methods=["GET"])
@blp.arguments(AsOfArgsSchema(), location="query")
@blp.response(200, AccountSchema, headers=READ_HEADERS)
@blp.alt_response(304, description=NOT_MODIFIED, headers=READ_HEADERS)
def get_account(args: dict[str, Any], account_id: UUID) -> Any:
    """An account now, or as it stood at ``as_of`` (the account itself, or admin)."""
    return represented(REPRESENTATION, read(Account, account_id, args["as_of"]))


@blp.route("/<uuid:account_id>/roles", methods=["POST"])
@command(blp)
@blp.arguments(RoleSchema())
def grant_role(write: Write, body: dict[str, Any], account_id: UUID) -> Any:
    """Cấp quyền: a role on a committee, recorded with the granting account."""
    return written(steerlog().grant_role(account_id, **write.kwargs, **body))


@blp.route("/<uuid:account_id>/roles/revoke", methods=["POST"])
@command(blp)
@blp.arguments(RoleSchema())
def revoke_role(write: Write, body: dict[str, Any], account_id: UUID) -> Any:
    """Thu hồi quyền: effective on the account's next request."""
    return written(steerlog().revoke_role(account_id, **write.kwargs, **body))


@blp.route("/<uuid:account_id>/disable", methods=["POST"])
@command(blp)
@blp.arguments(DisableSchema())
def disable_account(write: Write, body: dict[str, Any], account_id: UUID) -> Any:
    """Khóa: sessions and tokens of the account stop working at once."""
    return written(steerlog().disable_account(account_id, **write.kwargs, **body))


@blp.route("/<uuid:account_id>/enable", methods=["POST"])
@command(blp)
def enable_account(write: Write, account_id: UUID) -> Any:
    """Mở khóa: the account signs in again."""
    return written(steerlog().enable_account(account_id, **write.kwargs))


@blp.route("/<uuid:account_id>/tokens", methods=["GET"])
@blp.response(200, TokenListSchema)
def list_tokens(account_id: UUID) -> Any:
    """The account's API tokens, without their secrets."""
    return {"items": steerlog().tokens(account_id)}


@blp.route("/<uuid:account_id>/tokens", methods=["POST"])
@blp.arguments(IssueTokenSchema())
@blp.response(201, IssuedTokenSchema)
def issue_token(body: dict[str, Any], account_id: UUID) -> Any:
    """A new API token; its text is in this answer only, never shown again."""
    days = body["expires_in_days"]
    lifetime = None if days is None else timedelta(days=days)
    return steerlog().issue_token(account_id, name=body["name"], lifetime=lifetime)


@blp.route("/<uuid:account_id>/tokens/<string:token_id>/revoke", methods=["POST"])
@blp.response(204)
@blp.alt_response(404, response="NOT_FOUND")
def revoke_token(account_id: UUID, token_id: str) -> Any:
    """Revoke a token: refused from its next use on."""
    steerlog().revoke_token(account_id, token_id)
    return None
