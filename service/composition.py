"""The composition root: build the application (and its database) from settings."""

from __future__ import annotations

from service.app import Steerlog
from service.application import Clock, utc_now
from service.readmodel import postgres
from service.settings import Settings


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
