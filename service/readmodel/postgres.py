"""The read models in PostgreSQL, and preparing the database for the event store.

Statements that read the same in both dialects come from the SQLite module with
their parameters translated (``:name`` to ``%(name)s``); the rest are here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from typing import Any

import psycopg2
import psycopg2.pool
from psycopg2 import sql

from service.readmodel import sqlite
from service.readmodel.base import ReadModel, Row, plain_value
from service.readmodel.schema import PROJECTIONS
from service.settings import Database

EVENT_STORE_TABLES = ("steerlog_events", "steerlog_snapshots")


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
def _cursor(database: Database) -> Iterator[psycopg2.extensions.cursor]:
    """An autocommit cursor on a connection that is closed afterwards."""
    connection = psycopg2.connect(connect_timeout=5, **database.psycopg2_dsn())
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            yield cursor
    finally:
        connection.close()


_NAMED = re.compile(r"(?<![:\w]):([a-z_][a-z0-9_]*)")


def translate(statement: str) -> str:
    """SQLite's ``:name`` parameters in psycopg2's ``%(name)s`` style."""
    return _NAMED.sub(r"%(\1)s", statement)


def _ddl(statement: str) -> str:
    return translate(statement.replace(" TIMESTAMP", " TIMESTAMPTZ"))


DDL: dict[str, tuple[str, ...]] = {
    name: tuple(_ddl(statement) for statement in statements)
    for name, statements in sqlite.DDL.items()
}
DDL["search"] = (
    "CREATE TABLE IF NOT EXISTS search_documents (key TEXT PRIMARY KEY,"
    " kind TEXT NOT NULL, meeting_id TEXT, title TEXT NOT NULL, body TEXT NOT NULL,"
    " folded_title TEXT NOT NULL, folded_body TEXT NOT NULL,"
    " folded TSVECTOR NOT NULL)",
    "CREATE INDEX IF NOT EXISTS search_documents_folded"
    " ON search_documents USING GIN (folded)",
)

STATEMENTS = {name: translate(text) for name, text in sqlite.STATEMENTS.items()}
# Text is folded in Python (diacritics, Uỷ/Ủy), so the 'simple' configuration,
# which neither stems nor drops words, indexes exactly what was folded.
STATEMENTS["search_indexed"] = (
    "INSERT INTO search_documents (key, kind, meeting_id, title, body, folded_title,"
    " folded_body, folded) VALUES (%(key)s, %(kind)s, %(meeting_id)s, %(title)s,"
    " %(body)s, %(folded_title)s, %(folded_body)s,"
    " to_tsvector('simple', %(folded_title)s || ' ' || %(folded_body)s))"
)
STATEMENTS["search_body_updated"] = (
    "UPDATE search_documents SET body = %(body)s, folded_body = %(folded_body)s,"
    " folded = to_tsvector('simple', folded_title || ' ' || %(folded_body)s)"
    " WHERE key = %(key)s"
)

QUERIES = {name: translate(text) for name, text in sqlite.QUERIES.items()}
# Broad words match hundreds of thousands of documents: rank the first
# SEARCH_CANDIDATES matches rather than every one of them. The query is written
# out where it is used, not in a CTE, so the planner sees how common its words
# are: for a broad word, reading the table until enough rows match beats
# collecting every match from the index first (that took some 40 ms).
SEARCH_CANDIDATES = 500
QUERIES["search"] = (
    "SELECT h.key, h.kind, h.meeting_id, h.title, h.body,"
    " ts_rank(h.folded, plainto_tsquery('simple', %(query)s)) AS rank"
    " FROM (SELECT s.key, s.kind, s.meeting_id, s.title, s.body, s.folded"
    " FROM search_documents s WHERE s.folded @@ plainto_tsquery('simple', %(query)s)"
    f" LIMIT {SEARCH_CANDIDATES}) h ORDER BY rank DESC, h.key LIMIT %(limit)s"
)

# The walk's first row types its columns: PostgreSQL needs them spelled out; and
# psycopg2 reads a literal % as a parameter unless it is doubled.
for _walk in ("lineage_up", "lineage_down"):
    QUERIES[_walk] = (
        QUERIES[_walk]
        .replace(
            "SELECT %(start)s, 0, NULL, NULL, NULL, NULL",
            "SELECT CAST(%(start)s AS TEXT), 0, CAST(NULL AS TEXT),"
            " CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS TIMESTAMPTZ)",
        )
        .replace("LIKE 'assignment:%'", "LIKE 'assignment:%%'")
    )

DROPS = {
    name: tuple(f"DROP TABLE IF EXISTS {table} CASCADE" for table in tables)
    for name, tables in PROJECTIONS.items()
}

# The advisory lock held while read-model tables are created or dropped.
TABLES_LOCK = 7_466_318_040  # any constant: it only has to be the same everywhere

# The type oids of date, timestamp and timestamptz: values read as ISO 8601 text.
_DATED = frozenset((1082, 1114, 1184))

# psycopg2 interpolates parameters on the client: a batch goes as one round trip.
BATCH_STATEMENTS = 500


@dataclass(frozen=True)
class MultiRowInsert:
    """An ``INSERT ... VALUES (row) [ON CONFLICT ...]`` split so rows can repeat."""

    head: str
    row: str
    tail: str
    key: tuple[str, ...]  # parameters of the conflict key, when it updates


@cache
def multi_row(statement: str) -> MultiRowInsert | None:
    """The statement as a multi-row insert, or None when it is something else."""
    start = statement.find(" VALUES (")
    if not statement.startswith("INSERT INTO ") or start < 0:
        return None
    opening = start + len(" VALUES ")
    end = _closing_parenthesis(statement, opening)
    head, row = statement[:opening], statement[opening : end + 1]
    tail, key = statement[end + 1 :], tuple[str, ...]()
    if "DO UPDATE" in tail:
        columns = head[head.index("(") + 1 : head.index(")")].split(", ")
        values = [_PARAM.fullmatch(v) for v in row[1:-1].split(", ")]
        conflict = _CONFLICT.search(tail)
        if conflict is None or not all(values) or len(values) != len(columns):
            return None
        by_column = {c: v.group(1) for c, v in zip(columns, values, strict=True) if v}
        key = tuple(by_column[c] for c in conflict.group(1).split(", "))
    return MultiRowInsert(head, row, tail, key)


def _closing_parenthesis(text: str, opening: int) -> int:
    """Where the parenthesis opened at ``opening`` closes (nesting counted)."""
    depth = 0
    for index in range(opening, len(text)):
        depth += {"(": 1, ")": -1}.get(text[index], 0)
        if depth == 0:
            return index
    return len(text) - 1


_PARAM = re.compile(r"%\((\w+)\)s")
_CONFLICT = re.compile(r"ON CONFLICT \(([^)]*)\)")


@cache
def _compiled(statement: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The statement's text around its parameters, and the parameters' names."""
    parts = _PARAM.split(statement)  # text, name, text, name, ..., text
    return tuple(text.replace("%%", "%") for text in parts[0::2]), tuple(parts[1::2])


