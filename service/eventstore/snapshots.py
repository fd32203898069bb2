"""Snapshots of whole aggregates as JSON: state objects, enums and id-keyed maps."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from functools import lru_cache
from typing import Any, Union
from uuid import UUID, SafeUUID

from eventsourcing.domain import Snapshot
from eventsourcing.persistence import Transcoder, Transcoding
from eventsourcing.utils import get_topic, resolve_topic

from domain.account import Grant
from domain.assignment_parts import (
    Completion,
    Extension,
    ExtensionRequest,
    ProgressReport,
)
from domain.committee import Membership
from domain.meeting_parts import (
    AgendaItem,
    Approval,
    Attendance,
    Chair,
    ConnectionPoint,
    IssuedItem,
    Speech,
    SpeechCorrection,
)
from domain.person import FormerTitle

# The value objects that aggregates hold in their state (events carry fewer).
STATE_CLASSES: tuple[type, ...] = (
    AgendaItem,
    Approval,
    Attendance,
    Chair,
    Completion,
    ConnectionPoint,
    Extension,
    ExtensionRequest,
    FormerTitle,
    Grant,
    IssuedItem,
    Membership,
    ProgressReport,
    Speech,
    SpeechCorrection,
)


@dataclass(frozen=True)
class EnumMember:
    """An enum member at the top of an aggregate's state (JSON would make it a str)."""

    member: Enum


@dataclass(frozen=True)
class IdKeyedMap:
    """A dict keyed by UUIDs (JSON object keys can only be strings)."""

    items: dict[UUID, Any]


class StateSnapshot(Snapshot):
    """A snapshot whose state survives JSON: enums and id-keyed maps are wrapped."""

    @classmethod
    def take(cls, aggregate: Any) -> Any:
        """Snapshot ``aggregate``, wrapping what JSON cannot carry as it is."""
        snapshot = super().take(aggregate)
        snapshot.__dict__["state"] = {
            key: _wrap(value) for key, value in snapshot.state.items()
        }
        return snapshot


def _wrap(value: Any) -> Any:
    if isinstance(value, Enum):
        return EnumMember(value)
    if isinstance(value, dict) and value and isinstance(next(iter(value)), UUID):
        return IdKeyedMap(value)
    return value


class UUIDAsFastHex(Transcoding):
    """The library's ``uuid_hex`` format, decoded without ``UUID()``'s parsing."""

    type = UUID
    name = "uuid_hex"

    def encode(self, obj: UUID) -> str:
        return obj.hex

    def decode(self, data: str) -> UUID:
        return _uuid_from_hex(data)


class EnumMemberAsTopic(Transcoding):
    """An enum member as its class topic and value."""

    type = EnumMember
    name = "enum_member"

    def encode(self, obj: EnumMember) -> list[str]:
        return [get_topic(type(obj.member)), obj.member.value]

    def decode(self, data: list[str]) -> Enum:
        enum_class: type[Enum] = resolve_topic(data[0])
        return enum_class(data[1])


class IdKeyedMapAsPairs(Transcoding):
    """A UUID-keyed dict as ``[value class or "", [[key, value], ...]]``.

    When every value is one state class (points, speeches), values are written as
    that class's plain lists: one tagged JSON object for the whole map instead of
    one per value, which is most of the cost of loading a long meeting.
    """

    type = IdKeyedMap
    name = "id_keyed_map"

    def encode(self, obj: IdKeyedMap) -> list[Any]:
        classes = {type(value) for value in obj.items.values()}
        value_class = classes.pop() if len(classes) == 1 else None
        state = _STATE_TRANSCODINGS.get(value_class) if value_class else None
        if state is None:
            return ["", [[key.hex, value] for key, value in obj.items.items()]]
        pairs = [[key.hex, state.encode(value)] for key, value in obj.items.items()]
        return [state.name, pairs]

    def decode(self, data: list[Any]) -> dict[UUID, Any]:
        name, pairs = data
        if not name:
            return {_uuid_from_hex(key): value for key, value in pairs}
        decode = _STATE_BY_NAME[name].decode
        return {_uuid_from_hex(key): decode(value) for key, value in pairs}


