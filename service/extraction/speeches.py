"""Named speakers, their titles and the kinds of their speeches (phát biểu)."""

from __future__ import annotations

from dataclasses import dataclass, field

from domain.text import fold

from . import vocab
from .model import Person, Span, Speech
from .phrases import Phrases
from .prepare import Prepared, Sentence

_VERBS: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _kind in vocab.SPEECH_VERBS:
    _words = tuple(_phrase.split())
    _VERBS.setdefault(_words[0], []).append((_words, _kind))
for _entries in _VERBS.values():
    _entries.sort(key=lambda e: -len(e[0]))
_BLOCKERS = Phrases((*vocab.SPEAKER_BLOCKERS, "tiếp thu"))
_ADVERBS = frozenset(
    {"đã", "trực", "tiếp", "cũng", "vừa", "sẽ", "thay", "mặt", "đại", "biểu"}
)
_BETWEEN_OK = vocab.TITLE_WORDS | _ADVERBS | {"của", "tập", "đoàn", "quốc", "hội"}
_STOPS = frozenset({";", ":", ".", "!", "?"})
_NOT_NAMES = frozenset({"hồ chí minh"})
GENERIC = "speech"


# Words of a meeting's name between an opening phrase and its speaker.
_MEETING_WORDS = frozenset(
    {"hội", "nghị", "cuộc", "họp", "phiên", "buổi", "làm", "việc", "tại"}
)


@dataclass
class SpeechReading:
    """Speeches found, and for each sentence whether it sits in a discussion."""

    speeches: list[Speech] = field(default_factory=list)
    in_discussion: list[bool] = field(default_factory=list)


