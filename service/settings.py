"""One settings object, read once from the environment, for eventsourcing and Flask."""

from __future__ import annotations

import binascii
import os
from base64 import b64decode
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_DATABASE_URL = "sqlite:///steerlog.sqlite3"


class SettingsError(ValueError):
    """A setting in the environment is missing or malformed."""


@dataclass(frozen=True)
class Database:
    """Where events and read models live: a SQLite file or a PostgreSQL server."""

    url: str
    backend: str
    sqlite_path: str = ""
    host: str = ""
    port: int = 5432
    name: str = ""
    user: str = ""
    password: str = ""
    schema: str = ""

    @classmethod
    def from_url(cls, url: str) -> Database:
        """Parse ``sqlite:///path`` or ``postgresql://user:pw@host:port/db?schema=s``."""
        parts = urlsplit(url)
        if parts.scheme == "sqlite":
            path = unquote(parts.path[1:] if parts.path.startswith("/") else parts.path)
            if not path:
                raise SettingsError(
                    "STEERLOG_DATABASE_URL: sqlite:/// needs a file path"
                )
            return cls(url=url, backend="sqlite", sqlite_path=path)
        if parts.scheme in ("postgresql", "postgres"):
            query = parse_qs(parts.query)
            return cls(
                url=url,
                backend="postgres",
                host=parts.hostname or "127.0.0.1",
                port=parts.port or 5432,
                name=parts.path.lstrip("/") or "steerlog",
                user=unquote(parts.username or "postgres"),
                password=unquote(parts.password or ""),
                schema=query.get("schema", [""])[0],
            )
        raise SettingsError(
            f"STEERLOG_DATABASE_URL: unsupported scheme {parts.scheme!r} "
            "(use sqlite:///FILE or postgresql://USER@HOST/DB)"
        )

    @property
    def read_model_path(self) -> str:
        """The SQLite file of the read models, beside the event store's."""
        if self.sqlite_path == ":memory:":
            return self.sqlite_path
        path = Path(self.sqlite_path)
        return str(path.with_name(f"{path.stem}.read{path.suffix or '.sqlite3'}"))

    def psycopg2_dsn(self) -> dict[str, str | int]:
        """Keyword arguments for ``psycopg2.connect``."""
        return {
            "host": self.host,
            "port": self.port,
            "dbname": self.name,
            "user": self.user,
            "password": self.password,
        }


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
            snapshot_interval=_int(env, "STEERLOG_SNAPSHOT_INTERVAL", 50),
            aggregate_cache_size=_int(env, "STEERLOG_AGGREGATE_CACHE_SIZE", 1000),
            pool_size=_int(env, "STEERLOG_POOL_SIZE", 5),
            pool_max_overflow=_int(env, "STEERLOG_POOL_MAX_OVERFLOW", 10),
            all_in_one=env.get("STEERLOG_ALL_IN_ONE", "") in ("1", "true", "yes"),
            base_url=env.get("STEERLOG_BASE_URL", "http://127.0.0.1:5000"),
            secret_key=env.get("STEERLOG_SECRET_KEY", ""),
            smtp=Smtp.from_env(env),
            digest_schedule=DigestSchedule.parse(
                "STEERLOG_DIGEST_SCHEDULE",
                env.get("STEERLOG_DIGEST_SCHEDULE", DEFAULT_DIGEST_SCHEDULE),
            ),
        )
        schedules = _committee_schedules(env, settings.digest_schedule)
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


@dataclass(frozen=True)
class Smtp:
    """The mail server digests are sent through (``STEERLOG_SMTP_*``)."""

    host: str = ""
    port: int = 25
    user: str = ""
    password: str = ""
    starttls: bool = False
    sender: str = "steerlog@localhost"
    timeout: int = 30

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Smtp:
        """Host, port, user, password, STARTTLS, From and timeout."""
        return cls(
            host=env.get("STEERLOG_SMTP_HOST", ""),
            port=_int(env, "STEERLOG_SMTP_PORT", 25),
            user=env.get("STEERLOG_SMTP_USER", ""),
            password=env.get("STEERLOG_SMTP_PASSWORD", ""),
            starttls=env.get("STEERLOG_SMTP_STARTTLS", "") in ("1", "true", "yes"),
            sender=env.get("STEERLOG_SMTP_FROM", "steerlog@localhost"),
            timeout=_int(env, "STEERLOG_SMTP_TIMEOUT", 30),
        )


DEFAULT_DIGEST_SCHEDULE = "daily 07:00, weekly mon 07:30"
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class DigestSchedule:
    """When a committee's digests go out, in its own time zone (None: never)."""

    daily: tuple[int, int] | None = (7, 0)
    weekly: tuple[str, int, int] | None = ("mon", 7, 30)

    @classmethod
    def parse(
        cls, key: str, text: str, base: DigestSchedule | None = None
    ) -> DigestSchedule:
        """``daily 07:00, weekly mon 07:30``; ``daily off`` stops daily digests.

        What the text leaves out is taken from ``base`` (the default schedule).
        """
        daily, weekly = (base or cls()).daily, (base or cls()).weekly
        for part in filter(None, (p.strip() for p in text.split(","))):
            words = part.lower().split()
            if words in (["daily", "off"], ["weekly", "off"]):
                daily, weekly = (None, weekly) if words[0] == "daily" else (daily, None)
                continue
            if len(words) == 2 and words[0] == "daily":
                daily = _clock_time(key, words[1])
            elif len(words) == 3 and words[0] == "weekly" and words[1] in _WEEKDAYS:
                weekly = (words[1], *_clock_time(key, words[2]))
            else:
                raise SettingsError(
                    f"{key}: cannot read {part!r} (e.g. {DEFAULT_DIGEST_SCHEDULE!r})"
                )
        return cls(daily=daily, weekly=weekly)


