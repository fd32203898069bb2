"""Agency phrases (Sở Nội vụ, UBND các huyện, các sở, ngành) read from tokens."""

from __future__ import annotations

from dataclasses import dataclass

from . import vocab
from .prepare import Prepared, Token

_TABLES = {
    "standalone": vocab.STANDALONE_HEADS,
    "named": vocab.NAMED_HEADS,
    "role": vocab.ROLE_HEADS,
    "category": vocab.CATEGORIES,
    "attach": vocab.ATTACH_ONLY,
}
# Pairs of words that start a person's title, where an agency name must stop.
_TITLE_PAIRS = frozenset(
    {
        ("chủ", "tịch"),
        ("bí", "thư"),
        ("giám", "đốc"),
        ("đồng", "chí"),
        ("thủ", "trưởng"),
        ("thủ", "tướng"),
        ("bộ", "trưởng"),
        ("tổng", "giám"),
        ("trưởng", "ban"),
        ("trưởng", "phòng"),
        ("chánh", "văn"),
        ("ủy", "viên"),
        ("tổng", "biên"),
        ("giáo", "sư"),
        ("tiến", "sĩ"),
        ("tiến", "sỹ"),
        ("thứ", "trưởng"),
        ("chủ", "nhiệm"),
    }
)
_TITLE_WORDS = frozenset({"phó", "ông", "bà", "pgs", "ts", "gs"})
_PLURALS = frozenset({"các", "mọi"})
# Department names written with a comma inside: "Văn hóa, Thể thao và Du lịch",
# "Lao động, Thương binh và Xã hội".
_COMMA_NAMES = frozenset({("văn", "hóa"), ("lao", "động")})


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


