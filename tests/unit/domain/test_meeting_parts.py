"""A meeting's value objects: how a speech is corrected and an item amended."""

from __future__ import annotations

from uuid import uuid4

from domain.meeting_parts import IssuedItem, Speech, SpeechCorrection
from domain.values import SpeechKind
from tests.scenario import ACTOR, MEETING_DAY


def test_a_corrected_speech_takes_the_changes_and_keeps_the_correction() -> None:
    speech = Speech(
        uuid4(),
        uuid4(),
        "Hồ Quang Bửu",
        None,
        None,
        SpeechKind.DISCUSSION,
        "Lời cũ",
        MEETING_DAY,
    )
    first = SpeechCorrection("sai chức danh", {"speaker_title": "Chủ tịch"}, ACTOR)
    second = SpeechCorrection(
        "ghi lại", {"text": "Lời mới", "kind": "directive"}, ACTOR
    )
    corrected = speech.corrected(first).corrected(second)
    assert (corrected.text, corrected.speaker_title, corrected.kind) == (
        "Lời mới",
        "Chủ tịch",
        SpeechKind.DIRECTIVE,
    )
    assert corrected.corrections == (first, second)
    assert speech.text == "Lời cũ" and speech.corrections == ()


def test_an_amended_item_keeps_its_previous_texts() -> None:
    item = IssuedItem("1", "Giao Sở TT&TT", uuid4())
    amended = item.amended("Giao Sở TT&TT chủ trì").amended(
        "Giao Sở TT&TT chủ trì, phối hợp"
    )
    assert amended.text == "Giao Sở TT&TT chủ trì, phối hợp"
    assert amended.amendments == ("Giao Sở TT&TT", "Giao Sở TT&TT chủ trì")
    assert amended.speech_id == item.speech_id
