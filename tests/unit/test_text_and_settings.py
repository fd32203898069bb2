"""Vietnamese folding, and settings read from the environment."""

from __future__ import annotations

import pytest

from domain.text import clean, fold
from service.settings import Settings
from service.settings.reading import SettingsError


@pytest.mark.parametrize(
    ("given", "folded"),
    [
        ("Chuyển đổi số", "chuyen doi so"),
        ("Uỷ ban nhân dân", "uy ban nhan dan"),
        ("Ủy ban nhân dân", "uy ban nhan dan"),
        ("Hoà Bình", "hoa binh"),
        ("  ĐẢNG   ủy ", "dang uy"),
    ],
)
def test_fold_ignores_diacritics_case_and_tone_placement(
    given: str, folded: str
) -> None:
    assert fold(given) == folded


def test_clean_drops_control_characters_and_keeps_line_breaks_as_spaces() -> None:
    assert clean("Báo\x00 cáo\n\ttháng\x1b 12") == "Báo cáo tháng 12"


def test_clean_keeps_diacritics_and_collapses_spaces() -> None:
    assert clean("  Sở  Thông tin\n và Truyền thông ") == "Sở Thông tin và Truyền thông"


def test_default_settings_use_a_sqlite_file_in_the_working_directory() -> None:
    settings = Settings.from_env({})
    assert settings.database.backend == "sqlite"
    assert settings.database.sqlite_path == "steerlog.sqlite3"
    assert settings.eventsourcing_env()["PERSISTENCE_MODULE"] == "eventsourcing.sqlite"


def test_postgres_url_selects_the_postgres_module() -> None:
    settings = Settings.from_env(
        {"STEERLOG_DATABASE_URL": "postgresql://u:p%40ss@db.local:6543/steer?schema=s1"}
    )
    env = settings.eventsourcing_env()
    assert env["PERSISTENCE_MODULE"] == "service.eventstore.pgstore:Factory"
    assert (env["POSTGRES_HOST"], env["POSTGRES_PORT"]) == ("db.local", "6543")
    assert (env["POSTGRES_USER"], env["POSTGRES_PASSWORD"]) == ("u", "p@ss")
    assert (env["POSTGRES_DBNAME"], env["POSTGRES_SCHEMA"]) == ("steer", "s1")


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("STEERLOG_DATABASE_URL", "mysql://x"),
        ("STEERLOG_TIME_ZONE", "Mars/Olympus"),
        ("STEERLOG_SNAPSHOT_INTERVAL", "often"),
        ("STEERLOG_AGGREGATE_CACHE_SIZE", "-1"),
    ],
)
def test_bad_settings_are_refused_naming_the_variable(key: str, value: str) -> None:
    with pytest.raises(SettingsError, match=key):
        Settings.from_env({key: value})