def _literal(value: Any) -> str:
    """A parameter as an SQL literal, as psycopg2 would quote it.

    Sessions have standard_conforming_strings on, so a quote is doubled and a
    backslash is itself. Quoting here is a few times cheaper than ``mogrify``
    with named parameters, and the projector quotes every value it writes.
    """
    kind = type(value)
    if isinstance(value, str):  # str itself, or a StrEnum's value
        # PostgreSQL text cannot hold NUL; the domain already drops it.
        text = str.__str__(value).replace("\x00", "")
        return "'" + text.replace("'", "''") + "'"
    if value is None:
        return "NULL"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if isinstance(value, list | tuple):
        items = ",".join(_literal(item) for item in value)
        return f"ARRAY[{items}]" if items else "'{}'"
    # Dates, times, numbers, UUIDs: ASCII, so no connection encoding is needed.
    return str(psycopg2.extensions.adapt(value).getquoted().decode("ascii"))


def _bound(statement: str, params: dict[str, Any]) -> str:
    """The statement with its parameters in place."""
    texts, names = _compiled(statement)
    pieces = [texts[0]]
    for name, text in zip(names, texts[1:], strict=True):
        pieces.append(_literal(params[name]))
        pieces.append(text)
    return "".join(pieces)


def _merged(sql: str, rows: list[dict[str, Any]]) -> list[str]:
    """Consecutive operations of one statement as few statements as can be.

    An upsert may not touch one row twice in a statement, so a run is cut where
    its key repeats: the outcome is that of running the rows one by one.
    """
    insert = multi_row(sql)
    if insert is None:
        return [_bound(sql, params) for params in rows]
    statements: list[str] = []
    values: list[str] = []
    keys: set[tuple[Any, ...]] = set()
    for params in rows:
        key = tuple(params[name] for name in insert.key)
        if insert.key and key in keys:
            statements.append(_statement(insert, values))
            values, keys = [], set()
        keys.add(key)
        values.append(_bound(insert.row, params))
    statements.append(_statement(insert, values))
    return statements


