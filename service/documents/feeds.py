"""Secret calendar feed addresses, one per account, kept outside the event log.

Calendar programs cannot send a bearer token, so a feed's address carries a
secret. Only its SHA-256 is stored (in its own table: a revoked secret is gone
from the log's point of view, as DESIGN.md asks of secrets); issuing a new one
revokes the account's former one; a revoked or unknown secret reads as nothing.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg2
from psycopg2 import sql

from domain.errors import InvalidValueError
from domain.text import clean
from service.settings.database import Database

DDL = (
    "CREATE TABLE IF NOT EXISTS calendar_feed_secrets (secret_hash TEXT PRIMARY KEY,"
    " account_id TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT)",
    "CREATE INDEX IF NOT EXISTS calendar_feed_secrets_by_account"
    " ON calendar_feed_secrets (account_id, revoked_at)",
)
MAX_ACCOUNT_ID = 200


@dataclass(frozen=True)
class IssuedSecret:
    """A new feed secret: shown once, then only its hash is kept."""

    account_id: str
    secret: str
    created_at: datetime


def digest(secret: str) -> str:
    """What is stored of a secret."""
    return hashlib.sha256(secret.encode()).hexdigest()


def checked_account(account_id: str) -> str:
    """An account id as text: not empty, not longer than 200 characters."""
    text = clean(account_id) if isinstance(account_id, str) else ""
    if not text or len(text) > MAX_ACCOUNT_ID:
        raise InvalidValueError(field="account_id", reason="1 to 200 characters")
    return text


class FeedSecrets:
    """The table of feed secrets, on SQLite (beside the events) or PostgreSQL."""

    def __init__(self, database: Database) -> None:
        self.database = database
        with self._cursor() as cursor:
            if database.backend == "postgres" and database.schema:
                name = sql.Identifier(database.schema).as_string(cursor.cursor)
                cursor.execute(f"CREATE SCHEMA IF NOT EXISTS {name}")
            for statement in DDL:
                cursor.execute(statement)

    @contextmanager
    def _cursor(self) -> Iterator[Any]:
        """A cursor in one transaction, committed if the block ends normally."""
        connection: Any
        if self.database.backend == "postgres":
            options = (
                f"-c search_path={self.database.schema}" if self.database.schema else ""
            )
            connection = psycopg2.connect(
                **self.database.psycopg2_dsn(), options=options
            )
        else:
            connection = sqlite3.connect(feeds_path(self.database))
        with closing(connection):
            cursor = connection.cursor()
            try:
                yield _Params(cursor, self.database.backend)
                connection.commit()
            except BaseException:
                connection.rollback()
                raise

    def issue(self, account_id: str, at: datetime) -> IssuedSecret:
        """A new secret for the account; its former one stops working."""
        account = checked_account(account_id)
        secret = secrets.token_urlsafe(32)
        with self._cursor() as cursor:
            cursor.execute(
                "UPDATE calendar_feed_secrets SET revoked_at = ?"
                " WHERE account_id = ? AND revoked_at IS NULL",
                (at.isoformat(), account),
            )
            cursor.execute(
                "INSERT INTO calendar_feed_secrets (secret_hash, account_id,"
                " created_at) VALUES (?, ?, ?)",
                (digest(secret), account, at.isoformat()),
            )
        return IssuedSecret(account, secret, at)

    def revoke(self, account_id: str, at: datetime) -> int:
        """Revoke the account's secret; how many were revoked (0 or 1)."""
        with self._cursor() as cursor:
            cursor.execute(
                "UPDATE calendar_feed_secrets SET revoked_at = ?"
                " WHERE account_id = ? AND revoked_at IS NULL",
                (at.isoformat(), checked_account(account_id)),
            )
            count: int = cursor.rowcount
        return count

    def account_of(self, secret: str) -> str | None:
        """The account a live secret belongs to; None if unknown or revoked."""
        with self._cursor() as cursor:
            cursor.execute(
                "SELECT account_id FROM calendar_feed_secrets"
                " WHERE secret_hash = ? AND revoked_at IS NULL",
                (digest(secret),),
            )
            row = cursor.fetchone()
        return None if row is None else str(row[0])


class _Params:
    """A cursor taking ``?`` placeholders on either database."""

    def __init__(self, cursor: Any, backend: str) -> None:
        self.cursor, self.backend = cursor, backend

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> None:
        """Run ``sql`` with ``params`` bound by the driver."""
        if self.backend == "postgres":
            sql = sql.replace("?", "%s")
        self.cursor.execute(sql, params)

    @property
    def rowcount(self) -> int:
        """Rows the last statement changed."""
        return int(self.cursor.rowcount)

    def fetchone(self) -> Any:
        """The next row, or None."""
        return self.cursor.fetchone()


def feeds_path(database: Database) -> str:
    """The SQLite file of the feed secrets, beside the event store's."""
    if database.sqlite_path == ":memory:":
        raise InvalidValueError(field="database", reason="feeds need a file")
    path = Path(database.sqlite_path)
    return str(path.with_name(f"{path.stem}.feeds{path.suffix or '.sqlite3'}"))
