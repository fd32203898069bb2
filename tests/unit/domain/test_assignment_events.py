"""An assignment's events keep the topics they were released under."""

from __future__ import annotations

import pytest
from eventsourcing.utils import get_topic, resolve_topic

from domain.assignment import Assignment

RELEASED = (
    "Issued",
    "Acknowledged",
    "ProgressReported",
    "ExtensionRequested",
    "DeadlineExtended",
    "Reassigned",
    "Completed",
    "Reopened",
    "Cancelled",
    "Superseded",
)


@pytest.mark.parametrize("name", RELEASED)
def test_event_is_stored_and_resolved_under_its_released_topic(name: str) -> None:
    event_class = getattr(Assignment, name)
    topic = f"domain.assignment:Assignment.{name}"
    assert get_topic(event_class) == topic
    assert resolve_topic(topic) is event_class
    assert issubclass(event_class, Assignment.Event)
