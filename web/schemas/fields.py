"""Marshmallow fields for the API's boundary: safe text, bounded times, row lists."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import available_timezones

from marshmallow import ValidationError, fields
from marshmallow.validate import Length, OneOf

# Dates and times far outside a committee's working life are refused here, so
# that converting them between zones can never overflow further in.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2200

# Lone surrogates cannot be encoded as UTF-8 when events are stored, and control
# characters (NUL above all, which PostgreSQL refuses) are never meant as text.
_CONTROL = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
_FORBIDDEN_CHARACTERS = re.compile(rf"[{_CONTROL}\x80-\x9f\ud800-\udfff]")
# The rule as the OpenAPI document states it (JSON Schema's regular expressions
# cannot name surrogates; a JSON text cannot carry a lone one validly anyway).
TEXT_CHARACTERS = f"[^{_CONTROL}\\x80-\\x9f]"
# An e-mail address as the domain takes it: a local part, a domain with a dot,
# no space anywhere.
# What str.isspace() calls a space, spelt out (JSON Schema tools read \s apart).
SPACES = (
    r"\t\n\x0b\x0c\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
)
NOT_BLANK = f"[^{SPACES}]"
ADDRESS = f"^[^@{SPACES}]+@[^{SPACES}]*\\.[^{SPACES}]*$"
# A login as the domain keeps it (it lowers the case).
LOGIN = r"^[A-Za-z0-9][A-Za-z0-9._@-]*$"

# What the document promises (RFC 3339, the year within working years) is
# exactly what is accepted: no week dates, no compact or space-separated forms.
_YEAR = r"(19\d\d|2[01]\d\d|2200)"
DAY_PATTERN = rf"^{_YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
MOMENT_PATTERN = (
    rf"^{_YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
    r"T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$"
)
_DAY = re.compile(DAY_PATTERN)
_MOMENT = re.compile(MOMENT_PATTERN)

# IANA zones the system knows (tzdata); a committee's zone must be one of them.
ZONES = sorted(available_timezones())


class Text(fields.String):
    """A string without control characters or lone surrogates (tabs, newlines ok)."""

    default_error_messages = {  # noqa: RUF012 (marshmallow's own idiom)
        "characters": "Control characters and lone surrogates are not allowed.",
        "blank": "Must not be blank.",
    }
    forbidden = _FORBIDDEN_CHARACTERS

    def _deserialize(
        self, value: Any, attr: str | None, data: Any, **kwargs: Any
    ) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs)
        if self.forbidden.search(text):
            raise self.make_error("characters")
        if self.needs_content and not text.strip():
            raise self.make_error("blank")
        return text

    @property
    def needs_content(self) -> bool:
        """A text that must not be empty must not be blank either (the domain
        trims what it stores)."""
        return any(isinstance(v, Length) and (v.min or 0) >= 1 for v in self.validators)


def _check_year(year: int) -> None:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise ValidationError(f"Year must be {EARLIEST_YEAR} to {LATEST_YEAR}.")


def _check_form(value: str, example: str) -> None:
    """A year outside working years says so; any other form gets an example."""
    year = value[:4]
    if year.isdigit() and value[4:5] == "-" and len(value) >= 10:
        _check_year(int(year))
    raise ValidationError(f"Not in the form {example}.")


class Zone(Text):
    """An IANA time zone name the system knows, e.g. ``Asia/Ho_Chi_Minh``."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(validate=OneOf(ZONES, error="Unknown time zone."), **kwargs)


class LocalMoment(fields.AwareDateTime):
    """A time in an answer, in its committee's zone with that zone's offset
    (``web.representations.answer_zone``), whatever zone it was given in."""

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> Any:
        if value is None:
            return None
        from web.representations import answer_zone

        moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
        if moment.tzinfo is None:  # the read models keep UTC
            moment = moment.replace(tzinfo=UTC)
        return in_whole_minutes(moment.astimezone(answer_zone(obj))).isoformat()


def in_whole_minutes(moment: datetime) -> datetime:
    """The same instant with its offset in whole minutes, as RFC 3339 writes one.

    A zone's local mean time had seconds (Hà Nội's was +07:06:30 until 1906,
    Monrovia's -00:44:30 until 1972); the offset is rounded down to the minute
    and the clock reading moves with it, so the instant does not change.
    """
    offset = moment.utcoffset()
    if offset is None or not offset.total_seconds() % 60:
        return moment
    whole = timedelta(minutes=offset.total_seconds() // 60)
    return moment.astimezone(timezone(whole))


class Moment(LocalMoment):
    """An RFC 3339 time that must carry its UTC offset, within working years."""

    def _deserialize(
        self, value: Any, attr: str | None, data: Any, **kwargs: Any
    ) -> datetime:
        if isinstance(value, str) and not _MOMENT.match(value):
            _check_form(value, "2025-12-03T08:30:00+07:00")
        moment: datetime = super()._deserialize(value, attr, data, **kwargs)
        _check_year(moment.year)
        return moment


class Day(fields.Date):
    """A plain RFC 3339 date (deadlines are days in the committee's zone)."""

    def _deserialize(
        self, value: Any, attr: str | None, data: Any, **kwargs: Any
    ) -> date:
        if isinstance(value, str) and not _DAY.match(value):
            _check_form(value, "2025-12-03")
        day: date = super()._deserialize(value, attr, data, **kwargs)
        _check_year(day.year)
        return day


class DictValues(fields.List[Any]):
    """A mapping held by an aggregate (id -> part), shown as the list of its parts."""

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> Any:
        parts = list(value.values()) if isinstance(value, Mapping) else value
        return super()._serialize(parts, attr, obj, **kwargs)


def moment_text(**kwargs: Any) -> LocalMoment:
    """A time as the read models hand it out (ISO 8601 text), answered in its
    committee's zone."""
    return LocalMoment(**kwargs)


def day_text(**kwargs: Any) -> fields.String:
    """A date as the read models hand it out: ISO 8601 text."""
    metadata = {"format": "date", **kwargs.pop("metadata", {})}
    return fields.String(metadata=metadata, **kwargs)
