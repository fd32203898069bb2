"""The one JSON conversion: domain values, value objects, and its two options."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from uuid import UUID

import pytest

from domain.values import AssignmentStatus, Authority, DocumentRef
from service.plain import plain

ICT = timezone(timedelta(hours=7))
ID = UUID("6f1c1f3e-2d2b-4b55-9b0e-6a4c0d9f1a01")
AT = datetime(2022, 1, 5, 9, 30, tzinfo=ICT)


def test_scalars_stay_as_they_are() -> None:
    for value in ("Sở TT&TT", 3, 2.5, True, False, None):
        assert plain(value) is value


def test_ids_times_and_enums_become_text() -> None:
    assert plain(ID) == "6f1c1f3e-2d2b-4b55-9b0e-6a4c0d9f1a01"
    assert plain(AT) == "2022-01-05T09:30:00+07:00"
    assert plain(date(2022, 1, 15)) == "2022-01-15"
    assert plain(AssignmentStatus.DONE_LATE) == "done_late"
    assert type(plain(AssignmentStatus.DONE_LATE)) is str


def test_utc_writes_times_in_utc_and_leaves_dates() -> None:
    assert plain(AT, utc=True) == "2022-01-05T02:30:00+00:00"
    assert plain(AT.astimezone(UTC), utc=True) == "2022-01-05T02:30:00+00:00"
    assert plain(date(2022, 1, 15), utc=True) == "2022-01-15"
    assert plain({"at": [AT]}, utc=True) == {"at": ["2022-01-05T02:30:00+00:00"]}


def test_value_objects_become_dicts_all_the_way_down() -> None:
    authority = Authority(
        meeting_id=ID, document=DocumentRef("Quyết định", "1969/QĐ-UBND")
    )
    assert plain(authority) == {
        "meeting_id": str(ID),
        "item_number": None,
        "document": {
            "kind": "Quyết định",
            "number": "1969/QĐ-UBND",
            "date": None,
            "issuer": None,
            "title": None,
        },
    }


def test_collections_become_lists_and_keys_text() -> None:
    assert plain((ID, date(2022, 1, 1))) == [str(ID), "2022-01-01"]
    assert plain(frozenset({1})) == [1]
    assert plain({ID: AssignmentStatus.OVERDUE}) == {str(ID): "overdue"}


def test_subclasses_of_the_scalar_types_are_converted_too() -> None:
    class Day(date):
        pass

    class Label(str):
        pass

    assert plain(Day(2022, 1, 2)) == "2022-01-02"
    assert plain(Label("x")) == "x"


def test_an_unknown_kind_is_refused_unless_not_strict() -> None:
    with pytest.raises(TypeError, match="Decimal"):
        plain(Decimal("1.5"))
    assert plain(Decimal("1.5"), strict=False) == Decimal("1.5")
    assert plain([Decimal("2"), ID], strict=False) == [Decimal("2"), str(ID)]


def test_a_value_object_class_is_not_a_value() -> None:
    @dataclass
    class Report:
        note: str

    with pytest.raises(TypeError, match="type"):
        plain(Report)
    assert plain(Report("xong")) == {"note": "xong"}
