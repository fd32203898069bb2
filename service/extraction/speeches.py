"""Who spoke (phát biểu), with which kind of speech, merged per person."""

from __future__ import annotations

from dataclasses import dataclass, field

from domain.text import fold

from .model import Person, Span, Speech
from .people import BETWEEN_OK, STOPS, PeopleReader
from .prepare import Prepared, Sentence
from .speech_verbs import ends_speaker_clause, speech_verb_at

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
    """Reads who spoke, and with which speech verb, from a prepared text."""

    def __init__(self, prep: Prepared) -> None:
        self.prep = prep
        self.toks = prep.tokens
        self.people = PeopleReader(prep)

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
        lead = speech_verb_at(self.toks, s.body_first, s.last)
        comma = self._first_comma(s) if lead else None
        speeches: list[Speech] = []
        names = self.people.names(s.first, s.last)
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
                kind_span = (
                    lead[1],
                    self.people.span(s.body_first, s.body_first + lead[0]),
                )
            if kind_span is None:
                kind_span, rule = self._verb_after(last, s.last), "speech.verb-after"
            if kind_span is None:
                kind_span, rule = self._verb_of(first), "speech.verb-of"
            if kind_span:
                verb_start = kind_span[1][0]
                limit = verb_start if verb_start > self.toks[last - 1].end else s.end
                person = self.people.person(first, last, s.first, limit)
                speeches.append(Speech(person, kind_span[0], kind_span[1], rule))
        if lead and comma is not None and not names:
            titled = self.people.titled_reference(comma + 1, s.last)
            if titled:  # "Phát biểu mở đầu, Thủ tướng Chính phủ cho biết"
                verb_span = self.people.span(s.body_first, s.body_first + lead[0])
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

    def _delegates(self, k: int, end: int) -> bool:
        """Delegates speak at ``k`` (các đại biểu, đại diện ...)."""
        lows = [t.low for t in self.toks[k : min(end, k + 3)]]
        return lows[:2] in (["đại", "biểu"], ["đại", "diện"]) or lows[1:3] == [
            "đại",
            "biểu",
        ]

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
            verb = speech_verb_at(self.toks, k, end)
            if verb:
                return verb[1], self.people.span(k, k + verb[0])
            if tok.text in STOPS or ends_speaker_clause(self.toks, k, end):
                return None
            if tok.low == "và" and not joined:
                joined = True
                continue
            is_name = self.people.name_in_run(k, min(end, k + 4)) == (k, k + 3)
            if joined and second is None:
                if is_name:
                    second = k + 3
                continue  # the second person's title, whatever its words
            if second is not None and k < second:
                continue
            if tok.is_word and not tok.is_cap and tok.low not in BETWEEN_OK:
                return None
            if not joined and k > name_end and is_name:
                return None  # another person's name: the verb is theirs
        return None

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
            verb = speech_verb_at(self.toks, k, of)
            if verb:
                return verb[1], self.people.span(k, k + verb[0])
        return None


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
