"""The eventsourcing Application at steerlog's core: loading, saving, history, as-of."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar, cast
from uuid import UUID

from eventsourcing.application import AggregateNotFound, Application, Repository
from eventsourcing.domain import (
    Aggregate,
    DomainEventProtocol,
    MutableOrImmutableAggregate,
)
from eventsourcing.persistence import IntegrityError, Recording, Transcoder

from domain.meeting import Meeting
from service.errors import (
    AlreadyExistsError,
    ConcurrencyConflictError,
    NotFoundError,
    StaleVersionError,
)
from service.eventstore.repository import CopyOnWriteRepository
from service.eventstore.snapshots import StateSnapshot, register_state_transcodings
from service.eventstore.transcodings import register_domain_transcodings
from service.plain import plain
from service.settings import Settings

log = logging.getLogger(__name__)
A = TypeVar("A", bound=Aggregate)
Clock = Callable[[], datetime]

_EVENT_ENVELOPE = {
    "originator_id",
    "originator_version",
    "timestamp",
    "originator_topic",
}


def _mutating(event: object) -> Aggregate.Event:
    """A stored event as the aggregate event it is (the store types it loosely)."""
    return cast(Aggregate.Event, event)


def utc_now() -> datetime:
    """The current time, with its UTC offset."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class Written:
    """What a write returns: the aggregate, its new version, the log position."""

    id: UUID
    version: int
    position: int

    def naming(self, part_id: UUID) -> Written:
        """The same write, naming the part it added (a speech, a point...)."""
        return Written(part_id, self.version, self.position)


@dataclass(frozen=True)
class HistoryEntry:
    """One event of an aggregate's history: what happened, who did it, and when."""

    version: int
    event: str
    recorded_at: datetime
    actor: str | None
    data: dict[str, Any]
    # Who the actor is, for people: an account's display name (or the actor).
    actor_name: str | None = None


