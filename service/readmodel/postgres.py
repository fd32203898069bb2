"""The read models in PostgreSQL, and preparing the database for the event store.

A batch's statements are built by psycopg2 (``execute_values`` makes each run of
one insert a multi-row statement, ``execute_batch`` joins the other statements)
while the previous batch commits, on a cursor that keeps what they would send;
committing sends them as a few scripts. psycopg2 quotes every value.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from itertools import groupby
from typing import Any

import psycopg2
import psycopg2.pool
from psycopg2 import extensions, sql
from psycopg2.extras import execute_batch, execute_values

from service.readmodel.base import ReadModel, Row
from service.readmodel.changes import Change
from service.readmodel.schema import PROJECTIONS
from service.settings.database import Database

EVENT_STORE_TABLES = ("steerlog_events", "steerlog_snapshots")
# The advisory lock held while read-model tables are created or dropped.
TABLES_LOCK = 7_466_318_040  # any constant: it only has to be the same everywhere
# Dates are read as the server writes them (ISO 8601: psycopg2 keeps the session's
# DateStyle ISO), neither parsed nor formatted again; the type oids of timestamp
# and timestamptz, whose text differs from ISO 8601's, are formatted per row.
_DATE_AS_TEXT = extensions.new_type((1082,), "DATE_AS_TEXT", lambda text, _: text)
_DATED = frozenset((1114, 1184))
# Statements sent in one round trip when a batch commits.
SCRIPT_STATEMENTS = 500
# Rows of one multi-row statement (psycopg2 builds it on the client).
ROWS_PER_STATEMENT = 1000
# How long a thread waits for a free read model connection before giving up.
CONNECTION_WAIT_SECONDS = 30


def create_schema(database: Database) -> None:
    """Create the configured schema, if any, before eventsourcing creates tables."""
    if not database.schema:
        return
    with _cursor(database) as cursor:
        cursor.execute(
            sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(
                sql.Identifier(database.schema)
            )
        )


def enable_autovacuum(database: Database) -> None:
    """eventsourcing creates its tables without autovacuum (and auto-ANALYZE)."""
    with _cursor(database) as cursor:
        for table in EVENT_STORE_TABLES:
            cursor.execute(
                sql.SQL("ALTER TABLE {} SET (autovacuum_enabled = true)").format(
                    _table(database, table)
                )
            )


def drop_schema(database: Database) -> None:
    """Drop the configured schema and everything in it (tests and benchmarks)."""
    if not database.schema:
        raise ValueError("refusing to drop the default schema")
    with _cursor(database) as cursor:
        cursor.execute(
            sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(
                sql.Identifier(database.schema)
            )
        )


def ping(database: Database) -> None:
    """Raise if the server cannot be reached or cannot run a query."""
    with _cursor(database) as cursor:
        cursor.execute("SELECT 1")


def _table(database: Database, table: str) -> sql.Composable:
    if database.schema:
        return sql.Identifier(database.schema, table)
    return sql.Identifier(table)


@contextmanager
def _cursor(database: Database) -> Iterator[extensions.cursor]:
    """An autocommit cursor on a connection that is closed afterwards."""
    connection = psycopg2.connect(connect_timeout=5, **database.psycopg2_dsn())
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            yield cursor
    finally:
        connection.close()


class _Keeping:
    """A cursor for psycopg2's batch helpers that keeps what they would send.

    ``execute_values`` and ``execute_batch`` quote with ``mogrify`` and send with
    ``execute``: here the first goes to a real cursor, the second is kept.
    """

    def __init__(self, cursor: extensions.cursor) -> None:
        self.connection, self.mogrify = cursor.connection, cursor.mogrify
        self.sent: list[bytes] = []

    def execute(self, statement: bytes) -> None:
        """Keep the statement (or statements) built."""
        self.sent.append(statement)


class PostgresReadModel(ReadModel):
    """Read models in the event store's PostgreSQL database (and schema)."""

    backend = "postgres"

    def __init__(self, database: Database, pool_size: int = 5) -> None:
        super().__init__()
        # UTC sessions: times come back as SQLite's do (ISO 8601, +00:00). No
        # JIT: the planner's estimates for a recursive walk pass its threshold,
        # and compiling costs more than the few milliseconds a query runs. A
        # scan starts at the table's start, so search candidates do not vary.
        options = "-c timezone=UTC -c jit=off -c synchronize_seqscans=off"
        if database.schema:
            options += f" -c search_path={database.schema}"
        self._pool = psycopg2.pool.ThreadedConnectionPool(
            1,
            max(pool_size, 1) + 1,  # one more: the connection batches are built on
            options=options,
            connect_timeout=5,
            **database.psycopg2_dsn(),
        )
        self._builder: extensions.connection | None = None
        self._building = threading.Lock()
        # psycopg2's pool refuses a thread when every connection is out; the
        # web's threads (gthread) outnumber them, so a thread waits for one.
        self._free = threading.BoundedSemaphore(max(pool_size, 1))

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """A cursor in one transaction, committed on success, rolled back on error."""
        if not self._free.acquire(timeout=CONNECTION_WAIT_SECONDS):
            raise psycopg2.pool.PoolError("every read model connection is busy")
        try:
            connection = self._pool.getconn()
            try:
                with connection.cursor() as cur:
                    yield cur
                connection.commit()
            except BaseException:
                connection.rollback()
                raise
            finally:
                self._pool.putconn(connection)
        finally:
            self._free.release()

    def create(self, projection: str | None = None) -> None:
        # Projector processes started together (one per group of projections)
        # each create every table: one at a time, or their locks deadlock.
        with self.transaction() as cursor:
            self.execute(cursor, "lock_tables", {"key": TABLES_LOCK})
            cursor.execute(self.sql["create_positions"].sql)
            for name in [projection] if projection else list(PROJECTIONS):
                cursor.execute(self.sql[f"create_{name}"].sql)
                self.execute(cursor, "position_start", {"name": name})

    def drop(self, projection: str) -> None:
        with self.transaction() as cursor:
            self.execute(cursor, "lock_tables", {"key": TABLES_LOCK})
            cursor.execute(self.sql[f"drop_{projection}"].sql)
            self.execute(cursor, "position_reset", {"name": projection})

    def prepare_batch(self, cursor: Any) -> None:
        # Read models are derived: a batch lost in a crash is applied again (its
        # position commits with it), so its commit need not wait for the disk.
        # The shared table lock keeps a process creating or dropping tables (it
        # takes the lock exclusively) from deadlocking with this batch's locks.
        self.execute(cursor, "batch_setup", {"key": TABLES_LOCK})

    def render(
        self, changes: list[Change], keyed: Mapping[str, tuple[str, ...]]
    ) -> list[bytes]:
        """The batch as scripts of statements built by psycopg2, values quoted."""
        with self._building:
            if self._builder is None or self._builder.closed:
                self._builder = self._pool.getconn()
            with self._builder.cursor() as cursor:
                keeping = _Keeping(cursor)
                for name, run in groupby(changes, key=lambda item: item.statement):
                    rows = [item.params for item in run]
                    self._build(keeping, name, rows, keyed.get(name, ()))
        sent = keeping.sent
        return [
            b";".join(sent[start : start + SCRIPT_STATEMENTS])
            for start in range(0, len(sent), SCRIPT_STATEMENTS)
        ]

    def _build(
        self,
        keeping: _Keeping,
        name: str,
        rows: list[dict[str, Any]],
        key: tuple[str, ...],
    ) -> None:
        """One run of a statement: multi-row where it is written for many rows."""
        statement = self.sql[name]
        if not statement.many:
            execute_batch(keeping, statement.sql, rows, page_size=len(rows))
            return
        template = self.sql[f"{name}_row"].sql
        for part in _without_repeated_keys(rows, key):
            execute_values(
                keeping, statement.sql, part, template, page_size=ROWS_PER_STATEMENT
            )

    def apply(self, cursor: Any, rendered: list[bytes]) -> None:
        for script in rendered:
            cursor.execute(script)

    def fetch(self, cursor: Any, sql: str, params: dict[str, Any]) -> list[Row]:
        extensions.register_type(_DATE_AS_TEXT, cursor)
        cursor.execute(sql, params)
        rows: list[Row] = cursor.fetchall()
        # Only the columns typed as times need a look at every row.
        dated = [i for i, c in enumerate(cursor.description) if c.type_code in _DATED]
        if not dated:
            return rows
        return [_iso(row, dated) for row in rows]

    def collection(self, values: Collection[Any] | None) -> list[str] | None:
        # A Python list is a PostgreSQL array: the SQL compares with = ANY().
        return None if values is None else [str(v) for v in values]

    def search_terms(self, words: list[str]) -> str:
        return " ".join(words)  # plainto_tsquery requires every word

    def analyze(self) -> None:
        """Refresh the planner's statistics of every read-model table."""
        with self.transaction() as cursor:
            for tables in PROJECTIONS.values():
                for table in tables:
                    cursor.execute(sql.SQL("ANALYZE {}").format(sql.Identifier(table)))

    def close(self) -> None:
        self._pool.closeall()


def _iso(row: Row, dated: list[int]) -> Row:
    values = list(row)
    for index in dated:
        if values[index] is not None:
            values[index] = values[index].isoformat()
    return tuple(values)


def _without_repeated_keys(
    rows: list[dict[str, Any]], key: tuple[str, ...]
) -> Iterator[list[dict[str, Any]]]:
    """Consecutive parts of a run in which no key repeats (an upsert may not touch
    one row twice in a statement): the outcome is that of the rows one by one."""
    if not key:
        yield rows
        return
    part: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    for row in rows:
        found = tuple(row[name] for name in key)
        if found in seen:
            yield part
            part, seen = [], set()
        seen.add(found)
        part.append(row)
    yield part
