"""Heartbeats of the scheduler processes, in a small table every machine can read.

On PostgreSQL the table lives in the configured schema beside the events; on
SQLite, in the read models' file (a heartbeat is as disposable as a projection).
Times are stored as ISO 8601 text in UTC, the same on both databases.
"""

from __future__ import annotations

import os
import socket
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from importlib import resources
from typing import Any

import psycopg2

from service.settings.database import Database

SCHEDULER = "scheduler"
_CREATE = resources.files(__package__).joinpath("heartbeat.sql").read_text("utf-8")
_BEAT = (
    "INSERT INTO steerlog_heartbeats (process, host, pid, beat_at)"
    " VALUES ({p}, {p}, {p}, {p})"
    " ON CONFLICT (process, host) DO UPDATE"
    " SET pid = excluded.pid, beat_at = excluded.beat_at"
)
_LATEST = "SELECT max(beat_at) FROM steerlog_heartbeats WHERE process = {p}"


class Heartbeats:
    """Record that a process is alive; tell when one last was."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self._created = False

    @contextmanager
    def _cursor(self) -> Iterator[tuple[Any, str]]:
        """A cursor in one committed transaction, and the parameter marker."""
        if self.database.backend == "sqlite":
            path = self.database.read_model_path
            connection = sqlite3.connect(path, timeout=5)
            with closing(connection), connection:
                yield connection.cursor(), "?"
            return
        options = (
            f"-c search_path={self.database.schema}" if self.database.schema else ""
        )
        connection = psycopg2.connect(
            connect_timeout=5, options=options, **self.database.psycopg2_dsn()
        )
        try:
            with connection, connection.cursor() as cursor:
                yield cursor, "%s"
        finally:
            connection.close()

    def _create(self) -> None:
        """Create the table once per process, in its own transaction: processes
        starting together may race to create it, and one losing is fine."""
        if self._created:
            return
        try:
            with self._cursor() as (cursor, _):
                cursor.execute(_CREATE)
        except psycopg2.Error:
            # Another process created it at the same moment (whichever error the
            # race gave): fine if the table is there now.
            with self._cursor() as (cursor, _):
                cursor.execute("SELECT to_regclass('steerlog_heartbeats')")
                if cursor.fetchone()[0] is None:
                    raise
        self._created = True

    def beat(self, at: datetime, process: str = SCHEDULER) -> None:
        """Record that ``process`` on this host is alive at ``at``."""
        self._create()
        with self._cursor() as (cursor, marker):
            cursor.execute(
                _BEAT.format(p=marker),
                (process, socket.gethostname(), os.getpid(), _text(at)),
            )

    def latest(self, process: str = SCHEDULER) -> datetime | None:
        """When any ``process``, on any host, last beat (None: never)."""
        self._create()
        with self._cursor() as (cursor, marker):
            cursor.execute(_LATEST.format(p=marker), (process,))
            row = cursor.fetchone()
        return datetime.fromisoformat(row[0]) if row and row[0] else None


def _text(at: datetime) -> str:
    """A moment as sortable ISO text in UTC."""
    return at.astimezone(UTC).isoformat(timespec="microseconds")


HEARTBEAT_JOB = "ops.heartbeat"
HEARTBEAT_EVERY = 30  # seconds; /readyz allows STEERLOG_READY_HEARTBEAT_SECONDS


def beat(heartbeats: Heartbeats, clock: Callable[[], datetime]) -> None:
    """Job ``ops.heartbeat``: the scheduler process says it is alive."""
    heartbeats.beat(clock())
