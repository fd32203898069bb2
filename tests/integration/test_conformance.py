"""eventsourcing's own conformance tests, run on steerlog's configured persistence."""

from __future__ import annotations

import os
import tempfile
import threading
from typing import Any, ClassVar
from uuid import uuid4

from eventsourcing.persistence import ApplicationRecorder, ProcessRecorder

# Modules, not classes: pytest would collect the imported base classes themselves.
from eventsourcing.tests import application as library_application
from eventsourcing.tests import persistence as library_persistence

from service.readmodel import postgres
from service.run.composition import build_application
from service.settings import Settings
from service.settings.database import Database
from tests.conftest import POSTGRES_URL, require_postgres


class SteerlogPersistence:
    """Fresh settings per test: a temporary SQLite file or PostgreSQL schema."""

    backend: ClassVar[str] = "sqlite"
    settings: Settings

    def setUp(self) -> None:
        if self.backend == "postgres":
            require_postgres()
            url = f"{POSTGRES_URL}?schema=conformance_{uuid4().hex[:10]}"
        else:
            self._directory = tempfile.TemporaryDirectory()
            url = f"sqlite:///{self._directory.name}/events.sqlite3"
        self.settings = Settings(database=Database.from_url(url))
        self.application = build_application(self.settings)
        super().setUp()  # type: ignore[misc]

    def tearDown(self) -> None:
        super().tearDown()  # type: ignore[misc]
        # The library's concurrency tests signal their reader threads to stop but
        # do not join them; closing connections under a running reader crashes.
        for thread in threading.enumerate():
            if thread is not threading.current_thread():
                thread.join(timeout=10)
        self.application.close()
        if self.backend == "postgres":
            postgres.drop_schema(self.settings.database)
        else:
            self._directory.cleanup()

    def create_recorder(self) -> Any:
        return self.application.recorder


class ProcessRecorderOfSteerlog(SteerlogPersistence):
    """The same settings, asking the factory for a recorder with tracking."""

    def create_recorder(self) -> ProcessRecorder:
        recorder: ProcessRecorder = self.application.factory.process_recorder()
        return recorder


class TestSQLiteApplicationRecorder(
    SteerlogPersistence, library_persistence.ApplicationRecorderTestCase
):
    """Notifications on steerlog's SQLite settings."""


class TestSQLiteProcessRecorder(
    ProcessRecorderOfSteerlog, library_persistence.ProcessRecorderTestCase
):
    """Tracking records on steerlog's SQLite settings."""


class TestSQLiteNonInterleaving(
    SteerlogPersistence, library_persistence.NonInterleavingNotificationIDsBaseCase
):
    """Concurrent inserts never interleave notification ids (SQLite)."""

    insert_num = 200

    def create_recorder(self) -> ApplicationRecorder:
        return self.application.recorder


class TestPostgresApplicationRecorder(
    SteerlogPersistence, library_persistence.ApplicationRecorderTestCase
):
    """Notifications on steerlog's PostgreSQL settings."""

    backend = "postgres"


class TestPostgresProcessRecorder(
    ProcessRecorderOfSteerlog, library_persistence.ProcessRecorderTestCase
):
    """Tracking records on steerlog's PostgreSQL settings."""

    backend = "postgres"


class TestPostgresNonInterleaving(
    SteerlogPersistence, library_persistence.NonInterleavingNotificationIDsBaseCase
):
    """Concurrent inserts never interleave notification ids (PostgreSQL)."""

    backend = "postgres"
    insert_num = 200

    def create_recorder(self) -> ApplicationRecorder:
        return self.application.recorder


class ExampleApplicationOn(SteerlogPersistence):
    """The library's example application, configured through steerlog's settings."""

    def setUp(self) -> None:
        super().setUp()
        self._saved_environ = dict(os.environ)
        os.environ.update(self.settings.eventsourcing_env())
        os.environ.pop("IS_SNAPSHOTTING_ENABLED", None)

    def tearDown(self) -> None:
        os.environ.clear()
        os.environ.update(self._saved_environ)
        super().tearDown()


class TestSQLiteExampleApplication(
    ExampleApplicationOn, library_application.ExampleApplicationTestCase
):
    """The bank-accounts example on steerlog's SQLite settings."""

    expected_factory_topic = "eventsourcing.sqlite:Factory"


class TestPostgresExampleApplication(
    ExampleApplicationOn, library_application.ExampleApplicationTestCase
):
    """The bank-accounts example on steerlog's PostgreSQL settings (whose factory
    is eventsourcing.postgres's, with reads in one round trip)."""

    backend = "postgres"
    expected_factory_topic = "service.eventstore.pgstore:Factory"
