"""Where the documents read tracker rows and meeting names: today's read side.

The one adapter between the documents and ``service/readmodel``: when the read
side's interface changes, only ``tracker_pages`` and ``committee_meetings``
follow it.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from service.paging import MAX_PAGE
from service.readmodel.base import AssignmentFilter, MeetingFilter, Page
from service.readmodel.readside import ReadSide
from service.readmodel.rows import MeetingSummary, TrackedAssignment

AHEAD = 2  # batches read ahead of the writer


def tracker_pages(
    read_side: ReadSide, where: AssignmentFilter
) -> Iterator[list[TrackedAssignment]]:
    """The tracker query ``where``'s answer, batch after batch, by due date.

    Each row is the tracker's own (``GET /api/v1/assignments``): id, title, kind,
    committee, meeting and item, deadlines, status on ``where.day``, agencies;
    read in one walk of batches larger than the API's pages.
    """
    return read_side.every_assignment(where)


def tracker_rows(
    read_side: ReadSide, where: AssignmentFilter
) -> Iterator[TrackedAssignment]:
    """Every row of the tracker query ``where``, the next pages read meanwhile.

    A reader thread keeps at most ``AHEAD`` pages waiting, so the database reads
    while the caller writes a file, and memory stays bounded whatever the count.
    """
    pages: queue.Queue[list[TrackedAssignment] | BaseException | None] = queue.Queue(
        AHEAD
    )
    stop = threading.Event()

    def read() -> None:
        try:
            for page in tracker_pages(read_side, where):
                if not _offer(pages, page, stop):
                    return
            _offer(pages, None, stop)
        except BaseException as error:  # handed to the caller's thread
            _offer(pages, error, stop)

    reader = threading.Thread(target=read, name="tracker-pages", daemon=True)
    reader.start()
    try:
        while (page := pages.get()) is not None:
            if isinstance(page, BaseException):
                raise page
            yield from page
    finally:
        stop.set()
        reader.join()


def _offer(pages: queue.Queue[Any], item: Any, stop: threading.Event) -> bool:
    """Put ``item`` unless the caller stopped reading; whether it was put."""
    while not stop.is_set():
        try:
            pages.put(item, timeout=0.1)
            return True
        except queue.Full:
            continue
    return False


def committee_meetings(
    read_side: ReadSide, committee_id: str
) -> Iterator[MeetingSummary]:
    """Every meeting of a committee, newest first (id, title, status, starts_at...)."""
    cursor: str | None = None
    while True:
        page = read_side.meetings(
            MeetingFilter(committee_id=committee_id),
            Page(limit=MAX_PAGE, cursor=cursor),
        )
        yield from page.items
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


@dataclass
class MeetingNames:
    """Meetings' titles and days, read once per committee as rows ask for them."""

    read_side: ReadSide
    zone: ZoneInfo
    known: dict[str, tuple[str, date]] = field(default_factory=dict)
    committees: set[str] = field(default_factory=set)

    def of(self, committee_id: str, meeting_id: str) -> tuple[str, date] | None:
        """The title and day of a meeting, or None if the read side has none."""
        if committee_id not in self.committees:
            self.committees.add(committee_id)
            for row in committee_meetings(self.read_side, committee_id):
                starts = as_moment(row.starts_at).astimezone(self.zone)
                self.known[str(row.id)] = (row.title, starts.date())
        return self.known.get(meeting_id)


def as_moment(value: object) -> datetime:
    """A read-side time (text on SQLite, typed on PostgreSQL)."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def as_date(value: object) -> date:
    """A read-side date or time (text on SQLite, typed on PostgreSQL) as a date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return datetime.fromisoformat(str(value)).date()


@lru_cache(maxsize=4096)
def optional_date(value: object) -> date | None:
    """A date column that may be empty, each text parsed once (a report of
    200,000 tasks has a few hundred distinct days, each met thousands of times)."""
    return None if value in (None, "") else as_date(value)
