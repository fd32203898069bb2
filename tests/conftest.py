"""Fixtures for every layer: a fresh SQLite file or PostgreSQL schema per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from uuid import uuid4

import psycopg2
import pytest

from service.readmodel import postgres
from service.run.composition import build_application
from service.settings import Settings
from service.settings.database import Database
from service.usecases.steerlog import Steerlog

POSTGRES_URL = os.environ.get(
    "STEERLOG_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)


@cache
def postgres_unreachable() -> str | None:
    """Why the test server cannot be used, or None when it can."""
    try:
        postgres.ping(Database.from_url(POSTGRES_URL))
    except psycopg2.Error as error:
        return f"PostgreSQL unreachable at {POSTGRES_URL}: {error}".strip()
    return None


def require_postgres() -> None:
    """Skip without PostgreSQL on a laptop; fail under CI=true, where it must run."""
    reason = postgres_unreachable()
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def sqlite_settings(directory: Path) -> Settings:
    """Settings for a new SQLite file in ``directory``."""
    return Settings(database=Database.from_url(f"sqlite:///{directory}/events.sqlite3"))


@pytest.fixture
def postgres_settings() -> Iterator[Settings]:
    """Settings for a new PostgreSQL schema, dropped after the test."""
    require_postgres()
    database = Database.from_url(f"{POSTGRES_URL}?schema=test_{uuid4().hex[:12]}")
    yield Settings(database=database)
    postgres.drop_schema(database)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """The same test on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return sqlite_settings(tmp_path)
    settings: Settings = request.getfixturevalue("postgres_settings")
    return settings


@pytest.fixture
def app(settings: Settings) -> Iterator[Steerlog]:
    """A Steerlog application on a fresh database."""
    application = build_application(settings)
    yield application
    application.close()
