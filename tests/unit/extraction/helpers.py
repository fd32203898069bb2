"""Shared helpers for the extraction tests: test texts and small lookups."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from service.extraction import extract

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"

ROOT = Path(__file__).resolve().parents[3]
_SCRIPT_PLACES = (
    ROOT.parent / "shared" / "tools" / "score_extraction.py",
    ROOT.parent.parent / "shared" / "tools" / "score_extraction.py",
)
SCRIPT = next((p for p in _SCRIPT_PLACES if p.exists()), None)


def shared_output(texts: Path) -> str:
    """Standard output of the shared script run on ``texts`` with our CLI."""
    assert SCRIPT is not None
    cmd = f"{sys.executable} -m service.extraction --format json {{}}"
    run = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--texts",
            str(texts),
            "--expected",
            str(texts / "expected"),
            "--cmd",
            cmd,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    return run.stdout


def read(name: str) -> str:
    """A test text by file name (seed texts live in ``data/seeds``)."""
    path = SEEDS / name if (SEEDS / name).exists() else DATA / name
    return path.read_text(encoding="utf-8")


def extract_dict(text: str, **kwargs: Any) -> dict[str, Any]:
    """``extract(text).to_dict()``."""
    return extract(text, **kwargs).to_dict()


def only_assignment(text: str, **kwargs: Any) -> dict[str, Any]:
    """The single assignment a text gives; fails when there is not exactly one."""
    found = extract_dict(text, **kwargs)["assignments"]
    assert len(found) == 1, found
    return found[0]
