"""The Meeting aggregate's rules, without any database."""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta
from uuid import UUID, uuid4

import pytest

from domain.errors import (
    DuplicateConnectionPointError,
    DuplicateItemNumberError,
    HostPointExistsError,
    InvalidValueError,
    MeetingAlreadyOpenedError,
    MeetingCancelledError,
    MeetingClosedError,
    MeetingNotOpenError,
    NoConclusionError,
    SpeakerNotPresentError,
    TooManyConnectionPointsError,
    UnknownConnectionPointError,
    UnknownSpeechError,
)
from domain.meeting import Meeting
from domain.values import ConclusionItem, DocumentRef, MeetingStatus, SpeechKind
from tests.scenario import ACTOR, MEETING_DAY

CHAIR = uuid4()


def scheduled() -> Meeting:
    return Meeting.schedule(
        id=uuid4(),
        actor=ACTOR,
        committee_id=uuid4(),
        title="Phiên họp thứ nhất Ban Chỉ đạo",
        format="hybrid",
        starts_at=MEETING_DAY,
    )


def opened() -> tuple[Meeting, UUID]:
    meeting = scheduled()
    point = uuid4()
    meeting.add_connection_point(
        actor=ACTOR, point_id=point, name="UBND tỉnh", level="province", is_host=True
    )
    meeting.assign_chair(
        actor=ACTOR, person_id=CHAIR, name="Hồ Quang Bửu", title=None, point_id=point
    )
    meeting.open(actor=ACTOR, at=MEETING_DAY)
    return meeting, point


def speak(meeting: Meeting, speaker: UUID = CHAIR, kind: str = "conclusion") -> UUID:
    speech_id = uuid4()
    meeting.record_speech(
        actor=ACTOR,
        speech_id=speech_id,
        speaker_id=speaker,
        speaker_name="Hồ Quang Bửu",
        speaker_title="Phó Chủ tịch UBND tỉnh",
        kind=kind,
        spoken_at=MEETING_DAY + timedelta(hours=1),
    )
    return speech_id


def test_schedule_rejects_empty_title_naming_the_field() -> None:
    with pytest.raises(InvalidValueError) as error:
        Meeting.schedule(
            id=uuid4(),
            actor=ACTOR,
            committee_id=uuid4(),
            title="   ",
            format="online",
            starts_at=MEETING_DAY,
        )
    assert error.value.field == "title"


def test_schedule_rejects_unknown_format_and_naive_time() -> None:
    with pytest.raises(InvalidValueError) as error:
        Meeting.schedule(
            id=uuid4(),
            actor=ACTOR,
            committee_id=uuid4(),
            title="Họp",
            format="zoom",
            starts_at=MEETING_DAY,
        )
    assert error.value.field == "format"
    with pytest.raises(InvalidValueError) as error:
        Meeting.schedule(
            id=uuid4(),
            actor=ACTOR,
            committee_id=uuid4(),
            title="Họp",
            format="online",
            starts_at=datetime(2022, 1, 1, 8, 0),
        )
    assert error.value.field == "starts_at"


def test_title_is_stored_in_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Hội nghị chuyển đổi số")
    meeting = Meeting.schedule(
        id=uuid4(),
        actor=ACTOR,
        committee_id=uuid4(),
        title=decomposed,
        format="online",
        starts_at=MEETING_DAY,
    )
    assert meeting.title == "Hội nghị chuyển đổi số"
    assert unicodedata.is_normalized("NFC", meeting.title)


def test_speech_rejected_before_meeting_opens() -> None:
    meeting = scheduled()
    with pytest.raises(MeetingNotOpenError):
        speak(meeting)


def test_speech_rejected_after_meeting_closed() -> None:
    meeting, _ = opened()
    meeting.close(actor=ACTOR, at=MEETING_DAY + timedelta(hours=4))
    with pytest.raises(MeetingClosedError):
        speak(meeting)


