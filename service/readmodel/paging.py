"""What a reader asks for: filters, a page of rows and the opaque cursor to the next."""

from __future__ import annotations

import base64
import json
import secrets
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Generic, TypeVar
from uuid import UUID

from itsdangerous import BadSignature, URLSafeSerializer

T = TypeVar("T")
# The longest page any list hands out (the API refuses a larger ``limit``).
# TODO(merge): domainrules gives the service one MAX_PAGE; import it from there.
MAX_PAGE = 200
# Committees a read is scoped to; None: every committee.
Committees = Collection[UUID] | None


class BadCursorError(ValueError):
    """A paging cursor that this read model did not hand out."""


@dataclass(frozen=True)
class Page:
    """A page request: at most ``limit`` rows after ``cursor``."""

    limit: int = 50
    cursor: str | None = None

    @property
    def size(self) -> int:
        """The rows this page may hold, within 1..MAX_PAGE."""
        return max(1, min(self.limit, MAX_PAGE))


@dataclass(frozen=True)
class PageOf(Generic[T]):
    """A page of rows and the cursor of the next page (None on the last)."""

    items: list[T]
    next_cursor: str | None


@dataclass(frozen=True)
class MeetingFilter:
    """Which meetings to list."""

    committee_id: str | UUID | None = None
    status: str | None = None
    format: str | None = None
    starts_from: datetime | None = None
    starts_before: datetime | None = None


@dataclass(frozen=True)
class AssignmentFilter:
    """Which assignments to list; statuses are evaluated on ``day``."""

    day: date
    agency_id: str | UUID | None = None
    committee_id: str | UUID | None = None
    meeting_id: str | UUID | None = None
    speaker_id: str | UUID | None = None
    status: str | None = None
    due_from: date | None = None
    due_to: date | None = None
    # Only those with an extension asked for and not yet granted (chờ gia hạn).
    extension_requested: bool = False


def encode_cursor(*values: Any) -> str:
    """An opaque cursor from the sort key of the last row of a page."""
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode()


def decode_cursor(cursor: str | None, size: int) -> list[Any]:
    """The sort key inside a cursor (``size`` values), or Nones for the first page."""
    if cursor is None:
        return [None] * size
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except ValueError:
        raise BadCursorError(cursor) from None
    if not isinstance(values, list) or len(values) != size:
        raise BadCursorError(cursor)
    return values


class Cursors:
    """Cursors signed with a key: a client gets back only the cursors it was given.

    The read models' cursors carry the sort key of a row as it is; a client
    that made one up could hand a database values of the wrong type. Sealed,
    a cursor is opened only if this key signed it for the same list, so a
    tampered or invented one, or one of another list, is a ``BadCursorError``
    (422), never a query.
    """

    def __init__(self, key: str | None = None) -> None:
        # Without a key (tests, one process), cursors last as long as this object.
        secret = key or secrets.token_urlsafe(32)
        self._serializer = URLSafeSerializer(secret, salt="steerlog.cursor")

    def seal(self, listing: str, cursor: str | None) -> str | None:
        """The signed form of a cursor of ``listing`` (None stays None)."""
        if cursor is None:
            return None
        return self._serializer.dumps([listing, cursor])

    def open(self, listing: str, sealed: str | None) -> str | None:
        """The cursor a signed one of ``listing`` holds, or ``BadCursorError``."""
        if sealed is None:
            return None
        try:
            opened = self._serializer.loads(sealed)
        except (BadSignature, UnicodeError, ValueError):
            raise BadCursorError(sealed) from None
        match opened:
            case [str(name), str(cursor)] if name == listing:
                return cursor
        raise BadCursorError(sealed)

    def opened(self, listing: str, page: Page) -> Page:
        """``page`` of ``listing`` with its cursor opened."""
        return replace(page, cursor=self.open(listing, page.cursor))

    def sealed(self, listing: str, found: PageOf[T]) -> PageOf[T]:
        """``found`` with its next cursor sealed for ``listing``."""
        return PageOf(found.items, self.seal(listing, found.next_cursor))


def paged(
    rows: Sequence[T], page: Page, key: Callable[[T], Sequence[Any]]
) -> PageOf[T]:
    """The page of ``rows`` (read with one row more than the page holds, which tells
    whether a next page exists), with the cursor after its last row."""
    if len(rows) <= page.size:
        return PageOf(list(rows), None)
    items = list(rows[: page.size])
    return PageOf(items, encode_cursor(*key(items[-1])))
