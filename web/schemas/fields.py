"""Marshmallow fields for the API's boundary: safe text, bounded times, row lists."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from marshmallow import ValidationError, fields

# Dates and times far outside a committee's working life are refused here, so
# that converting them between zones can never overflow further in.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2200

# Lone surrogates cannot be encoded as UTF-8 when events are stored, and control
# characters (NUL above all, which PostgreSQL refuses) are never meant as text.
_FORBIDDEN_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


class Text(fields.String):
    """A string without control characters or lone surrogates (tabs, newlines ok)."""

    default_error_messages = {  # noqa: RUF012 (marshmallow's own idiom)
        "characters": "Control characters and lone surrogates are not allowed."
    }

    def _deserialize(
        self, value: Any, attr: str | None, data: Any, **kwargs: Any
    ) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs)
        if _FORBIDDEN_CHARACTERS.search(text):
            raise self.make_error("characters")
        return text


def _check_year(year: int) -> None:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise ValidationError(f"Year must be {EARLIEST_YEAR} to {LATEST_YEAR}.")


class Moment(fields.AwareDateTime):
    """An ISO 8601 time that must carry its UTC offset, within working years."""

    def _deserialize(
        self, value: Any, attr: str | None, data: Any, **kwargs: Any
    ) -> datetime:
        moment: datetime = super()._deserialize(value, attr, data, **kwargs)
        _check_year(moment.year)
        return moment


class Day(fields.Date):
    """A plain ISO 8601 date (deadlines are days in the committee's zone)."""

    def _deserialize(
        self, value: Any, attr: str | None, data: Any, **kwargs: Any
    ) -> date:
        day: date = super()._deserialize(value, attr, data, **kwargs)
        _check_year(day.year)
        return day


class DictValues(fields.List[Any]):
    """A mapping held by an aggregate (id -> part), shown as the list of its parts."""

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> Any:
        parts = list(value.values()) if isinstance(value, Mapping) else value
        return super()._serialize(parts, attr, obj, **kwargs)


def moment_text(**kwargs: Any) -> fields.String:
    """A time as the read models hand it out: ISO 8601 text with its offset."""
    metadata = {"format": "date-time", **kwargs.pop("metadata", {})}
    return fields.String(metadata=metadata, **kwargs)


def day_text(**kwargs: Any) -> fields.String:
    """A date as the read models hand it out: ISO 8601 text."""
    metadata = {"format": "date", **kwargs.pop("metadata", {})}
    return fields.String(metadata=metadata, **kwargs)
