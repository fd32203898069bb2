"""Events keep the topics they were released under, and stored ones still load."""

from __future__ import annotations

import subprocess
import sys

from domain.meeting import Meeting
from service.run.composition import build_application
from service.settings import Settings
from tests.scenario import ACTOR, MEETING_DAY, open_meeting

# Released when the meeting's set-up lived in a base class of its own.
RELEASED = {
    name: f"domain.meeting_room:MeetingRoom.{name}"
    for name in (
        "ChairAssigned",
        "AgendaItemAdded",
        "ConnectionPointAdded",
        "PointConnected",
        "PointDisconnected",
        "AttendanceRecorded",
    )
}


def test_set_up_events_are_stored_under_their_released_topics(
    settings: Settings,
) -> None:
    app = build_application(settings)
    try:
        scenario = open_meeting(app)
        app.add_agenda_item(scenario.meeting_id, actor=ACTOR, title="Kế hoạch 2022")
        point = scenario.district_point_id
        app.connect_point(scenario.meeting_id, point, actor=ACTOR, at=MEETING_DAY)
        app.connect_point(
            scenario.meeting_id, point, actor=ACTOR, at=MEETING_DAY, connected=False
        )
        app.record_attendance(
            scenario.meeting_id, point, actor=ACTOR, person_ids=[scenario.speaker_id]
        )
        topics = {n.topic for n in app.recorder.select_notifications(1, 10_000)}
    finally:
        app.close()
    assert set(RELEASED.values()) <= topics
    assert not topics & {f"domain.meeting:Meeting.{name}" for name in RELEASED}
    # A fresh application reads them back: the meeting is whole.
    reader = build_application(settings)
    try:
        meeting = reader.load(Meeting, scenario.meeting_id)
    finally:
        reader.close()
    assert meeting.agenda[0].title == "Kế hoạch 2022"
    assert not meeting.points[point].connected
    assert meeting.attendance[point].person_ids == (scenario.speaker_id,)
    assert meeting.chairs


def test_released_topics_resolve_in_a_fresh_process() -> None:
    script = (
        "import sys\n"
        "from eventsourcing.utils import resolve_topic\n"
        "import domain.meeting\n"
        "assert 'domain.meeting_room' not in sys.modules\n"
        f"for name, topic in {RELEASED!r}.items():\n"
        "    assert resolve_topic(topic) is getattr(domain.meeting.Meeting, name)\n"
        "print('resolved')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "resolved"
