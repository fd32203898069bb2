"""Score the extractor on a folder of texts and hand readings, in process.

``score_directory(texts, expected)`` runs :func:`extract` on every ``NAME.txt`` whose
``expected/NAME.json`` exists and compares field by field; ``format_scores`` prints the
table and the one summary line of ``shared/tools/score_extraction.py``, with the same
figures for the same inputs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from domain.text import nfc

from .errors import ExtractionError
from .extractor import extract
from .matching import (
    Reading,
    doc_key,
    match_assignments,
    match_names,
    same_name,
    set_overlap,
)

FIGURES = (
    "assignments",
    "lead",
    "deadline",
    "documents",
    "speeches",
    "points",
    "date",
    "chair",
)
_HEADER = "%-48s %-10s %-7s %-11s %-8s %-9s %-9s %-5s %-5s"
_NOTE = (
    "(columns: matched/expected/predicted; lead ok and deadline ok count matched "
    "assignments whose lead set or deadline is right; the summary reports them as a "
    "share of all expected assignments)"
)


@dataclass
class Tally:
    """Matched, expected and predicted counts per figure."""

    n: dict[str, tuple[int, int, int]] = field(default_factory=dict)

    def add(self, name: str, matched: int, expected: int, predicted: int) -> None:
        """Add one file's counts."""
        m, e, p = self.n.get(name, (0, 0, 0))
        self.n[name] = (m + matched, e + expected, p + predicted)

    def f1(self, name: str) -> float:
        """F1 of a figure (1.0 when nothing was expected or predicted)."""
        matched, n_expected, n_predicted = self.n.get(name, (0, 0, 0))
        p = _share(matched, n_predicted, n_expected)
        r = _share(matched, n_expected, n_predicted)
        return 2 * p * r / (p + r) if p + r else 0.0

    def ratio(self, name: str) -> float:
        """Matched share of expected (1.0 when nothing was expected)."""
        m, e, _ = self.n.get(name, (0, 0, 0))
        return m / e if e else 1.0


def _share(matched: int, total: int, other: int) -> float:
    """``matched / total``; an empty total gives 1.0 unless the other side has some."""
    if total:
        return matched / total
    return 0.0 if other else 1.0


@dataclass
class FileScore:
    """One text's row of the table."""

    name: str
    row: dict[str, str]
    failed: str | None = None


@dataclass
class Scores:
    """Every file's row and the totals of a folder."""

    files: list[FileScore] = field(default_factory=list)
    tally: Tally = field(default_factory=Tally)
    failed: int = 0

    def figures(self) -> dict[str, float]:
        """The summary figures, rounded as the summary line prints them."""
        return {k: float(f"{v:.2f}") for k, v in self.exact().items()}

    def exact(self) -> dict[str, float]:
        """The summary figures, unrounded."""
        t = self.tally
        values = {
            "assignments": t.f1("assignments"),
            "lead": t.ratio("lead"),
            "deadline": t.ratio("deadline"),
            "documents": t.f1("documents"),
            "speeches": t.f1("speeches"),
            "points": t.f1("points"),
            "date": t.ratio("meeting date"),
            "chair": t.ratio("chair"),
        }
        return values


Extractor = Callable[[str], Mapping[str, Any]]


def extract_reading(text: str) -> dict[str, Any]:
    """The extractor's JSON for a text, as ``python -m service.extraction`` prints."""
    return extract(nfc(text)).to_dict()


def score_directory(
    texts_dir: Path | str,
    expected_dir: Path | str,
    extractor: Extractor = extract_reading,
) -> Scores:
    """Score every ``expected/NAME.json`` against the extraction of ``NAME.txt``."""
    texts, scores = Path(texts_dir), Scores()
    for exp_path in sorted(Path(expected_dir).glob("*.json")):
        expected = json.loads(exp_path.read_text(encoding="utf-8"))
        failed = None
        try:
            raw = (texts / f"{exp_path.stem}.txt").read_bytes().decode("utf-8-sig")
            predicted: Mapping[str, Any] = extractor(raw)
        except (OSError, UnicodeDecodeError, ExtractionError) as exc:
            failed, predicted = str(exc), {}  # a failed run scores as empty
            scores.failed += 1
        row = score_file(expected, predicted, scores.tally)
        scores.files.append(FileScore(exp_path.stem, row, failed))
    return scores


