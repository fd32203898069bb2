"""The projector: follows the notification log in order and applies each projection.

A notification page is read once and handed to every projection of the process;
all their row changes and each projection's new position commit in one
transaction (a position moves only from the value it was read at), so a crash, a
restart or a second projector never applies an event twice or skips one.
Rolled-back writes leave gaps in notification ids; positions simply move past
them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from eventsourcing.application import Application
from eventsourcing.persistence import Notification

from service.readmodel.base import Batch, PositionMovedError, ReadModel, Ready
from service.readmodel.changes import Change
from service.readmodel.projections import PROJECTIONS
from service.readmodel.projections.core import Projection

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Prepared:
    """A batch made ready: notifications read, every projection's row changes as
    the database runs them, and the positions they leave."""

    read: int
    ready: Ready | None  # None: no projection here moves
    positions: dict[str, int]


class Projector:
    """Keeps the read models of the given projections current."""

    def __init__(
        self,
        app: Application,
        read_model: ReadModel,
        projections: Iterable[Projection[Any]] | None = None,
        batch_size: int = 1000,
    ) -> None:
        self.app, self.read_model, self.batch_size = app, read_model, batch_size
        self.projections = list(projections or PROJECTIONS.values())
        # Only the events some projection here handles are read from the log.
        self.topics = sorted({t for p in self.projections for t in p.handlers})

    def run_once(self) -> int:
        """Apply one batch of notifications; return how many were read."""
        prepared = self._prepare(self.read_model.positions())
        self._commit(prepared.ready)
        return prepared.read

    def _prepare(self, positions: dict[str, int]) -> Prepared:
        """The next batch of each projection behind, from these positions."""
        start = min(positions[p.name] for p in self.projections) + 1
        # Ids commit in order (the event store locks its table; SQLite has one
        # writer), so every notification up to the head read now is visible next.
        head = self.app.recorder.max_notification_id() or 0
        notifications = self.app.recorder.select_notifications(
            start, self.batch_size, topics=self.topics
        )
        caught_up = len(notifications) < self.batch_size
        decoded: dict[int, Any] = {}
        batches: list[Batch] = []
        after = dict(positions)
        for projection in self.projections:
            position = positions[projection.name]
            behind = [n for n in notifications if n.id > position]
            reached = behind[-1].id if behind else position
            if caught_up:  # what is left up to the head concerns no projection here
                reached = max(reached, head)
            if reached > position:
                changes = self._changes(projection, behind, decoded)
                keyed = projection.changes.keyed
                batches.append(
                    Batch(projection.name, position, reached, changes, keyed)
                )
                after[projection.name] = reached
        ready = self.read_model.ready(batches) if batches else None
        return Prepared(len(notifications), ready, after)

    def _commit(self, ready: Ready | None) -> bool:
        """Commit a batch; False if another projector moved a position first."""
        if ready is None:
            return True
        try:
            self.read_model.commit(ready)
        except PositionMovedError:
            log.info("projections moved on elsewhere; re-reading")
            return False
        return True

    def _changes(
        self,
        projection: Projection[Any],
        notifications: list[Notification],
        decoded: dict[int, Any],
    ) -> list[Change]:
        """The projection's row changes for these notifications (each decoded once)."""
        out = projection.changes()
        for notification in notifications:
            if notification.topic in projection.handlers:
                event = decoded.get(notification.id)
                if event is None:
                    event = self.app.mapper.to_domain_event(notification)
                    decoded[notification.id] = event
                projection.handle(notification.topic, event, out)
        return projection.ordered(out.items)

    def catch_up(
        self,
        stop: threading.Event | None = None,
        reached: Callable[[int], None] | None = None,
    ) -> int:
        """Apply batches until the log is exhausted (or ``stop`` is set); return
        how many notifications were read. ``reached`` is told, after each batch,
        the notification id every projection here has got to (progress).

        While one batch commits (in a second thread: the database works, the
        driver waits without the interpreter lock) the next is read, decoded,
        handled and written as SQL, from the positions the first will leave. If
        another projector moved a position first, that next batch is dropped and
        positions re-read.
        """
        total = 0
        with ThreadPoolExecutor(1, thread_name_prefix="projector-commit") as pool:
            positions = self.read_model.positions()
            pending: Future[bool] | None = None
            while stop is None or not stop.is_set():
                prepared = self._prepare(positions)
                if pending is not None and not pending.result():
                    pending, positions = None, self.read_model.positions()
                    continue
                # Nothing to commit (idle polls): no commit thread is started.
                pending = (
                    pool.submit(self._commit, prepared.ready)
                    if prepared.ready is not None
                    else None
                )
                total += prepared.read
                positions = prepared.positions
                if reached is not None:
                    reached(min(positions[p.name] for p in self.projections))
                if prepared.read == 0:
                    break
            if pending is not None:
                pending.result()
        return total

    def run(self, stop: threading.Event, interval: float = 0.2) -> None:
        """Follow the log until ``stop`` is set, polling when there is nothing new.

        A failed batch (a passing database error, or an event one projection
        cannot apply) is retried; meanwhile each projection catches up on its
        own, so one that keeps failing holds back none of the others.
        """
        while not stop.is_set():
            try:
                if self.catch_up(stop) == 0:
                    stop.wait(interval)
            except Exception:
                log.exception("projector batch failed; each projection alone")
                self.catch_up_each(stop)
                stop.wait(interval * 5)

    def catch_up_each(self, stop: threading.Event | None = None) -> list[str]:
        """Catch each projection up on its own; return those that failed."""
        failed = []
        for projection in self.projections:
            alone = Projector(self.app, self.read_model, [projection], self.batch_size)
            try:
                alone.catch_up(stop)
            except Exception:
                log.exception("projection %s cannot advance", projection.name)
                failed.append(projection.name)
        return failed

    def rebuild(self, name: str, reached: Callable[[int], None] | None = None) -> int:
        """Drop a projection's tables and replay it from the first event."""
        self.read_model.drop(name)
        self.read_model.create(name)
        return Projector(
            self.app, self.read_model, [PROJECTIONS[name]], self.batch_size
        ).catch_up(reached=reached)
