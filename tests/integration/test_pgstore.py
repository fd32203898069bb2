"""service.eventstore.pgstore: the library's PostgreSQL module, reads in autocommit."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import psycopg2
import pytest
from eventsourcing.application import Application
from psycopg2.extensions import TRANSACTION_STATUS_IDLE, TRANSACTION_STATUS_INTRANS

from domain.meeting import Meeting
from service.run.composition import build_application
from service.settings import Settings
from service.usecases.steerlog import Steerlog
from tests.conftest import POSTGRES_URL
from tests.scenario import ACTOR, open_meeting


@pytest.fixture
def pg_app(postgres_settings: Settings) -> Iterator[Steerlog]:
    application = build_application(postgres_settings)
    yield application
    application.close()


def datastore(app: Steerlog) -> Any:
    return app.factory.datastore  # type: ignore[attr-defined]


def test_a_read_runs_outside_any_transaction_block(pg_app: Steerlog) -> None:
    with datastore(pg_app).get_connection() as connection:
        raw = connection._pg_conn
        with connection.transaction(commit=False) as cursor:
            cursor.execute("SELECT 1")
            assert raw.autocommit
            assert raw.info.transaction_status == TRANSACTION_STATUS_IDLE
        assert not raw.autocommit


def test_a_write_runs_in_one_transaction_as_the_library_does(pg_app: Steerlog) -> None:
    with datastore(pg_app).get_connection() as connection:
        raw = connection._pg_conn
        with connection.transaction(commit=True) as cursor:
            cursor.execute("SELECT 1")
            assert not raw.autocommit
            assert raw.info.transaction_status == TRANSACTION_STATUS_INTRANS
        assert raw.info.transaction_status == TRANSACTION_STATUS_IDLE


def test_a_failed_read_leaves_the_connection_usable(pg_app: Steerlog) -> None:
    with datastore(pg_app).get_connection() as connection:
        with (
            pytest.raises(Exception, match="no_such_table"),
            connection.transaction(commit=False) as cursor,
        ):
            cursor.execute("SELECT * FROM no_such_table")
        assert not connection._pg_conn.autocommit
        with connection.transaction(commit=True) as cursor:
            cursor.execute("SELECT 1")
            assert cursor.fetchone()[0] == 1


def test_reads_and_writes_through_the_application(pg_app: Steerlog) -> None:
    scenario = open_meeting(pg_app)
    pg_app.add_agenda_item(scenario.meeting_id, actor=ACTOR, title="Báo cáo")
    meeting = pg_app.load(Meeting, scenario.meeting_id)
    assert [item.title for item in meeting.agenda] == ["Báo cáo"]
    assert pg_app.recorder.max_notification_id() == notification_count(pg_app)


def notification_count(app: Steerlog) -> int:
    return len(app.recorder.select_notifications(1, 1000))


def test_reads_recover_from_a_connection_the_server_ended(pg_app: Steerlog) -> None:
    scenario = open_meeting(pg_app)
    with datastore(pg_app).get_connection() as connection:
        backend = connection._pg_conn.get_backend_pid()
    with psycopg2.connect(POSTGRES_URL) as killer, killer.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", (backend,))
    assert pg_app.view(Meeting, scenario.meeting_id).id == scenario.meeting_id
    with datastore(pg_app).get_connection() as connection:
        connection._pg_conn.close()
    assert pg_app.recorder.max_notification_id() > 0


def test_connections_replaced_for_age_leave_no_thread_behind(
    postgres_settings: Settings,
) -> None:
    env = {**postgres_settings.eventsourcing_env(), "POSTGRES_CONN_MAX_AGE": "0.1"}
    build_application(postgres_settings).close()  # the schema and its tables
    application = Application(env=env)
    try:
        before = threading.active_count()
        for _ in range(8):
            application.recorder.max_notification_id()
            time.sleep(0.15)
        time.sleep(0.2)
        assert threading.active_count() <= before + 1
    finally:
        application.close()
