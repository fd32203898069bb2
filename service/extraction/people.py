"""People named in a text: their names and the titles (chức vụ) written around them."""

from __future__ import annotations

from . import vocab
from .model import Person, Span
from .prepare import Prepared
from .speech_verbs import ends_speaker_clause, speech_verb_at

_ADVERBS = frozenset(
    {"đã", "trực", "tiếp", "cũng", "vừa", "sẽ", "thay", "mặt", "đại", "biểu"}
)
# Words that may stand between a name's title and what the person does.
BETWEEN_OK = vocab.TITLE_WORDS | _ADVERBS | {"của", "tập", "đoàn", "quốc", "hội"}
STOPS = frozenset({";", ":", ".", "!", "?"})
_NOT_NAMES = frozenset({"hồ chí minh"})


class PeopleReader:
    """Reads people's names, and the title before or after each, from a text."""

    def __init__(self, prep: Prepared) -> None:
        self.prep = prep
        self.toks = prep.tokens
        self._titled: list[Person] | None = None

    def titled_reference(self, k: int, end: int) -> Person | None:
        """The named person a bare title at ``k`` refers to (``Thủ tướng``)."""
        toks = self.toks
        if k + 2 < end and (toks[k].low, toks[k + 1].low) == ("đồng", "chí"):
            k += 2  # "..., đồng chí Phó Chủ tịch UBND huyện đã ghi nhận"
        if k >= end or not toks[k].is_cap or toks[k].low not in vocab.TITLE_OPENERS:
            return None
        words = [t.low for t in toks[k : min(end, k + 3)] if t.is_word][:2]
        if len(words) < 2:
            return None
        key = " ".join(words)
        for person in self.titled_people():
            title = " " + " ".join(person.title.lower().replace(",", " ").split())
            if f" {key}" in title and (
                key.startswith("phó") or f"phó {key}" not in title
            ):
                return person
        return None

    def titled_people(self) -> list[Person]:
        """Every named person of the text with the title written before the name."""
        if self._titled is None:
            self._titled = []
            for sentence in self.prep.sentences:
                for first, last in self.names(sentence.first, sentence.last):
                    person = self.person(first, last, sentence.first, sentence.end)
                    if person.title:  # "Chủ tịch X" or "X – Phó Chủ tịch TT ..."
                        self._titled.append(person)
        return self._titled

    def names(self, first: int, last: int) -> list[tuple[int, int]]:
        """Token ranges of people's names: capitalised words from a family name."""
        found = []
        k = first
        while k < last:
            if not self._name_word(k):
                k += 1
                continue
            run_end = k
            while run_end < last and self._name_word(run_end):
                run_end += 1
            name = self.name_in_run(k, run_end)
            if name:
                found.append(name)
            k = run_end
        return found

    def _name_word(self, k: int) -> bool:
        """A capitalised word that may be part of a name."""
        tok = self.toks[k]
        return (
            tok.is_word and tok.is_cap and not tok.is_acronym and not tok.text.isdigit()
        )

    def name_in_run(self, start: int, end: int) -> tuple[int, int] | None:
        """The name in a run of capitalised words, if one starts at a family name."""
        if end - start >= 5:  # "tỉnh Lâm Đồng Trần Văn Hải": a place, then the name
            for length in (3, 4):
                if self.toks[end - length].low in vocab.SURNAMES:
                    return end - length, end
        for i in range(start, end):
            if self.toks[i].low not in vocab.SURNAMES:
                continue
            stop = i + 1
            limit = min(end, i + 5)  # a name has at most four words
            while stop < limit and self.toks[stop].low not in vocab.TITLE_OPENERS:
                stop += 1
            length = stop - i
            if length > 4:
                continue
            courtesy = i > 0 and (
                self.toks[i - 1].low in ("chí", "ông", "bà")
                or (i == start and self.toks[i - 1].low in vocab.TITLE_ENDS)
            )
            text = " ".join(t.low for t in self.toks[i:stop])
            if (length >= 3 or (length == 2 and courtesy)) and text not in _NOT_NAMES:
                return i, stop
        return self._addressed_name(start, end)

    def _addressed_name(self, start: int, end: int) -> tuple[int, int] | None:
        """Three or four capitalised words right after ``đồng chí``, ``ông`` or
        ``bà`` are a name even when its family name is not in the list
        (``đồng chí Ngọc Kim Nam – Chủ tịch UBND huyện``)."""
        if start == 0 or not 3 <= end - start <= 4:
            return None
        before = self.toks[start - 1].low
        courtesy = before in ("ông", "bà") or (
            before == "chí" and start > 1 and self.toks[start - 2].low == "đồng"
        )
        words = [t.low for t in self.toks[start:end]]
        if not courtesy or any(w in vocab.TITLE_OPENERS for w in words):
            return None
        if " ".join(words) in _NOT_NAMES:
            return None
        return start, end

    def person(self, first: int, last: int, floor: int, verb_start: int) -> Person:
        """A person with the title written before the name, or else after it."""
        name_span = self.span(first, last)
        name = self.prep.span_text(*name_span)
        title_span = self.title_before(first, floor) or self.title_after(
            last, verb_start
        )
        title = self.prep.span_text(*title_span) if title_span else ""
        return Person(name, title, name_span, title_span)

    def title_before(self, first: int, floor: int) -> Span | None:
        """Span of the title just before a name (``Chủ tịch UBND tỉnh`` NAME)."""
        k = first
        while k > floor:
            if self._bracketed_acronym(k, floor):
                k -= 3  # "Hội đồng nhân dân (HĐND) tỉnh": the acronym is the title's
                continue
            tok = self.toks[k - 1]
            if not tok.is_word or not (tok.is_cap or tok.low in vocab.TITLE_WORDS):
                break
            k -= 1
        k = self._skip_academic(k, first)
        if k == first or self.toks[k].low not in vocab.TITLE_OPENERS:
            k = self._title_from_clause(first, floor)
        return self.span(k, first) if k < first else None

    def _bracketed_acronym(self, k: int, floor: int) -> bool:
        """``( HĐND )`` ends just before token ``k``, a title word before it."""
        if k - 4 < floor:
            return False
        word, open_, acronym, close = self.toks[k - 4 : k]
        return (
            (open_.text, close.text) == ("(", ")")
            and acronym.is_acronym
            and word.is_word
        )

    def _title_from_clause(self, first: int, floor: int) -> int:
        """Start of a title that opens its clause (``Giám đốc Sở Y tế`` NAME)."""
        k = first
        while k > max(floor, first - 15):
            tok = self.toks[k - 1]
            if not tok.is_word or tok.low == "chí":
                break
            k -= 1
        k = self._skip_academic(k, first)
        return k if k < first and self.toks[k].low in vocab.TITLE_OPENERS else first

    def _skip_academic(self, k: int, end: int) -> int:
        """Skip courtesy and academic words (PGS, TS, Tiến sỹ) opening a title."""
        while k < end:
            two = " ".join(t.low for t in self.toks[k : k + 2])
            if two in vocab.ACADEMIC and k + 2 <= end:
                k += 2
            elif self.toks[k].low in vocab.ACADEMIC or self.toks[k].text in ",.":
                k += 1
            else:
                break
        return k

    def title_after(self, last: int, limit: int) -> Span | None:
        """Span of an appositive title after a name (NAME, ``Chủ tịch ...``)."""
        toks = self.toks
        k = last
        while k < len(toks) and toks[k].start < limit and toks[k].text in ",-–":
            k += 1
        end = k
        while end < len(toks) and toks[end].end <= limit:
            tok = toks[end]
            if (
                tok.text in STOPS
                or ends_speaker_clause(toks, end, len(toks))
                or speech_verb_at(toks, end, len(toks))
            ):
                break
            if tok.is_word and not tok.is_cap and tok.low not in BETWEEN_OK:
                break  # "nêu rõ", "tại cuộc họp": the title is over
            end += 1
        while end > k and (
            toks[end - 1].text in ",-–(" or toks[end - 1].low in _ADVERBS
        ):
            end -= 1
        return self.span(k, end) if end > k else None

    def span(self, first: int, last: int) -> Span:
        """Character span of tokens ``[first, last)``."""
        return self.toks[first].start, self.toks[last - 1].end
