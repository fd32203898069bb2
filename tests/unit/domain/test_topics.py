"""An event class moved in the code keeps the topic it was released under."""

from __future__ import annotations

from eventsourcing.domain import Aggregate, event
from eventsourcing.utils import get_topic, resolve_topic

from domain.meeting import Meeting
from domain.topics import keep_released_topic


class Notebook(Aggregate):
    """A throwaway aggregate: its event is tied to a topic no module provides."""

    @event("Noted")
    def note(self, text: str) -> None:
        self.text = text


def test_a_kept_topic_names_the_class_both_ways() -> None:
    released = "tests.unit.domain.gone:OldNotebook.Noted"
    keep_released_topic(Notebook.Noted, released)
    notebook = Notebook()
    notebook.note("ghi chú")
    noted = notebook.collect_events()[-1]
    assert get_topic(type(noted)) == released
    assert resolve_topic(released) is Notebook.Noted


def test_the_meetings_set_up_events_keep_their_released_topics() -> None:
    assert get_topic(Meeting.ConnectionPointAdded) == (
        "domain.meeting_room:MeetingRoom.ConnectionPointAdded"
    )
    assert get_topic(Meeting.SpeechRecorded) == "domain.meeting:Meeting.SpeechRecorded"
    assert resolve_topic("domain.meeting_room:MeetingRoom.ChairAssigned") is (
        Meeting.ChairAssigned
    )
