"""Events at rest: with STEERLOG_CIPHER_KEY the stored bytes hold no plain text."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import date

import psycopg2
import pytest
from eventsourcing.cipher import AESCipher

from service.readmodel.base import AssignmentFilter, Page
from service.readmodel.projector import Projector
from service.run.composition import build_application, build_read_side
from service.run.demo import load_demo
from service.settings import Settings
from service.settings.operations import Operations
from service.settings.reading import SettingsError
from service.usecases.steerlog import Steerlog

# Words of the demo meetings: names, agencies, what was said.
PLAIN = ["Quảng Nam", "Hồ Quang Bửu", "Sở Thông tin và Truyền thông", "chuyển đổi số"]


def encrypted(settings: Settings, key: str | None = None) -> Settings:
    """The same database, its events written with AES-GCM."""
    key = key or AESCipher.create_key(32)
    return replace(settings, operations=Operations(cipher_key=key))


def stored_bytes(settings: Settings) -> list[bytes]:
    """Every stored event's and snapshot's state, as the database holds it."""
    database = settings.database
    if database.backend == "sqlite":
        with closing(sqlite3.connect(database.sqlite_path)) as connection:
            rows = connection.execute(
                "SELECT state FROM stored_events"
                " UNION ALL SELECT state FROM stored_snapshots"
            ).fetchall()
        return [bytes(row[0]) for row in rows]
    connection = psycopg2.connect(**database.psycopg2_dsn())
    with closing(connection), connection.cursor() as cursor:
        schema = database.schema
        cursor.execute(
            f'SELECT state FROM "{schema}".steerlog_events'
            f' UNION ALL SELECT state FROM "{schema}".steerlog_snapshots'
        )
        return [bytes(row[0]) for row in cursor.fetchall()]


def leaked(states: list[bytes]) -> set[str]:
    """Which of the demo's words appear in the stored bytes (UTF-8 or JSON-escaped)."""
    found = set()
    for word in PLAIN:
        forms = {word.encode(), word.encode("ascii", "backslashreplace")}
        forms.add(word.encode("unicode_escape").replace(b"\\x", b"\\u00"))
        if any(form in state for state in states for form in forms):
            found.add(word)
    return found


def tracker_titles(application: Steerlog) -> list[str]:
    read_side = build_read_side(application.settings)
    Projector(application, read_side.read_model).catch_up()
    page = read_side.assignments(AssignmentFilter(day=date(2022, 6, 30)), Page(200))
    read_side.read_model.close()
    return sorted(row.title for row in page.items)


def test_without_a_key_the_demo_words_are_stored_in_plain(settings: Settings) -> None:
    load_demo(build_application(settings))
    assert leaked(stored_bytes(settings)) == set(PLAIN)  # what the next test hides


def test_with_a_key_no_plain_text_is_stored_and_everything_reads_back(
    settings: Settings,
) -> None:
    secret = encrypted(settings)
    application = build_application(secret)
    loaded = load_demo(application)
    states = stored_bytes(secret)
    assert len(states) > 100 and leaked(states) == set()
    titles = tracker_titles(application)
    assert len(titles) >= 20 and any("chuyển đổi số" in t for t in titles)
    for part in loaded:
        for meeting_id in part.meeting_ids:
            assert application.history(meeting_id)[0].actor == "demo"
    application.close()
    again = build_application(secret)  # a new process with the key reads it all
    assert all(part.already_loaded for part in load_demo(again))


def test_events_written_with_a_key_cannot_be_read_with_another(
    settings: Settings,
) -> None:
    application = build_application(encrypted(settings))
    loaded = load_demo(application)
    application.close()
    other = build_application(encrypted(settings))
    with pytest.raises(ValueError, match="damaged"):
        other.history(loaded[0].meeting_ids[0])
    other.close()


@pytest.mark.parametrize("key", ["not base64!", "c2hvcnQ=", "QUJD" * 5])
def test_a_malformed_key_is_refused_at_start(key: str) -> None:
    with pytest.raises(SettingsError, match="STEERLOG_CIPHER_KEY"):
        Settings.from_env({"STEERLOG_CIPHER_KEY": key})


def test_a_blank_key_means_no_cipher() -> None:
    off = Settings.from_env({"STEERLOG_CIPHER_KEY": "  "}).operations
    assert set(off.cipher_env().values()) == {""}


def test_the_settings_decide_not_a_key_left_in_the_environment(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """eventsourcing reads os.environ too: a stray key there must not apply."""
    monkeypatch.setenv("STEERLOG_CIPHER_KEY", AESCipher.create_key(32))
    monkeypatch.setenv("CIPHER_KEY", AESCipher.create_key(32))
    load_demo(build_application(settings))
    assert leaked(stored_bytes(settings)) == set(PLAIN)
