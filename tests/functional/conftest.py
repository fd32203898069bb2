"""Fixtures for the HTTP API: an app per test over real SQLite and PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import psycopg2
import pytest
from flask import Flask

from service.readmodel import postgres
from service.readmodel.readside import ReadSide
from service.run.composition import build_application, build_read_side
from service.settings import Settings
from service.settings.database import Database
from service.usecases.steerlog import Steerlog
from tests.functional.support import Api
from web import create_app
from web.representations import EXTENSION, Representations

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


@pytest.fixture(scope="session")
def flask_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """One Flask app for the session: building its OpenAPI document takes ~0.3 s."""
    directory = tmp_path_factory.mktemp("app")
    url = f"sqlite:///{directory}/events.sqlite3"
    application = build_application(Settings(database=Database.from_url(url)))
    yield create_app({"TESTING": True}, application=application)
    application.close()


@pytest.fixture(scope="session")
def postgres_read_side(postgres_application: Steerlog) -> Iterator[ReadSide]:
    """The read models of the session's PostgreSQL schema."""
    read_side = build_read_side(postgres_application.settings)
    yield read_side
    read_side.read_model.close()


@pytest.fixture
def web_app(
    request: pytest.FixtureRequest, flask_app: Flask, application: Steerlog
) -> Iterator[Flask]:
    """The session's Flask app, serving this test's application and read models.

    The app finds both in its extensions on every request, as ``create_app``
    leaves them; fresh representations keep nothing from another test.
    """
    on_postgres = application.settings.database.backend == "postgres"
    read_side = (
        request.getfixturevalue("postgres_read_side")
        if on_postgres
        else build_read_side(application.settings)
    )
    flask_app.extensions.update(
        {
            "steerlog": application,
            "steerlog.read": read_side,
            EXTENSION: Representations(),
        }
    )
    yield flask_app
    if not on_postgres:
        read_side.read_model.close()


@pytest.fixture
def api(web_app: Flask) -> Api:
    """A client that speaks the API's conventions and seeds unique data."""
    return Api(web_app.test_client())
