"""``steerlog digest``: a dry run prints the text part; bad input exits non-zero."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from service.readmodel.projector import Projector
from service.run.cli import main
from service.run.composition import build_application, build_read_model
from service.settings import Settings
from tests.integration.test_digests_support import FakeClock, subscribe_all
from tests.scenario import MEETING_DAY, Scenario, conclude, open_meeting


@pytest.fixture
def recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Scenario:
    monkeypatch.setenv("STEERLOG_DATABASE_URL", f"sqlite:///{tmp_path}/cli.sqlite3")
    settings = Settings.from_env()
    # Recorded on the meeting's day: a past day's digest replays what was
    # recorded by then, as the one sent on that day would have said.
    app = build_application(settings, FakeClock(MEETING_DAY + timedelta(hours=4)))
    s = open_meeting(app)
    conclude(app, s)
    subscribe_all(app, s)
    Projector(app, build_read_model(settings)).catch_up()
    app.close()
    return s


def logged() -> int:
    """How many events the configured store holds."""
    app = build_application(Settings.from_env())
    try:
        return int(app.recorder.max_notification_id() or 0)
    finally:
        app.close()


def test_dry_run_prints_the_agency_digest_of_a_day_and_sends_nothing(
    recorded: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    before = logged()
    status = main(
        [
            "digest",
            f"--recipient=agency:{recorded.district_a_id}",
            f"--committee={recorded.committee_id}",
            "--date=2021-12-28",
            "--dry-run",
        ]
    )

    out = capsys.readouterr().out
    assert status == 0
    assert out.startswith("Bản tin đôn đốc ngày 28/12/2021 — UBND huyện Núi Thành")
    assert "Sắp đến hạn (1)" in out and "(còn 3 ngày)" in out
    assert logged() == before  # nothing issued, nothing recorded


def test_dry_run_of_a_committee_prints_its_leaders_weekly_digest(
    recorded: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["digest", f"--recipient=committee:{recorded.committee_id}"]
    assert main([*args, "--date=2021-12-13", "--dry-run"]) == 0
    assert "Bản tin tuần 06/12/2021 – 12/12/2021" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--recipient=agency:nope"], "expected agency:<id> or committee:<id>"),
        (["--recipient=person:" + "0" * 32], "expected agency:<id> or committee:<id>"),
        (["--recipient=agency:" + "0" * 32], "--committee"),
    ],
)
def test_bad_recipient_exits_non_zero_with_a_clear_message(
    recorded: Scenario,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    assert main(["digest", *argv, "--dry-run"]) == 2
    assert message in capsys.readouterr().err


def test_unknown_committee_and_bad_date_are_refused(
    recorded: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    unknown = ["digest", "--recipient=committee:" + "0" * 32, "--dry-run"]
    assert main([*unknown, "--date=2022-01-01"]) == 1
    assert "not found" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(
            ["digest", f"--recipient=committee:{recorded.committee_id}", "--date=31/12"]
        )
    assert exit_.value.code == 2
    assert "not a date (YYYY-MM-DD)" in capsys.readouterr().err
