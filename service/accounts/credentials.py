"""Secrets people and programs present: passwords, API tokens, session ids."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from importlib import resources
from uuid import UUID

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from domain.errors import InvalidValueError
from domain.text import fold

MIN_PASSWORD = 12
MAX_PASSWORD = 1024
TOKEN_PREFIX = "stl"
# stl_<16 hex: the token's public id>_<43 url-safe characters: 256 random bits>
TOKEN_SHAPE = re.compile(r"^stl_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$")
MAX_TOKEN_TEXT = 200
SESSION_LIFETIME = timedelta(hours=12)
# Last use of a token or session is written at most this often (not per request).
TOUCH_EVERY = timedelta(minutes=1)


@cache
def common_passwords() -> frozenset[str]:
    """The common-password list shipped with steerlog, lower case."""
    text = (
        resources.files("service.accounts")
        .joinpath("common-passwords.txt")
        .read_text(encoding="utf-8")
    )
    lines = (line.strip().lower() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def check_password_policy(password: str, login: str) -> str:
    """A password of 12 characters or more, not a common one, not the login."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise InvalidValueError(
            field="password", reason=f"at least {MIN_PASSWORD} characters"
        )
    if len(password) > MAX_PASSWORD:
        raise InvalidValueError(
            field="password", reason=f"at most {MAX_PASSWORD} characters"
        )
    folded = password.lower()
    if folded in common_passwords() or fold(password) in common_passwords():
        raise InvalidValueError(field="password", reason="a common password")
    if login and login.lower() in folded:
        raise InvalidValueError(field="password", reason="contains the login")
    return password


class Passwords:
    """argon2id hashes, checked in constant time and upgraded when outdated."""

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self.hasher = hasher or PasswordHasher()
        # Verified when the login is unknown, so both cases take as long.
        self._decoy = self.hasher.hash(secrets.token_urlsafe(16))

    def hash(self, password: str) -> str:
        """The hash to store for ``password``."""
        return self.hasher.hash(password)

    def verify(self, stored: str | None, password: str) -> bool:
        """Whether ``password`` matches the stored hash (None: never, same cost)."""
        try:
            return bool(self.hasher.verify(stored or self._decoy, password)) and (
                stored is not None
            )
        except (VerificationError, InvalidHashError):
            return False

    def outdated(self, stored: str) -> bool:
        """Whether the hash was made with other parameters than today's."""
        return bool(self.hasher.check_needs_rehash(stored))


@dataclass(frozen=True)
class IssuedToken:
    """A token just issued: the only time its full text is known."""

    token_id: str
    account_id: UUID
    name: str
    expires_at: datetime | None
    token: str


def new_token() -> tuple[str, str, str]:
    """A fresh token: its public id, its secret part, and its full text."""
    token_id = secrets.token_hex(8)
    secret = secrets.token_urlsafe(32)
    return token_id, secret, f"{TOKEN_PREFIX}_{token_id}_{secret}"


def parse_token(text: str) -> tuple[str, str] | None:
    """The id and secret of a token's text; None when it has not the shape."""
    if len(text) > MAX_TOKEN_TEXT:
        return None
    match = TOKEN_SHAPE.match(text)
    return (match.group(1), match.group(2)) if match else None


def secret_hash(secret: str) -> str:
    """The stored form of a random secret (256 bits: a plain digest suffices)."""
    return hashlib.sha256(secret.encode("ascii")).hexdigest()


def same_hash(stored: str, secret: str) -> bool:
    """Whether ``secret`` hashes to ``stored``, compared in constant time."""
    return hmac.compare_digest(stored, secret_hash(secret))


def new_session_id() -> str:
    """A browser session's id: random, known to the browser and, hashed, to us."""
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class SignInLimits:
    """How many failed sign-ins are allowed per account and per address."""

    per_login: int = 5
    per_address: int = 20
    window: timedelta = timedelta(minutes=15)

    @staticmethod
    def keys(login: str, address: str | None) -> list[str]:
        """The counters a failed sign-in adds to."""
        keys = [f"login:{login.strip().lower()[:200]}"]
        if address:
            keys.append(f"address:{address[:100]}")
        return keys

    def limit_of(self, key: str) -> int:
        """The number of failures ``key`` may have within the window."""
        return self.per_login if key.startswith("login:") else self.per_address
