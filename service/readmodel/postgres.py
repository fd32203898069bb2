"""PostgreSQL: preparing the database for the event store, and (later) read models."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg2
from psycopg2 import sql

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
