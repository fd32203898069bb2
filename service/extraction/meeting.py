"""The meeting itself: title, the day it was held, connection points and approvals."""

from __future__ import annotations

import re
from datetime import date

from domain.text import fold

from . import vocab
from .agency_lists import AgencyListReader
from .dates import DAY_MONTH, DateMention, date_parts, make_date
from .model import Approval, ConnectionPoint, Span
from .prepare import Prepared

_MEETING = "|".join(w.replace(" ", r"\s+") for w in vocab.MEETING_WORDS)
_TITLE_RE = re.compile(
    r"\b(?:tại|tổ\s+chức|chủ\s+trì|dự|khai\s+mạc)\s+(?P<title>(?:" + _MEETING + r")\b)"
)
_OPENING_TITLE_RE = re.compile(r"(?:" + _MEETING + r")\b")
_TITLE_BAD_NEXT = frozenset(
    {"này", "lần", "là", "đã", "được", "có", "với", "sẽ", "thì"}
)
_ISSUED_RE = re.compile(
    r"ban\s+hành\s+(?=(?:kế\s+hoạch|nghị\s+quyết|quyết\s+định|đề\s+án))"
)
_DATE_OPENING_RE = re.compile(
    r"(?:vào\s+)?(?:(?:sáng|chiều|tối|trưa)(?:\s+nay)?\s*\(?\s*(?:thứ\s+\w+\s*,?\s*)?(?:ngày\s+)?"
    r"|ngày\s+|hôm\s+nay\s*,?\s*(?:ngày\s+)?)" + DAY_MONTH + r"\s*\)?\s*[,(]"
)
_DATE_AFTER_MEETING_RE = re.compile(
    r"(?:" + _MEETING + r")\s+(?:được\s+tổ\s+chức\s+|diễn\s+ra\s+)?(?:vào\s+)?"
    r"(?:(?:sáng|chiều|tối|trưa)\s+)?ngày\s+" + DAY_MONTH
)
_MEETING_CONTEXT_RE = re.compile(
    r"chủ\s+trì|họp|hội\s+nghị|phiên|tổ\s+chức|diễn\s+ra|làm\s+việc|hội\s+thảo"
    r"|tham\s+dự|\bdự\b|khai\s+mạc|tọa\s+đàm"
)
_PUBLISHED_RE = re.compile(
    r"\s*(?:\d{1,2}:\d{2}\s*,?\s*)?(?:(?:thứ\s+\w+|chủ\s+nhật)\s*,?\s*)?"
    r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\s*(?:,?\s*\d{1,2}:\d{2})?\s*"
    r"(?:\(?gmt[+\d: ]*\)?)?\s*$"
)
_COUNT_RE = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{3})*|\d+)\s+điểm\s+cầu")
_APPROVAL_RE = re.compile(
    r"thông\s+qua\s+(?:các\s+)?(?=(?:"
    + "|".join(vocab.APPROVABLE).replace(" ", r"\s+")
    + r")\b)"
)
_APPROVAL_SPLIT_RE = re.compile(
    r";|,\s*(?=(?:" + "|".join(vocab.APPROVABLE).replace(" ", r"\s+") + r")\b)"
)


def find_title(prep: Prepared) -> tuple[str, Span] | None:
    """The meeting's name: ``Hội nghị ...`` after tại/tổ chức/chủ trì, or a headline."""
    for sentence in prep.sentences[:60]:
        start = prep.tokens[sentence.body_first].start
        opening = _OPENING_TITLE_RE.match(prep.low, start)
        if opening and start == _line_start(prep, start):
            found = _title_from(prep, start, sentence.end, bare_ok=True)
            if found:
                return found
        for m in _TITLE_RE.finditer(prep.low, start, sentence.end):
            found = _title_from(prep, m.start("title"), sentence.end, bare_ok=False)
            if found:
                return found
    for sentence in prep.sentences[:30]:
        issued = _ISSUED_RE.search(prep.low, sentence.start, sentence.end)
        if issued:
            return _trimmed(prep, issued.end(), sentence.end)
    first = prep.sentences[0] if prep.sentences else None
    return _trimmed(prep, first.start, first.end) if first else None


def _title_from(
    prep: Prepared, start: int, end: int, *, bare_ok: bool
) -> tuple[str, Span] | None:
    """A title running from a meeting word to the end of the sentence."""
    words = prep.low[start:end].split()
    if len(words) < 3 or words[1].strip(",.") in _TITLE_BAD_NEXT or words[1] in ",.":
        return None
    if words[0] in ("họp", "phiên") and words[1] != "họp" and not bare_ok:
        return None  # only a headline opens with a bare "Họp ..."
    return _trimmed(prep, start, end)


