"""Snapshots of whole aggregates as JSON: state objects, enums and id-keyed maps."""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any, Union
from uuid import UUID

from eventsourcing.domain import Snapshot
from eventsourcing.persistence import Transcoder, Transcoding
from eventsourcing.utils import get_topic, resolve_topic

from domain.assignment import (
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
    """A UUID-keyed dict as a list of [key, value] pairs."""

    type = IdKeyedMap
    name = "id_keyed_map"

    def encode(self, obj: IdKeyedMap) -> list[list[Any]]:
        return [[key, value] for key, value in obj.items.items()]

    def decode(self, data: list[list[Any]]) -> dict[UUID, Any]:
        return {key: value for key, value in data}


class StateObjectAsDict(Transcoding):
    """A frozen state dataclass as a dict of its fields, typed again on decoding."""

    def __init__(self, state_class: type) -> None:
        self.type = state_class
        self.name = f"state:{state_class.__name__}"

    def encode(self, obj: Any) -> dict[str, Any]:
        return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}

    def decode(self, data: dict[str, Any]) -> Any:
        hints = _hints(self.type)
        return self.type(
            **{key: _typed(hints[key], value) for key, value in data.items()}
        )


@cache
def _hints(state_class: type) -> dict[str, Any]:
    return typing.get_type_hints(state_class)


def _typed(hint: Any, value: Any) -> Any:
    """JSON gives back str for enums and lists for tuples: restore the declared type."""
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _typed(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        return tuple(value)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    return value


def register_state_transcodings(transcoder: Transcoder) -> None:
    """Teach the transcoder everything a snapshot of any aggregate may hold."""
    transcoder.register(EnumMemberAsTopic())
    transcoder.register(IdKeyedMapAsPairs())
    for state_class in STATE_CLASSES:
        transcoder.register(StateObjectAsDict(state_class))
