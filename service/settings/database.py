"""Where events and read models live: a SQLite file or a PostgreSQL server."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from service.settings.reading import SettingsError

DEFAULT_DATABASE_URL = "sqlite:///steerlog.sqlite3"


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
