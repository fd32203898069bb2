"""The backup drill: back up, restore into a fresh database, rebuild the read
models, and every lineage walk and tracker query answers as before."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import uuid4

import psycopg2
import pytest
from psycopg2 import sql

from service.readmodel.projector import Projector
from service.run.backup import PG_MAGIC
from service.run.cli import main
from service.run.composition import build_application, build_read_side
from service.run.demo import load_demo
from service.settings import Settings
from service.settings.database import Database
from tests.functional.support import admin_token
from web import create_app

DAY = "2022-06-30"


@pytest.fixture
def fresh(settings: Settings, tmp_path: Path) -> Iterator[Settings]:
    """Settings for a new, empty database of the same kind (and schema name)."""
    if settings.database.backend == "sqlite":
        yield Settings(
            database=Database.from_url(f"sqlite:///{tmp_path}/new/e.sqlite3")
        )
        return
    name = f"drill_{uuid4().hex[:10]}"
    with _admin(settings.database) as cursor:
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    source = settings.database
    url = f"postgresql://{source.user}@{source.host}:{source.port}/{name}"
    yield Settings(database=Database.from_url(f"{url}?schema={source.schema}"))
    with _admin(settings.database) as cursor:
        drop = "DROP DATABASE {} WITH (FORCE)"
        cursor.execute(sql.SQL(drop).format(sql.Identifier(name)))


class _admin:
    """An autocommit cursor on the server (CREATE / DROP DATABASE)."""

    def __init__(self, database: Database) -> None:
        self.connection = psycopg2.connect(**database.psycopg2_dsn())
        self.connection.autocommit = True

    def __enter__(self) -> Any:
        return self.connection.cursor()

    def __exit__(self, *exc: object) -> None:
        self.connection.close()


def steerlog(settings: Settings, monkeypatch: pytest.MonkeyPatch, *argv: str) -> int:
    """Run the ``steerlog`` command against the database of ``settings``."""
    monkeypatch.setenv("STEERLOG_DATABASE_URL", settings.database.url)
    return main(list(argv))


def answers(settings: Settings) -> dict[str, Any]:
    """Every tracker, statistics, document and lineage answer the API gives."""
    application = build_application(settings)
    read_side = build_read_side(settings)
    Projector(application, read_side.read_model).catch_up()
    config = {"TESTING": True, "STEERLOG_SECRET_KEY": "k" * 48}
    client = create_app(config, application, read_side).test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {admin_token(application)}"

    def get(path: str) -> Any:
        response = client.get(path)
        assert response.status_code == 200, (path, response.get_json())
        return response.get_json()

    found: dict[str, Any] = {"tracker": get(f"/api/v1/assignments?day={DAY}&limit=200")}
    for by in ("agencies", "committees"):
        found[by] = get(f"/api/v1/statistics/{by}?day={DAY}")
    found["documents"] = get("/api/v1/documents?limit=200")
    for task in found["tracker"]["items"]:
        path = f"/api/v1/lineage/assignment/{task['id']}?direction=up&day={DAY}"
        found[path] = get(path)
    for meeting in get("/api/v1/meetings?limit=200")["items"]:
        path = f"/api/v1/lineage/meeting/{meeting['id']}?direction=down&day={DAY}"
        found[path] = get(path)
    found["log"] = [
        (n.id, n.topic, n.state)
        for n in application.recorder.select_notifications(1, 100_000)
    ]
    read_side.read_model.close()
    application.close()
    return found


def test_a_restored_backup_answers_every_query_as_before(
    settings: Settings, fresh: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_demo(build_application(settings))
    before = answers(settings)
    assert len(before["tracker"]["items"]) >= 20 and len(before) > 30
    file = tmp_path / "steerlog.backup"
    assert steerlog(settings, monkeypatch, "backup", str(file)) == 0
    assert (file.read_bytes()[:5] == PG_MAGIC) == (
        settings.database.backend != "sqlite"
    )
    assert steerlog(fresh, monkeypatch, "restore", str(file), "--rebuild") == 0
    assert answers(fresh) == before
    # The restored log goes on from where it was: a new write comes after it.
    restored = build_application(fresh)
    loaded = load_demo(restored)
    assert all(part.already_loaded for part in loaded)
    restored.close()


def test_restore_refuses_a_database_that_holds_events(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    load_demo(build_application(settings))
    file = tmp_path / "steerlog.backup"
    assert steerlog(settings, monkeypatch, "backup", str(file)) == 0
    capsys.readouterr()
    assert steerlog(settings, monkeypatch, "restore", str(file)) == 1
    assert "already" in capsys.readouterr().err
    assert steerlog(settings, monkeypatch, "backup", str(file)) == 1
    assert "exists" in capsys.readouterr().err


def test_restore_refuses_what_is_no_backup_of_this_kind(
    settings: Settings,
    fresh: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: Any,
) -> None:
    junk = tmp_path / "junk.backup"
    junk.write_text("không phải bản sao lưu")
    assert steerlog(fresh, monkeypatch, "restore", str(junk)) == 1
    message = capsys.readouterr().err
    assert message == f"steerlog: restore: {junk} is not a steerlog backup\n"
    assert steerlog(fresh, monkeypatch, "restore", str(tmp_path / "missing")) == 1
    assert "no file" in capsys.readouterr().err


@pytest.mark.postgres
def test_a_dump_restores_only_into_the_schema_it_holds(
    postgres_settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: Any,
) -> None:
    load_demo(build_application(postgres_settings))
    file = tmp_path / "steerlog.dump"
    assert steerlog(postgres_settings, monkeypatch, "backup", str(file)) == 0
    elsewhere = postgres_settings.database.url.rsplit("=", 1)[0] + "=other_schema"
    other = Settings(database=Database.from_url(elsewhere))
    capsys.readouterr()
    assert steerlog(other, monkeypatch, "restore", str(file)) == 1
    schema = postgres_settings.database.schema
    assert f"holds schema {schema}; name it in STEERLOG_DATABASE_URL" in (
        capsys.readouterr().err
    )


@pytest.mark.postgres
def test_without_pg_dump_the_backup_says_what_to_install(
    postgres_settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: Any,
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    file = tmp_path / "steerlog.dump"
    assert steerlog(postgres_settings, monkeypatch, "backup", str(file)) == 1
    assert capsys.readouterr().err == (
        "steerlog: backup: pg_dump not found (install postgresql-client)\n"
    )
    assert not file.exists()


def test_a_backup_into_a_directory_is_named_by_its_time(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    load_demo(build_application(settings))
    assert steerlog(settings, monkeypatch, "backup", str(tmp_path)) == 0
    [written] = [p for p in tmp_path.iterdir() if p.name.startswith("steerlog-")]
    suffix = ".dump" if settings.database.backend == "postgres" else ".tar"
    assert re.fullmatch(r"steerlog-\d{8}T\d{6}Z", written.stem)
    assert written.suffix == suffix
    assert capsys.readouterr().out == f"steerlog: backed up into {written}\n"
