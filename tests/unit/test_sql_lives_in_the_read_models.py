"""No module outside the read-model implementations holds SQL in its strings.

The read side's statements live in ``.sql`` files (any ``.sql`` file is fine);
Python names them. A few other places own a table of their own and may speak
SQL to it: they are listed below, each with why.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("domain", "service", "web", "bench")
# Paths (a file, or a folder ending in "/") that may hold SQL, and why.
ALLOWED = {
    # The read models' implementations: their connections' transaction
    # statements, the schema they are created in (psycopg2.sql.Identifier).
    "service/readmodel/sqlite.py",
    "service/readmodel/postgres.py",
    # The event store's PostgreSQL persistence (eventsourcing's, one round trip).
    "service/eventstore/pgstore.py",
    # The accounts' secret store (password and token hashes, outside the log).
    "service/accounts/",
    # The operations heartbeat table.
    "service/ops/",
    # The calendar feeds' secrets (hashes of secret addresses, outside the log).
    "service/documents/feeds.py",
}
STATEMENT = re.compile(
    r"\bSELECT\b.+\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b"
    r"|\bDELETE\s+FROM\b|\b(CREATE|DROP|ALTER)\s+(VIRTUAL\s+)?(TABLE|INDEX|SCHEMA)\b"
    r"|^\s*(BEGIN|COMMIT|ROLLBACK)\b|\bPRAGMA\s+\w+|\bANALYZE\s+\w+"
    r"|\bSET\s+(LOCAL\s+)?\w+\s*=|\bWITH\s+RECURSIVE\b",
    re.DOTALL | re.MULTILINE,
)  # keywords in capitals, as this project writes SQL; prose stays out of it


def allowed(path: str) -> bool:
    """Whether the module at ``path`` (relative to the project) may hold SQL."""
    return any(
        path.startswith(entry) if entry.endswith("/") else path == entry
        for entry in ALLOWED
    )


def docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring nodes of a module, its classes and functions."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(
            node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef
        ):
            body = node.body
            if body and isinstance(body[0], ast.Expr):
                found.add(id(body[0].value))
    return found


def sql_strings(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of each string literal of a module that reads as SQL."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(
                part.value if isinstance(part, ast.Constant) else "{}"
                for part in node.values
            )
            if STATEMENT.search(text):
                yield node.lineno, text
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skipped
            and STATEMENT.search(node.value)
        ):
            yield node.lineno, node.value


def modules() -> Iterator[Path]:
    """Every Python module of the application and its benchmarks."""
    for folder in SCANNED:
        yield from sorted((ROOT / folder).rglob("*.py"))


def test_no_module_outside_the_read_models_holds_sql() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text[:60]!r}"
        for path in modules()
        if not allowed(path.relative_to(ROOT).as_posix())
        for line, text in sql_strings(path)
    ]
    assert found == []


def test_the_check_finds_sql_where_it_is_written() -> None:
    # The check is only as good as what it recognises: SQL of every kind.
    for statement in (
        "SELECT id FROM assignments WHERE id = :id",
        "INSERT INTO lineage_edges (src) VALUES (%s)",
        "UPDATE meetings SET status = 'open'",
        "DELETE FROM attendance",
        "CREATE TABLE IF NOT EXISTS x (id TEXT)",
        "DROP SCHEMA s CASCADE",
        "BEGIN IMMEDIATE",
        "SET LOCAL synchronous_commit = off",
        "WITH RECURSIVE walk AS (SELECT 1) SELECT * FROM walk",
    ):
        assert STATEMENT.search(statement), statement
    for prose in ("Select a meeting from the list", "Update the set of points"):
        assert not STATEMENT.search(prose), prose
    assert allowed("service/accounts/secrets.py") and allowed("service/ops/beat.py")
    assert not allowed("service/digests/service.py")
