"""The command line of the documents, and ``serve`` refusing a taken port."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from service.documents.feeds import FeedSecrets
from service.run.cli import main
from service.settings import Settings
from tests.integration.documents_support import QUANG_NAM


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A SQLite store the commands read from the environment."""
    url = f"sqlite:///{tmp_path}/events.sqlite3"
    monkeypatch.setenv("STEERLOG_DATABASE_URL", url)
    return url


def test_serve_on_a_taken_port_says_so_in_one_line(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        status = main(["serve", "--bind", f"127.0.0.1:{port}"])
    err = capsys.readouterr().err
    assert status == 2
    assert err.splitlines() == [
        f"steerlog: cannot listen on 127.0.0.1:{port}: Address already in use"
        f" (try make run PORT={port + 1})"
    ]


def test_serve_refuses_a_bind_without_port(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--bind", "localhost"]) == 2
    assert "expected HOST:PORT" in capsys.readouterr().err


def test_feeds_issue_prints_the_addresses_once_and_revoke_ends_them(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["feeds", "issue", "account-9"]) == 0
    lines = capsys.readouterr().out.splitlines()
    secret = lines[0].removeprefix("secret (shown once): ")
    assert lines[1] == (
        f"http://127.0.0.1:5000/api/v1/feeds/{secret}/committees/<committee_id>.ics"
    )
    secrets = FeedSecrets(Settings.from_env().database)
    assert secrets.account_of(secret) == "account-9"
    assert main(["feeds", "revoke", "account-9"]) == 0
    assert secrets.account_of(secret) is None
    assert main(["feeds", "revoke", "account-9"]) == 1
    assert main(["feeds", "issue", " "]) == 2


def test_export_then_import_into_another_store_then_again_records_nothing(
    database: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo", "--quiet"]) == 0
    exported = tmp_path / "meeting.json"
    assert main(["export", str(QUANG_NAM), "-o", str(exported)]) == 0
    assert json.loads(exported.read_text("utf-8"))["events"][0]["id"] == str(QUANG_NAM)
    monkeypatch.setenv("STEERLOG_DATABASE_URL", f"sqlite:///{tmp_path}/other.sqlite3")
    capsys.readouterr()
    assert main(["import", str(exported)]) == 0
    assert main(["import", str(exported)]) == 0
    first, second = capsys.readouterr().out.splitlines()
    assert first.startswith(f"steerlog: meeting {QUANG_NAM}: ")
    assert not first.endswith(": 0 writes")
    assert second == f"steerlog: meeting {QUANG_NAM}: 0 writes"
    exported.write_text("{", encoding="utf-8")
    assert main(["import", str(exported)]) == 2
