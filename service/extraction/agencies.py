"""Agency phrases (Sở Nội vụ, UBND các huyện, các sở, ngành) read from tokens."""

from __future__ import annotations

from dataclasses import dataclass

from . import vocab
from .agency_heads import head_at
from .agency_names import AgencyNameReader
from .prepare import Prepared, Token

_PLURALS = frozenset({"các", "mọi"})


@dataclass(frozen=True)
class Phrase:
    """An agency phrase: token range ``[first, last)`` and what kind of body it is."""

    first: int
    last: int
    kind: str
    plural: bool
    outside: bool
    prefix: str = ""  # the head a colon list shares: "Sở" of "các Sở: Nội vụ, ..."

    @property
    def group(self) -> bool:
        """A collective of bodies (or a person): never proposed as a new agency."""
        return self.plural or self.kind in ("category", "attach", "person")

    @property
    def bare(self) -> bool:
        """A bare plural noun ("ngành", "địa phương") that extends a list item."""
        return self.kind in ("category", "attach") and not self.plural


class AgencyReader:
    """Reads agency phrases and lists of them from a prepared text."""

    def __init__(self, prep: Prepared) -> None:
        self.prep = prep
        self.toks = prep.tokens
        self.names = AgencyNameReader(prep.tokens)

    def text(self, phrase: Phrase) -> str:
        """The phrase as written, spaces collapsed (with its shared head, if any)."""
        text = self.prep.span_text(*self.span(phrase))
        return f"{phrase.prefix} {text}" if phrase.prefix else text

    def span(self, phrase: Phrase) -> tuple[int, int]:
        """Character span of the phrase."""
        return self.toks[phrase.first].start, self.toks[phrase.last - 1].end

    def parse(self, i: int, end: int, mode: str) -> Phrase | None:
        """One agency phrase at token ``i``; mode: subject, object, list or point."""
        j = i
        if j + 1 < end and (self.toks[j].low, self.toks[j + 1].low) == ("tất", "cả"):
            j += 2  # "tất cả các bộ, ngành": the whole collective
        plural = j < end and self.toks[j].low in _PLURALS
        j += plural
        head = head_at(self.toks, j, end)
        if head is None:
            return None
        length, head_kind = head
        name_end = self.names.extend(j + length, end, mode)
        if head_kind == "role" and name_end == j + length:
            # "lãnh đạo các cơ quan", "Thủ trưởng các sở, ngành": the office of
            # a body (or of a collective) that follows.
            body = self.parse(j + length, end, "object")
            name_end = body.last if body is not None else name_end
        head_words = " ".join(t.low for t in self.toks[j : j + length])
        kind = self._settle_kind(
            head_kind, head_words, j, j + length, name_end, plural or mode == "list"
        )
        following = self.toks[name_end].text if name_end < end else ""
        if kind is None or not self._allowed(
            kind, mode, plural, self.toks[j], following
        ):
            return None
        if kind == "category" and not plural and self._verb_noun(j, name_end, end):
            return None
        if kind == "role" and self._has_person(j, name_end):
            return None
        outside = head_words in vocab.OUTSIDE_PARTY_HEADS and kind in (
            "named",
            "standalone",
        )
        plural = plural or any(t.low in _PLURALS for t in self.toks[j:name_end])
        return Phrase(i, name_end, kind, plural, outside)

    def _verb_noun(self, j: int, name_end: int, end: int) -> bool:
        """A bare noun that is the first half of a verb (``tổ chức thực hiện``)."""
        pair = " ".join(t.low for t in self.toks[j:name_end])
        nxt = self.toks[name_end] if name_end < end else None
        return (
            pair in vocab.VERB_NOUNS
            and nxt is not None
            and nxt.is_word
            and not nxt.is_cap
            and nxt.low not in ("và", "liên", "có")
        )

    def _settle_kind(
        self, kind: str, head: str, j: int, head_end: int, name_end: int, plural: bool
    ) -> str | None:
        """Decide what the head names once we know whether a name follows it."""
        has_name = name_end > head_end
        if kind == "named" and not has_name:
            return "category" if head in vocab.CATEGORIES else None
        if kind == "role":
            after = self.toks[head_end] if head_end < name_end else None
            if after is not None and after.low in _PLURALS:
                return kind
            if after is None and plural:
                # "các Bộ trưởng, Trưởng ngành": office holders as a collective
                return kind
            if after is None or not (after.low in _PLURALS or after.is_cap):
                return None
        return kind

    @staticmethod
    def _allowed(
        kind: str, mode: str, plural: bool, head: Token, following: str
    ) -> bool:
        """Bare plural nouns only where an addressee is expected."""
        if kind == "attach":
            return mode in ("list", "point")
        if kind == "category" and mode == "subject":
            return plural or (head.is_cap and following == ",")
        return True

    def _has_person(self, first: int, last: int) -> bool:
        """True when a person's name (three capitalised words) is inside."""
        run = 0
        for k in range(first, last):
            tok = self.toks[k]
            run = run + 1 if tok.is_cap and tok.is_word and not tok.is_acronym else 0
            if run == 1 and tok.low not in vocab.SURNAMES:
                run = 0
            if run >= 3:
                return True
        return False
