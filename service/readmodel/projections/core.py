"""A projection: handlers that turn events into named row operations (no SQL here)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import DomainEventProtocol
from eventsourcing.utils import get_topic

from service.readmodel.base import Operation

Handler = Callable[[Any, "Operations"], None]


def _utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


# By exact type: a dict lookup per parameter, in the projector's innermost loop.
_TEXT_OF: dict[type, Callable[[Any], Any]] = {
    UUID: str,
    datetime: _utc_text,
    date: date.isoformat,
}


def value(raw: Any) -> Any:
    """A parameter as both databases take it: ids and dates as text, times in UTC."""
    convert = _TEXT_OF.get(type(raw))
    return raw if convert is None else convert(raw)


class Operations:
    """The row changes one batch of events makes, in order."""

    def __init__(self) -> None:
        self.items: list[Operation] = []

    def put(self, statement: str, **params: Any) -> None:
        """Add one named statement with its parameters."""
        self.items.append((statement, {key: value(raw) for key, raw in params.items()}))


class Projection:
    """A named set of tables and the handlers that keep them up to date."""

    def __init__(
        self,
        name: str,
        statement_order: tuple[str | tuple[str, ...], ...] = (),
        barriers: tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.handlers: dict[str, Handler] = {}
        # Where a projection's statements commute, a batch may group them: long
        # runs of one statement become multi-row inserts. Statements named
        # together (a tuple) share a rank and keep their order among themselves;
        # a barrier keeps its place, and nothing is moved across it. Projections
        # whose order matters throughout leave the order empty.
        self.statement_order = {
            statement: rank
            for rank, names in enumerate(statement_order)
            for statement in ((names,) if isinstance(names, str) else names)
        }
        self.barriers = frozenset(barriers)

    def ordered(self, operations: list[Operation]) -> list[Operation]:
        """The batch's operations, grouped by statement when that is safe."""
        if not self.statement_order:
            return operations
        result: list[Operation] = []
        segment: list[Operation] = []
        for operation in operations:
            if operation[0] in self.barriers:
                result.extend(self._grouped(segment))
                result.append(operation)
                segment = []
            else:
                segment.append(operation)
        result.extend(self._grouped(segment))
        return result

    def _grouped(self, operations: list[Operation]) -> list[Operation]:
        # A stable sort: operations of one rank keep the order they came in.
        return sorted(
            operations, key=lambda operation: self.statement_order[operation[0]]
        )

    def on(self, aggregate: type, *event_names: str) -> Callable[[Handler], Handler]:
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

        def register(handler: Handler) -> Handler:
            for topic in topics:
                self.handlers[topic] = handler
            return handler

        return register

    def handle(self, topic: str, event: DomainEventProtocol, out: Operations) -> None:
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
