"""Shared helpers for the extraction tests: test texts and small lookups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from service.extraction import extract

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"


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
