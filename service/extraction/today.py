"""Meeting days written relative to publication: ``sáng nay``, ``hôm nay (12/8)``."""

from __future__ import annotations

import re
from datetime import date

from .dates import DAY_MONTH, date_parts, make_date
from .model import Span
from .prepare import Prepared

# "vào hôm nay (12/8)", "chiều nay (25/6)": the day written in brackets.
_TODAY_DAY_RE = re.compile(
    r"(?<!\w)(?:sáng|chiều|tối|trưa|hôm)\s+nay\s*\(\s*(?:ngày\s+)?"
    + DAY_MONTH
    + r"\s*\)"
)
# "Phiên chất vấn sáng nay": the day the report was published.
_TODAY_RE = re.compile(r"(?<!\w)(?:sáng|chiều|tối|trưa|hôm)\s+nay(?!\w)")


def find_today(
    prep: Prepared, published: date | None, about_meeting: re.Pattern[str]
) -> tuple[date, Span, str] | None:
    """The meeting day of a report that says ``sáng nay`` or ``hôm nay (12/8)`` in a
    sentence about the meeting; the year (or the day) comes from publication."""
    if published is None:
        return None
    for sentence in prep.sentences:
        if not about_meeting.search(prep.low, sentence.start, sentence.end):
            continue
        m = _TODAY_DAY_RE.search(prep.low, sentence.start, sentence.end)
        if m:
            day, month, year = date_parts(m)
            value = make_date(year or published.year, month or 0, day)
            if value:
                return value, m.span(), "date.today (year of publication)"
        m = _TODAY_RE.search(prep.low, sentence.start, sentence.end)
        if m:
            return published, m.span(), "date.today (day of publication)"
    return None
