"""The ConfirmedReading aggregate: one per meeting and text, plain JSON data, NFC."""

from __future__ import annotations

import unicodedata
from datetime import date
from uuid import uuid4

import pytest

from domain.confirmed_reading import (
    ConfirmedReading,
    check_json_ready,
    confirmed_reading_id,
)
from domain.errors import InvalidValueError

ACTOR = "thu.ky@example.gov.vn"
TEXT = "Giao Sở Y tế rà soát danh sách trước ngày 15/01/2022."


def test_the_id_derives_from_meeting_and_text_written_any_way() -> None:
    meeting_id = uuid4()
    decomposed = unicodedata.normalize("NFD", TEXT)
    reading = ConfirmedReading.record(meeting_id, decomposed, {}, {}, actor=ACTOR)
    assert reading.id == confirmed_reading_id(meeting_id, TEXT)
    assert reading.text == TEXT  # kept in NFC
    assert reading.id != confirmed_reading_id(uuid4(), TEXT)


def test_draft_and_reading_are_kept_as_plain_data() -> None:
    draft = {"assignments": [{"lead": ("Sở Y tế",), "deadline": "2022-01-15"}]}
    confirmed = {"items": [{"number": "1", "tasks": [{"title": "rà soát"}]}]}
    reading = ConfirmedReading.record(uuid4(), TEXT, draft, confirmed, actor=ACTOR)
    assert reading.draft == {
        "assignments": [{"lead": ["Sở Y tế"], "deadline": "2022-01-15"}]
    }
    assert reading.confirmed == confirmed
    assert len(reading.pending_events) == 1


def test_an_empty_text_is_refused() -> None:
    with pytest.raises(InvalidValueError) as refused:
        ConfirmedReading.record(uuid4(), "  \n ", {}, {}, actor=ACTOR)
    assert refused.value.field == "text"


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ({"items": [{"deadline": date(2022, 1, 15)}]}, "confirmed.items[0].deadline"),
        ({1: "x"}, "confirmed"),
        ({"n": float("nan")}, "confirmed.n"),
        (["not", "an", "object"], "confirmed"),
    ],
)
def test_what_is_not_plain_json_data_is_refused_by_field(
    value: object, field: str
) -> None:
    with pytest.raises(InvalidValueError) as refused:
        check_json_ready("confirmed", value)
    assert refused.value.field == field
