"""Deadline phrases (trước ngày, trong tháng, quý, định kỳ) and the dates they name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import DAY_MONTH, YearContext, date_parts, make_date, month_end
from .model import Deadline
from .prepare import Prepared

_DAY_RE = re.compile(
    r"(?P<pre>(?:hoàn\s+thành|ban\s+hành|xong|hoàn\s+tất|gửi)\s+)?"
    r"(?P<trig>trước|chậm\s+nhất(?:\s+là)?(?:\s+vào)?|muộn\s+nhất(?:\s+là)?"
    r"|hạn\s+chót(?:\s+là)?|(?:đến\s+)?hết|vào)\s+"
    # an hour may come first: "chậm nhất 10h00' ngày 27/4", "trước 14 giờ ngày 28/4"
    r"(?:\d{1,2}\s*(?:h|giờ)\s*\d{0,2}\s*(?:'|phút)?\s*,?\s*)?(?:ngày\s+)?" + DAY_MONTH
)
_RECURRING_RE = re.compile(
    r"(?P<trig>trước|vào|chậm\s+nhất(?:\s+là)?)\s+ngày\s+(?P<d>\d{1,2})\s+"
    r"(?:hằng|hàng|mỗi|của\s+tháng\s+cuối)\s+(?P<unit>tháng|quý|năm)"
)
_MONTH_RE = re.compile(
    r"(?P<pre>(?:hoàn\s+thành|ban\s+hành|xong|vào)\s+)?"
    r"(?:(?P<q>trong|vào|giữa|cuối|trước|hết|đến\s+hết|ngay\s+trong)\s+)?"
    # the year after a slash, a dot ("tháng 11.2019") or "năm"
    r"tháng\s+(?P<m>\d{1,2})"
    r"(?:\s*/\s*(?P<y>\d{4})|\.(?P<y3>\d{4})|\s+năm\s+(?P<y2>\d{4}))?(?![\d/])"
)
_QUARTER_RE = re.compile(
    r"(?P<pre>(?:hoàn\s+thành|xong)\s+)?"
    r"(?:(?P<q>trong|vào|trước|cuối|hết|đến\s+hết)\s+)?"
    r"quý\s+(?P<n>iv|iii|ii|i|[1-4])\b(?:\s*/\s*(?P<y>\d{4})|\s+năm\s+(?P<y2>\d{4}))?"
)
# Deadlines relative to the meeting ("trong tuần này", "trong tháng tới"): no date
# the text pins down, so the words are kept and the date left empty.
_RELATIVE_RE = re.compile(
    r"(?:ngay\s+)?trong\s+(?:(?:tuần|tháng|quý)\s+(?:này|tới|sau)|năm\s+nay)(?!\w)"
    r"|ngay\s+trong\s+(?:tuần|tháng)(?!\s+\d)"
)
# Standing reports ("định kỳ hằng quý", "định kỳ 6 tháng"): a recurrence, no date.
_PERIODIC_RE = re.compile(
    r"định\s+kỳ\s+(?:(?:hằng|hàng|mỗi)\s+(?P<unit>tuần|tháng|quý|năm)|(?P<six>6)\s+tháng)"
)
_UNITS = {
    "tuần": "weekly",
    "tháng": "monthly",
    "quý": "quarterly",
    "năm": "yearly",
}
_YEAR_RE = re.compile(r"(?P<q>trong|cuối|trong\s+cả)\s+năm\s+(?P<y>\d{4})\b")
# "trong năm 2022" is a deadline only after a verb of finishing; otherwise it is
# usually the period a plan covers ("kế hoạch ... trong năm 2022").
_FINISH_RE = re.compile(
    r"hoàn\s+thành|hoàn\s+tất|xong|ban\s+hành|trình|đạt|phải\s+được\s+thực\s+hiện"
)
# "6 tháng cuối năm", "những tháng cuối năm", "quý cuối năm": a period of the year.
_PERIOD_BEFORE_RE = re.compile(r"(?:tháng|quý)\s+$")
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class DeadlineMatch:
    """A deadline phrase; ``year`` is None when the text leaves it to context."""

    start: int
    end: int
    year: int | None
    month: int
    day: int | None
    rule: str
    recurrence: str | None = None


# Every deadline phrase holds one of these; a range without any is skipped cheaply.
_HINT_RE = re.compile(r"\d|quý|trong\s+(?:tuần|tháng|năm)|định\s+kỳ")


def find_deadlines(low: str, start: int, end: int) -> list[DeadlineMatch]:
    """Deadline phrases in ``low[start:end]``, in reading order, without overlaps."""
    if not _HINT_RE.search(low, start, end):
        return []
    found = _day_deadlines(low, start, end) + _period_deadlines(low, start, end)
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[DeadlineMatch] = []
    for match in found:
        if not kept or match.start >= kept[-1].end:
            kept.append(match)
    return _joined_periods(low, kept)


# Periods whose end is a deadline, and the month each one ends in.
_PERIOD_RULES = frozenset({"month_end", "quarter_end"})
_AND_RE = re.compile(r"\s*(?:,|và)\s*")


def _period_end_month(match: DeadlineMatch) -> int:
    """The month a period deadline ends in (a quarter's last month)."""
    return match.month * 3 if match.rule == "quarter_end" else match.month


def _joined_periods(low: str, found: list[DeadlineMatch]) -> list[DeadlineMatch]:
    """``trong tháng 4 và quý II năm 2021``: one period of work, due at the end of
    the later one, with the year either names."""
    out: list[DeadlineMatch] = []
    for match in found:
        before = out[-1] if out else None
        if (
            before is not None
            and before.rule in _PERIOD_RULES
            and match.rule in _PERIOD_RULES
            and _AND_RE.fullmatch(low, before.end, match.start)
        ):
            later = max((before, match), key=_period_end_month)
            year = later.year if later.year is not None else before.year or match.year
            out[-1] = DeadlineMatch(
                before.start, match.end, year, later.month, None, later.rule
            )
            continue
        out.append(match)
    return out


def _day_deadlines(low: str, start: int, end: int) -> list[DeadlineMatch]:
    """``trước ngày 31/12/2021``, ``trước 15/01/2022``, ``ngày 15 hằng tháng``."""
    found = []
    for m in _RECURRING_RE.finditer(low, start, end):
        unit = {"tháng": "monthly", "quý": "quarterly", "năm": "yearly"}[
            m.group("unit")
        ]
        found.append(
            DeadlineMatch(m.start(), m.end(), None, 0, int(m.group("d")), "day", unit)
        )
    for m in _PERIODIC_RE.finditer(low, start, end):
        unit = _UNITS[m.group("unit")] if m.group("unit") else "half-yearly"
        found.append(DeadlineMatch(m.start(), m.end(), None, 0, None, "periodic", unit))
    for m in _RELATIVE_RE.finditer(low, start, end):
        found.append(DeadlineMatch(m.start(), m.end(), None, 0, None, "relative"))
    for m in _DAY_RE.finditer(low, start, end):
        day, month, year = date_parts(m)
        if month is None or not 1 <= month <= 12 or not 1 <= day <= 31:
            continue
        found.append(DeadlineMatch(m.start(), m.end(), year, month, day, "day"))
    return found


def _period_deadlines(low: str, start: int, end: int) -> list[DeadlineMatch]:
    """Month, quarter and year deadlines (``giữa tháng 4/2022``, ``quý II``)."""
    found = []
    for m in _MONTH_RE.finditer(low, start, end):
        month = int(m.group("m"))
        year = m.group("y") or m.group("y2") or m.group("y3")
        qualifier = " ".join((m.group("q") or "").split())
        if not 1 <= month <= 12 or not (qualifier or year):
            continue  # a bare "tháng 3" names a month, it sets no deadline
        rule = {"giữa": "mid_month", "trước": "before_month"}.get(
            qualifier, "month_end"
        )
        found.append(DeadlineMatch(m.start(), m.end(), _int(year), month, None, rule))
    for m in _QUARTER_RE.finditer(low, start, end):
        year = m.group("y") or m.group("y2")
        if not (m.group("q") or year):
            continue
        rule = "before_quarter" if m.group("q") == "trước" else "quarter_end"
        quarter = _QUARTERS[m.group("n")]
        found.append(DeadlineMatch(m.start(), m.end(), _int(year), quarter, None, rule))
    for m in _YEAR_RE.finditer(low, start, end):
        clause = max(
            start,
            low.rfind(";", start, m.start()) + 1,
            low.rfind(".", start, m.start()) + 1,
        )
        if m.group("q") != "cuối" and not _FINISH_RE.search(low, clause, m.start()):
            continue
        if _PERIOD_BEFORE_RE.search(low, max(start, m.start() - 12), m.start()):
            continue  # "6 tháng cuối năm 2021": the half-year itself, no deadline
        found.append(
            DeadlineMatch(m.start(), m.end(), int(m.group("y")), 12, 31, "day")
        )
    return found


def _int(text: str | None) -> int | None:
    """``int(text)`` or None."""
    return int(text) if text else None


def resolve_deadline(match: DeadlineMatch, year: int) -> date | None:
    """The calendar date a deadline phrase names once its year is known."""
    if match.recurrence or match.rule == "relative":
        return None  # "hằng tháng", "trong tuần này": no single date to name
    if match.rule == "day" and match.day is not None:
        return make_date(year, match.month, match.day)
    if match.rule == "mid_month":
        return date(year, match.month, 15)
    if match.rule == "month_end":
        return month_end(year, match.month)
    if match.rule == "before_month":
        return month_end(year - (match.month == 1), (match.month - 2) % 12 + 1)
    if match.rule == "quarter_end":
        return month_end(year, match.month * 3)
    if match.rule == "before_quarter":
        return month_end(year - (match.month == 1), ((match.month - 2) % 4 + 1) * 3)
    return None


def read_deadline(prep: Prepared, years: YearContext, match: DeadlineMatch) -> Deadline:
    """A deadline with its date resolved, the year from context when omitted."""
    rule = f"deadline.{match.rule}"
    year: int | None = None
    if match.rule not in ("relative", "periodic"):  # those name no date
        year, source = match.year, "year written"
        if year is None:
            year, source = years.year_and_source(match.start, match.month, match.day)
        rule = f"{rule} ({source})"
    if match.recurrence:
        rule = f"deadline.recurring {match.recurrence}"
    value = resolve_deadline(match, year) if year else None
    text = prep.span_text(match.start, match.end)
    return Deadline(value, text, (match.start, match.end), match.recurrence, rule)