def _statement(insert: MultiRowInsert, values: list[str]) -> str:
    # Head and tail hold no parameters: only a literal % is written %% there.
    head, tail = insert.head.replace("%%", "%"), insert.tail.replace("%%", "%")
    return head + ",".join(values) + tail


class PostgresReadModel(ReadModel):
    """Read models in the event store's PostgreSQL database (and schema)."""

    backend = "postgres"
    positions_ddl = tuple(_ddl(statement) for statement in sqlite.POSITIONS_DDL)
    ddl = DDL
    drops = DROPS
    statements = STATEMENTS
    queries = QUERIES

    def __init__(self, database: Database, pool_size: int = 5) -> None:
        # UTC sessions: times come back as SQLite's do (ISO 8601, +00:00). No
        # JIT: the planner's estimates for a recursive walk pass its threshold,
        # and compiling costs more than the few milliseconds a query runs.
        # Batches quote their own literals (_literal), as standard strings. A
        # scan starts at the table's start, so search candidates do not vary.
        options = (
            "-c timezone=UTC -c jit=off -c standard_conforming_strings=on"
            " -c synchronize_seqscans=off"
        )
        if database.schema:
            options += f" -c search_path={database.schema}"
        self._pool = psycopg2.pool.ThreadedConnectionPool(
            1,
            max(pool_size, 1),
            options=options,
            connect_timeout=5,
            **database.psycopg2_dsn(),
        )

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """A cursor in one transaction, committed on success, rolled back on error."""
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

    def run(self, cursor: Any, sql: str, params: dict[str, Any]) -> int:
        cursor.execute(sql, params)
        return int(cursor.rowcount)

    def prepare_batch(self, cursor: Any) -> None:
        # Read models are derived: a batch lost in a crash is applied again (its
        # position commits with it), so its commit need not wait for the disk.
        # The shared table lock keeps a process creating or dropping tables (it
        # takes the lock exclusively) from deadlocking with this batch's locks.
        cursor.execute(
            "SET LOCAL synchronous_commit = off;"
            " SELECT pg_advisory_xact_lock_shared(%(key)s)",
            {"key": TABLES_LOCK},
        )

    def render(self, operations: list[tuple[str, dict[str, Any]]]) -> list[str]:
        """Scripts of up to BATCH_STATEMENTS statements, parameters in place."""
        statements = [
            merged
            for sql, run in groupby(operations, key=lambda operation: operation[0])
            for merged in _merged(sql, [params for _, params in run])
        ]
        return [
            ";".join(statements[start : start + BATCH_STATEMENTS])
            for start in range(0, len(statements), BATCH_STATEMENTS)
        ]

    def lock_tables(self, cursor: Any) -> None:
        # Projector processes started together (one per group of projections)
        # each create every table: one at a time, or their locks deadlock.
        cursor.execute("SELECT pg_advisory_xact_lock(%(key)s)", {"key": TABLES_LOCK})

    def run_many(self, cursor: Any, rendered: list[str]) -> None:
        for script in rendered:
            cursor.execute(script)

    def fetch(self, cursor: Any, sql: str, params: dict[str, Any]) -> list[Row]:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        # Only the columns typed as dates or times need a look at every row.
        dated = [c.name for c in cursor.description if c.type_code in _DATED]
        for row in rows:
            for name in dated:
                row[name] = plain_value(row[name])
        return rows

    def placeholders(self, prefix: str, count: int) -> str:
        return ", ".join(f"%({prefix}{index})s" for index in range(count))

    def dump_sql(self, table: str) -> str:
        order = sqlite.DUMP_ORDER.get(table, "id")
        return f"SELECT * FROM {table} ORDER BY {order}"

    def close(self) -> None:
        self._pool.closeall()
