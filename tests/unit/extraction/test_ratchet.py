"""A ratchet: the extractor never scores below the figures recorded in ratchet.json.

The figures are those reached when they were recorded (seeds, the dev sets the rules
were tuned on, ``dev2`` and ``test2`` being the first and second rounds' held-out texts,
and the third round's held-out ``test3`` set scored once at the end). Raise them
when the extractor improves; a change that lowers one is a regression, whatever it
fixes.
"""

from __future__ import annotations

import json

import pytest

from service.extraction.scoring import FIGURES, score_directory

from .helpers import DATA

RATCHET = json.loads((DATA / "ratchet.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("folder", sorted(RATCHET["figures"]))
def test_no_figure_falls_below_the_recorded_one(folder: str) -> None:
    path = DATA / folder
    assert (path / "expected").is_dir(), f"no readings in {path}"
    scores = score_directory(path, path / "expected")
    got = scores.figures()
    recorded = RATCHET["figures"][folder]
    assert scores.failed == 0
    fallen = {k: (got[k], recorded[k]) for k in FIGURES if got[k] < recorded[k]}
    assert not fallen, f"{folder}: (now, recorded) {fallen}"
