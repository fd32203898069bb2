"""The in-process scorer prints what the shared scoring script prints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from service.extraction.scoring import (
    Tally,
    format_scores,
    score_directory,
    score_file,
    summary_line,
)

from .helpers import DATA, SCRIPT, SEEDS, shared_output


@pytest.mark.skipif(SCRIPT is None, reason="shared/tools/score_extraction.py absent")
@pytest.mark.parametrize("folder", [SEEDS, DATA / "dev"], ids=["seeds", "dev"])
def test_in_process_scores_print_the_shared_scripts_table(folder: Path) -> None:
    assert format_scores(score_directory(folder, folder / "expected")) == (
        shared_output(folder)
    )


def _reading(**meeting: Any) -> dict[str, Any]:
    """A reading with one task for Sở Y tế."""
    return {
        "meeting": {"date": None, "chair": None, "connection_points": [], **meeting},
        "speeches": [],
        "assignments": [
            {
                "item": "1",
                "assignees_lead": ["Sở Y tế"],
                "assignees_coordinating": [],
                "deadline": "2022-05-31",
                "summary": "xây dựng đề án y tế số",
            }
        ],
        "documents_cited": [{"number": "04-NQ/TU"}],
    }


def test_a_perfect_reading_scores_one_everywhere() -> None:
    tally = Tally()
    score_file(_reading(), _reading(), tally)
    assert tally.f1("assignments") == 1.0
    assert tally.ratio("deadline") == 1.0
    assert tally.f1("documents") == 1.0


def test_abbreviations_match_when_agencies_are_compared() -> None:
    predicted = _reading()
    predicted["assignments"][0]["assignees_lead"] = ["Sở Y tế tỉnh"]
    tally = Tally()
    score_file(_reading(), predicted, tally)
    assert tally.ratio("lead") == 1.0


def test_a_wrong_chair_counts_against_the_chair_figure() -> None:
    tally = Tally()
    score_file(
        _reading(chair={"name": "Lê Văn A"}),
        _reading(chair={"name": "Lê Văn B"}),
        tally,
    )
    assert tally.ratio("chair") == 0.0


def test_an_unreadable_text_scores_as_an_empty_extraction(tmp_path: Path) -> None:
    (tmp_path / "expected").mkdir()
    (tmp_path / "expected" / "bad.json").write_text(json.dumps(_reading()))
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00broken")
    scores = score_directory(tmp_path, tmp_path / "expected")
    assert scores.failed == 1
    assert summary_line(scores).endswith("failed=1")
    assert scores.figures()["assignments"] == 0.0