class SpeechReader:
    """Reads people, their speech verbs and the chair from a prepared text."""

    def __init__(self, prep: Prepared) -> None:
        self.prep = prep
        self.toks = prep.tokens
        self._titled: list[Person] | None = None

    def read(self) -> SpeechReading:
        """Every named speech, merged per person, and each sentence's context."""
        found: list[Speech] = []
        reading = SpeechReading()
        discussion_para: int | None = None
        discussion_names: set[str] = set()
        for sentence in self.prep.sentences:
            speeches, lead_kind = self.sentence_speeches(sentence)
            found.extend(speeches)
            kinds = [s.kind for s in speeches if s.kind != GENERIC] or (
                [lead_kind] if lead_kind and lead_kind != GENERIC else []
            )
            names = {fold(s.person.name) for s in speeches}
            if kinds and kinds[-1] == "discussion":
                discussion_para, discussion_names = sentence.para, names
            elif kinds:
                discussion_para, discussion_names = None, set()
            mentions = names & discussion_names
            reading.in_discussion.append(
                discussion_para is not None
                and (sentence.para == discussion_para or bool(mentions))
            )
        reading.speeches = merge_speeches(found)
        return reading

    def sentence_speeches(self, s: Sentence) -> tuple[list[Speech], str | None]:
        """Speeches of one sentence, and the kind its opening phrase sets, if any."""
        lead = self.verb_at(s.body_first, s.last)
        comma = self._first_comma(s) if lead else None
        speeches: list[Speech] = []
        names = self.names(s.first, s.last)
        for first, last in names:
            kind_span, rule = None, "speech.opening-phrase"
            if (
                lead
                and not speeches
                and (
                    (comma is not None and first > comma)
                    or self._presents(s.body_first + lead[0], first)
                )
            ):
                kind_span = (lead[1], self._span(s.body_first, s.body_first + lead[0]))
            if kind_span is None:
                kind_span, rule = self._verb_after(last, s.last), "speech.verb-after"
            if kind_span is None:
                kind_span, rule = self._verb_of(first), "speech.verb-of"
            if kind_span:
                verb_start = kind_span[1][0]
                limit = verb_start if verb_start > self.toks[last - 1].end else s.end
                person = self.person(first, last, s.first, limit)
                speeches.append(Speech(person, kind_span[0], kind_span[1], rule))
        if lead and comma is not None and not names:
            titled = self.titled_reference(comma + 1, s.last)
            if titled:  # "Phát biểu mở đầu, Thủ tướng Chính phủ cho biết"
                verb_span = self._span(s.body_first, s.body_first + lead[0])
                rule = "speech.title-reference"
                speeches.append(Speech(titled, lead[1], verb_span, rule))
        lead_kind = None
        if (
            lead
            and comma is not None
            and (speeches or self._delegates(comma + 1, s.last))
        ):
            lead_kind = lead[1]  # "Thảo luận ..., các đại biểu cho rằng"
        return speeches, lead_kind

    def _presents(self, k: int, first: int) -> bool:
        """``Dự và chỉ đạo có đồng chí NAME``: the verb's person follows ``có``."""
        between = [t.low for t in self.toks[k:first]]
        if "có" in between and set(between) <= {"có", "đồng", "chí", "ông", "bà"}:
            return True
        # "Kết luận hội nghị đồng chí NAME – Chủ tịch ... yêu cầu": no comma written
        courtesy = between[-2:] == ["đồng", "chí"] or between[-1:] in (["ông"], ["bà"])
        meeting = between[: -2 if between[-1:] == ["chí"] else -1]
        return courtesy and bool(meeting) and set(meeting) <= _MEETING_WORDS

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

    def _delegates(self, k: int, end: int) -> bool:
        """Delegates speak at ``k`` (các đại biểu, đại diện ...)."""
        lows = [t.low for t in self.toks[k : min(end, k + 3)]]
        return lows[:2] in (["đại", "biểu"], ["đại", "diện"]) or lows[1:3] == [
            "đại",
            "biểu",
        ]

    def verb_at(self, k: int, end: int) -> tuple[int, str] | None:
        """A speech verb at token ``k``: (length, kind)."""
        if k >= end or (k > 0 and self.toks[k - 1].low in ("ban", "sự", "của")):
            return None  # "Ban Chỉ đạo", "sự chỉ đạo": nouns, not a speech
        for words, kind in _VERBS.get(self.toks[k].low, ()):
            n = len(words)
            if k + n <= end and all(self.toks[k + i].low == words[i] for i in range(n)):
                return n, kind
        return None

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
            name = self._name_in_run(k, run_end)
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

    def _name_in_run(self, start: int, end: int) -> tuple[int, int] | None:
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

    def _first_comma(self, s: Sentence) -> int | None:
        """Token index of the sentence's first comma."""
        for k in range(s.body_first, s.last):
            if self.toks[k].text == ",":
                return k
        return None

    def _verb_after(self, name_end: int, end: int) -> tuple[str, Span] | None:
        """The speech verb after a name and title (``X, Chủ tịch ..., kết luận``)."""
        joined = False  # "X và <title> Y trình bày": both speak
        second = None  # where the second name of "X và Y" ends
        for k in range(name_end, min(end, name_end + 40)):
            tok = self.toks[k]
            verb = self.verb_at(k, end)
            if verb:
                return verb[1], self._span(k, k + verb[0])
            if tok.text in _STOPS or self._blocked(k, end):
                return None
            if tok.low == "và" and not joined:
                joined = True
                continue
            is_name = self._name_in_run(k, min(end, k + 4)) == (k, k + 3)
            if joined and second is None:
                if is_name:
                    second = k + 3
                continue  # the second person's title, whatever its words
            if second is not None and k < second:
                continue
            if tok.is_word and not tok.is_cap and tok.low not in _BETWEEN_OK:
                return None
            if not joined and k > name_end and is_name:
                return None  # another person's name: the verb is theirs
        return None

    def _blocked(self, k: int, end: int) -> bool:
        """A verb that ends the speaker's clause (nhấn mạnh, chủ trì ...)."""
        return _BLOCKERS.at(self.toks, k, end) > 0

    def _verb_of(self, first: int) -> tuple[str, Span] | None:
        """``ý kiến phát biểu của đồng chí NAME``, ``Kết luận của ... NAME``."""
        window_start = max(0, first - 14)
        lows = [t.low for t in self.toks[window_start:first]]
        if "của" not in lows:
            return None
        of = window_start + len(lows) - 1 - lows[::-1].index("của")
        if any(not t.is_word and t.text not in "-–" for t in self.toks[of:first]):
            return None  # "báo cáo của Sở X, đồng chí Y": the verb is not Y's
        for k in range(window_start, of):
            verb = self.verb_at(k, of)
            if verb:
                return verb[1], self._span(k, k + verb[0])
        return None

    def person(self, first: int, last: int, floor: int, verb_start: int) -> Person:
        """A person with the title written before the name, or else after it."""
        name_span = self._span(first, last)
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
        return self._span(k, first) if k < first else None

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
                tok.text in _STOPS
                or self._blocked(end, len(toks))
                or self.verb_at(end, len(toks))
            ):
                break
            if tok.is_word and not tok.is_cap and tok.low not in _BETWEEN_OK:
                break  # "nêu rõ", "tại cuộc họp": the title is over
            end += 1
        while end > k and (
            toks[end - 1].text in ",-–(" or toks[end - 1].low in _ADVERBS
        ):
            end -= 1
        return self._span(k, end) if end > k else None

    def _span(self, first: int, last: int) -> Span:
        """Character span of tokens ``[first, last)``."""
        return self.toks[first].start, self.toks[last - 1].end


def merge_speeches(found: list[Speech]) -> list[Speech]:
    """One speech per person and kind; a conclusion absorbs that person's directive."""
    kinds: dict[str, set[str]] = {}
    for speech in found:
        kinds.setdefault(fold(speech.person.name), set()).add(speech.kind)
    merged: list[Speech] = []
    seen: set[tuple[str, str]] = set()
    for speech in found:
        key = fold(speech.person.name)
        mine = kinds[key] - {GENERIC}
        kind = speech.kind
        if kind == GENERIC:
            if mine:
                continue  # "X phát biểu tại hội nghị" is the speech named elsewhere
            kind = "discussion"
        if kind == "directive" and "conclusion" in mine:
            continue
        if (key, kind) in seen:
            continue
        seen.add((key, kind))
        person = speech.person
        if not person.title:
            person = _best_titled(found, key) or person
        merged.append(Speech(person, kind, speech.verb_span, speech.rule))
    return merged


def _best_titled(found: list[Speech], key: str) -> Person | None:
    """The same person's mention with the longest title."""
    titled = [s.person for s in found if fold(s.person.name) == key and s.person.title]
    return max(titled, key=lambda p: len(p.title)) if titled else None
