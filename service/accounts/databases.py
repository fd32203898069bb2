"""The secret store's connections: a SQLite file, or the PostgreSQL schema."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

import psycopg2
import psycopg2.errors

from service.accounts.store import TOKEN_COLUMNS, SecretStore, TokenRecord
from service.settings import Settings
from service.settings.database import Database

_SCHEMA_LOCK = 7_301_002  # pg_advisory_xact_lock key: one creator at a time
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


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
    """The secret tables in the configured PostgreSQL schema.

    Every statement stands alone, so connections are in autocommit mode: a
    lookup is one round trip. Idle connections are kept (up to ``pool_size``)
    for the next request: opening one costs milliseconds.
    """

    # The account's version from the event store's table in the same schema:
    # with it, an account already cached is used without a second round trip.
    _account_version = (
        "(SELECT max(originator_version) FROM steerlog_events"
        " WHERE originator_id = api_tokens.account_id)"
    )

    _PREPARE_TOKEN = (
        f"PREPARE steerlog_token (text) AS SELECT {TOKEN_COLUMNS}, "
        f"{_account_version} FROM api_tokens WHERE token_id = $1"
    )

    def __init__(self, database: Database, pool_size: int = 5) -> None:
        self._options = {**database.psycopg2_dsn(), "connect_timeout": 5}
        if database.schema:
            if not _IDENTIFIER.match(database.schema):
                raise ValueError(f"not a schema name: {database.schema!r}")
            self._options["options"] = f"-c search_path={database.schema}"
        self._size = max(pool_size, 1)
        self._idle: list[Any] = []
        self._lock = threading.Lock()

    def create(self) -> None:
        """Create the tables, one process at a time (a transaction-level lock)."""
        with self._connection() as connection:
            connection.autocommit = False
            with connection, connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
                cursor.execute(_schema_sql("postgres"))
            connection.autocommit = True

    def close(self) -> None:
        """Close every idle connection."""
        with self._lock:
            idle, self._idle = self._idle, []
        for connection in idle:
            connection.close()

    @contextmanager
    def _connection(self) -> Iterator[Any]:
        with self._lock:
            connection = self._idle.pop() if self._idle else None
        if connection is None:
            connection = psycopg2.connect(**self._options)
            connection.autocommit = True
        broken = True
        try:
            yield connection
            broken = False
        except psycopg2.Error:
            broken = bool(connection.closed)
            raise
        finally:
            self._check_in(connection, broken)

    def _check_in(self, connection: Any, broken: bool) -> None:
        with self._lock:
            if not broken and not connection.closed and len(self._idle) < self._size:
                self._idle.append(connection)
                return
        connection.close()

    def token(self, token_id: str) -> TokenRecord | None:
        """The token with this id: a statement prepared once per connection, so
        the lookup on every request is planned once, not every time."""
        with self._connection() as connection, connection.cursor() as cursor:
            try:
                cursor.execute("EXECUTE steerlog_token (%s)", (token_id,))
            except psycopg2.errors.InvalidSqlStatementName:
                cursor.execute(self._PREPARE_TOKEN)  # a new connection
                cursor.execute("EXECUTE steerlog_token (%s)", (token_id,))
            rows = cursor.fetchall()
        return self._token(rows[0]) if rows else None

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
