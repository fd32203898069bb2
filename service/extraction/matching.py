"""How a draft is compared with a hand reading: the rules of the shared scoring script.

These functions follow ``shared/tools/score_extraction.py`` line for line (folding,
name matching, the greedy pairing of assignments), so figures computed here are the
figures that script prints for the same inputs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

Reading = Mapping[str, Any]  # an extraction in the seeds-README JSON shape

_ABBREVIATIONS = (
    (r"\btt&tt\b", "thong tin va truyen thong"),
    (r"\btt-tt\b", "thong tin va truyen thong"),
    (r"\bubnd\b", "uy ban nhan dan"),
    (r"\bhdnd\b", "hoi dong nhan dan"),
    (r"\bbcd\b", "ban chi dao"),
    (r"\bcds\b", "chuyen doi so"),
    (r"\bkh&cn\b", "khoa hoc va cong nghe"),
    (r"\btp\.?\b", "thanh pho"),
    (r"\bctcp\b", "cong ty co phan"),
)
# Scores at or above this pair an expected task with a predicted one.
PAIR_THRESHOLD = 0.35


def fold(text: str | None) -> str:
    """Lower-case, strip diacritics, expand common abbreviations (scoring only)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    for pattern, full in _ABBREVIATIONS:
        text = re.sub(pattern, full, text)
    text = re.sub(r"[^\w&/-]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def tokens(text: str | None) -> set[str]:
    """Folded words of a text."""
    return set(fold(text).split())


def same_name(a: str | None, b: str | None) -> bool:
    """Two names match when one folded form contains the other."""
    fa, fb = fold(a), fold(b)
    return bool(fa and fb) and (fa == fb or fa in fb or fb in fa)


def agencies(assignment: Reading) -> list[str]:
    """Lead and coordinating agencies of an assignment."""
    return list(assignment.get("assignees_lead") or []) + list(
        assignment.get("assignees_coordinating") or []
    )


def set_overlap(expected: Sequence[str], predicted: Sequence[str]) -> float:
    """Share of names on either side that have a match on the other (0..1)."""
    if not expected and not predicted:
        return 1.0
    if not expected or not predicted:
        return 0.0
    hit_e = sum(any(same_name(e, p) for p in predicted) for e in expected)
    hit_p = sum(any(same_name(e, p) for e in expected) for p in predicted)
    return (hit_e + hit_p) / (len(expected) + len(predicted))


def summary_recall(expected: Reading, predicted: Reading) -> float:
    """Share of the expected summary's words found in the predicted task."""
    want = tokens(expected.get("summary"))
    have = tokens(
        " ".join(str(predicted.get(k) or "") for k in ("summary", "text", "title"))
    )
    return len(want & have) / len(want) if want else 0.0


def match_assignments(
    expected: Sequence[Reading], predicted: Sequence[Reading]
) -> list[tuple[Reading, Reading]]:
    """Pairs of expected and predicted tasks, best scores first, each used once."""
    scored = []
    for i, e in enumerate(expected):
        for j, p in enumerate(predicted):
            agency = set_overlap(agencies(e), agencies(p))
            if agency == 0:
                continue
            score = 0.5 * agency + 0.5 * summary_recall(e, p)
            if str(e.get("item")) == str(p.get("item")):
                score += 0.1
            if score >= PAIR_THRESHOLD:
                scored.append((score, i, j))
    pairs: list[tuple[Reading, Reading]] = []
    used_e: set[int] = set()
    used_p: set[int] = set()
    for _, i, j in sorted(scored, reverse=True):
        if i not in used_e and j not in used_p:
            used_e.add(i)
            used_p.add(j)
            pairs.append((expected[i], predicted[j]))
    return pairs


def match_names(expected: Sequence[str | None], predicted: Sequence[str | None]) -> int:
    """Number of expected names that find an unused matching predicted name."""
    used: set[int] = set()
    hits = 0
    for e in expected:
        for j, p in enumerate(predicted):
            if j not in used and same_name(e, p):
                used.add(j)
                hits += 1
                break
    return hits


def doc_key(doc: Reading) -> str:
    """A cited document's folded number without spaces."""
    return re.sub(r"\s+", "", fold(doc.get("number")))
