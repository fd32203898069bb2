"""The read side's SQL, loaded by name from the ``.sql`` files beside this module.

``sql/shared/`` holds what both databases run alike, ``sql/sqlite/`` and
``sql/postgres/`` what each runs its own way. aiosql reads the files and turns
the ``:name`` parameters into each driver's style; names are unique across a
database's files, so nothing is overridden by accident.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import NamedTuple

import aiosql
from aiosql.types import SQLOperationType

SQL = Path(__file__).parent / "sql"
ADAPTERS = {"sqlite": "sqlite3", "postgres": "psycopg2"}


class Statement(NamedTuple):
    """One named statement: its text in the driver's parameter style, and whether
    it is written for many rows at once (``name*!``)."""

    sql: str
    many: bool


@cache
def statements(backend: str) -> dict[str, Statement]:
    """Every statement one database runs, by name."""
    found: dict[str, Statement] = {}
    for folder in (SQL / "shared", SQL / backend):
        queries = aiosql.from_path(
            folder, ADAPTERS[backend], mandatory_parameters=False
        )
        names = set(queries.available_queries)
        for name in sorted(names):
            if name.endswith("_cursor") and name.removesuffix("_cursor") in names:
                continue  # aiosql's cursor-returning twin of a select
            if name in found:
                raise ValueError(f"statement {name} is defined twice")
            query = getattr(queries, name)
            many = query.operation is SQLOperationType.INSERT_UPDATE_DELETE_MANY
            found[name] = Statement(query.sql, many)
    return found
