"""``steerlog extract``: one FILE as before, ``score DIR``, ``corpus export DIR``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from service.run.cli import main
from service.run.composition import build_application
from service.settings import Settings
from tests.integration.test_confirmed_readings import TEXT, _confirmed
from tests.scenario import ACTOR, open_meeting
from tests.unit.extraction.helpers import SCRIPT, shared_output

DATA = Path(__file__).parents[1] / "unit" / "extraction" / "data"


def test_extract_file_prints_the_draft_as_before(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = DATA / "seeds" / "quang-nam-2021-12-10-conclusion.txt"
    assert main(["extract", str(path)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Meeting: ")
    assert main(["extract", str(path), "--format", "json", "--spans"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["assignments"][0]["spans"]
    assert main(["extract", "--explain", str(path)]) == 0
    assert "Why:" in capsys.readouterr().out


def test_score_prints_the_shared_script_s_table_and_summary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = DATA / "seeds"
    assert main(["extract", "score", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1].startswith("extraction: assignments F1=")
    if SCRIPT is None:
        pytest.skip("shared/tools/score_extraction.py absent")
    assert out == shared_output(folder)


def test_score_exits_non_zero_when_a_text_fails_to_extract(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(DATA / "seeds", tmp_path / "set")
    name = "bac-kan-2022-03-17-steering-meeting"
    (tmp_path / "set" / f"{name}.txt").write_bytes(b"\xff\xfe not text \x00")
    assert main(["extract", "score", str(tmp_path / "set")]) == 1
    captured = capsys.readouterr()
    assert f"{name} " in captured.err and "FAILED" in captured.err
    assert "failed=1" in captured.out.splitlines()[-1]


def test_score_as_json_gives_the_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "score", str(DATA / "seeds"), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["failed"] == 0 and report["figures"]["documents"] == 1.0
    assert len(report["files"]) == 5


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (["score", "/no/such/folder"], "no such folder"),
        (["corpus", "export", __file__], "not a folder"),
    ],
)
def test_bad_folders_are_refused_clearly(
    words: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", *words]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    "words",
    [["a", "b"], ["score", "x", "y"], ["corpus", "x"], ["score", "x", "--spans"]],
)
def test_words_that_are_no_command_are_a_usage_error(
    words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["extract", *words])
    assert exit_.value.code == 2
    assert "steerlog extract" in capsys.readouterr().err


def test_corpus_export_writes_the_kept_readings_and_score_reads_them(
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    app = build_application(settings)
    try:
        scenario = open_meeting(app)
        app.keep_confirmed_reading(
            actor=ACTOR,
            meeting_id=scenario.meeting_id,
            text=TEXT,
            draft={},
            confirmed=_confirmed(scenario),
        )
    finally:
        app.close()
    monkeypatch.setenv("STEERLOG_DATABASE_URL", settings.database.url)
    corpus = tmp_path / "corpus"
    assert main(["extract", "corpus", "export", str(corpus)]) == 0
    assert "1 confirmed readings written" in capsys.readouterr().out
    assert len(list((corpus / "expected").glob("*.json"))) == 1
    assert main(["extract", "score", str(corpus)]) == 0
    summary = capsys.readouterr().out.splitlines()[-1]
    assert "assignments F1=1.00" in summary and "failed=0" in summary
