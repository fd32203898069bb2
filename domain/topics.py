"""Released event topics: an event class keeps the topic it was first stored under.

A stored event names its class by topic (``module:Class.Event``), and so do the
read side's filters. Moving an event's class to another module or aggregate class
would change that name, so the moved class is tied to its released topic both
ways: stored events resolve to it, and new events are stored under the same name.
"""

from __future__ import annotations

from eventsourcing import utils


def keep_released_topic(event_class: type, topic: str) -> None:
    """Store and resolve ``event_class`` under ``topic``, its name when released."""
    utils.register_topic(topic, event_class)
    # get_topic() answers from this cache first; eventsourcing offers no public
    # way to name a class's topic, and the library is pinned (9.2.22).
    utils._type_cache[event_class] = topic
