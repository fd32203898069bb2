"""The key that signs browser session cookies: configured, or the demo's own."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from service.settings import Settings
from service.settings.reading import SettingsError

MIN_SECRET_KEY = 32


def session_secret_key(settings: Settings) -> str:
    """``STEERLOG_SECRET_KEY``; on SQLite without it, a key kept beside the file.

    A deployment on PostgreSQL (several workers, several machines) must configure
    the same key everywhere; the embedded SQLite demo makes one for its database
    the first time and reads it back afterwards, so nothing secret is in the code.
    """
    key = settings.secret_key
    if key:
        if len(key) < MIN_SECRET_KEY:
            raise SettingsError(
                f"STEERLOG_SECRET_KEY: at least {MIN_SECRET_KEY} characters"
            )
        return key
    database = settings.database
    if database.backend != "sqlite":
        raise SettingsError(
            "STEERLOG_SECRET_KEY is required with PostgreSQL "
            "(e.g. python -c 'import secrets; print(secrets.token_urlsafe(48))')"
        )
    if database.sqlite_path == ":memory:":
        return secrets.token_urlsafe(48)
    return _kept_key(Path(database.sqlite_path).with_suffix(".secret-key"))


def _kept_key(path: Path) -> str:
    """The key in ``path``, written there (readable by its owner only) if absent.

    The new key is written whole to a private file first and then linked into
    place, so workers starting together all read the one key that won.
    """
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f"{path.name}.{secrets.token_hex(8)}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as file:
            file.write(secrets.token_urlsafe(48) + "\n")
        try:
            os.link(draft, path)
        except FileExistsError:
            pass  # another process won: its key is the one
        finally:
            draft.unlink()
    return path.read_text(encoding="ascii").strip()
