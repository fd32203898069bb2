"""The meeting's title, and the plans and drafts it approved (thông qua)."""

from __future__ import annotations

import re

from . import vocab
from .model import Approval, Span
from .prepare import Prepared, Sentence, Token

_MEETING = "|".join(w.replace(" ", r"\s+") for w in vocab.MEETING_WORDS)
_TITLE_RE = re.compile(
    r"\b(?:tại|tổ\s+chức|chủ\s+trì|dự|khai\s+mạc|trong|có)\s+(?P<title>(?:"
    + _MEETING
    + r")\b)"
)
_OPENING_TITLE_RE = re.compile(r"(?:" + _MEETING + r")\b")
_TITLE_BAD_NEXT = frozenset(
    {"này", "lần", "là", "đã", "được", "có", "với", "sẽ", "thì", "diễn", "nhằm"}
)
# "Phiên họp thứ Ba", "lần thứ 8": the name of one session.
_ORDINAL_RE = re.compile(
    r"(?<!\w)thứ\s+(?:\d+|nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)"
)
# Where a meeting's name ends and the report goes on about it.
_TITLE_END_RE = re.compile(
    r"\s+(?:với\s+sự\s+tham\s+gia|với\s+sự\s+tham\s+dự|theo\s+hình\s+thức|nhằm|"
    r"diễn\s+ra|được\s+tổ\s+chức|tại|để)\b|,\s+với\b|;"
    r"|\s+(?:(?:sáng|chiều|tối|trưa)\s+)?ngày\s+\d|,?\s+(?:sáng|chiều|tối|trưa)\s+\d"
)
_ISSUED_RE = re.compile(
    r"ban\s+hành\s+(?=(?:kế\s+hoạch|nghị\s+quyết|quyết\s+định|đề\s+án))"
)
_APPROVAL_RE = re.compile(
    r"thông\s+qua\s+(?:các\s+)?(?=(?:"
    + "|".join(vocab.APPROVABLE).replace(" ", r"\s+")
    + r")\b)"
)
_APPROVAL_SPLIT_RE = re.compile(
    r";|,\s*(?=(?:" + "|".join(vocab.APPROVABLE).replace(" ", r"\s+") + r")\b)"
)


def find_title(prep: Prepared) -> tuple[str, Span, str] | None:
    """The meeting's name: ``Phiên họp thứ Ba ...`` after tại/tổ chức/chủ trì, or a
    headline; a session's name with its ordinal wins over one without."""
    found = _title_candidates(prep)
    if found:
        ordinal = [c for c in found if _ORDINAL_RE.search(prep.low, *c[1])]
        if ordinal:
            return (*ordinal[0], "title.session-name")
        return (*found[0], "title.meeting-name")
    for sentence in prep.sentences[:30]:
        issued = _ISSUED_RE.search(prep.low, sentence.start, sentence.end)
        if issued:
            return (*_trimmed(prep, issued.end(), sentence.end), "title.issued")
    for sentence in prep.sentences[:30]:
        if sum(t.is_word and not t.text.isdigit() for t in _tokens(prep, sentence)) > 3:
            return (*_trimmed(prep, sentence.start, sentence.end), "title.first-line")
    return None


def _tokens(prep: Prepared, sentence: Sentence) -> tuple[Token, ...]:
    """The tokens of a sentence."""
    return prep.tokens[sentence.first : sentence.last]


def _title_candidates(prep: Prepared) -> list[tuple[str, Span]]:
    """Meeting names in the first sentences, in reading order."""
    found = []
    for sentence in prep.sentences[:60]:
        start = prep.tokens[sentence.body_first].start
        opening = _OPENING_TITLE_RE.match(prep.low, start)
        if opening and start == _line_start(prep, start):
            title = _title_from(prep, start, sentence.end, bare_ok=True)
            if title:
                found.append(title)
        for m in _TITLE_RE.finditer(prep.low, start, sentence.end):
            title = _title_from(prep, m.start("title"), sentence.end, bare_ok=False)
            if title:
                found.append(title)
    return found


def _title_from(
    prep: Prepared, start: int, end: int, *, bare_ok: bool
) -> tuple[str, Span] | None:
    """A title running from a meeting word to the end of the sentence."""
    words = prep.low[start:end].split()
    noun = _OPENING_TITLE_RE.match(prep.low, start)
    rest = prep.low[noun.end() : end].split() if noun else words[1:]
    if len(words) < 3 or not rest or rest[0][0] in ",.:;":
        return None  # "Phát biểu khai mạc Hội nghị, ...": no name follows
    after = rest[0].strip(",.")
    if after in _TITLE_BAD_NEXT and not (after == "lần" and rest[1:2] == ["thứ"]):
        return None
    if words[0] in ("họp", "phiên") and words[1] != "họp" and not bare_ok:
        return None  # only a headline opens with a bare "Họp ..."
    title = _trimmed(prep, start, end)
    return title if len(title[0].split()) >= 3 else None


def _line_start(prep: Prepared, position: int) -> int:
    """Offset where the line holding ``position`` starts, after spaces."""
    start = prep.raw.rfind("\n", 0, position) + 1
    while start < position and prep.raw[start].isspace():
        start += 1
    return start


def _trimmed(prep: Prepared, start: int, end: int) -> tuple[str, Span]:
    """The text of ``[start, end)`` without final punctuation or what follows it."""
    cut = _TITLE_END_RE.search(prep.low, start, end)
    end = cut.start() if cut and cut.start() > start else end
    while end > start and (prep.raw[end - 1] in ".:;, " or prep.raw[end - 1].isspace()):
        end -= 1
    return prep.span_text(start, end), (start, end)


def find_approvals(prep: Prepared) -> list[Approval]:
    """Plans and drafts the meeting approved (``thông qua Kế hoạch ...; ...``)."""
    approvals = []
    for sentence in prep.sentences:
        m = _APPROVAL_RE.search(prep.low, sentence.start, sentence.end)
        if not m:
            continue
        start = m.end()
        for cut in _APPROVAL_SPLIT_RE.finditer(prep.low, start, sentence.end):
            approvals.append(_approval(prep, start, cut.start()))
            start = cut.end()
        approvals.append(_approval(prep, start, sentence.end))
    return [a for a in approvals if a.text]


def _approval(prep: Prepared, start: int, end: int) -> Approval:
    """One approved item, trimmed."""
    while start < end and prep.raw[start].isspace():
        start += 1
    text, span = _trimmed(prep, start, end)
    return Approval(text, span)
