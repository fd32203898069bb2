"""``steerlog backup`` and ``steerlog restore``: pg_dump / pg_restore, or SQLite's
online backup API, for the database ``STEERLOG_DATABASE_URL`` names.

PostgreSQL: a custom-format ``pg_dump`` of the configured schema only (or of the
whole database when no schema is named), restored with ``pg_restore`` in one
transaction. SQLite: a tar of the read models' file and the event store's file,
each copied with the online backup API while processes keep writing; the read
models are copied first, so they never claim an event the copied log lacks.
A restore refuses a database that already holds events; ``--rebuild`` replays
every projection afterwards.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg2
from psycopg2 import sql

from service.readmodel.projections import PROJECTIONS
from service.readmodel.projector import Projector
from service.run.composition import build_application, build_read_model
from service.settings import Settings
from service.settings.database import Database

EVENTS, READ = "events.sqlite3", "read.sqlite3"
PG_MAGIC = b"PGDMP"


class BackupError(Exception):
    """A backup or a restore that cannot be done, and why."""


def add_backup_commands(commands: Any) -> None:
    """``steerlog backup FILE`` and ``steerlog restore FILE [--rebuild]``."""
    backup = commands.add_parser("backup", help="back the database up into a file")
    backup.add_argument(
        "file",
        type=Path,
        help="the file to write (must not exist), or a directory to write "
        "steerlog-<UTC time>.dump (.tar on SQLite) into",
    )
    backup.set_defaults(run=run_backup)
    restore = commands.add_parser(
        "restore", help="restore a backup into an empty database"
    )
    restore.add_argument("file", type=Path, help="a file `steerlog backup` wrote")
    restore.add_argument(
        "--rebuild", action="store_true", help="then replay every projection"
    )
    restore.set_defaults(run=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    """Write a backup of the configured database to ``args.file``."""
    database = Settings.from_env().database
    file = args.file
    if file.is_dir():
        file = file / dated_name(database, datetime.now(UTC))
    try:
        backup(database, file)
    except BackupError as error:
        print(f"steerlog: backup: {error}", file=sys.stderr)
        return 1
    print(f"steerlog: backed up into {file}")
    return 0


def dated_name(database: Database, at: datetime) -> str:
    """``steerlog-20261203T020000Z.dump`` (``.tar`` for SQLite): sorts by time."""
    suffix = "dump" if database.backend == "postgres" else "tar"
    return f"steerlog-{at.strftime('%Y%m%dT%H%M%SZ')}.{suffix}"


def run_restore(args: argparse.Namespace) -> int:
    """Restore ``args.file`` into the configured (empty) database."""
    settings = Settings.from_env()
    try:
        restore(settings.database, args.file)
    except BackupError as error:
        print(f"steerlog: restore: {error}", file=sys.stderr)
        return 1
    print(f"steerlog: restored {args.file}")
    if args.rebuild:
        projector = Projector(build_application(settings), build_read_model(settings))
        for name in PROJECTIONS:
            print(f"steerlog: rebuilt {name} from {projector.rebuild(name)} events")
    return 0


def backup(database: Database, file: Path) -> None:
    """Back ``database`` up into ``file``, which must not exist yet."""
    if file.exists():
        raise BackupError(f"{file} exists; name a new file")
    if not file.parent.is_dir():
        raise BackupError(f"no directory {file.parent}")
    if database.backend == "postgres":
        _pg_dump(database, file)
    else:
        _sqlite_backup(database, file)


def restore(database: Database, file: Path) -> None:
    """Restore ``file`` into ``database``, which must hold no events yet."""
    if not file.is_file():
        raise BackupError(f"no file {file}")
    with file.open("rb") as opened:
        is_dump = opened.read(len(PG_MAGIC)) == PG_MAGIC
    if not is_dump and not tarfile.is_tarfile(file):
        raise BackupError(f"{file} is not a steerlog backup")
    if is_dump != (database.backend == "postgres"):
        made = "pg_dump" if is_dump else "a SQLite backup"
        raise BackupError(f"{file} is {made}; STEERLOG_DATABASE_URL is not that")
    if is_dump:
        _pg_restore(database, file)
    else:
        _sqlite_restore(database, file)


# -- PostgreSQL ---------------------------------------------------------------


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} not found (install postgresql-client)")
    return path


def _pg_env(database: Database) -> dict[str, str]:
    """The client tools' connection settings; the password never on a command line."""
    env = {
        **os.environ,
        "PGHOST": database.host,
        "PGPORT": str(database.port),
        "PGUSER": database.user,
        "PGDATABASE": database.name,
        "PGCONNECT_TIMEOUT": "10",
    }
    if database.password:
        env["PGPASSWORD"] = database.password
    return env