_HEADS = _index(_TABLES)
_COMPLEMENTS = _index({"complement": vocab.COMPLEMENTS})


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

    def text(self, phrase: Phrase) -> str:
        """The phrase as written, spaces collapsed (with its shared head, if any)."""
        text = self.prep.span_text(*self.span(phrase))
        return f"{phrase.prefix} {text}" if phrase.prefix else text

    def span(self, phrase: Phrase) -> tuple[int, int]:
        """Character span of the phrase."""
        return self.toks[phrase.first].start, self.toks[phrase.last - 1].end

    def match(
        self, i: int, end: int, index: dict[str, list[tuple[tuple[str, ...], str]]]
    ) -> tuple[int, str] | None:
        """Longest phrase of ``index`` starting at token ``i``: (length, kind)."""
        if i >= end:
            return None
        for words, kind in index.get(self.toks[i].low, ()):
            n = len(words)
            if i + n <= end and all(self.toks[i + k].low == words[k] for k in range(n)):
                return n, kind
        return None

    def role_length(self, i: int, end: int) -> int:
        """Length of an office's title (``Bộ trưởng``, ``Giám đốc``) at ``i``, or 0."""
        found = self.match(i, end, _HEADS)
        return found[0] if found is not None and found[1] == "role" else 0

    def starts_agency(self, i: int, end: int) -> bool:
        """True when an agency head (not a bare noun) starts at token ``i``."""
        found = self.match(i, end, _HEADS)
        return found is not None and found[1] in ("standalone", "named")

    def parse(self, i: int, end: int, mode: str) -> Phrase | None:
        """One agency phrase at token ``i``; mode: subject, object, list or point."""
        j = i
        if j + 1 < end and (self.toks[j].low, self.toks[j + 1].low) == ("tất", "cả"):
            j += 2  # "tất cả các bộ, ngành": the whole collective
        plural = j < end and self.toks[j].low in _PLURALS
        j += plural
        head = self.match(j, end, _HEADS)
        if head is None:
            return None
        length, head_kind = head
        name_end = self.extend(j + length, end, mode)
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

    def extend(self, k: int, end: int, mode: str) -> int:
        """Token index where the name that follows a head ends."""
        toks = self.toks
        after_cap = False  # the previous token was a capitalised word of the name
        while k < end:
            tok = toks[k]
            step = self._step(k, end, mode)
            if (
                step == 1
                and tok.is_cap
                and not tok.is_acronym
                and not after_cap
                and self._absorbs(k + 1, end)
            ):
                step = 0  # a one-word head inside a name ("Tổ quốc"): a name word
            if step:
                k += step
                after_cap = False
            elif tok.is_word and tok.is_cap and not self._title_stop(k, end):
                k += 1
                if not after_cap and not tok.is_acronym and self._absorbs(k, end):
                    k += 1  # "Thông tin", "Y tế": a name word of two syllables
                    after_cap = False
                else:
                    after_cap = True
            else:
                break
        return k

    def _absorbs(self, k: int, end: int) -> bool:
        """True when the lower-case syllable at ``k`` completes the word before it."""
        if k >= end:
            return False
        tok = self.toks[k]
        return (
            tok.is_word
            and not tok.is_cap
            and not tok.text.isdigit()
            and tok.low not in vocab.NO_ABSORB
            and (
                k + 1 >= end
                or f"{tok.low} {self.toks[k + 1].low}" not in vocab.NO_ABSORB_PAIRS
            )
            and self.match(k, end, _COMPLEMENTS) is None
        )

    def _step(self, k: int, end: int, mode: str) -> int:
        """Length of a multi-token continuation at ``k``, or 0."""
        toks = self.toks
        tok, nxt = toks[k], toks[k + 1] if k + 1 < end else None
        if tok.is_cap:
            head = self.match(k, end, _HEADS)
            if head and head[1] in ("standalone", "named"):
                return head[0]  # "Văn phòng UBND tỉnh", "thành viên Ban Chỉ đạo"
            found = self.match(k, end, _COMPLEMENTS)
            return found[0] if found and found[0] > 1 else 0  # "Chuyển đổi số"
        found = self.match(k, end, _COMPLEMENTS)
        if found:
            return found[0]
        if nxt is None or k == 0:
            return 0
        prev = toks[k - 1]
        cap_next = nxt.is_word and nxt.is_cap and not self._title_stop(k + 1, end)
        if (
            tok.low == "và"
            and cap_next
            and prev.is_word
            and not self.starts_agency(k + 1, end)
        ):
            return 1  # "Thông tin và Truyền thông"
        if tok.text in "-–&" and cap_next and prev.is_word:
            return 1  # "Giao thông - Vận tải", "HĐND- UBND"
        if tok.low == "về" and (nxt.is_cap or nxt.low == "chuyển"):
            return 1  # "Ban Chỉ đạo về Chuyển đổi số"
        if tok.low == "các" and cap_next and not self.starts_agency(k + 1, end):
            return 1  # "Ban Quản lý các Khu công nghiệp"
        if tok.text == "," and cap_next and self._comma_in_name(k, end):
            return 1  # "Sở Văn hóa, Thể thao và Du lịch"
        if tok.text == "(" and mode == "point":
            close = self._closing(k, end)
            return close + 1 - k if close else 0
        return 0

    def _comma_in_name(self, k: int, end: int) -> bool:
        """A comma inside a department name ("Văn hóa, Thể thao và Du lịch")."""
        before = tuple(t.low for t in self.toks[max(0, k - 2) : k])
        if before not in _COMMA_NAMES:
            return False  # "Tài chính, Kế hoạch và Đầu tư" are two departments
        for j in range(k + 1, min(end, k + 6)):
            tok = self.toks[j]
            if tok.text == "," or self.starts_agency(j, end):
                return False
            if tok.low == "và":
                return True
        return False

    def _closing(self, k: int, end: int) -> int | None:
        """Index of the ``)`` closing the ``(`` at ``k``, if near."""
        for j in range(k + 1, min(end, k + 12)):
            if self.toks[j].text == ")":
                return j
        return None

    def _title_stop(self, k: int, end: int) -> bool:
        """A capitalised word that starts a person's title, not an agency name."""
        low = self.toks[k].low
        if low in _TITLE_WORDS:
            return True
        return k + 1 < end and (low, self.toks[k + 1].low) in _TITLE_PAIRS

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