def test_speech_at_unregistered_point_is_rejected_naming_point_id() -> None:
    meeting, _ = opened()
    with pytest.raises(UnknownConnectionPointError) as error:
        meeting.record_speech(
            actor=ACTOR,
            speech_id=uuid4(),
            speaker_id=CHAIR,
            speaker_name="Hồ Quang Bửu",
            speaker_title=None,
            kind="discussion",
            spoken_at=MEETING_DAY,
            point_id=uuid4(),
        )
    assert error.value.field == "point_id"


def test_unknown_speech_kind_is_rejected_naming_kind() -> None:
    meeting, _ = opened()
    with pytest.raises(InvalidValueError) as error:
        speak(meeting, kind="singing")
    assert error.value.field == "kind"


def test_rejected_command_leaves_no_pending_event() -> None:
    meeting, _ = opened()
    before = len(meeting.pending_events)
    with pytest.raises(InvalidValueError):
        speak(meeting, kind="singing")
    assert len(meeting.pending_events) == before


def test_connection_points_are_unique_by_folded_name() -> None:
    meeting, _ = opened()
    with pytest.raises(DuplicateConnectionPointError):
        meeting.add_connection_point(
            actor=ACTOR, point_id=uuid4(), name="ubnd  TỈNH", level="province"
        )


def test_only_one_host_point() -> None:
    meeting, _ = opened()
    with pytest.raises(HostPointExistsError):
        meeting.add_connection_point(
            actor=ACTOR,
            point_id=uuid4(),
            name="Tỉnh ủy",
            level="province",
            is_host=True,
        )


def test_at_most_500_connection_points() -> None:
    meeting = scheduled()
    for number in range(500):
        meeting.add_connection_point(
            actor=ACTOR, point_id=uuid4(), name=f"xã {number}", level="commune"
        )
    with pytest.raises(TooManyConnectionPointsError):
        meeting.add_connection_point(
            actor=ACTOR, point_id=uuid4(), name="xã thừa", level="commune"
        )


def test_points_connect_and_disconnect() -> None:
    meeting, point = opened()
    meeting.connect_point(actor=ACTOR, point_id=point, at=MEETING_DAY)
    assert meeting.points[point].connected
    meeting.disconnect_point(actor=ACTOR, point_id=point, at=MEETING_DAY)
    assert not meeting.points[point].connected


def test_conclusion_needs_a_speaker_present() -> None:
    meeting, _ = opened()
    stranger = uuid4()
    speech = speak(meeting, speaker=stranger)
    with pytest.raises(SpeakerNotPresentError):
        meeting.issue_conclusion(
            actor=ACTOR, speech_id=speech, items=[ConclusionItem("1", "Giao Sở TT&TT")]
        )


def test_attendee_may_conclude() -> None:
    meeting, point = opened()
    deputy = uuid4()
    meeting.record_attendance(actor=ACTOR, point_id=point, person_ids=[deputy])
    speech = speak(meeting, speaker=deputy)
    issued = meeting.issue_conclusion(
        actor=ACTOR, speech_id=speech, items=[ConclusionItem("1", "Giao Sở TT&TT")]
    )
    assert [item.number for item in issued] == ["1"]


def test_conclusion_item_numbers_are_unique() -> None:
    meeting, _ = opened()
    speech = speak(meeting)
    with pytest.raises(DuplicateItemNumberError):
        meeting.issue_conclusion(
            actor=ACTOR,
            speech_id=speech,
            items=[ConclusionItem("1", "a"), ConclusionItem("1", "b")],
        )
    meeting.issue_conclusion(
        actor=ACTOR, speech_id=speech, items=[ConclusionItem("1", "a")]
    )
    with pytest.raises(DuplicateItemNumberError):
        meeting.issue_conclusion(
            actor=ACTOR, speech_id=speech, items=[ConclusionItem("1", "khác")]
        )


def test_issuing_the_same_items_again_changes_nothing() -> None:
    meeting, _ = opened()
    speech = speak(meeting)
    items = [ConclusionItem("1", "Giao Sở TT&TT")]
    meeting.issue_conclusion(actor=ACTOR, speech_id=speech, items=items)
    version = meeting.version
    assert meeting.issue_conclusion(actor=ACTOR, speech_id=speech, items=items) == []
    assert meeting.version == version