def score_file(expected: Reading, predicted: Reading, tally: Tally) -> dict[str, str]:
    """Add one file's counts to ``tally`` and return its table row."""
    row: dict[str, str] = {}
    e_as = expected.get("assignments") or []
    p_as = predicted.get("assignments") or []
    pairs = match_assignments(e_as, p_as)
    tally.add("assignments", len(pairs), len(e_as), len(p_as))
    row["assign P/R"] = f"{len(pairs)}/{len(e_as)}/{len(p_as)}"
    leads = sum(
        set_overlap(e.get("assignees_lead") or [], p.get("assignees_lead") or []) == 1.0
        for e, p in pairs
    )
    tally.add("lead", leads, len(e_as), len(e_as))
    dls = sum(
        (e.get("deadline") or None) == (p.get("deadline") or None) for e, p in pairs
    )
    tally.add("deadline", dls, len(e_as), len(e_as))
    row["lead ok"], row["deadline ok"] = str(leads), str(dls)
    _score_lists(expected, predicted, tally, row)
    _score_meeting(expected, predicted, tally, row)
    return row


def _score_lists(
    expected: Reading, predicted: Reading, tally: Tally, row: dict[str, str]
) -> None:
    """Documents and speeches."""
    e_docs = {doc_key(d) for d in expected.get("documents_cited") or [] if doc_key(d)}
    p_docs = {doc_key(d) for d in predicted.get("documents_cited") or [] if doc_key(d)}
    both = len(e_docs & p_docs)
    tally.add("documents", both, len(e_docs), len(p_docs))
    row["docs"] = f"{both}/{len(e_docs)}/{len(p_docs)}"
    e_sp = [s.get("speaker") for s in expected.get("speeches") or []]
    p_sp = [s.get("speaker") for s in predicted.get("speeches") or []]
    hits = match_names(e_sp, p_sp)
    tally.add("speeches", hits, len(e_sp), len(p_sp))
    row["speeches"] = f"{hits}/{len(e_sp)}/{len(p_sp)}"


def _score_meeting(
    expected: Reading, predicted: Reading, tally: Tally, row: dict[str, str]
) -> None:
    """Connection points, meeting date and chair."""
    e_m, p_m = expected.get("meeting") or {}, predicted.get("meeting") or {}
    e_pts = e_m.get("connection_points") or []
    p_pts = p_m.get("connection_points") or []
    hits = match_names(e_pts, p_pts)
    tally.add("points", hits, len(e_pts), len(p_pts))
    row["points"] = f"{hits}/{len(e_pts)}/{len(p_pts)}"
    date_ok = (e_m.get("date") or None) == (p_m.get("date") or None)
    tally.add("meeting date", int(date_ok), 1, 1)
    e_chair = (e_m.get("chair") or {}).get("name")
    p_chair = (p_m.get("chair") or {}).get("name")
    chair_ok = same_name(e_chair, p_chair) if e_chair else not p_chair
    tally.add("chair", int(chair_ok), 1, 1)
    row["date"], row["chair"] = "ok" if date_ok else "x", "ok" if chair_ok else "x"


def summary_line(scores: Scores) -> str:
    """The last line the shared scoring script prints."""
    f = scores.exact()
    return (
        f"extraction: assignments F1={f['assignments']:.2f} lead={f['lead']:.2f} "
        f"deadline={f['deadline']:.2f} documents F1={f['documents']:.2f} "
        f"speeches F1={f['speeches']:.2f} points F1={f['points']:.2f} "
        f"date={f['date']:.2f} chair={f['chair']:.2f} failed={scores.failed}"
    )


def format_scores(scores: Scores) -> str:
    """The table and summary the shared scoring script prints on standard output."""
    lines = [
        _HEADER
        % (
            "file",
            "assign",
            "lead ok",
            "deadline ok",
            "docs",
            "speeches",
            "points",
            "date",
            "chair",
        )
    ]
    for f in scores.files:
        r = f.row
        lines.append(
            _HEADER
            % (
                f.name[:48],
                r["assign P/R"],
                r["lead ok"],
                r["deadline ok"],
                r["docs"],
                r["speeches"],
                r["points"],
                r["date"],
                r["chair"],
            )
        )
    lines.append(_NOTE)
    lines.append(summary_line(scores))
    return "\n".join(lines) + "\n"
