"""Row changes: the upserts a projection makes, typed, collected for one batch.

Each projection declares its changes as keyword-only methods decorated with
``@change``: the signature is the change's type (mypy checks every call), the
name is the statement that applies it (in the read model's ``.sql`` files).
A handler calls them; the projector hands what they collected to the read
model, which applies a batch in one transaction.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, ClassVar, Concatenate, NamedTuple, ParamSpec, TypeVar
from uuid import UUID

P = ParamSpec("P")
C = TypeVar("C", bound="Changes")


class Change(NamedTuple):
    """One row change: the statement that applies it, and its parameters."""

    statement: str
    params: dict[str, Any]


def _utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


# By exact type: a dict lookup per parameter, in the projector's innermost loop.
_TEXT_OF: dict[type, Callable[[Any], Any]] = {
    UUID: str,
    datetime: _utc_text,
    date: date.isoformat,
}


def value(raw: Any) -> Any:
    """A parameter as both databases take it: ids and dates as text, times in UTC."""
    convert = _TEXT_OF.get(type(raw))
    return raw if convert is None else convert(raw)


def change(
    method: Callable[Concatenate[C, P], None],
) -> Callable[Concatenate[C, P], None]:
    """Make a keyword-only, body-less method record the change it names."""
    statement = method.__name__
    defaults = {
        name: parameter.default
        for name, parameter in inspect.signature(method).parameters.items()
        if parameter.default is not inspect.Parameter.empty
    }

    def record(self: C, /, *args: P.args, **params: P.kwargs) -> None:
        if args:
            raise TypeError(f"{statement}: changes take keyword arguments only")
        given = {key: value(raw) for key, raw in params.items()}
        self.items.append(
            Change(statement, {**defaults, **given} if defaults else given)
        )

    record.__name__, record.__doc__ = statement, method.__doc__
    return record


class Changes:
    """The row changes one batch of events makes, in order."""

    # Upserts whose rows replace or merge into a row of the same key: a batch
    # never writes one key twice in one statement (name -> its key parameters).
    keyed: ClassVar[dict[str, tuple[str, ...]]] = {}

    def __init__(self) -> None:
        self.items: list[Change] = []
