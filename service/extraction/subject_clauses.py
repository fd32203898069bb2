"""What follows an agency named as subject: its task, a task it hands on, or news."""

from __future__ import annotations

from . import vocab
from .agency_lists import AgencyListReader
from .phrases import Phrases
from .prepare import Prepared, Sentence

_HANDING_OVER = Phrases(v for v in vocab.DIRECTIVE_VERBS if v != "chỉ đạo")
_REPORTAGE = Phrases(vocab.REPORTAGE_VERBS)
_UNLESS_DEADLINE = Phrases(vocab.REPORTAGE_UNLESS_DEADLINE)
_TASK_MODALS = Phrases(vocab.TASK_MODALS)
# Report verbs of proposing: a task when the proposals are to be sent to someone.
_PROPOSING = Phrases(("kiến nghị", "đề xuất"))
# "X theo chức năng, nhiệm vụ được giao, rà soát ...": the verb comes after this.
_REMIT = Phrases(
    (
        "theo chức năng , nhiệm vụ được giao",
        "theo chức năng , nhiệm vụ",
        "theo chức năng nhiệm vụ",
        "trong phạm vi chức năng , nhiệm vụ được giao",
        "trong phạm vi chức năng , nhiệm vụ",
        "căn cứ chức năng , nhiệm vụ",
    )
)
_MEETING_AFTER_CHAIR = frozenset(
    {"hội", "cuộc", "phiên", "buổi", "họp", "kỳ", ".", ";"}
)
_MEETING_NOUNS = Phrases(vocab.MEETING_WORDS)
# Verbs that begin with a word otherwise read as a preposition ("theo dõi").
_VERB_PAIRS = frozenset({("theo", "dõi"), ("cho", "ý"), ("về", "việc"), ("tại", "chỗ")})


class SubjectClauseReader:
    """Reads the clause after a subject: given a task, passing one on, or reported."""

    def __init__(self, prep: Prepared, reader: AgencyListReader) -> None:
        self.toks = prep.tokens
        self.reader = reader

    def modal(self, j: int, s: Sentence) -> bool:
        """A task modal (``cần``, ``phải``, ``chủ trì`` ...) or ``được`` (handed a
        task) right after a subject ending at token ``j``."""
        j = self.skip_parenthesis(j, s.last)
        if j < s.last and self.toks[j].low == "cũng":
            j += 1
        if j < s.last and self.toks[j].text == ",":
            j += 1
        j += _REMIT.at(self.toks, j, s.last)
        if j < s.last and self.toks[j].low == "được":
            return True  # "Sở X được (UBND tỉnh) giao ...": handed a task
        return bool(_TASK_MODALS.at(self.toks, j, s.last))

    def verdict(self, j: int, s: Sentence, has_deadline: bool) -> str:
        """What follows a subject: a task, a directive, narrative or nothing."""
        toks, end = self.toks, s.last
        j = self.skip_parenthesis(j, end)
        if j < end and toks[j].low == "cũng":
            j += 1
        j += _REMIT.at(toks, j, end)
        if j < end and toks[j].text == ",":
            j += 1
        if j >= end or not toks[j].is_word:
            return "none"
        if sum(t.is_word for t in toks[j : min(end, j + 8)]) < 3:
            return "none"  # too short to be a task ("Báo Tuyên Quang điện tử")
        low = toks[j].low
        if low == "được" and _HANDING_OVER.at(
            self.toks, self.after_agent(j + 1, end), end
        ):
            return "task"  # "Sở X được (UBND tỉnh) giao chủ trì ..."
        if low in vocab.NARRATIVE_MARKERS:
            return "narrative"
        if _HANDING_OVER.at(self.toks, j, end):
            return "directive"  # the subject gives the task to someone else
        pair = (low, toks[j + 1].low if j + 1 < end else "")
        if (low in vocab.NOT_A_TASK_VERB and pair not in _VERB_PAIRS) or toks[j].is_cap:
            return "none"
        if pair == ("tổ", "chức") and _MEETING_NOUNS.at(self.toks, j + 2, end):
            return "none"  # "X tổ chức hội nghị": the meeting itself
        if _PROPOSING.at(self.toks, j, end) and self._sent_to(j, end):
            return "task"  # "UBND các tỉnh kiến nghị các giải pháp gửi Bộ X": owed
        if _REPORTAGE.at(self.toks, j, end):
            return "none"
        if _UNLESS_DEADLINE.at(self.toks, j, end) and not has_deadline:
            reports_to = low == "báo" and self.reader.parse_list(j + 2, end, "object")
            if not reports_to:
                return "none"  # "Sở X báo cáo UBND TP ...": a report owed, a task
        if low == "chủ" and j + 2 <= end and toks[j + 1].low == "trì":
            after = toks[j + 2].low if j + 2 < end else "."
            if after in _MEETING_AFTER_CHAIR or (
                after == "," and not self._coordinates(j + 3, end)
            ):
                return "none"  # "X chủ trì hội nghị": who chaired, not a task
        return "task"

    def _sent_to(self, j: int, end: int) -> bool:
        """A ``gửi (về) <agency>`` later in the clause: proposals owed to someone."""
        for k in range(j + 2, end):
            if self.toks[k].text == ";":
                return False
            if self.toks[k].low == "gửi":
                at = k + 2 if k + 1 < end and self.toks[k + 1].low == "về" else k + 1
                return bool(self.reader.parse_list(at, end, "object"))
        return False

    def after_agent(self, j: int, end: int) -> int:
        """Token index after the agent of a passive (``được UBND tỉnh giao``)."""
        items = self.reader.parse_list(j, end, "object")
        return items[-1].last if items else j

    def skip_parenthesis(self, j: int, end: int) -> int:
        """Token index after a short ``( ... )`` at ``j`` (or ``j`` when none)."""
        if j < end and self.toks[j].text == "(":
            for i in range(j + 1, min(end, j + 15)):
                if self.toks[i].text == ")":
                    return i + 1
        return j

    def _coordinates(self, k: int, end: int) -> bool:
        """``phối hợp`` at token ``k``."""
        return (
            k + 1 < end and self.toks[k].low == "phối" and self.toks[k + 1].low == "hợp"
        )
