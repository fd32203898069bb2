"""The projector: follows the notification log in order and applies each projection.

A batch's row changes and the projection's new position commit in one transaction
(the position moves only from the value it was read at), so a crash, a restart or
a second projector never applies an event twice or skips one. Rolled-back writes
leave gaps in notification ids; positions simply move past them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import Any

from eventsourcing.persistence import Notification

from service.app import Steerlog
from service.projection import PROJECTIONS
from service.projection.core import Operations, Projection
from service.readmodel.base import PositionMovedError, ReadModel

log = logging.getLogger(__name__)


class Projector:
    """Keeps the read models of the given projections current."""

    def __init__(
        self,
        app: Steerlog,
        read_model: ReadModel,
        projections: Iterable[Projection] | None = None,
        batch_size: int = 1000,
    ) -> None:
        self.app, self.read_model, self.batch_size = app, read_model, batch_size
        self.projections = list(projections or PROJECTIONS.values())
        # Only the events some projection here handles are read from the log.
        self.topics = sorted({t for p in self.projections for t in p.handlers})

    def run_once(self) -> int:
        """Apply one batch of notifications; return how many were read."""
        positions = self.read_model.positions()
        start = min(positions[p.name] for p in self.projections) + 1
        # Ids commit in order (the event store locks its table; SQLite has one
        # writer), so every notification up to the head read now is visible next.
        head = self.app.recorder.max_notification_id()
        notifications = self.app.recorder.select_notifications(
            start, self.batch_size, topics=self.topics
        )
        caught_up = len(notifications) < self.batch_size
        decoded: dict[int, Any] = {}
        for projection in self.projections:
            position = positions[projection.name]
            behind = [n for n in notifications if n.id > position]
            reached = behind[-1].id if behind else position
            if caught_up:  # what is left up to the head concerns no projection here
                reached = max(reached, head)
            if reached > position:
                self._apply(projection, position, reached, behind, decoded)
        return len(notifications)

    def _apply(
        self,
        projection: Projection,
        position: int,
        reached: int,
        notifications: list[Notification],
        decoded: dict[int, Any],
    ) -> None:
        out = Operations()
        for notification in notifications:
            if notification.topic in projection.handlers:
                if notification.id not in decoded:
                    event = self.app.mapper.to_domain_event(notification)
                    decoded[notification.id] = event
                projection.handle(notification.topic, decoded[notification.id], out)
        try:
            operations = projection.ordered(out.items)
            self.read_model.apply(projection.name, position, reached, operations)
        except PositionMovedError:
            log.info("projection %s moved on elsewhere; re-reading", projection.name)

    def catch_up(self) -> int:
        """Apply batches until the log is exhausted; return how many were read."""
        total = 0
        while read := self.run_once():
            total += read
        return total

    def run(self, stop: threading.Event, interval: float = 0.2) -> None:
        """Follow the log until ``stop`` is set, polling when there is nothing new."""
        while not stop.is_set():
            try:
                if self.run_once() == 0:
                    stop.wait(interval)
            except Exception:  # a passing database error must not stop it
                log.exception("projector batch failed; retrying")
                stop.wait(interval * 5)

    def rebuild(self, name: str) -> int:
        """Drop a projection's tables and replay it from the first event."""
        self.read_model.drop(name)
        self.read_model.create(name)
        return Projector(
            self.app, self.read_model, [PROJECTIONS[name]], self.batch_size
        ).catch_up()