class SteerlogBase(Application):
    """Loading, saving and reading history; the use cases live in subclasses."""

    snapshot_class = StateSnapshot

    def __init__(self, settings: Settings, clock: Clock = utc_now) -> None:
        self.settings = settings
        self.clock = clock
        # Snapshots are taken by ``save`` below, not by the library's own
        # ``snapshotting_intervals`` (which re-reads the aggregate to snapshot it).
        self.snapshot_every: dict[type[Aggregate], int] = {
            Meeting: settings.snapshot_interval
        }
        super().__init__(env=settings.eventsourcing_env())

    def register_transcodings(self, transcoder: Transcoder) -> None:
        """Add the domain's value objects to the library's transcodings."""
        super().register_transcodings(transcoder)
        register_domain_transcodings(transcoder)
        register_state_transcodings(transcoder)

    # -- loading and saving --------------------------------------------------

    def save(
        self,
        *objs: MutableOrImmutableAggregate | DomainEventProtocol | None,
        **kwargs: Any,
    ) -> list[Recording]:
        """Store the pending events; snapshot what crossed its snapshot interval.

        A meeting gets a snapshot whenever its version passes a multiple of
        ``snapshot_every[Meeting]``. The snapshot is of the aggregate just saved,
        which is exactly the recorded state: nothing is read back to take it. A
        failed save takes none; a snapshot is only ever a shortcut for loading.
        """
        self._stamp(objs)
        due = [obj for obj in objs if self._snapshot_due(obj)]
        recordings = super().save(*objs, **kwargs)
        if due and self.snapshots is not None:
            try:
                self.snapshots.put([self.snapshot_class.take(obj) for obj in due])
            except Exception:  # the events are stored: the write succeeded
                log.warning("snapshot not stored; loads replay instead", exc_info=True)
        return recordings

    def _stamp(self, objs: tuple[object, ...]) -> None:
        """Record the pending events at the application's clock, not the library's.

        The application's clock is the one time source (injected in tests), so
        the past as it was recorded (``get_as_of``: a late digest, a page as of a
        day) follows the same clock as every other time the application keeps.
        """
        now = self.clock()
        for obj in objs:
            for pending in obj.pending_events if isinstance(obj, Aggregate) else ():
                object.__setattr__(pending, "timestamp", now)

    def _snapshot_due(self, obj: object) -> bool:
        if not isinstance(obj, Aggregate) or not obj.pending_events:
            return False
        interval = self.snapshot_every.get(type(obj))
        if not interval:
            return False
        first = obj.pending_events[0].originator_version
        return obj.version // interval > (first - 1) // interval

    def construct_repository(self) -> Repository:
        """The library's repository, with a copy-on-write aggregate cache."""
        return CopyOnWriteRepository(
            event_store=self.events,
            snapshot_store=self.snapshots,
            cache_maxsize=self.settings.aggregate_cache_size or None,
        )

    def load(self, cls: type[A], aggregate_id: UUID, field: str | None = None) -> A:
        """The current state of an aggregate of type ``cls``, or ``NotFoundError``.

        The caller's own copy: a command changes it, then saves it.
        """
        return self._current(cls, aggregate_id, field, copy=True)

    def view(self, cls: type[A], aggregate_id: UUID) -> A:
        """The current state of an aggregate, to be read only (dumped, queried).

        With the cache on, this is the cached object itself, which nothing ever
        changes (``CopyOnWriteRepository``): it costs no copy. Never change it.
        """
        return self._current(cls, aggregate_id, None, copy=False)

    def _current(
        self, cls: type[A], aggregate_id: UUID, field: str | None, copy: bool
    ) -> A:
        try:
            aggregate: object = self.repository.get(
                aggregate_id, deepcopy_from_cache=copy
            )
        except AggregateNotFound:
            raise NotFoundError(cls.__name__.lower(), aggregate_id, field) from None
        if not isinstance(aggregate, cls):
            raise NotFoundError(cls.__name__.lower(), aggregate_id, field)
        return aggregate

    def commit(self, *aggregates: Aggregate) -> Written:
        """Store all pending events of ``aggregates`` in one transaction."""
        try:
            recordings = self.save(*aggregates)
        except IntegrityError:
            raise ConcurrencyConflictError([a.id for a in aggregates]) from None
        position = (
            max(r.notification.id for r in recordings)
            if recordings
            else self.recorder.max_notification_id()
        )
        first = aggregates[0]
        return Written(first.id, first.version, position)

    def create(self, aggregate: Aggregate, kind: str) -> Written:
        """Save a new aggregate; a deterministic id that exists means it exists."""
        try:
            return self.commit(aggregate)
        except ConcurrencyConflictError:
            raise AlreadyExistsError(kind, aggregate.id) from None

    def change(
        self,
        cls: type[A],
        aggregate_id: UUID,
        command: Callable[[A], object],
        expected_version: int | None = None,
    ) -> Written:
        """Load, check the caller's expected version, run one command, save."""
        aggregate = self.load(cls, aggregate_id)
        self.check_version(aggregate, expected_version)
        command(aggregate)
        return self.commit(aggregate)

    @staticmethod
    def check_version(aggregate: Aggregate, expected_version: int | None) -> None:
        """The caller's ``If-Match`` version must be the aggregate's current one."""
        if expected_version is not None and expected_version != aggregate.version:
            raise StaleVersionError(aggregate.id, expected_version, aggregate.version)

    # -- reading the past ----------------------------------------------------

    def history(
        self, aggregate_id: UUID, after_version: int = 0, limit: int | None = None
    ) -> list[HistoryEntry]:
        """Events of an aggregate after ``after_version``, oldest first, with actor."""
        events = self.events.get(aggregate_id, gt=after_version or None, limit=limit)
        entries = [
            HistoryEntry(
                version=event.originator_version,
                event=type(event).__name__,
                recorded_at=event.timestamp,
                actor=getattr(event, "actor", None),
                data={
                    key: plain(value)
                    for key, value in event.__dict__.items()
                    if key not in _EVENT_ENVELOPE and key != "actor"
                },
            )
            for event in map(_mutating, events)
        ]
        if not entries and not after_version:
            raise NotFoundError("aggregate", aggregate_id)
        return entries

    def get_as_of(self, aggregate_id: UUID, at: datetime) -> Aggregate:
        """The aggregate as it stood at ``at`` (by when its events were recorded)."""
        aggregate: Aggregate | None = None
        for event in self._events_of(aggregate_id):
            if event.timestamp > at:
                break
            aggregate = event.mutate(aggregate)
        if aggregate is None:
            raise NotFoundError("aggregate", aggregate_id)
        return aggregate

    def _events_of(self, aggregate_id: UUID) -> list[Aggregate.Event]:
        return [_mutating(event) for event in self.events.get(aggregate_id)]

    def get(self, aggregate_id: UUID, version: int | None = None) -> Aggregate:
        """Any aggregate by id, now or at a given version."""
        try:
            aggregate: Aggregate = self.repository.get(aggregate_id, version=version)
        except AggregateNotFound:
            raise NotFoundError("aggregate", aggregate_id) from None
        return aggregate
