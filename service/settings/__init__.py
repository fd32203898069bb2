"""One settings object, read once from the environment, for eventsourcing and Flask."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from service.settings.database import DEFAULT_DATABASE_URL, Database
from service.settings.digests import (
    DEFAULT_DIGEST_SCHEDULE,
    DigestSchedule,
    Smtp,
    committee_schedules,
)
from service.settings.operations import Operations
from service.settings.reading import SettingsError, whole_number


@dataclass(frozen=True)
class Settings:
    """Everything steerlog reads from its environment, parsed and checked once."""

    database: Database = field(
        default_factory=lambda: Database.from_url(DEFAULT_DATABASE_URL)
    )
    time_zone: str = "Asia/Ho_Chi_Minh"
    snapshot_interval: int = 50
    aggregate_cache_size: int = 1000
    pool_size: int = 5
    pool_max_overflow: int = 10
    all_in_one: bool = False
    base_url: str = "http://127.0.0.1:5000"
    smtp: Smtp = field(default_factory=lambda: Smtp())
    digest_schedule: DigestSchedule = field(default_factory=lambda: DigestSchedule())
    # Per committee (its id as text), overriding ``digest_schedule``.
    digest_schedules: dict[str, DigestSchedule] = field(default_factory=dict)
    # Signs browser session cookies; required on PostgreSQL (service.accounts).
    secret_key: str = field(default="", repr=False)
    operations: Operations = field(default_factory=lambda: Operations())

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read ``STEERLOG_*`` variables (defaults: SQLite file in the working dir)."""
        env = os.environ if environ is None else environ
        settings = cls(
            database=Database.from_url(
                env.get("STEERLOG_DATABASE_URL", DEFAULT_DATABASE_URL)
            ),
            time_zone=env.get("STEERLOG_TIME_ZONE", "Asia/Ho_Chi_Minh"),
            snapshot_interval=whole_number(env, "STEERLOG_SNAPSHOT_INTERVAL", 50),
            aggregate_cache_size=whole_number(
                env, "STEERLOG_AGGREGATE_CACHE_SIZE", 1000
            ),
            pool_size=whole_number(env, "STEERLOG_POOL_SIZE", 5),
            pool_max_overflow=whole_number(env, "STEERLOG_POOL_MAX_OVERFLOW", 10),
            all_in_one=env.get("STEERLOG_ALL_IN_ONE", "") in ("1", "true", "yes"),
            base_url=env.get("STEERLOG_BASE_URL", "http://127.0.0.1:5000"),
            secret_key=env.get("STEERLOG_SECRET_KEY", ""),
            smtp=Smtp.from_env(env),
            digest_schedule=DigestSchedule.parse(
                "STEERLOG_DIGEST_SCHEDULE",
                env.get("STEERLOG_DIGEST_SCHEDULE", DEFAULT_DIGEST_SCHEDULE),
            ),
        )
        schedules = committee_schedules(env, settings.digest_schedule)
        settings = replace(settings, digest_schedules=schedules)
        settings = replace(settings, operations=Operations.from_env(env))
        settings.operations.check_read_database(settings)
        settings.zone()
        return settings

    def zone(self) -> ZoneInfo:
        """The default time zone of committees, where deadlines are plain dates."""
        try:
            return ZoneInfo(self.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise SettingsError(
                f"STEERLOG_TIME_ZONE: unknown zone {self.time_zone!r}"
            ) from None

    def eventsourcing_env(self) -> dict[str, str]:
        """The environment eventsourcing's infrastructure factory is built from."""
        env = {
            "CREATE_TABLE": "y",
            "IS_SNAPSHOTTING_ENABLED": "y",
            # An LRU of recently used aggregates, fast-forwarded from the database
            # on every get, so other processes' writes are always seen. Steerlog
            # builds its own (copy-on-write) repository from these same settings;
            # a plain eventsourcing Application on this env (the benchmarks'
            # baseline) gets the library's.
            "AGGREGATE_CACHE_MAXSIZE": str(self.aggregate_cache_size or ""),
            "AGGREGATE_CACHE_FASTFORWARD": "y",
        }
        env.update(self.operations.cipher_env())
        if self.database.backend == "sqlite":
            path = self.database.sqlite_path
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            env.update(PERSISTENCE_MODULE="eventsourcing.sqlite", SQLITE_DBNAME=path)
            return env
        env.update(
            # eventsourcing.postgres, reads in one round trip (eventstore/pgstore.py)
            PERSISTENCE_MODULE="service.eventstore.pgstore:Factory",
            POSTGRES_HOST=self.database.host,
            POSTGRES_PORT=str(self.database.port),
            POSTGRES_DBNAME=self.database.name,
            POSTGRES_USER=self.database.user,
            POSTGRES_PASSWORD=self.database.password,
            POSTGRES_SCHEMA=self.database.schema,
            POSTGRES_POOL_SIZE=str(self.pool_size),
            POSTGRES_POOL_MAX_OVERFLOW=str(self.pool_max_overflow),
            POSTGRES_CONNECT_TIMEOUT="5",
            # No pre-ping: it costs a round trip per checkout, and eventsourcing
            # already retries reads and writes on a dropped connection.
            POSTGRES_PRE_PING="n",
        )
        return env
