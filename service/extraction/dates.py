"""Dates written in a text (ngày, tháng, năm) and the year a text implies."""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

# d/m/yyyy, d-m-yyyy, d.m.yyyy and the written form "ngày 10 tháng 12 năm 2021".
FULL_DATE_RE = re.compile(
    r"(?<![\d/.-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/])"
    r"|ngày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})"
)
# A day and month with an optional year: "22-4", "17/3", "15/01/2022", "10 tháng 12".
DAY_MONTH = (
    r"(?P<d>\d{1,2})(?:(?P<sep>[/.-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}))?"
    r"|\s+tháng\s+(?P<m2>\d{1,2})(?:\s+năm\s+(?P<y2>\d{4}))?)(?![\d/]|\.\d)"
)
_YEAR_WORD_RE = re.compile(r"(?<!đến )năm\s+(\d{4})\b")


@dataclass(frozen=True)
class DateMention:
    """A full date written in the text."""

    start: int
    end: int
    value: date


def make_date(year: int, month: int, day: int) -> date | None:
    """Return the date, or None when the numbers are not a calendar day."""
    if not (1 <= month <= 12 and 1900 <= year <= 2200):
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def month_end(year: int, month: int) -> date:
    """Return the last day of the month (``trong tháng N``)."""
    return date(year, month, calendar.monthrange(year, month)[1])


def find_full_dates(low: str) -> list[DateMention]:
    """Every complete date (day, month and year) in the lower-case text."""
    found = []
    for m in FULL_DATE_RE.finditer(low):
        day, month, year = (m.group("d"), m.group("m"), m.group("y"))
        if day is None:
            day, month, year = m.group("d2"), m.group("m2"), m.group("y2")
        value = make_date(int(year), int(month), int(day))
        if value:
            found.append(DateMention(m.start(), m.end(), value))
    return found


def date_parts(match: re.Match[str]) -> tuple[int, int | None, int | None]:
    """Day, month and year groups of a :data:`DAY_MONTH` match."""
    month = match.group("m") or match.group("m2")
    year = match.group("y") or match.group("y2")
    return (
        int(match.group("d")),
        int(month) if month else None,
        int(year) if year else None,
    )


class YearContext:
    """Supplies the year a phrase leaves out, from the dates around it."""

    def __init__(
        self,
        reference: date | None,
        dates: list[DateMention],
        low: str,
        fallback_year: int | None,
    ) -> None:
        self.reference = reference
        self.dates = sorted(dates, key=lambda d: d.start)
        self.starts = [d.start for d in self.dates]
        self.year_words = [
            (m.start(), int(m.group(1))) for m in _YEAR_WORD_RE.finditer(low)
        ]
        self.fallback_year = fallback_year

    def year_for(self, position: int, month: int, day: int | None) -> int | None:
        """The year for a day/month at ``position``: the meeting, else nearest."""
        return self.year_and_source(position, month, day)[0]

    def year_and_source(
        self, position: int, month: int, day: int | None
    ) -> tuple[int | None, str]:
        """The year for a day/month at ``position`` and where it came from."""
        if self.reference is not None:
            ref = self.reference
            # A deadline is set at or after the meeting: "trong tháng 1" said in
            # December means January of the next year.
            later = (month, day or 31) < (ref.month, ref.day)
            return (ref.year + 1 if later else ref.year), "year of the text's date"
        nearest = self._nearest_date(position)
        if nearest is not None:
            return nearest, "year of the nearest date"
        if self.year_words:
            word = min(self.year_words, key=lambda w: abs(w[0] - position))
            return word[1], "nearest year written"
        return self.fallback_year, "today's year"

    def _nearest_date(self, position: int) -> int | None:
        """Year of the full date closest to ``position``."""
        if not self.dates:
            return None
        index = bisect_left(self.starts, position)
        near = self.dates[max(0, index - 1) : index + 1]
        return min(near, key=lambda d: abs(d.start - position)).value.year