def _line_start(prep: Prepared, position: int) -> int:
    """Offset where the line holding ``position`` starts, after spaces."""
    start = prep.raw.rfind("\n", 0, position) + 1
    while start < position and prep.raw[start].isspace():
        start += 1
    return start


def _trimmed(prep: Prepared, start: int, end: int) -> tuple[str, Span]:
    """The text of ``[start, end)`` without final punctuation."""
    while end > start and (prep.raw[end - 1] in ".:;, " or prep.raw[end - 1].isspace()):
        end -= 1
    return prep.span_text(start, end), (start, end)


def find_published(prep: Prepared) -> date | None:
    """A publication time line near the top (``08:58, 17/03/2022``): not the meeting."""
    for line in re.finditer(r"[^\n]+", prep.low[:1500]):
        m = _PUBLISHED_RE.fullmatch(line.group())
        if m:
            return make_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return None


def find_meeting_date(
    prep: Prepared, documents: list[date], published: date | None, today: date | None
) -> tuple[date, Span] | None:
    """The day the meeting was held: an opening date, or ``cuộc họp ngày ...``."""
    for sentence in prep.sentences:
        start = prep.tokens[sentence.body_first].start
        m = _DATE_OPENING_RE.match(prep.low, start)
        if m and _MEETING_CONTEXT_RE.search(prep.low, m.end(), sentence.end):
            value = _complete(m, documents, published, today)
            if value:
                return value, (m.start(), m.end() - 1)
    m = _DATE_AFTER_MEETING_RE.search(prep.low)
    if m:
        value = _complete(m, documents, published, today)
        if value:
            return value, (m.start("d"), m.end())
    return None


def _complete(
    m: re.Match[str], documents: list[date], published: date | None, today: date | None
) -> date | None:
    """The date of a match, its year taken from context when the text omits it."""
    day, month, year = date_parts(m)
    if month is None:
        return None
    if year is not None:
        return make_date(year, month, day)
    if published is None and documents:
        # A meeting comes after the documents it cites.
        floor = max(documents)
        value = make_date(floor.year, month, day)
        return (
            value if value and value >= floor else make_date(floor.year + 1, month, day)
        )
    limit = published or today
    if limit is None:
        return None
    # Reported after the fact: the latest such day not after publication (or today).
    value = make_date(limit.year, month, day)
    return make_date(limit.year - 1, month, day) if value and value > limit else value


def find_points(
    prep: Prepared, reader: AgencyListReader
) -> tuple[list[ConnectionPoint], int | None, Span | None]:
    """Named connection points (điểm cầu ...) and the stated number of points."""
    points: list[ConnectionPoint] = []
    seen: set[str] = set()
    toks = prep.tokens
    for sentence in prep.sentences:
        for k in range(sentence.first, sentence.last - 1):
            if toks[k].low != "điểm" or toks[k + 1].low != "cầu":
                continue
            if k > sentence.first and (
                toks[k - 1].low in ("các", "những") or toks[k - 1].text.isdigit()
            ):
                continue
            span = _point_at(prep, reader, k + 2, sentence.last)
            if span and fold(prep.span_text(*span)) not in seen:
                seen.add(fold(prep.span_text(*span)))
                points.append(ConnectionPoint(prep.span_text(*span), span))
    counts = [
        (int(m.group(1).replace(".", "")), m.span(1))
        for m in _COUNT_RE.finditer(prep.low)
    ]
    best = max(counts) if counts else None
    return points, best[0] if best else None, best[1] if best else None


def _point_at(
    prep: Prepared, reader: AgencyListReader, k: int, end: int
) -> Span | None:
    """Span of the point named at token ``k``: an agency, a place, a commune."""
    toks = prep.tokens
    while k < end and toks[k].low in ("chính", "trung", "tâm", "tại", "ở"):
        k += 1
    items = reader.parse_list(k, end, "point")
    if items:
        return reader.span(items[0])[0], reader.span(items[-1])[1]
    stop = reader.extend(k, end, "point") if k < end and toks[k].is_cap else k
    return (toks[k].start, toks[stop - 1].end) if stop > k else None


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


def document_dates(mentions: list[DateMention]) -> list[date]:
    """Dates as plain values."""
    return [m.value for m in mentions]
