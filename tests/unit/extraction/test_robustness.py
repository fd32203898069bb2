"""Malformed and hostile input: a result or an ExtractionError, fast, never a crash."""

from __future__ import annotations

import time
import unicodedata

import pytest

from bench.extraction import REPETITIVE_UNITS, repetitive
from service.extraction import MAX_TEXT_CHARS, Extraction, ExtractionError, extract

from .helpers import read


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t  \r\n"])
def test_empty_or_whitespace_text_gives_an_empty_result(text: str) -> None:
    result = extract(text)
    assert result == Extraction()
    assert result.to_dict()["assignments"] == []
    assert result.to_dict()["meeting"]["date"] is None


def test_text_with_nul_bytes_is_refused() -> None:
    with pytest.raises(ExtractionError, match="NUL"):
        extract("Giao Sở Nội vụ\x00\x00 rà soát")


def test_mostly_control_characters_is_refused_as_binary() -> None:
    with pytest.raises(ExtractionError, match="control characters"):
        extract("\x01\x02\x03\x04\x1b\x7f" * 50 + "Sở Y tế")


def test_binary_bytes_decoded_leniently_are_refused() -> None:
    garbage = bytes(range(1, 256)).decode("latin-1") * 40
    with pytest.raises(ExtractionError):
        extract(garbage)


def test_non_string_input_is_refused() -> None:
    with pytest.raises(ExtractionError, match="expected text"):
        extract(b"Giao S\xe1\xbb\x9f N\xe1\xbb\x99i v\xe1\xbb\xa5")  # type: ignore[arg-type]


def test_five_megabyte_text_is_refused_quickly() -> None:
    text = read("tuyen-quang-2022-04-22-conference.txt") * 400
    assert len(text.encode()) > 5_000_000 and len(text) > MAX_TEXT_CHARS
    started = time.process_time()
    with pytest.raises(ExtractionError, match="limit") as caught:
        extract(text)
    assert time.process_time() - started < 1.0  # refused before any reading
    assert caught.value.length == len(text)


# A hang guard's bound: runaway backtracking would take far longer.
RUNAWAY_CPU_SECONDS = 30.0


@pytest.mark.parametrize("unit", REPETITIVE_UNITS)
def test_repetitive_text_under_the_limit_finishes(unit: str) -> None:
    """No runaway backtracking: a guard, not a speed target (``python -m
    bench.extraction`` prints these inputs' times). CPU seconds, so that a
    loaded machine does not fail it; runaway patterns take hours, not seconds."""
    text = repetitive(unit)
    started = time.process_time()
    extract(text)
    assert time.process_time() - started < RUNAWAY_CPU_SECONDS


def test_text_without_any_numbered_item_still_gives_a_result() -> None:
    result = extract("Hội nghị diễn ra trong không khí cởi mở. Các đại biểu phấn khởi.")
    assert result.assignments == ()
    assert result.to_dict()["meeting"]["title"] is not None


def test_decomposed_unicode_is_normalised_and_says_so() -> None:
    text = unicodedata.normalize(
        "NFD", "Giao Sở Nội vụ rà soát biên chế trước ngày 30/6/2023."
    )
    result = extract(text)
    assert result.normalized is True
    data = result.to_dict(spans=True)
    assert data["assignments"][0]["assignees_lead"] == ["Sở Nội vụ"]
    assert data["spans"]["refer_to"] == "NFC-normalised input"


def test_spans_refer_to_the_input_when_it_is_already_nfc() -> None:
    text = read("quang-nam-2021-12-10-conclusion.txt")
    data = extract(text).to_dict(spans=True)
    assert data["spans"]["refer_to"] == "input"
    for assignment in data["assignments"]:
        start, end = assignment["spans"]["text"]
        assert " ".join(text[start:end].split()) == assignment["text"]


def test_without_spans_the_output_has_no_span_keys() -> None:
    data = extract(read("quang-nam-2021-12-10-conclusion.txt")).to_dict()
    assert "spans" not in data
    assert all("spans" not in a for a in data["assignments"])


def test_odd_punctuation_and_lone_markers_do_not_crash() -> None:
    for text in [
        "1.",
        "1. 2. 3.",
        "Giao",
        "Giao Sở",
        "điểm cầu",
        "(qua",
        "thông qua",
        "trước ngày 31/2/2023",
        "quý V/2023",
        "tháng 13/2023",
        ":::;;;,,,",
        "Sở Sở Sở",
    ]:
        extract(text).to_dict(spans=True)
