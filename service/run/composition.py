"""The composition root: build the application (and its database) from settings."""

from __future__ import annotations

from service.eventstore.application import Clock, utc_now
from service.readmodel import postgres
from service.readmodel.base import ReadModel
from service.readmodel.paging import Cursors
from service.readmodel.postgres import PostgresReadModel
from service.readmodel.readside import ReadSide
from service.readmodel.sqlite import SQLiteReadModel
from service.settings import Settings
from service.usecases.steerlog import Steerlog


def build_application(
    settings: Settings | None = None, clock: Clock = utc_now
) -> Steerlog:
    """A ready Steerlog application; tables are created on first start."""
    settings = settings or Settings.from_env()
    if settings.database.backend == "postgres":
        postgres.create_schema(settings.database)
    application = Steerlog(settings, clock)
    if settings.database.backend == "postgres":
        postgres.enable_autovacuum(settings.database)
    return application


def build_read_model(settings: Settings) -> ReadModel:
    """The read models' store for the configured database, tables created."""
    database = settings.database
    read_model: ReadModel
    if database.backend == "postgres":
        postgres.create_schema(database)
        read_model = PostgresReadModel(database, settings.pool_size)
    else:
        read_model = SQLiteReadModel(database.read_model_path)
    read_model.create()
    return read_model


def build_read_side(settings: Settings, cursor_key: str | None = None) -> ReadSide:
    """The queries over the read models: on the replica when one is set
    (``STEERLOG_READ_DATABASE_URL``), where nothing is created or written.

    Paging cursors are signed with ``cursor_key`` (the web app's secret key),
    else ``STEERLOG_SECRET_KEY``, else a key of this read side's own.
    """
    cursors = Cursors(cursor_key or settings.secret_key or None)
    replica = settings.operations.read_database()
    if replica is None:
        return ReadSide(build_read_model(settings), cursors)
    return ReadSide(PostgresReadModel(replica, settings.pool_size), cursors)
