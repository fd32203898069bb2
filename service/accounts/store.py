"""Where the secrets of accounts live: their own tables, outside the event log.

A log is forever, and a rotated secret must be gone: password hashes, API-token
hashes, browser sessions and failed sign-ins are rows here, changed in place,
and so is the log position of each account's last write (read your writes).
The statements are written once here with ``%s`` parameters; one connection
per database in ``service.accounts.databases`` runs them (SQLite gets ``?``).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID


@dataclass(frozen=True)
class TokenRecord:
    """An API token as stored: its public id, owner, name, hash and dates."""

    token_id: str
    account_id: UUID
    name: str
    secret_hash: str
    created_at: datetime
    expires_at: datetime | None
    last_used_at: datetime | None
    revoked_at: datetime | None
    # The account's latest event version, read with the token where the event
    # store is at hand (PostgreSQL), so a cached account needs no query.
    account_version: int | None = None


@dataclass(frozen=True)
class SessionRecord:
    """A browser session as stored: whose, and until when."""

    account_id: UUID
    created_at: datetime
    expires_at: datetime
    last_seen_at: datetime


TOKEN_COLUMNS = (
    "token_id, account_id, name, secret_hash, created_at, expires_at,"
    " last_used_at, revoked_at"
)


class SecretStore(ABC):
    """Typed reads and writes of the secret tables."""

    # -- passwords -------------------------------------------------------------

    def password_hash(self, account_id: UUID) -> str | None:
        """The account's password hash, or None when it has no password."""
        rows = self._run(
            "SELECT hash FROM account_passwords WHERE account_id = %s",
            (self._id(account_id),),
        )
        return str(rows[0][0]) if rows else None

    def set_password_hash(self, account_id: UUID, hash: str, at: datetime) -> None:
        """Store (or replace) the account's password hash."""
        self._run(
            "INSERT INTO account_passwords (account_id, hash, changed_at)"
            " VALUES (%s, %s, %s) ON CONFLICT (account_id)"
            " DO UPDATE SET hash = excluded.hash, changed_at = excluded.changed_at",
            (self._id(account_id), hash, self._time(at)),
        )

    # -- API tokens ------------------------------------------------------------

    def add_token(self, token: TokenRecord) -> None:
        """Store a newly issued token (its hash only)."""
        self._run(
            f"INSERT INTO api_tokens ({TOKEN_COLUMNS})"
            " VALUES (%s, %s, %s, %s, %s, %s, NULL, NULL)",
            (
                token.token_id,
                self._id(token.account_id),
                token.name,
                token.secret_hash,
                self._time(token.created_at),
                self._time(token.expires_at),
            ),
        )

    def token(self, token_id: str) -> TokenRecord | None:
        """The token with this id (one indexed read), or None."""
        rows = self._run(
            f"SELECT {TOKEN_COLUMNS}, {self._account_version} FROM api_tokens"
            " WHERE token_id = %s",
            (token_id,),
        )
        return self._token(rows[0]) if rows else None

    # The token's account's latest event version, where the events are at hand.
    _account_version = "NULL"

    def tokens_of(self, account_id: UUID) -> list[TokenRecord]:
        """Every token of an account, oldest first."""
        rows = self._run(
            f"SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE account_id = %s"
            " ORDER BY created_at, token_id",
            (self._id(account_id),),
        )
        return [self._token(row) for row in rows]

    def touch_token(self, token_id: str, at: datetime) -> None:
        """Record the token's last use."""
        self._run(
            "UPDATE api_tokens SET last_used_at = %s WHERE token_id = %s",
            (self._time(at), token_id),
        )

    def revoke_token(self, token_id: str, account_id: UUID, at: datetime) -> bool:
        """Revoke one of the account's tokens; False when it has no such token."""
        rows = self._run(
            "UPDATE api_tokens SET revoked_at = %s WHERE token_id = %s"
            " AND account_id = %s AND revoked_at IS NULL RETURNING token_id",
            (self._time(at), token_id, self._id(account_id)),
        )
        return bool(rows)

    # -- browser sessions ------------------------------------------------------

    def add_session(self, session_hash: str, session: SessionRecord) -> None:
        """Store a new browser session under the hash of its id."""
        self._run(
            "INSERT INTO browser_sessions"
            " (session_hash, account_id, created_at, expires_at, last_seen_at)"
            " VALUES (%s, %s, %s, %s, %s)",
            (
                session_hash,
                self._id(session.account_id),
                self._time(session.created_at),
                self._time(session.expires_at),
                self._time(session.last_seen_at),
            ),
        )

    def session(self, session_hash: str) -> SessionRecord | None:
        """The session under this hash, or None (ended, or never begun)."""
        rows = self._run(
            "SELECT account_id, created_at, expires_at, last_seen_at"
            " FROM browser_sessions WHERE session_hash = %s",
            (session_hash,),
        )
        if not rows:
            return None
        account, created, expires, seen = rows[0]
        return SessionRecord(
            UUID(str(account)),
            self._datetime(created),
            self._datetime(expires),
            self._datetime(seen),
        )

    def touch_session(self, session_hash: str, at: datetime) -> None:
        """Record that the session was used."""
        self._run(
            "UPDATE browser_sessions SET last_seen_at = %s WHERE session_hash = %s",
            (self._time(at), session_hash),
        )

    def end_session(self, session_hash: str) -> None:
        """Sign out: the session is gone."""
        self._run(
            "DELETE FROM browser_sessions WHERE session_hash = %s", (session_hash,)
        )

    def end_sessions_of(self, account_id: UUID) -> None:
        """End every session of an account (disabled, password changed)."""
        self._run(
            "DELETE FROM browser_sessions WHERE account_id = %s",
            (self._id(account_id),),
        )

    # -- failed sign-ins -------------------------------------------------------

    def record_failure(self, keys: Sequence[str], at: datetime) -> None:
        """Count one failed sign-in against each key (a login, an address)."""
        for key in keys:
            self._run(
                "INSERT INTO sign_in_failures (attempt_key, failed_at) VALUES (%s, %s)",
                (key, self._time(at)),
            )

    def failures_since(self, key: str, since: datetime) -> int:
        """How many sign-ins failed for ``key`` since ``since``."""
        rows = self._run(
            "SELECT count(*) FROM sign_in_failures"
            " WHERE attempt_key = %s AND failed_at > %s",
            (key, self._time(since)),
        )
        return int(rows[0][0])

    def clear_failures(self, key: str, before: datetime | None = None) -> None:
        """Forget the failures of ``key`` (all, or those before ``before``)."""
        if before is None:
            self._run("DELETE FROM sign_in_failures WHERE attempt_key = %s", (key,))
        else:
            self._run(
                "DELETE FROM sign_in_failures WHERE attempt_key = %s"
                " AND failed_at <= %s",
                (key, self._time(before)),
            )

    # -- read your writes ------------------------------------------------------

    def note_written(self, account_id: UUID, position: int) -> None:
        """The account's last write reached ``position`` of the event log.

        Positions only move forward: a slower request of the same account that
        finishes later does not take the mark back.
        """
        self._run(
            "INSERT INTO account_writes (account_id, position) VALUES (%s, %s)"
            " ON CONFLICT (account_id) DO UPDATE SET position = excluded.position"
            " WHERE account_writes.position < excluded.position",
            (self._id(account_id), position),
        )

    def last_written(self, account_id: UUID) -> int:
        """The log position of the account's last write (0: it never wrote)."""
        rows = self._run(
            "SELECT position FROM account_writes WHERE account_id = %s",
            (self._id(account_id),),
        )
        return int(rows[0][0]) if rows else 0

    # -- the database ----------------------------------------------------------

    @abstractmethod
    def create(self) -> None:
        """Create the tables if they do not exist."""

    @abstractmethod
    def close(self) -> None:
        """Release the connections."""

    @abstractmethod
    def _run(self, statement: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        """Run one statement in its own transaction; its rows, if any."""

    @staticmethod
    def _id(value: UUID) -> str:
        return str(value)

    @staticmethod
    def _time(value: datetime | None) -> Any:
        return value

    @staticmethod
    def _datetime(value: Any) -> datetime:
        return value if isinstance(value, datetime) else datetime.fromisoformat(value)

    def _token(self, row: tuple[Any, ...]) -> TokenRecord:
        token_id, account, name, secret_hash, created, expires, used, revoked = row[:8]
        return TokenRecord(
            token_id=token_id,
            account_id=UUID(str(account)),
            name=name,
            secret_hash=secret_hash,
            created_at=self._datetime(created),
            expires_at=None if expires is None else self._datetime(expires),
            last_used_at=None if used is None else self._datetime(used),
            revoked_at=None if revoked is None else self._datetime(revoked),
            account_version=row[8] if len(row) > 8 else None,
        )
