"""Where tasks start: an addressee after giao/yêu cầu/đề nghị, or an agency subject."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import vocab
from .agencies import Phrase
from .agency_lists import AgencyListReader
from .openings import is_headline, subject_positions
from .phrases import Phrases
from .prepare import Prepared, Sentence
from .subject_clauses import SubjectClauseReader

_DIRECTIVES = Phrases(vocab.DIRECTIVE_VERBS)
_OPENERS = Phrases(vocab.OPENERS)
_NARRATIVE_OPENERS = Phrases(vocab.NARRATIVE_OPENERS)
_DIRECTING_RE = re.compile(
    r"(?<!ban )(?<!sự )(?<!tin )(?<!tác )(?<!\w)(?:"
    + "|".join(w.replace(" ", r"\s+") for w in vocab.DIRECTING_WORDS)
    # "Tin chỉ đạo điều hành" names a column, "công tác chỉ đạo, điều hành" a duty
    + r")(?!\w)(?!\s*,?\s+điều\s+hành)"
    # "giao nộp", "giao thông", "giao ban": words of their own, nothing handed over
    r"(?<!giao)(?!\s+(?:nộp|dịch|thông|lưu|ban|tiếp|diện|hữu|nhận|hàng|kết|thừa)\b)"
)
# Words between a directive verb and its addressee ("giao nhiệm vụ cho Sở X").
_OBJECT_LEADS = Phrases(
    ("nhiệm vụ cho", "trách nhiệm cho", "cho", "để", ",", ":", "“", '"', "«")
)
# Words that make one word with a "giao" before them (giao ban, giao thông ...):
# nothing is handed over, as in the direction detector's exclusion.
_GIAO_COMPOUNDS = frozenset(
    {"nộp", "dịch", "thông", "lưu", "ban", "tiếp", "diện", "hữu", "nhận", "hàng"}
    | {"kết", "thừa"}
)
_NOT_DIRECTIVE_BEFORE = frozenset({"bàn", "biểu", "sự", "theo", "ban", "được", "của"})
# Verbs that may come between an addressee and its own "chỉ đạo Y ...": directing Y is
# the addressee's task ("đề nghị UBND các tỉnh tổ chức chỉ đạo các cơ quan ...").
_BEFORE_OWN_DIRECTING = Phrases(
    ("tổ chức", "tiếp tục", "khẩn trương", "nghiêm túc", "trực tiếp", "chủ động")
)
# Openers of attendance lists: who came, never who is addressed.
_ATTENDANCE = Phrases(vocab.ATTENDANCE_OPENERS)
# A numbered item's marker ("2. ", "3) "), not a bullet.
_ITEM_MARKER_RE = re.compile(r"\s*\d{1,2}[.)]\s")
_ITEM_PREFIX_RE = re.compile(r"\s*\d{1,2}[.)]\s*")
# A sentence that opens on the day of an event reports it ("Sáng 17/3, ...").
_DATED_OPENING = re.compile(
    r"(?:(?:sáng|chiều|tối|trưa)(?:\s+nay)?|ngày|hôm\s+nay|trong\s+ngày)\s+(?:ngày\s+)?\d{1,2}[/.-]\d"
    r"|ngày\s+\d{1,2}\s+tháng\s+\d"
)


@dataclass(frozen=True)
class Anchor:
    """The start of a task: its addressees and where its body begins."""

    start: int  # token index of the subject or of the directive verb
    leads: tuple[Phrase, ...]
    body: int  # token index after the addressees
    verb: str | None  # the directive verb, None for a subject
    rule: str = "directive-verb"  # the rule that found it, for explanations


class AnchorFinder:
    """Finds task anchors in a sentence."""

    def __init__(self, prep: Prepared, reader: AgencyListReader) -> None:
        self.prep = prep
        self.toks = prep.tokens
        self.reader = reader
        self.clauses = SubjectClauseReader(prep, reader)
        first = _DIRECTING_RE.search(prep.low)
        # Where the text first passes on a direction; before it, in a text without
        # numbered items, "X triển khai ..." is news of what X does, not a task. A
        # text that passes on none is a bare list of tasks: every clause counts.
        self.directed_from = first.start() if first else -1
        if first is None and self._reports_an_event():
            # News of a meeting ("Sáng 06/6, Cục X tổ chức ...") that passes on no
            # direction is no list of tasks: only a modal makes a subject's clause one.
            self.directed_from = len(prep.low)

    def _reports_an_event(self) -> bool:
        """Some sentence opens on the day of an event (``Sáng 06/6, ...``)."""
        return any(
            _DATED_OPENING.match(self.prep.low, self.toks[s.body_first].start)
            for s in self.prep.sentences
            if s.body_first < s.last
        )

    def phrase_at(self, k: int, end: int, phrases: Phrases) -> int:
        """Length of the longest of ``phrases`` found at token ``k``, or 0."""
        return phrases.at(self.toks, k, end)

    def skip_openers(self, k: int, end: int) -> int:
        """Token index after opening connectors (``Theo đó,`` ``Đồng thời,``)."""
        n = self.phrase_at(k, end, _OPENERS)
        if n:
            k += n
            if k < end and self.toks[k].text == ",":
                k += 1
        return k

    def find(self, s: Sentence, has_deadline: bool) -> list[Anchor]:
        """Anchors of one sentence, in reading order."""
        anchors: list[Anchor] = []
        if self.directed_from < 0 and is_headline(self.prep, s):
            return anchors  # news that passes on no direction: its headline reports
        positions, weak = subject_positions(self.toks, s)
        opener = self.phrase_at(s.body_first, s.last, _NARRATIVE_OPENERS)
        if opener and not self.phrase_at(s.body_first, s.last, _ATTENDANCE):
            weak, positions = weak | positions, set()  # "Qua đó, X khẩn trương ..."
            opener = 0
        blocked = bool(opener) or bool(
            _DATED_OPENING.match(self.prep.low, self.toks[s.body_first].start)
        )
        k = s.body_first
        while k < s.last:
            if (k in positions or k in weak) and not blocked:
                start = self.skip_openers(k, s.last)
                items = self.reader.parse_list(start, s.last, "subject")
                if (
                    items
                    and k not in positions
                    and not self.clauses.modal(items[-1].last, s)
                ):
                    items = []  # a subject deep in a sentence needs "cần", "phải" ...
                if items:
                    verdict = self.clauses.verdict(items[-1].last, s, has_deadline)
                    blocked = verdict == "narrative"
                    if verdict == "task" and not self._directed(
                        start, items[-1].last, s, has_deadline
                    ):
                        verdict = "none"
                    if verdict == "task":
                        anchors.append(
                            Anchor(start, tuple(items), items[-1].last, None, "subject")
                        )
                        k = items[-1].last + 1  # "X chỉ đạo Y ...": X stays the lead
                        continue
                    k = items[-1].last
                    continue
            anchor = self._directive(k, s)
            if anchor:
                anchors.append(anchor)
                k = anchor.body
                nested = self._directive(k, s) if k < s.last else None
                if nested and nested.verb != "đề nghị":
                    k = nested.body  # "đề nghị A giao B ...": handing on is A's task
                    continue
                n = self.phrase_at(k, s.last, _BEFORE_OWN_DIRECTING)
                nested = self._directive(k + n, s) if n and k + n < s.last else None
                if nested and nested.verb == "chỉ đạo":
                    k = nested.body  # "... A tổ chức chỉ đạo B triển khai": A's task
                continue
            k += 1
        return anchors

    def _directed(self, start: int, j: int, s: Sentence, has_deadline: bool) -> bool:
        """True when an agency subject at ``start`` is given a task, not reported.

        Numbered items and deadlines always direct; otherwise a modal after the
        subject (``cần``, ``chủ trì``) or a direction passed on earlier does.
        """
        if self.prep.numbered or has_deadline:
            return True
        if self.toks[start].start > self.directed_from:
            return True
        return self.clauses.modal(j, s)

    def header(self, s: Sentence) -> tuple[tuple[Phrase, ...], int] | None:
        """An item opening with addressees and a colon: (addressees, after colon)."""
        items = self.reader.parse_list(s.body_first, s.last, "subject")
        if not items:
            return None
        j = self.clauses.skip_parenthesis(items[-1].last, s.last)
        if j < s.last and self.toks[j].text == ":":
            return tuple(items), j + 1
        rest = self.toks[j : s.last]
        if s.item and self._opens_item(s) and all(not t.is_word for t in rest):
            return tuple(items), s.last  # "2. Trung tâm Văn hóa" alone, bullets below
        return None

    def _opens_item(self, s: Sentence) -> bool:
        """The sentence starts a numbered item ("2. Trung tâm ..."), not a bullet."""
        raw = self.prep.raw
        line_start = raw.rfind("\n", 0, s.start) + 1
        prefix = raw[line_start : s.start]
        return bool(
            _ITEM_MARKER_RE.match(raw, s.start) or _ITEM_PREFIX_RE.fullmatch(prefix)
        )

    def _directive(self, k: int, s: Sentence) -> Anchor | None:
        """``giao/yêu cầu/đề nghị X ...`` at token ``k``."""
        if self.toks[k].low not in _DIRECTIVES.by_first:
            return None  # the common case, kept cheap: most words direct nothing
        n = self.phrase_at(k, s.last, _DIRECTIVES)
        if not n or (k > s.first and self.toks[k - 1].low in _NOT_DIRECTIVE_BEFORE):
            return None
        j = k + n
        if (
            n == 1
            and j < s.last
            and self.toks[k].low == "giao"
            and self.toks[j].low in _GIAO_COMPOUNDS
            and self.toks[j].text[:1].islower()  # "Giao Ban Dân tộc": a name
        ):
            return None  # "họp giao ban", "giao thông": a word of its own
        while True:
            skip = self.phrase_at(j, s.last, _OBJECT_LEADS)
            if not skip:
                break
            j += skip
        items = self.reader.parse_list(j, s.last, "object")
        rule = "directive-verb"
        if not items:
            person = self.reader.person(j, s.last)
            rule = "directive-person"
            if person is None:
                person, rule = self.reader.bare_title(j, s.last), "directive-title"
            if person is None:
                return None
            items = [person]
        verb = " ".join(t.low for t in self.toks[k : k + n])
        return Anchor(k, tuple(items), items[-1].last, verb, rule)
