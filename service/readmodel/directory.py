"""The directory's lists: committees, agencies and people by name, filtered by a
folded name (``so thong tin`` finds ``Sở Thông tin và Truyền thông``) and paged.

The directory is small (hundreds of committees and agencies, thousands of
people), and its folded forms are not all kept as columns, so the rows are
folded here, once per list, with ``domain.text.fold``: the one rule of matching.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, TypeVar

from domain.text import fold
from service.readmodel.paging import BadCursorError, Page, PageOf, decode_cursor, paged


class Listed(Protocol):
    """A directory row: anything with an id."""

    @property
    def id(self) -> str:
        """The row's id (the last tie-breaker of the order)."""
        ...


T = TypeVar("T", bound=Listed)
# The longest filter that is still a name (longer ones cannot match anything).
MAX_QUERY = 500


def by_name(
    rows: Iterable[T],
    page: Page,
    query: str | None,
    name: Callable[[T], str],
    also: Callable[[T], Sequence[str | None]] = lambda row: (),
) -> PageOf[T]:
    """The rows whose folded name (or ``also``: aliases, a title) contains the
    folded ``query``, ordered by folded name, one page after ``page.cursor``."""
    wanted = fold(query or "")[:MAX_QUERY]

    def order(row: T) -> tuple[str, str, str]:
        return fold(name(row)), name(row), str(row.id)

    def matches(row: T) -> bool:
        names = (name(row), *(other for other in also(row) if other))
        return any(wanted in fold(text) for text in names)

    chosen = sorted((row for row in rows if not wanted or matches(row)), key=order)
    if page.cursor is not None:
        after = _after(page.cursor)
        chosen = [row for row in chosen if order(row) > after]
    return paged(chosen[: page.size + 1], page, order)


def _after(cursor: str) -> tuple[str, str, str]:
    """The sort key a cursor of these lists carries (three strings)."""
    values = decode_cursor(cursor, 3)
    if not all(isinstance(value, str) for value in values):
        raise BadCursorError(cursor)
    return values[0], values[1], values[2]
