"""What an agency reports on its task (báo cáo): when it may be dated, and its figures.

A report is of something that has happened: a progress report's time and a
completion's day are not in the future, and not before the task was issued.
``now`` is the time the report is received, in the committee's time zone, so
that its date is the committee's day. A progress percent is a whole number from
0 to 100 (a fraction is refused, not rounded).
"""

from __future__ import annotations

from datetime import date, datetime

from domain.errors import InvalidValueError
from domain.values import aware


def check_reported_day(field: str, day: date, issued_on: date, now: datetime) -> None:
    """A day reported (a completion's) is between the issue and today, both included."""
    today = aware("now", now).date()
    if day < issued_on:
        raise InvalidValueError(field=field, reason="before the issue date")
    if day > today:
        raise InvalidValueError(field=field, reason="in the future")


def check_reported_at(field: str, at: datetime, issued_on: date, now: datetime) -> None:
    """A time reported (a progress report's) is neither after ``now`` nor before
    the issue (on the committee's calendar: ``now``'s offset)."""
    aware(field, at)
    if at > aware("now", now):
        raise InvalidValueError(field=field, reason="in the future")
    if at.astimezone(now.tzinfo).date() < issued_on:
        raise InvalidValueError(field=field, reason="before the issue date")


def checked_percent(percent: object) -> int | None:
    """A progress percent: none, or a whole number from 0 to 100."""
    if percent is None:
        return None
    if isinstance(percent, bool) or not isinstance(percent, int):
        raise InvalidValueError(field="percent", reason="must be a whole number")
    if not 0 <= percent <= 100:
        raise InvalidValueError(field="percent", reason="must be 0 to 100")
    return percent
