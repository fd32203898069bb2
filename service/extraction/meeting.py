"""The meeting itself: title, the day it was held, connection points and approvals."""

from __future__ import annotations

import re
from datetime import date

from domain.text import fold

from . import vocab
from .agency_lists import AgencyListReader
from .dates import DAY_MONTH, DateMention, date_parts, make_date
from .model import Approval, ConnectionPoint, Span
from .prepare import Prepared, Sentence, Token
from .today import find_today

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
_DATE_OPENING_RE = re.compile(
    r"(?:vào\s+)?(?:(?:sáng|chiều|tối|trưa)(?:\s+nay)?\s*\(?\s*(?:thứ\s+\w+\s*,?\s*)?(?:ngày\s+)?"
    r"|ngày\s+|hôm\s+nay\s*,?\s*(?:ngày\s+)?)" + DAY_MONTH + r"\s*\)?\s*[,(]"
)
_DATE_AFTER_MEETING_RE = re.compile(
    # "phiên họp diễn ra trong cả ngày 15/4": the whole day is the meeting's
    r"(?:" + _MEETING + r")\s+(?:được\s+tổ\s+chức\s+|diễn\s+ra\s+)?"
    r"(?:vào\s+|trong\s+(?:cả\s+)?)?"
    r"(?:(?:sáng|chiều|tối|trưa)\s+)?ngày\s+" + DAY_MONTH
)
# "chiều ngày 11/12/2020" anywhere in a sentence about a meeting: documents are never
# dated by the time of day, events are.
_DATE_TIME_OF_DAY_RE = re.compile(
    r"(?<!\w)(?:sáng|chiều|tối|trưa)\s+(?:ngày\s+)?" + DAY_MONTH
)
# The year a sentence gives itself ("6 tháng đầu năm 2022", "tháng 02/2022").
# A horizon ("đến năm 2025", "giai đoạn 2021-2025") is no such year.
_SENTENCE_YEAR_RE = re.compile(
    r"(?<!đến )(?<!tới )năm\s+(\d{4})\b(?!\s*[-–])|tháng\s+\d{1,2}\s*[/-]\s*(\d{4})\b"
)
# A meeting announced ahead: "Hội nghị ... dự kiến diễn ra vào ngày 10/4".
_DATE_ANNOUNCED_RE = re.compile(
    r"dự\s+kiến\s+(?:sẽ\s+)?(?:diễn\s+ra|được\s+tổ\s+chức|tổ\s+chức|khai\s+mạc)"
    r"\s+(?:vào\s+)?(?:(?:sáng|chiều|tối|trưa)\s+)?(?:ngày\s+)?" + DAY_MONTH
)
# The year a text reports on ("Tháng 10/2017, UBND huyện ...", "6 tháng cuối năm
# 2019"): not a horizon or a deadline ("từ năm 2022 đến năm 2025", "trong năm 2025").
_TEXT_YEAR_RE = re.compile(
    r"(?<!đến )(?<!tới )(?<!từ )(?<!trong )(?<!vào )(?<!hết )năm\s+(\d{4})\b(?!\s*[-–])"
    r"|tháng\s+\d{1,2}\s*[/-]\s*(\d{4})\b"
)
_MEETING_CONTEXT_RE = re.compile(
    r"chủ\s+trì|họp|hội\s+nghị|phiên|tổ\s+chức|diễn\s+ra|làm\s+việc|hội\s+thảo"
    r"|tham\s+dự|\bdự\b|khai\s+mạc|tọa\s+đàm"
)
_PUBLISHED_RE = re.compile(
    r"\s*[-–]?\s*(?:(?:cập\s+nhật|ngày\s+đăng|đăng\s+ngày|ngày\s+cập\s+nhật|xuất\s+bản)"
    r"\s*:?\s*)?"
    r"(?:\d{1,2}:\d{2}['’]?\s*[,–-]?\s*)?(?:(?:thứ\s+\w+|chủ\s+nhật)\s*,?\s*)?"
    # the year may be written with two digits ("17/10/21")
    r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4}|\d{2})\s*(?:,?\s*\d{1,2}:\d{2})?\s*"
    r"(?:\(?gmt[+\d: ]*\)?)?\s*(?:[-–]\s*chia\s+sẻ)?\s*$"
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


def find_published(prep: Prepared) -> date | None:
    """A publication time line near the top (``08:58, 17/03/2022``): not the meeting."""
    for line in re.finditer(r"[^\n]+", prep.low[:1500]):
        m = _PUBLISHED_RE.fullmatch(line.group())
        if m:
            year = int(m.group("y"))
            year += 2000 if year < 100 else 0  # "17/10/21": this century
            return make_date(year, int(m.group("m")), int(m.group("d")))
    return None