class StateObjectAsList(Transcoding):
    """A frozen state dataclass as a list of its field values, in field order.

    Snapshots hold hundreds of these (points, speeches); encoding ids, times and
    enums inline, rather than each as its own tagged JSON object, keeps loading a
    200-point, 300-speech meeting within a few milliseconds.
    """

    def __init__(self, state_class: type) -> None:
        self.type = state_class
        self.name = f"state:{state_class.__name__}"
        hints = typing.get_type_hints(state_class)
        self.names = [f.name for f in dataclasses.fields(state_class)]
        self.codecs = [_codec(hints[name]) for name in self.names]
        self._decode = _compile_decoder(
            state_class, self.names, [decode for _, decode in self.codecs]
        )

    def encode(self, obj: Any) -> list[Any]:
        return [
            encode(getattr(obj, name)) if encode else getattr(obj, name)
            for name, (encode, _) in zip(self.names, self.codecs, strict=True)
        ]

    def decode(self, data: list[Any]) -> Any:
        return self._decode(data)


def _compile_decoder(
    state_class: type,
    names: list[str],
    decoders: list[Callable[[Any], Any] | None],
) -> Callable[[list[Any]], Any]:
    """One straight-line function per class that rebuilds it from its list.

    A generic loop over fields costs ~2 µs a field, ten milliseconds for a long
    meeting; generating the function (as ``dataclasses`` does for ``__init__``)
    removes the loop. Frozen dataclasses refuse setattr, and state read back from
    our own snapshot needs no validation, so the instance dict is filled directly.
    """
    namespace: dict[str, Any] = {"new": object.__new__, "cls": state_class}
    entries = []
    for index, (name, decode) in enumerate(zip(names, decoders, strict=True)):
        value = f"data[{index}]"
        if decode is not None:
            namespace[f"decode_{index}"] = decode
            value = f"(None if {value} is None else decode_{index}({value}))"
        entries.append(f"{name!r}: {value}")
    source = (
        "def decode(data):\n"
        "    obj = new(cls)\n"
        f"    obj.__dict__.update({{{', '.join(entries)}}})\n"
        "    return obj\n"
    )
    exec(source, namespace)
    decoder: Callable[[list[Any]], Any] = namespace["decode"]
    return decoder


def _identity(value: Any) -> Any:
    return value


def _codec(
    hint: Any,
) -> tuple[Callable[[Any], Any] | None, Callable[[Any], Any] | None]:
    """How one field's value is written to and read from JSON (None: as it is)."""
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(options) != 1:
            return None, None
        encode, decode = _codec(options[0])
        if encode is None or decode is None:
            return encode, decode
        return (lambda v: None if v is None else encode(v)), decode
    if origin is tuple:
        item_encode, item_decode = _codec(typing.get_args(hint)[0])
        put, get = item_encode or _identity, item_decode or _identity
        return (lambda v: [put(item) for item in v]), (lambda v: tuple(map(get, v)))
    return _SCALAR_CODECS.get(hint) or _enum_codec(hint)


def _enum_codec(
    hint: Any,
) -> tuple[Callable[[Any], Any] | None, Callable[[Any], Any] | None]:
    if isinstance(hint, type) and issubclass(hint, Enum):
        # The value map is a plain dict: much cheaper than ``hint(value)``.
        return (lambda v: v.value), hint._value2member_map_.__getitem__
    return None, None


_UNKNOWN_SAFETY = SafeUUID.unknown


@lru_cache(maxsize=100_000)
def _uuid_from_hex(text: str) -> UUID:
    """``UUID(hex=text)`` without its argument parsing: a snapshot holds thousands.

    UUIDs are immutable, so one object may serve every place an id repeats (a
    speaker across three hundred speeches, a meeting loaded on every request).
    """
    uuid = object.__new__(UUID)
    object.__setattr__(uuid, "int", int(text, 16))
    object.__setattr__(uuid, "is_safe", _UNKNOWN_SAFETY)
    return uuid


_SCALAR_CODECS: dict[Any, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {
    UUID: (lambda v: v.hex, _uuid_from_hex),
    datetime: (lambda v: v.isoformat(), datetime.fromisoformat),
    date: (lambda v: v.isoformat(), date.fromisoformat),
}


_STATE_TRANSCODINGS = {cls: StateObjectAsList(cls) for cls in STATE_CLASSES}
_STATE_BY_NAME = {t.name: t for t in _STATE_TRANSCODINGS.values()}


def register_state_transcodings(transcoder: Transcoder) -> None:
    """Teach the transcoder everything a snapshot of any aggregate may hold."""
    transcoder.register(UUIDAsFastHex())  # replaces the library's, same format
    transcoder.register(EnumMemberAsTopic())
    transcoder.register(IdKeyedMapAsPairs())
    for transcoding in _STATE_TRANSCODINGS.values():
        transcoder.register(transcoding)
