"""What an operator sets: encryption at rest, metrics, readiness, a read replica."""

from __future__ import annotations

import binascii
from base64 import b64decode
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from service.settings.database import Database
from service.settings.reading import SettingsError, whole_number

if TYPE_CHECKING:  # for annotations only: the settings hold these
    from service.settings import Settings


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
            ready_max_lag=whole_number(env, "STEERLOG_READY_MAX_LAG", 1000),
            ready_heartbeat_seconds=whole_number(
                env, "STEERLOG_READY_HEARTBEAT_SECONDS", 180
            ),
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
