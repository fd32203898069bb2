"""Tasks said twice: a restatement that only asks to carry one out, a repeated lead."""

from __future__ import annotations

from domain.text import fold

from .model import Assignment

# What a restated task says: only that it be carried out.
_CARRY_OUT = frozenset(
    fold(w)
    for w in (
        "triển khai thực hiện",
        "tổ chức thực hiện",
        "thực hiện",
        "triển khai",
        "khẩn trương triển khai thực hiện",
        "tổ chức triển khai thực hiện",
    )
)
# Titles of an agency's head: "Giám đốc Sở X" answers for "Sở X".
_HEADS = tuple(fold(w) + " " for w in ("Giám đốc", "Thủ trưởng", "Chủ tịch", "Trưởng"))


def _unheaded(name: str) -> str:
    """A folded agency name without the title of its head in front."""
    folded = fold(name)
    for head in _HEADS:
        if folded.startswith(head):
            return folded[len(head) :]
    return folded


def without_restatements(assignments: list[Assignment]) -> list[Assignment]:
    """Assignments less those that only ask an earlier task's addressees (or their
    heads) to carry it out: ``Căn cứ nội dung này, Chủ tịch UBND tỉnh yêu cầu Giám
    đốc Sở X triển khai thực hiện`` after ``Giao Sở X chủ trì ...``."""
    kept: list[Assignment] = []
    for a in assignments:
        leads = {_unheaded(m.text) for m in a.lead}
        restates = (
            bool(leads)
            and fold(a.summary).strip(" ./") in _CARRY_OUT
            and any(leads <= {_unheaded(m.text) for m in b.lead} for b in kept)
        )
        if not restates:
            kept.append(a)
    return kept


def without_repeats(assignments: list[Assignment]) -> list[Assignment]:
    """Assignments less those that repeat an earlier one word for word (a news lead
    that the body states again): same item, addressees and summary."""
    seen: set[tuple[str | None, tuple[str, ...], str]] = set()
    kept = []
    for a in assignments:
        key = (a.item, tuple(fold(m.text) for m in a.lead), fold(a.summary))
        if key not in seen:
            seen.add(key)
            kept.append(a)
    return kept