def test_conclusion_by_unknown_speech_is_rejected() -> None:
    meeting, _ = opened()
    with pytest.raises(UnknownSpeechError):
        meeting.issue_conclusion(
            actor=ACTOR, speech_id=uuid4(), items=[ConclusionItem("1", "x")]
        )


def test_closed_meeting_takes_corrections_with_a_reason() -> None:
    meeting, _ = opened()
    speech = speak(meeting)
    meeting.close(actor=ACTOR, at=MEETING_DAY + timedelta(hours=4))
    with pytest.raises(InvalidValueError) as error:
        meeting.correct_speech(
            actor=ACTOR, speech_id=speech, reason="", kind="directive"
        )
    assert error.value.field == "reason"
    meeting.correct_speech(
        actor=ACTOR, speech_id=speech, reason="ghi nhầm loại", kind="directive"
    )
    corrected = meeting.speeches[speech]
    assert corrected.kind is SpeechKind.DIRECTIVE
    assert corrected.corrections[0].changes == {"kind": "directive"}
    assert corrected.corrections[0].reason == "ghi nhầm loại"


def test_closed_meeting_rejects_set_up_changes() -> None:
    meeting, _ = opened()
    meeting.close(actor=ACTOR, at=MEETING_DAY)
    with pytest.raises(MeetingClosedError):
        meeting.add_connection_point(
            actor=ACTOR, point_id=uuid4(), name="xã mới", level="commune"
        )


def test_amend_item_keeps_the_previous_text() -> None:
    meeting, _ = opened()
    speech = speak(meeting)
    meeting.issue_conclusion(
        actor=ACTOR, speech_id=speech, items=[ConclusionItem("1", "a")]
    )
    meeting.amend_conclusion_item(actor=ACTOR, number="1", text="b", reason="sửa lỗi")
    assert meeting.items["1"].text == "b"
    assert meeting.items["1"].amendments == ("a",)


def test_notice_needs_a_conclusion() -> None:
    meeting, _ = opened()
    notice = DocumentRef("Thông báo", "25/TB-UBND")
    with pytest.raises(NoConclusionError):
        meeting.publish_notice(actor=ACTOR, notice=notice)
    speech = speak(meeting)
    meeting.issue_conclusion(
        actor=ACTOR, speech_id=speech, items=[ConclusionItem("1", "a")]
    )
    meeting.close(actor=ACTOR, at=MEETING_DAY)
    meeting.publish_notice(actor=ACTOR, notice=notice)
    assert meeting.notice == notice


def test_only_planned_meeting_can_be_rescheduled_or_cancelled() -> None:
    meeting = scheduled()
    meeting.reschedule(actor=ACTOR, starts_at=MEETING_DAY + timedelta(days=1))
    meeting.cancel(actor=ACTOR, reason="trùng lịch")
    assert meeting.status is MeetingStatus.CANCELLED
    with pytest.raises(MeetingCancelledError):
        meeting.open(actor=ACTOR, at=MEETING_DAY)
    running, _ = opened()
    with pytest.raises(MeetingAlreadyOpenedError):
        running.cancel(actor=ACTOR, reason="muộn")


def test_every_event_records_its_actor() -> None:
    meeting, _ = opened()
    speak(meeting)
    assert all(event.actor == ACTOR for event in meeting.pending_events)


def test_meeting_knows_the_names_it_has_recorded() -> None:
    meeting, _ = opened()
    assert meeting.introduced(CHAIR) == ("Hồ Quang Bửu", None)
    speech_id = speak(meeting)
    assert meeting.introduced(CHAIR) == ("Hồ Quang Bửu", "Phó Chủ tịch UBND tỉnh")
    meeting.correct_speech(
        actor=ACTOR, speech_id=speech_id, reason="chức danh", speaker_title="Chủ tịch"
    )
    assert meeting.introduced(CHAIR) == ("Hồ Quang Bửu", "Chủ tịch")
    assert meeting.introduced(uuid4()) is None
