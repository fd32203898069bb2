"""Fixtures for the HTTP API: an app per test over real SQLite and PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import psycopg2
import pytest
from flask import Flask

from service.app import Steerlog
from service.composition import build_application
from service.readmodel import postgres
from service.settings import Database, Settings
from tests.functional.support import Api
from web import create_app

POSTGRES_URL = os.environ.get(
    "STEERLOG_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)


def _require_postgres() -> None:
    """Skip without a PostgreSQL server, except under CI=true where it must run."""
    try:
        postgres.ping(Database.from_url(POSTGRES_URL))
    except psycopg2.Error as error:
        reason = f"PostgreSQL unreachable at {POSTGRES_URL}: {error}".strip()
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_application() -> Iterator[Steerlog]:
    """One PostgreSQL schema for the whole session, dropped at its end.

    Tests share it, so each names its committees and agencies uniquely (their
    ids derive from their names); creating tables once keeps the run fast.
    """
    _require_postgres()
    database = Database.from_url(f"{POSTGRES_URL}?schema=web_{uuid4().hex[:12]}")
    application = build_application(Settings(database=database))
    yield application
    application.close()
    postgres.drop_schema(database)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def application(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Steerlog]:
    """The Steerlog application on a fresh SQLite file, or the session's schema."""
    if request.param == "postgres":
        yield request.getfixturevalue("postgres_application")
        return
    url = f"sqlite:///{tmp_path}/events.sqlite3"
    application = build_application(Settings(database=Database.from_url(url)))
    yield application
    application.close()


@pytest.fixture
def web_app(application: Steerlog) -> Flask:
    """The Flask app around the application, in testing mode."""
    return create_app({"TESTING": True}, application=application)


@pytest.fixture
def api(web_app: Flask) -> Api:
    """A client that speaks the API's conventions and seeds unique data."""
    return Api(web_app.test_client())
