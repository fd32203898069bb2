"""The ConfirmedReading aggregate: a text, the draft read from it, what was confirmed.

When a secretary confirms a conclusion drafted from a pasted text (kết luận đã xác
nhận), the text, the extractor's draft and the confirmed reading are kept together,
once per meeting and text: the extractor's development set grows from real use.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import event

from domain.base import SteerlogAggregate
from domain.errors import InvalidValueError
from domain.ids import NAMESPACE
from domain.text import nfc

# How deep a draft or a reading may nest (conclusion, items, tasks, documents ...).
_MAX_DEPTH = 12


def text_digest(text: str) -> str:
    """SHA-256 of the NFC text, in hex: the same text written any way, one digest."""
    return hashlib.sha256(nfc(text).encode("utf-8")).hexdigest()


def confirmed_reading_id(meeting_id: UUID, text: str) -> UUID:
    """The id of the reading of ``text`` confirmed for a meeting: kept once."""
    return uuid5(NAMESPACE, f"confirmed-reading:{meeting_id}:{text_digest(text)}")


class ConfirmedReading(SteerlogAggregate):
    """Kết luận đã xác nhận: a meeting's text, its draft and the confirmed reading."""

    class Recorded(SteerlogAggregate.Created):
        """A confirmed reading was kept (the event the export lists by topic)."""

        actor: str
        meeting_id: UUID
        text: str
        draft: dict[str, Any]
        confirmed: dict[str, Any]

    @classmethod
    def record(
        cls,
        meeting_id: UUID,
        text: str,
        draft: Mapping[str, Any],
        confirmed: Mapping[str, Any],
        *,
        actor: str,
    ) -> ConfirmedReading:
        """Keep what a secretary confirmed; its id derives from meeting and text.

        ``draft`` (the extractor's ``to_dict()``) and ``confirmed`` (the conclusion
        body) must be JSON-ready: dicts with text keys, lists, text, numbers,
        booleans and None. Text is kept in NFC.
        """
        body = check_text(text)
        return cls(
            id=confirmed_reading_id(meeting_id, body),
            actor=actor,
            meeting_id=meeting_id,
            text=body,
            draft=check_json_ready("draft", draft),
            confirmed=check_json_ready("confirmed", confirmed),
        )

    @event(Recorded)
    def __init__(
        self,
        *,
        id: UUID,
        actor: str,
        meeting_id: UUID,
        text: str,
        draft: dict[str, Any],
        confirmed: dict[str, Any],
    ) -> None:
        self.meeting_id = meeting_id
        self.text = text
        self.draft = dict(draft)
        self.confirmed = dict(confirmed)

    @property
    def digest(self) -> str:
        """SHA-256 of the text (hex)."""
        return text_digest(self.text)


def check_text(text: object) -> str:
    """The text in NFC, line breaks kept; an empty one is refused."""
    body = nfc(text) if isinstance(text, str) else ""
    if not body.strip():
        raise InvalidValueError(field="text", reason="empty")
    return body


def check_json_ready(field: str, value: object) -> dict[str, Any]:
    """A copy of a mapping as plain JSON data (text in NFC), or ``InvalidValueError``
    naming the first part that is not (``draft.items[0].lead[1]``)."""
    if not isinstance(value, Mapping):
        raise InvalidValueError(field=field, reason="not an object")
    checked: dict[str, Any] = _json_value(field, value, 0)
    return checked


def _json_value(path: str, value: object, depth: int) -> Any:
    """``value`` as plain JSON data, checked all the way down."""
    if depth > _MAX_DEPTH:
        raise InvalidValueError(field=path, reason="nested too deeply")
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidValueError(field=path, reason="not a finite number")
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, Mapping):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise InvalidValueError(field=path, reason="a key is not text")
            out[nfc(key)] = _json_value(f"{path}.{key}", item, depth + 1)
        return out
    if isinstance(value, list | tuple):
        return [_json_value(f"{path}[{i}]", v, depth + 1) for i, v in enumerate(value)]
    kind = type(value).__name__
    raise InvalidValueError(field=path, reason=f"not JSON data ({kind})")