def _clock_time(key: str, text: str) -> tuple[int, int]:
    hours, _, minutes = text.partition(":")
    valid = hours.isdigit() and minutes.isdigit()
    if valid and int(hours) < 24 and int(minutes) < 60:
        return int(hours), int(minutes)
    raise SettingsError(f"{key}: {text!r} is not a time of day (HH:MM)")


def _committee_schedules(
    env: Mapping[str, str], default: DigestSchedule
) -> dict[str, DigestSchedule]:
    """``STEERLOG_DIGEST_SCHEDULES``: ``<committee id>=daily 06:30; <id>=daily off``."""
    key = "STEERLOG_DIGEST_SCHEDULES"
    schedules: dict[str, DigestSchedule] = {}
    for entry in filter(None, (e.strip() for e in env.get(key, "").split(";"))):
        committee, separator, schedule = entry.partition("=")
        if not separator:
            raise SettingsError(f"{key}: expected <committee id>=<schedule>: {entry!r}")
        schedules[committee.strip().lower()] = DigestSchedule.parse(
            key, schedule, default
        )
    return schedules


def _int(env: Mapping[str, str], key: str, default: int) -> int:
    raw = env.get(key)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{key}: expected a whole number, got {raw!r}") from None
    if value < 0:  # no setting here means anything below zero
        raise SettingsError(f"{key}: expected a whole number >= 0, got {raw!r}")
    return value


@dataclass(frozen=True)
class Operations:
    """What an operator sets: encryption at rest, metrics, readiness bounds."""

    # Base64 of 16, 24 or 32 random bytes: events and snapshots stored with AES-GCM.
    cipher_key: str = ""
    # A bearer token /metrics asks for; without one, it answers loopback only.
    metrics_token: str = ""
    # HOST:PORT where a projector or scheduler process serves its own metrics.
    metrics_bind: str = ""
    # /readyz: the most events a projection may be behind the log.
    ready_max_lag: int = 1000
    # /readyz: the oldest a scheduler's heartbeat may be (0: not checked).
    ready_heartbeat_seconds: int = 180
    log_level: str = "INFO"
    # A PostgreSQL replica the web's read-model queries go to (writes never do).
    read_database_url: str = ""

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Operations:
        """``STEERLOG_CIPHER_KEY``, ``STEERLOG_METRICS_*``, ``STEERLOG_READY_*``."""
        operations = cls(
            cipher_key=env.get("STEERLOG_CIPHER_KEY", "").strip(),
            metrics_token=env.get("STEERLOG_METRICS_TOKEN", ""),
            metrics_bind=env.get("STEERLOG_METRICS_BIND", ""),
            ready_max_lag=_int(env, "STEERLOG_READY_MAX_LAG", 1000),
            ready_heartbeat_seconds=_int(env, "STEERLOG_READY_HEARTBEAT_SECONDS", 180),
            log_level=env.get("STEERLOG_LOG_LEVEL", "INFO").upper(),
            read_database_url=env.get("STEERLOG_READ_DATABASE_URL", ""),
        )
        operations.check()
        return operations

    def check(self) -> None:
        """Refuse a cipher key that is not base64 of 16, 24 or 32 bytes, and so on."""
        if self.cipher_key:
            try:
                key = b64decode(self.cipher_key, validate=True)
            except (binascii.Error, ValueError):
                key = b""
            if len(key) not in (16, 24, 32):
                raise SettingsError(
                    "STEERLOG_CIPHER_KEY: expected base64 of 16, 24 or 32 bytes "
                    "(see README: Running it for a province)"
                )
        if self.metrics_bind and not _host_port(self.metrics_bind):
            raise SettingsError(
                f"STEERLOG_METRICS_BIND: expected HOST:PORT, got {self.metrics_bind!r}"
            )
        if self.log_level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
            raise SettingsError(
                f"STEERLOG_LOG_LEVEL: expected DEBUG, INFO, WARNING or ERROR, "
                f"got {self.log_level!r}"
            )

    def read_database(self) -> Database | None:
        """The replica read-model queries go to, if one is set."""
        if not self.read_database_url:
            return None
        return Database.from_url(self.read_database_url)

    def check_read_database(self, settings: Settings) -> None:
        """A replica only of a PostgreSQL primary, and not in all-in-one mode."""
        replica = self.read_database()
        if replica is None:
            return
        key = "STEERLOG_READ_DATABASE_URL"
        if replica.backend != "postgres" or settings.database.backend != "postgres":
            raise SettingsError(f"{key}: a PostgreSQL replica of a PostgreSQL database")
        if settings.all_in_one:
            raise SettingsError(f"{key}: not with --all-in-one (it projects locally)")

    def cipher_env(self) -> dict[str, str]:
        """eventsourcing's own cipher settings: AES-GCM with the key, or none.

        The library looks ``STEERLOG_CIPHER_*`` up before ``CIPHER_*`` and merges
        ``os.environ`` in, so both are set, empty when off: these settings decide.
        """
        topic = "eventsourcing.cipher:AESCipher" if self.cipher_key else ""
        values = {"CIPHER_TOPIC": topic, "CIPHER_KEY": self.cipher_key}
        return {**values, **{f"STEERLOG_{k}": v for k, v in values.items()}}

    def metrics_address(self) -> tuple[str, int]:
        """``metrics_bind`` as (host, port)."""
        address = _host_port(self.metrics_bind)
        if address is None:
            raise SettingsError("STEERLOG_METRICS_BIND is not set")
        return address


def _host_port(text: str) -> tuple[str, int] | None:
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        return None
    return host.strip("[]"), int(port)
