"""Where the secrets of accounts live: their own tables, outside the event log.

A log is forever, and a rotated secret must be gone: password hashes, API-token
hashes, browser sessions and failed sign-ins are rows here, changed in place.
One implementation per database; the statements are written once with ``%s``
parameters (SQLite gets them as ``?``).
"""

from __future__ import annotations

import re
import sqlite3
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any
from uuid import UUID

import psycopg2
import psycopg2.pool

from service.settings import Database, Settings

_SCHEMA_LOCK = 7_301_002  # pg_advisory_xact_lock key: one creator at a time
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


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


@dataclass(frozen=True)
class SessionRecord:
    """A browser session as stored: whose, and until when."""

    account_id: UUID
    created_at: datetime
    expires_at: datetime
    last_seen_at: datetime


_TOKEN_COLUMNS = (
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
            f"INSERT INTO api_tokens ({_TOKEN_COLUMNS})"
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
            f"SELECT {_TOKEN_COLUMNS} FROM api_tokens WHERE token_id = %s",
            (token_id,),
        )
        return self._token(rows[0]) if rows else None

    def tokens_of(self, account_id: UUID) -> list[TokenRecord]:
        """Every token of an account, oldest first."""
        rows = self._run(
            f"SELECT {_TOKEN_COLUMNS} FROM api_tokens WHERE account_id = %s"
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
        token_id, account, name, secret_hash, created, expires, used, revoked = row
        return TokenRecord(
            token_id=token_id,
            account_id=UUID(str(account)),
            name=name,
            secret_hash=secret_hash,
            created_at=self._datetime(created),
            expires_at=None if expires is None else self._datetime(expires),
            last_used_at=None if used is None else self._datetime(used),
            revoked_at=None if revoked is None else self._datetime(revoked),
        )


def _schema_sql(dialect: str) -> str:
    return (
        resources.files("service.accounts")
        .joinpath(f"schema.{dialect}.sql")
        .read_text(encoding="utf-8")
    )


class SQLiteSecretStore(SecretStore):
    """The secret tables in their own SQLite file, beside the event store's."""

    def __init__(self, path: str) -> None:
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._connection = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False, timeout=10
        )
        self._connection.execute("PRAGMA journal_mode=WAL")

    def create(self) -> None:
        """Create the tables if they do not exist."""
        with self._lock:
            self._connection.executescript(_schema_sql("sqlite"))

    def close(self) -> None:
        """Close the connection."""
        self._connection.close()

    def _run(self, statement: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        with self._lock:
            cursor = self._connection.execute(statement.replace("%s", "?"), params)
            return cursor.fetchall()

    @staticmethod
    def _time(value: datetime | None) -> Any:
        return None if value is None else value.isoformat(timespec="microseconds")


class PostgresSecretStore(SecretStore):
    """The secret tables in the configured PostgreSQL schema, via a small pool."""

    def __init__(self, database: Database, pool_size: int = 5) -> None:
        options = {}
        if database.schema:
            if not _IDENTIFIER.match(database.schema):
                raise ValueError(f"not a schema name: {database.schema!r}")
            options["options"] = f"-c search_path={database.schema}"
        self._pool = psycopg2.pool.ThreadedConnectionPool(
            0,
            max(pool_size, 1),
            connect_timeout=5,
            **database.psycopg2_dsn(),
            **options,
        )

    def create(self) -> None:
        """Create the tables, one process at a time (a transaction-level lock)."""
        with self._connection() as connection, connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
            cursor.execute(_schema_sql("postgres"))

    def close(self) -> None:
        """Close every pooled connection."""
        self._pool.closeall()

    @contextmanager
    def _connection(self) -> Iterator[Any]:
        connection = self._pool.getconn()
        broken = False
        try:
            with connection:  # commits, or rolls back on an error
                yield connection
        except psycopg2.OperationalError:
            broken = True
            raise
        finally:
            self._pool.putconn(connection, close=broken)

    def _run(self, statement: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        with self._connection() as connection, connection.cursor() as cursor:
            cursor.execute(statement, params)
            return cursor.fetchall() if cursor.description else []


def secrets_path(database: Database) -> str:
    """The SQLite file of the secrets, beside the event store's."""
    if database.sqlite_path == ":memory:":
        return ":memory:"
    path = Path(database.sqlite_path)
    return str(path.with_name(f"{path.stem}.secrets{path.suffix or '.sqlite3'}"))


def build_secret_store(settings: Settings) -> SecretStore:
    """The secret store of the configured database, its tables created."""
    store: SecretStore
    if settings.database.backend == "postgres":
        store = PostgresSecretStore(settings.database, settings.pool_size)
    else:
        store = SQLiteSecretStore(secrets_path(settings.database))
    store.create()
    return store
