"""Word sequences looked up by their first (or last) word, so a scan stays linear."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .prepare import Token


class Phrases:
    """A set of lower-case phrases matched against tokens."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        self.by_last: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            words = tuple(phrase.replace(",", " , ").replace(":", " : ").split())
            self.by_first.setdefault(words[0], []).append(words)
            self.by_last.setdefault(words[-1], []).append(words)
        for table in (self.by_first, self.by_last):
            for entries in table.values():
                entries.sort(key=len, reverse=True)

    def at(self, toks: Sequence[Token], k: int, end: int) -> int:
        """Length of the longest phrase starting at token ``k``, or 0."""
        if k >= end:
            return 0
        for words in self.by_first.get(toks[k].low, ()):
            n = len(words)
            if k + n <= end and all(toks[k + i].low == words[i] for i in range(1, n)):
                return n
        return 0

    def before(self, toks: Sequence[Token], k: int) -> int:
        """Length of the longest phrase ending just before token ``k``, or 0."""
        if k <= 0:
            return 0
        for words in self.by_last.get(toks[k - 1].low, ()):
            n = len(words)
            if k - n >= 0 and all(
                toks[k - n + i].low == words[i] for i in range(n - 1)
            ):
                return n
        return 0