def find_meeting_date(
    prep: Prepared, documents: list[date], published: date | None, today: date | None
) -> tuple[date, Span, str] | None:
    """The day the meeting was held: an opening date, ``cuộc họp ngày ...``, or a
    time-of-day date in a sentence about the meeting; with the rule that read it."""
    year = _TEXT_YEAR_RE.search(prep.low)
    text_year = int(year.group(1) or year.group(2)) if year else None
    for sentence in prep.sentences:
        start = prep.tokens[sentence.body_first].start
        m = _DATE_OPENING_RE.match(prep.low, start)
        if m and _MEETING_CONTEXT_RE.search(prep.low, m.end(), sentence.end):
            own = _sentence_year(prep, sentence.start, sentence.end)
            value, source = _complete(m, documents, published, today, own, text_year)
            if value:
                return value, (m.start(), m.end() - 1), f"date.opening ({source})"
    m = _DATE_AFTER_MEETING_RE.search(prep.low)
    if m:
        if "dự kiến" in prep.low[max(0, m.start() - 30) : m.start()]:
            # "Dự kiến, phiên họp diễn ra trong cả ngày 15/4": announced ahead
            value, source = _announced(m, published, text_year)
        else:
            value, source = _complete(m, documents, published, today, None, text_year)
        if value:
            return value, (m.start("d"), m.end()), f"date.after-meeting ({source})"
    m = _DATE_ANNOUNCED_RE.search(prep.low)
    if m:
        value, source = _announced(m, published, text_year)
        if value:
            return value, (m.start("d"), m.end()), f"date.announced ({source})"
    for sentence in prep.sentences:
        m = _DATE_TIME_OF_DAY_RE.search(prep.low, sentence.start, sentence.end)
        if m and _MEETING_CONTEXT_RE.search(prep.low, sentence.start, sentence.end):
            own = _sentence_year(prep, sentence.start, sentence.end)
            value, source = _complete(m, documents, published, today, own, text_year)
            if value:
                return value, (m.start(), m.end()), f"date.time-of-day ({source})"
    return find_today(prep, published, _MEETING_CONTEXT_RE)


def _announced(
    m: re.Match[str], published: date | None, text_year: int | None
) -> tuple[date | None, str]:
    """The day of a meeting announced ahead: the year written, else the first such
    day on or after publication, else the year the text writes."""
    day, month, year = date_parts(m)
    if month is None:
        return None, ""
    if year is not None:
        return make_date(year, month, day), "year written"
    if published is not None:
        value = make_date(published.year, month, day)
        if value and value < published:
            value = make_date(published.year + 1, month, day)
        return value, "next after publication"
    if text_year is not None:
        return make_date(text_year, month, day), "year the text writes"
    return None, ""


def _sentence_year(prep: Prepared, start: int, end: int) -> int | None:
    """The first year a sentence writes (``năm 2022``), if any."""
    m = _SENTENCE_YEAR_RE.search(prep.low, start, end)
    return int(m.group(1) or m.group(2)) if m else None


def _complete(
    m: re.Match[str],
    documents: list[date],
    published: date | None,
    today: date | None,
    own_year: int | None = None,
    text_year: int | None = None,
) -> tuple[date | None, str]:
    """The date of a match, its year taken from context when the text omits it,
    and where that year came from."""
    day, month, year = date_parts(m)
    if month is None:
        return None, ""
    if year is not None:
        return make_date(year, month, day), "year written"
    if published is None and own_year is not None:
        value = make_date(own_year, month, day)  # "Sáng 8/8, ... đầu năm 2022"
        if value and (not documents or value >= max(documents)):
            return value, "year of its own sentence"
    if published is None and documents:
        # A meeting comes after the documents it cites.
        floor = max(documents)
        value = make_date(floor.year, month, day)
        if not (value and value >= floor):
            value = make_date(floor.year + 1, month, day)
        return value, "year after the cited documents"
    if published is None and text_year is not None:
        # "Chiều ngày 24/10, ..." then "Tháng 10/2017, UBND huyện ...": the text's year
        return make_date(text_year, month, day), "year the text writes"
    limit = published or today
    if limit is None:
        return None, ""
    # Reported after the fact: the latest such day not after publication (or today).
    value = make_date(limit.year, month, day)
    if value and value > limit:
        value = make_date(limit.year - 1, month, day)
    return value, "year of publication" if published else "today's year"


def find_points(
    prep: Prepared, reader: AgencyListReader
) -> tuple[list[ConnectionPoint], int | None, Span | None]:
    """Named connection points (điểm cầu ...) and the stated number of points."""
    points: list[ConnectionPoint] = []
    seen: set[str] = set()
    toks = prep.tokens
    for sentence in prep.sentences:
        for k in range(sentence.first, sentence.last - 1):
            if toks[k].low not in ("điểm", "đầu") or toks[k + 1].low != "cầu":
                continue  # "điểm cầu X" and "đầu cầu X" both name a point
            if k > sentence.first and (
                toks[k - 1].low in ("các", "những") or toks[k - 1].text.isdigit()
            ):
                continue
            span = _point_at(prep, reader, k + 2, sentence.last)
            if span and fold(prep.span_text(*span)) not in seen:
                seen.add(fold(prep.span_text(*span)))
                rule = f"point.{toks[k].low}-cầu"
                points.append(ConnectionPoint(prep.span_text(*span), span, rule))
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
    if k + 1 < end and (toks[k].low, toks[k + 1].low) == ("trực", "tuyến"):
        k += 2  # "đầu cầu trực tuyến Sở KH&CN tỉnh Đắk Lắk": the point is named after
    if k < end and toks[k].low == "cấp":
        return None  # "điểm cầu cấp huyện": a level, not a named point
    if k + 1 < end and (toks[k].low, toks[k + 1].low) == ("trụ", "sở"):
        start = k  # "đầu cầu trụ sở Chính phủ": the seat of a body
        k += 2
        items = reader.parse_list(k, end, "point")
        if items:
            return toks[start].start, reader.span(items[-1])[1]
        stop = reader.extend(k, end, "point") if k < end and toks[k].is_cap else k
        return (toks[start].start, toks[stop - 1].end) if stop > k else None
    items = reader.parse_list(k, end, "point")
    if items:
        after = items[-1].last
        if items[0].plural or (after < end and toks[after].low in ("các", "những")):
            return None  # "đầu cầu các bộ, ngành", "đầu cầu UBND các tỉnh": no name
        if not any(t.is_cap for t in toks[items[0].first : after]):
            return None  # "điểm cầu huyện": a level, no name
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
