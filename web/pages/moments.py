"""The moment a page shows a record at: now, or ``?as_of=`` (a day or a time)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import request
from werkzeug.exceptions import BadRequest

from web.http import steerlog


def zone() -> ZoneInfo:
    """The default zone pages show times in (a committee's own is used when known)."""
    return steerlog().settings.zone()


def as_of() -> datetime | None:
    """``?as_of=`` as an aware moment: a plain day means the end of that day."""
    raw = (request.args.get("as_of") or "").strip()
    if not raw:
        return None
    try:
        if len(raw) == 10:
            day = date.fromisoformat(raw)
            return datetime.combine(
                day + timedelta(days=1), time(), zone()
            ) - timedelta(microseconds=1)
        moment = datetime.fromisoformat(raw)
    except ValueError:
        raise BadRequest("as_of: a day (2022-01-31) or a time with offset") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone())


def aware(moment: datetime | str) -> datetime:
    """A moment from the read models (a datetime, or its ISO text on SQLite)."""
    return datetime.fromisoformat(moment) if isinstance(moment, str) else moment


def local(moment: datetime | str | None, tz: ZoneInfo | None = None) -> str:
    """A moment as officials write it: ``10/12/2021 08:00``."""
    if moment is None:
        return ""
    return aware(moment).astimezone(tz or zone()).strftime("%d/%m/%Y %H:%M")


def day_text(day: date | str | None) -> str:
    """A day as officials write it: ``31/12/2021``."""
    if not day:
        return ""
    return (date.fromisoformat(day) if isinstance(day, str) else day).strftime(
        "%d/%m/%Y"
    )
