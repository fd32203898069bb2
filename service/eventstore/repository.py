"""The library's repository, with a cache whose aggregates are never changed in place.

eventsourcing's ``Repository`` fast-forwards a cached aggregate by applying new
events to the cached object itself, then hands out a deep copy. Here a cached
aggregate is never touched again once cached: fast-forwarding applies the new
events to a copy and caches that copy instead (copy on write). So

- a reader may use the cached object as it is (``deepcopy_from_cache=False``,
  see ``SteerlogBase.view``): nobody will change it under its feet, whatever
  other threads load and save meanwhile;
- a command still gets its own copy (the default), which it changes and saves;
- a reader of an unchanged aggregate pays for one query and no copy at all.

Everything else (snapshots, versions, not found, no cache) is the library's.
"""

from __future__ import annotations

from copy import deepcopy
from threading import Lock
from typing import Any
from uuid import UUID

from eventsourcing.application import (
    AggregateNotFound,
    ProjectorFunction,
    Repository,
    project_aggregate,
)
from eventsourcing.persistence import EventStore


class CopyOnWriteRepository(Repository):
    """A repository whose cache is copy-on-write (see the module's docstring)."""

    def __init__(
        self,
        event_store: EventStore,
        snapshot_store: EventStore | None,
        cache_maxsize: int | None,
    ) -> None:
        super().__init__(
            event_store=event_store,
            snapshot_store=snapshot_store,
            cache_maxsize=cache_maxsize,
            fastforward=True,
        )
        self._replacing = Lock()

    def get(
        self,
        aggregate_id: UUID,
        version: int | None = None,
        projector_func: ProjectorFunction[Any, Any] = project_aggregate,
        fastforward_skipping: bool = False,
        deepcopy_from_cache: bool = True,
    ) -> Any:
        """The aggregate now (from the cache, brought up to date) or at ``version``."""
        if self.cache is None or version is not None:
            return super().get(
                aggregate_id,
                version=version,
                projector_func=projector_func,
                deepcopy_from_cache=deepcopy_from_cache,
            )
        aggregate = self._current(aggregate_id, projector_func)
        return deepcopy(aggregate) if deepcopy_from_cache else aggregate

    def cached_at(self, aggregate_id: UUID, version: int) -> Any | None:
        """The cached aggregate if it is at ``version`` (no query); else None.

        For a caller that has just read the aggregate's latest version along
        with something else: the cached object is then current, as a
        fast-forward would have found it.
        """
        if self.cache is None:
            return None
        try:
            cached = self.cache.get(aggregate_id)
        except KeyError:
            return None
        return cached if cached.version == version else None

    def _current(
        self, aggregate_id: UUID, projector_func: ProjectorFunction[Any, Any]
    ) -> Any:
        assert self.cache is not None
        try:
            cached = self.cache.get(aggregate_id)
        except KeyError:
            built = self._reconstruct_aggregate(aggregate_id, None, projector_func)
            return self._keep(aggregate_id, built)
        new_events = list(
            self.event_store.get(originator_id=aggregate_id, gt=cached.version)
        )
        if not new_events:
            return cached
        advanced = projector_func(deepcopy(cached), new_events)
        if advanced is None:
            raise AggregateNotFound(aggregate_id)
        return self._keep(aggregate_id, advanced)

    def _keep(self, aggregate_id: UUID, aggregate: Any) -> Any:
        """Cache ``aggregate`` unless a newer version was cached meanwhile."""
        assert self.cache is not None
        with self._replacing:
            try:
                cached = self.cache.get(aggregate_id)
            except KeyError:
                cached = None
            if cached is None or cached.version < aggregate.version:
                self.cache.put(aggregate_id, aggregate)
        return aggregate
