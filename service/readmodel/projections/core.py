"""A projection: handlers that turn events into typed row changes (no SQL here)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar
from uuid import UUID

from eventsourcing.domain import DomainEventProtocol
from eventsourcing.utils import get_topic

from service.readmodel.changes import Change, Changes

C = TypeVar("C", bound=Changes)
Handler = Callable[[Any, C], None]


class Projection(Generic[C]):
    """A named set of tables, its row changes and the handlers that make them."""

    def __init__(
        self,
        name: str,
        changes: type[C],
        statement_order: tuple[str | tuple[str, ...], ...] = (),
        barriers: tuple[str, ...] = (),
    ) -> None:
        self.name, self.changes = name, changes
        self.handlers: dict[str, Handler[C]] = {}
        # Where a projection's changes commute, a batch may group them: long
        # runs of one change become multi-row statements. Changes named
        # together (a tuple) share a rank and keep their order among themselves;
        # a barrier keeps its place, and nothing is moved across it. Projections
        # whose order matters throughout leave the order empty.
        self.statement_order = {
            statement: rank
            for rank, names in enumerate(statement_order)
            for statement in ((names,) if isinstance(names, str) else names)
        }
        self.barriers = frozenset(barriers)
        for statement in (*self.statement_order, *self.barriers):
            if not callable(getattr(changes, statement, None)):
                raise TypeError(f"{name}: {changes.__name__} has no {statement}")

    def ordered(self, changes: list[Change]) -> list[Change]:
        """The batch's changes, grouped by statement when that is safe."""
        if not self.statement_order:
            return changes
        result: list[Change] = []
        segment: list[Change] = []
        for item in changes:
            if item.statement in self.barriers:
                result.extend(self._grouped(segment))
                result.append(item)
                segment = []
            else:
                segment.append(item)
        result.extend(self._grouped(segment))
        return result

    def _grouped(self, changes: list[Change]) -> list[Change]:
        # A stable sort: changes of one rank keep the order they came in.
        return sorted(changes, key=lambda item: self.statement_order[item.statement])

    def on(
        self, aggregate: type, *event_names: str
    ) -> Callable[[Handler[C]], Handler[C]]:
        """Register the decorated function for ``aggregate``'s events of these names."""
        # @event creates the event classes at run time, out of a type checker's
        # sight; getattr still fails at import if a name is wrong. A subclass
        # aggregate gets its own copy of an inherited event class, but the base's
        # method triggers (and stores) the base's class: answer to both.
        topics = [
            get_topic(cls)
            for name in event_names
            for cls in getattr(aggregate, name).__mro__
            if cls.__name__ == name
        ]

        def register(handler: Handler[C]) -> Handler[C]:
            for topic in topics:
                self.handlers[topic] = handler
            return handler

        return register

    def handle(self, topic: str, event: DomainEventProtocol, out: C) -> None:
        """Apply the handler for this event's topic; unknown events just pass."""
        handler = self.handlers.get(topic)
        if handler is not None:
            handler(event, out)


def node_key(kind: str, ref: Any) -> str:
    """The lineage key of a node: ``meeting:<id>``, ``document:<number>``..."""
    return f"{kind}:{ref}"


def item_key(meeting_id: UUID, number: str) -> str:
    """The lineage key of a conclusion item."""
    return node_key("item", f"{meeting_id}#{number}")
