"""A meeting's carry-over, speech rules and conclusion order, without a database."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4

import pytest

from domain.errors import MeetingClosedError, NoChangeError
from domain.meeting_agenda import OpenTask
from domain.meeting_conclusion import in_posted_order
from domain.meeting_errors import SpeechIdTakenError, SpokenOutsideMeetingError
from domain.values import ConclusionItem
from tests.scenario import ACTOR, MEETING_DAY
from tests.unit.domain.test_meeting import CHAIR, opened, scheduled, speak


def test_open_tasks_are_carried_over_once_and_never_the_meetings_own() -> None:
    meeting = scheduled()
    earlier, other = uuid4(), uuid4()
    tasks = [
        OpenTask(earlier, "Xây dựng kế hoạch", uuid4()),
        OpenTask(other, "Triển khai nền tảng", uuid4()),
        OpenTask(uuid4(), "Nhiệm vụ của chính phiên họp", meeting.id),
    ]
    added = meeting.review_open_tasks(actor=ACTOR, tasks=tasks + tasks[:1])
    assert [task.assignment_id for task in added] == [earlier, other]
    assert meeting.review_open_tasks(actor=ACTOR, tasks=tasks) == []
    assert meeting.reviewed_tasks == {earlier: 1, other: 2}
    assert [item.title for item in meeting.agenda] == [
        "Xây dựng kế hoạch",
        "Triển khai nền tảng",
    ]


def test_a_closed_meeting_reviews_nothing() -> None:
    meeting, _ = opened()
    meeting.close(actor=ACTOR, at=MEETING_DAY + timedelta(hours=4))
    with pytest.raises(MeetingClosedError):
        meeting.review_open_tasks(
            actor=ACTOR, tasks=[OpenTask(uuid4(), "Việc", uuid4())]
        )


def test_speech_time_is_within_the_meeting_and_not_ahead_of_now() -> None:
    meeting, point = opened()
    for spoken_at in (MEETING_DAY - timedelta(days=1), MEETING_DAY + timedelta(days=3)):
        with pytest.raises(SpokenOutsideMeetingError) as refused:
            meeting.record_speech(
                actor=ACTOR,
                speech_id=uuid4(),
                speaker_id=CHAIR,
                speaker_name="Hồ Quang Bửu",
                speaker_title=None,
                kind="discussion",
                spoken_at=spoken_at,
                point_id=point,
                now=MEETING_DAY + timedelta(hours=2),
            )
        assert refused.value.field == "spoken_at"


def test_a_speech_id_names_one_speech() -> None:
    meeting, point = opened()
    speech = dict(
        actor=ACTOR,
        speech_id=uuid4(),
        speaker_id=CHAIR,
        speaker_name="Hồ Quang Bửu",
        speaker_title=None,
        kind="discussion",
        spoken_at=MEETING_DAY,
        point_id=point,
        text="Ý kiến.",
    )
    meeting.record_speech(**speech)  # type: ignore[arg-type]
    with pytest.raises(NoChangeError):
        meeting.record_speech(**speech)  # type: ignore[arg-type]
    with pytest.raises(SpeechIdTakenError) as taken:
        meeting.record_speech(**{**speech, "text": "Khác."})  # type: ignore[arg-type]
    assert taken.value.details["differs"] == ["text"]


def test_items_posted_in_two_steps_keep_the_posted_order() -> None:
    meeting, _ = opened()
    speech = speak(meeting)
    two, three = ConclusionItem("2", "Hai"), ConclusionItem("3", "Ba")
    meeting.issue_conclusion(actor=ACTOR, speech_id=speech, items=[two, three])
    one = ConclusionItem("1", "Một", (uuid4(),))
    meeting.issue_conclusion(actor=ACTOR, speech_id=speech, items=[one, two, three])
    assert list(meeting.items) == ["1", "2", "3"]
    assert meeting.items["1"].task_ids == one.task_ids
    assert in_posted_order(["2", "3"], ["1"], []) == ["2", "3", "1"]
    assert in_posted_order(["1", "3"], ["2"], ["1", "2", "3"]) == ["1", "2", "3"]
