"""The day the meeting was held: from its report, its announcement, its date line."""

from __future__ import annotations

import re
from datetime import date

from . import vocab
from .dates import DAY_MONTH, date_parts, make_date
from .model import Span
from .prepare import Prepared
from .today import find_today

_MEETING = "|".join(w.replace(" ", r"\s+") for w in vocab.MEETING_WORDS)
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
