"""The read models in SQLite: a file beside the event store's, one connection."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from itertools import groupby
from pathlib import Path
from typing import Any

from service.readmodel.base import ReadModel, Row
from service.readmodel.changes import Change
from service.readmodel.schema import PROJECTIONS


class SQLiteReadModel(ReadModel):
    """Read models in a SQLite file; statements from ``sql/shared``, ``sql/sqlite``."""

    backend = "sqlite"

    def __init__(self, path: str) -> None:
        super().__init__()
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # One connection, used by one thread at a time: SQLite has one writer.
        self._connection = sqlite3.connect(
            path, check_same_thread=False, isolation_level=None, timeout=30
        )
        self._connection.execute("PRAGMA journal_mode = WAL")
        self._lock = threading.RLock()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Cursor]:
        """A cursor in one transaction, committed on success, rolled back on error."""
        with self._lock:
            cursor = self._connection.cursor()
            cursor.execute("BEGIN IMMEDIATE")
            try:
                yield cursor
            except BaseException:
                cursor.execute("ROLLBACK")
                raise
            cursor.execute("COMMIT")

    def _script(self, name: str) -> None:
        """Run a script of ``sql/sqlite/tables.sql`` (each is its own transaction)."""
        with self._lock:
            try:
                self._connection.executescript(self.sql[name].sql)
            except BaseException:
                if self._connection.in_transaction:
                    self._connection.execute("ROLLBACK")
                raise

    def create(self, projection: str | None = None) -> None:
        self._script("create_positions")
        for name in [projection] if projection else list(PROJECTIONS):
            self._script(f"create_{name}")

    def drop(self, projection: str) -> None:
        self._script(f"drop_{projection}")

    def render(
        self, changes: list[Change], keyed: Mapping[str, tuple[str, ...]]
    ) -> list[Change]:
        return changes

    def apply(self, cursor: Any, rendered: list[Change]) -> None:
        for statement, run in groupby(rendered, key=lambda item: item.statement):
            cursor.executemany(self.sql[statement].sql, [item.params for item in run])

    def fetch(self, cursor: Any, sql: str, params: dict[str, Any]) -> list[Row]:
        cursor.execute(sql, params)
        rows: list[Row] = cursor.fetchall()
        return rows

    def collection(self, values: Collection[Any] | None) -> str | None:
        # json_each() reads the list in the SQL.
        return None if values is None else json.dumps([str(v) for v in values])

    def search_terms(self, words: list[str]) -> str:
        # FTS5: each word quoted (a word is letters and digits only), all required.
        return " ".join(f'"{word}"' for word in words)

    def close(self) -> None:
        with self._lock:
            self._connection.close()
