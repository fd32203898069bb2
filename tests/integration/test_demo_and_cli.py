"""The demo data loads through the service on both databases; the CLI around it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path
from uuid import UUID, uuid4, uuid5

import pytest

from domain.account import account_id
from domain.assignment import Assignment
from domain.meeting import Meeting
from domain.values import AssignmentStatus, MeetingStatus
from service.run.cli import main
from service.run.demo import load_demo
from service.run.demo.loader import DEMO
from service.settings import Settings
from service.usecases.steerlog import Steerlog


def test_demo_loads_every_seed_once(app: Steerlog) -> None:
    first = load_demo(app)
    assert [len(loaded.meeting_ids) for loaded in first] == [1, 0, 1, 1, 2]
    assert sum(len(loaded.assignment_ids) for loaded in first) == 27
    position = app.recorder.max_notification_id()
    again = load_demo(app)
    assert all(loaded.already_loaded for loaded in again)
    assert app.recorder.max_notification_id() == position


def test_demo_follow_up_shows_extension_and_completion(app: Steerlog) -> None:
    loaded = {item.source: item for item in load_demo(app)}
    quang_nam = loaded["shared/seeds/quang-nam-2021-12-10-conclusion.txt"]
    meeting = app.load(Meeting, quang_nam.meeting_ids[0])
    assert meeting.status is MeetingStatus.CLOSED
    assert meeting.notice is not None and meeting.notice.number == "25/TB-UBND"
    plan = app.load(Assignment, quang_nam.assignment_ids[1])
    assert plan.original_deadline == date(2022, 1, 15)
    assert plan.deadline == date(2022, 1, 31)
    assert plan.extensions[0].authority.document is not None
    assert plan.status_on(date(2022, 2, 1)) is AssignmentStatus.DONE_ON_TIME
    nghe_an = loaded["shared/seeds/nghe-an-2021-resolution-plan.txt"]
    survey = app.load(Assignment, nghe_an.assignment_ids[5])
    assert survey.status_on(date(2021, 12, 1)) is AssignmentStatus.DONE_LATE


def test_demo_delegation_traces_to_the_national_session(app: Steerlog) -> None:
    loaded = {item.source: item for item in load_demo(app)}
    vinh_phuc = loaded["shared/seeds/vinh-phuc-2022-national-committee-session.txt"]
    delegated = app.load(Assignment, vinh_phuc.assignment_ids[3])
    parent = app.load(Assignment, delegated.parent_id or uuid4())
    national = app.load(Meeting, vinh_phuc.meeting_ids[0])
    assert parent.origin.meeting_id == national.id
    speech = national.speeches[parent.origin.speech_id or uuid4()]
    assert speech.speaker_name == "Phạm Minh Chính"


@pytest.fixture
def database_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path}/cli.sqlite3"
    monkeypatch.setenv("STEERLOG_DATABASE_URL", url)
    return url


def test_cli_demo_prints_meetings_with_lineage(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "Hội nghị trực tuyến về nâng cao nhận thức về chuyển đổi số" in out
    assert "← conclusion của Hồ Quang Bửu" in out
    assert "gia hạn đến 31/01/2022 theo Công văn số 125/UBND-KGVX" in out
    assert "← giao tiếp từ: kiện toàn Ban Chỉ đạo" in out
    assert main(["demo"]) == 0
    assert "đã có sẵn" in capsys.readouterr().out


def test_cli_history_prints_events_with_actor(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["demo", "--quiet"])
    capsys.readouterr()
    meeting_id = uuid5(DEMO, "quang-nam-2021-12-10-conclusion")
    assert main(["history", str(meeting_id), "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines[0]["event"] == "Scheduled"
    demo = str(account_id("system.demo"))
    assert all(line["actor"] == demo for line in lines)
    assert all(line["actor_name"] == "Hệ thống (demo)" for line in lines)


def test_cli_history_of_unknown_id_fails_clearly(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history", str(UUID(int=7))]) == 1
    assert "not found" in capsys.readouterr().err


def test_cli_rejects_a_malformed_id(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["history", "khong-phai-id"])
    assert exit_.value.code == 2
    assert "not an id" in capsys.readouterr().err


def test_cli_refuses_bad_settings(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STEERLOG_DATABASE_URL", "mysql://nope")
    assert main(["demo"]) == 2
    assert "STEERLOG_DATABASE_URL" in capsys.readouterr().err


def test_serve_starts_two_workers_on_a_fresh_database(
    postgres_settings: Settings,
) -> None:
    """`steerlog serve` creates every table before its workers start: they
    would otherwise race to create the read models and one would fail to boot."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "STEERLOG_DATABASE_URL": postgres_settings.database.url,
        "STEERLOG_SECRET_KEY": "k" * 48,
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "service.run.cli",
            "serve",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        answers = [answer(port, "/healthz") for _ in range(60)]
        assert set(answers) == {200}
        assert answer(port, "/api/v1/meetings") == 401  # no token: served, refused
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert server.returncode == 0


def answer(port: int, path: str) -> int:
    """The status of a GET, once the server listens (within 20 s)."""
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}") as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
