"""The service's own exceptions: not found, already exists, and write conflicts."""

from __future__ import annotations

from uuid import UUID


class ServiceError(Exception):
    """Base of the errors a use case raises besides domain rule violations."""


class NotFoundError(ServiceError):
    """No aggregate of that kind has that id (or it did not exist at that time)."""

    def __init__(self, kind: str, id: UUID, field: str | None = None) -> None:
        self.kind, self.id, self.field = kind, id, field
        super().__init__(f"{kind} {id} not found")


class AlreadyExistsError(ServiceError):
    """Something with that identity (deterministic id) is already recorded."""

    def __init__(self, kind: str, id: UUID) -> None:
        self.kind, self.id = kind, id
        super().__init__(f"{kind} {id} already exists")


class ConcurrencyConflictError(ServiceError):
    """Another write reached the aggregate first; nothing of this one was stored."""

    def __init__(self, ids: list[UUID]) -> None:
        self.ids = ids
        super().__init__(f"concurrent write to {', '.join(map(str, ids))}; retry")


class StaleVersionError(ServiceError):
    """The caller's expected version (``If-Match``) is not the aggregate's version."""

    def __init__(self, id: UUID, expected: int, actual: int) -> None:
        self.id, self.expected, self.actual = id, expected, actual
        super().__init__(f"{id} is at version {actual}, not {expected}")


class RowsRefusedError(ServiceError):
    """Some rows of a batch break a rule; nothing of the batch was stored.

    ``errors`` maps each refused row's index to the domain error it raised;
    ``field`` names the list the rows came in (``points``).
    """

    def __init__(self, errors: dict[int, Exception], field: str = "rows") -> None:
        self.errors, self.field = errors, field
        super().__init__(f"{len(errors)} row(s) refused: {sorted(errors)}")
