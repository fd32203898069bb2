"""Long work shows how far it has come: plain lines off a terminal, up to the total."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from service.documents.meeting_import import IMPORT_PHASES
from service.readmodel.projector import Projector
from service.run.cli import main
from service.run.composition import build_read_model
from service.run.demo import demo_data, load_demo
from service.run.progress import Progress, caught_up, counted, rebuilt
from service.settings import Settings
from service.usecases.steerlog import Steerlog
from tests.integration.documents_support import QUANG_NAM

LINE = re.compile(
    r"^(?P<what>[\w ]+): (?P<done>[\d,]+) of (?P<total>[\d,]+) (?P<unit>[\w ]+?)"
    r"( \(\d+%\))?, [\d,]+ (?P=unit)/s, [\d,]+ s left$"
)


def figures(text: str) -> list[tuple[int, int]]:
    """(done, total) of each plain line; every line must be one."""
    found = []
    for line in text.splitlines():
        match = LINE.match(line)
        assert match, line
        found.append(
            (int(match["done"].replace(",", "")), int(match["total"].replace(",", "")))
        )
    return found


def test_off_a_terminal_progress_is_plain_lines_up_to_the_total() -> None:
    out = io.StringIO()  # not a terminal
    with Progress("import", 250, "steps", out, every=0.0) as progress:
        for _ in range(250):
            progress.advance()
    seen = figures(out.getvalue())
    assert len(seen) == 251  # one a step (every=0), and the closing line
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert seen[-1] == (250, 250)
    assert "\x1b" not in out.getvalue() and "\r" not in out.getvalue()


def test_lines_come_at_most_every_few_seconds_and_once_at_the_end() -> None:
    out = io.StringIO()
    items = list(counted(range(1000), "demo", 1000, "meetings", out))
    assert items == list(range(1000))
    assert figures(out.getvalue()) == [(1000, 1000)]


def test_a_catch_up_and_a_rebuild_reach_the_log_head(
    app: Steerlog, settings: Settings
) -> None:
    load_demo(app, "demo")
    head = app.recorder.max_notification_id()
    read_model = build_read_model(settings)
    try:
        projector = Projector(app, read_model, batch_size=50)
        out = io.StringIO()
        assert caught_up(projector, "project", out) > 0
        assert figures(out.getvalue())[-1] == (head, head)
        out = io.StringIO()
        assert rebuilt(projector, "lineage", out) > 0
        assert out.getvalue().startswith("rebuild lineage: ")
        assert figures(out.getvalue())[-1] == (head, head)
    finally:
        read_model.close()


def test_the_commands_print_plain_progress_when_not_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STEERLOG_DATABASE_URL", f"sqlite:///{tmp_path}/cli.sqlite3")
    assert main(["demo", "--quiet"]) == 0
    files = len(demo_data())
    assert figures(lines_of(capsys.readouterr().err, "demo"))[-1] == (files, files)
    assert main(["project", "--once"]) == 0
    (done, total) = figures(lines_of(capsys.readouterr().err, "project"))[-1]
    assert done == total > 0
    assert main(["rebuild", "search"]) == 0
    (done, total) = figures(lines_of(capsys.readouterr().err, "rebuild search"))[-1]
    assert done == total > 0
    exported = tmp_path / "meeting.json"
    assert main(["export", str(QUANG_NAM), "-o", str(exported)]) == 0
    monkeypatch.setenv("STEERLOG_DATABASE_URL", f"sqlite:///{tmp_path}/other.sqlite3")
    capsys.readouterr()
    assert main(["import", str(exported)]) == 0
    seen = figures(lines_of(capsys.readouterr().err, "import"))
    assert seen[-1] == (IMPORT_PHASES, IMPORT_PHASES)


def lines_of(text: str, what: str) -> str:
    """The progress lines of ``what`` in ``text`` (other output left out)."""
    return "\n".join(line for line in text.splitlines() if line.startswith(f"{what}:"))
