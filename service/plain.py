"""Domain values as JSON-ready data: the one conversion the service and the API use.

Ids become text, dates and times ISO 8601, enums their value, value objects dicts
and collections lists. Two options cover every caller: ``utc`` writes times in
UTC (read-model parameters, so both databases compare them as text), and
``strict=False`` passes values it has no rule for through unchanged (a database
driver's own types, such as ``Decimal``), where the default refuses them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, is_dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any
from uuid import UUID


def _utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


# By exact type first: the projector converts every parameter of every event, so
# the common cases cost one set test or one dict lookup.
_AS_IS: frozenset[type] = frozenset({str, int, float, bool, type(None)})
_TEXT: dict[type, Callable[[Any], str]] = {
    UUID: str,
    datetime: datetime.isoformat,
    date: date.isoformat,
}
_UTC_TEXT: dict[type, Callable[[Any], str]] = {**_TEXT, datetime: _utc_text}


def plain(value: Any, *, utc: bool = False, strict: bool = True) -> Any:
    """A JSON-ready copy of ``value``: str ids, ISO 8601 times, dicts for objects.

    ``utc``: times converted to UTC before they are written. ``strict``: a value
    of a kind without a rule raises ``TypeError``; when false it is kept as it is.
    """
    kind = type(value)
    if kind in _AS_IS:
        return value
    convert = (_UTC_TEXT if utc else _TEXT).get(kind)
    if convert is not None:
        return convert(value)
    return _structured(value, utc, strict)


def _structured(value: Any, utc: bool, strict: bool) -> Any:
    """Enums, subclasses of the scalar types, value objects and collections."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, datetime):
        return _utc_text(value) if utc else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: plain(getattr(value, f.name), utc=utc, strict=strict)
            for f in fields(value)
        }
    if isinstance(value, dict):
        return {
            str(plain(key, utc=utc, strict=strict)): plain(item, utc=utc, strict=strict)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(item, utc=utc, strict=strict) for item in value]
    if strict:
        raise TypeError(f"cannot make {type(value).__name__} plain")
    return value
