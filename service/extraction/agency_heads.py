"""The words that head an agency's name (Sở, UBND, Ban, các ngành), by first word."""

from __future__ import annotations

from collections.abc import Sequence

from . import vocab
from .prepare import Token

_TABLES = {
    "standalone": vocab.STANDALONE_HEADS,
    "named": vocab.NAMED_HEADS,
    "role": vocab.ROLE_HEADS,
    "category": vocab.CATEGORIES,
    "attach": vocab.ATTACH_ONLY,
}


def _index(
    tables: dict[str, frozenset[str]],
) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Phrases by first word, longest first, each with the kind it names."""
    order = list(tables)
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind, phrases in tables.items():
        for phrase in phrases:
            words = tuple(phrase.replace(",", " ,").split())
            index.setdefault(words[0], []).append((words, kind))
    for entries in index.values():
        entries.sort(key=lambda e: (-len(e[0]), order.index(e[1])))
    return index


HEADS = _index(_TABLES)
COMPLEMENTS = _index({"complement": vocab.COMPLEMENTS})


def head_at(
    toks: Sequence[Token],
    i: int,
    end: int,
    index: dict[str, list[tuple[tuple[str, ...], str]]] = HEADS,
) -> tuple[int, str] | None:
    """Longest phrase of ``index`` starting at token ``i``: (length, kind)."""
    if i >= end:
        return None
    for words, kind in index.get(toks[i].low, ()):
        n = len(words)
        if i + n <= end and all(toks[i + k].low == words[k] for k in range(n)):
            return n, kind
    return None


def complement_at(toks: Sequence[Token], i: int, end: int) -> tuple[int, str] | None:
    """A word completing a name (``Chuyển đổi số``) at token ``i``: (length, kind)."""
    return head_at(toks, i, end, COMPLEMENTS)


def role_length(toks: Sequence[Token], i: int, end: int) -> int:
    """Length of an office's title (``Bộ trưởng``, ``Giám đốc``) at ``i``, or 0."""
    found = head_at(toks, i, end)
    return found[0] if found is not None and found[1] == "role" else 0


def starts_agency(toks: Sequence[Token], i: int, end: int) -> bool:
    """True when an agency head (not a bare noun) starts at token ``i``."""
    found = head_at(toks, i, end)
    return found is not None and found[1] in ("standalone", "named")
