"""Schemas of accounts, their roles and their API tokens."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields
from marshmallow.validate import Length, Range, Regexp

from domain.account import MAX_DISPLAY_NAME, MAX_LOGIN, Role
from service.accounts.credentials import MAX_PASSWORD, MIN_PASSWORD
from web.schemas.fields import ADDRESS, LOGIN, LocalMoment, Text


class RegisterAccountSchema(Schema):
    """Đăng ký tài khoản: login, display name (Vietnamese, NFC), e-mail."""

    login = fields.String(
        required=True,
        validate=[
            Length(min=1, max=MAX_LOGIN),
            Regexp(
                LOGIN,
                error="Only letters a-z, digits and . _ @ - (a letter or digit first).",
            ),
        ],
        metadata={"example": "thu.ky.quangnam"},
    )
    display_name = Text(
        required=True,
        validate=Length(min=1, max=MAX_DISPLAY_NAME),
        metadata={"example": "Nguyễn Thị Hằng"},
    )
    email = Text(
        required=True,
        validate=[
            Length(min=3, max=320),
            Regexp(ADDRESS, error="Not an e-mail address."),
        ],
    )
    password = fields.String(
        load_default=None,
        load_only=True,
        validate=Length(min=MIN_PASSWORD, max=MAX_PASSWORD),
        metadata={"description": "At least 12 characters, not a common password."},
    )


_IDS = ("committee_id", "agency_id")


def _scope(roles: list[Role], *given: str) -> dict[str, Any]:
    """The roles ``roles`` name the ids ``given``, and no other (absent or null)."""
    absent = {"nullable": True, "enum": [None]}
    return {
        "required": ["role", *given],
        "properties": {
            "role": {"enum": [role.value for role in roles]},
            **{n: {"type": "string"} if n in given else dict(absent) for n in _IDS},
        },
    }


_GLOBAL, _FOR_AN_AGENCY = Role.ADMIN, Role.AGENCY_OFFICER

# Which ids a role names, as ``Account.check_role_scope`` checks: admin is
# global, every other role is on a committee, an agency officer's for an agency too.
ROLE_SCOPES = {
    "oneOf": [
        _scope([_GLOBAL]),
        _scope([r for r in Role if r not in (_GLOBAL, _FOR_AN_AGENCY)], "committee_id"),
        _scope([_FOR_AN_AGENCY], "committee_id", "agency_id"),
    ]
}


class RoleSchema(Schema):
    """A role: global (admin), on a committee, for an agency (agency_officer)."""

    OPENAPI_RULES = ROLE_SCOPES

    role = fields.Enum(Role, by_value=True, required=True)
    committee_id = fields.UUID(load_default=None, allow_none=True)
    agency_id = fields.UUID(load_default=None, allow_none=True)


class GrantSchema(RoleSchema):
    """A role held, and the account that granted it."""

    granted_by = fields.String(required=True)


class DisableSchema(Schema):
    """Why the account is disabled."""

    reason = Text(load_default=None, allow_none=True, validate=Length(max=2000))


class AccountSchema(Schema):
    """An account: who, how to reach them, whether enabled, which roles."""

    id = fields.UUID(required=True)
    version = fields.Integer(required=True)
    login = fields.String(required=True)
    display_name = fields.String(required=True)
    email = fields.String(required=True)
    disabled = fields.Boolean(required=True)
    grants = fields.List(fields.Nested(GrantSchema), required=True, data_key="roles")


class AccountListSchema(Schema):
    """Every account, by login."""

    items = fields.List(fields.Nested(AccountSchema), required=True)


class IssueTokenSchema(Schema):
    """A new API token: a name saying what it is for, and how long it lasts."""

    name = Text(required=True, validate=Length(min=1, max=200))
    expires_in_days = fields.Integer(
        load_default=90,
        allow_none=True,
        validate=Range(min=1, max=3660),
        metadata={"description": "Days until it expires (null: never)."},
    )


class TokenSchema(Schema):
    """An API token, without its secret."""

    token_id = fields.String(required=True)
    name = fields.String(required=True)
    created_at = LocalMoment(required=True)
    expires_at = LocalMoment(allow_none=True, required=True)
    last_used_at = LocalMoment(allow_none=True, required=True)
    revoked_at = LocalMoment(allow_none=True, required=True)


class IssuedTokenSchema(Schema):
    """A token just issued: ``token`` is shown this once, then never again."""

    token_id = fields.String(required=True)
    name = fields.String(required=True)
    expires_at = LocalMoment(allow_none=True, required=True)
    token = fields.String(
        required=True,
        metadata={"description": "Send as Authorization: Bearer <token>."},
    )


class TokenListSchema(Schema):
    """An account's tokens, oldest first."""

    items = fields.List(fields.Nested(TokenSchema), required=True)
