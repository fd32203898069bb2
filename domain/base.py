"""The base of steerlog's aggregates: state is immutable values in plain containers."""

from __future__ import annotations

from typing import Any

from eventsourcing.domain import Aggregate


class SteerlogAggregate(Aggregate):
    """An aggregate whose state holds immutable values in one level of containers.

    Every attribute is an immutable value (str, UUID, date, enum, frozen dataclass)
    or a dict, list or set of them. So a copy that copies those containers, and
    shares the values, is a full copy: the repository's cache hands out one per
    request without paying for ``copy.deepcopy`` over hundreds of speeches.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> SteerlogAggregate:
        duplicate = object.__new__(type(self))
        duplicate.__dict__.update(
            (name, _copy_container(value)) for name, value in self.__dict__.items()
        )
        return duplicate


def _copy_container(value: Any) -> Any:
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, list):
        return list(value)
    if isinstance(value, set):
        return set(value)
    return value