def _run(command: list[str], database: Database) -> str:
    finished = subprocess.run(
        command, env=_pg_env(database), capture_output=True, text=True, check=False
    )
    if finished.returncode != 0:
        detail = finished.stderr.strip().splitlines()
        raise BackupError(f"{Path(command[0]).name} failed: {' / '.join(detail[-3:])}")
    return finished.stdout


def _pg_dump(database: Database, file: Path) -> None:
    schema = ["--schema", database.schema] if database.schema else []
    partial = file.with_name(f".{file.name}.partial")
    command = [_tool("pg_dump"), "--format=custom", "--no-owner", *schema]
    try:
        _run([*command, "--file", str(partial)], database)
        partial.rename(file)
    finally:
        partial.unlink(missing_ok=True)


def _dumped_schemas(database: Database, file: Path) -> set[str]:
    """The schemas a dump creates (``pg_restore --list``)."""
    listing = _run([_tool("pg_restore"), "--list", str(file)], database)
    return {
        line.split()[-2]
        for line in listing.splitlines()
        if not line.startswith(";") and " SCHEMA - " in line
    }


def _pg_restore(database: Database, file: Path) -> None:
    schemas = _dumped_schemas(database, file) - {"public"}
    target = database.schema or "public"
    if schemas and schemas != {target}:
        raise BackupError(
            f"{file} holds schema {', '.join(sorted(schemas))}; name it in "
            f"STEERLOG_DATABASE_URL (?schema=...) to restore it"
        )
    _refuse_tables(database, target, drop_if_empty=bool(schemas))
    command = [_tool("pg_restore"), "--no-owner", "--exit-on-error"]
    _run(
        [*command, "--single-transaction", "--dbname", database.name, str(file)],
        database,
    )


def _refuse_tables(database: Database, schema: str, drop_if_empty: bool) -> None:
    """Refuse a schema with tables; drop an empty one the dump will create."""
    try:
        connection = psycopg2.connect(connect_timeout=10, **database.psycopg2_dsn())
    except psycopg2.Error as error:
        raise BackupError(f"cannot connect: {str(error).strip()}") from None
    with closing(connection), connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = %s", (schema,)
        )
        (tables,) = cursor.fetchone()
        if tables:
            raise BackupError(
                f"schema {schema} of {database.name} already has {tables} tables; "
                "restore into an empty database or a new schema"
            )
        if drop_if_empty:
            name = sql.Identifier(schema)
            cursor.execute(sql.SQL("DROP SCHEMA IF EXISTS {}").format(name))


# -- SQLite -------------------------------------------------------------------


def _copy(source: str, target: str) -> None:
    """Copy one SQLite database into another with the online backup API."""
    with (
        closing(sqlite3.connect(source)) as src,
        closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)


def _sqlite_backup(database: Database, file: Path) -> None:
    events, read = database.sqlite_path, database.read_model_path
    if not Path(events).is_file():
        raise BackupError(f"no event store at {events}")
    with tempfile.TemporaryDirectory(dir=file.parent) as work:
        # The read models first: their positions are then never beyond the log.
        copies = [(read, READ)] if Path(read).is_file() else []
        copies.append((events, EVENTS))
        with tarfile.open(file.with_name(f".{file.name}.partial"), "w") as archive:
            for source, name in copies:
                _copy(source, f"{work}/{name}")
                archive.add(f"{work}/{name}", arcname=name)
        file.with_name(f".{file.name}.partial").rename(file)


def _holds_events(path: str) -> bool:
    if not Path(path).is_file():
        return False
    with closing(sqlite3.connect(path)) as connection:
        tables = connection.execute(
            "SELECT name FROM sqlite_master WHERE name = 'stored_events'"
        ).fetchall()
        return bool(tables) and bool(
            connection.execute("SELECT 1 FROM stored_events LIMIT 1").fetchall()
        )


def _sqlite_restore(database: Database, file: Path) -> None:
    events, read = database.sqlite_path, database.read_model_path
    if _holds_events(events):
        raise BackupError(f"{events} already holds events; restore into a new file")
    if not tarfile.is_tarfile(file):
        raise BackupError(f"{file} is not a steerlog backup")
    with tarfile.open(file) as archive, tempfile.TemporaryDirectory() as work:
        names = set(archive.getnames())
        if EVENTS not in names or not names <= {EVENTS, READ}:
            raise BackupError(f"{file} is not a steerlog backup")
        archive.extractall(work, filter="data")
        Path(events).parent.mkdir(parents=True, exist_ok=True)
        for name, target in ((EVENTS, events), (READ, read)):
            if name in names:
                _copy(f"{work}/{name}", target)
