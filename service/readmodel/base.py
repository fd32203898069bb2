"""The read-model interface: what projections write and people read, typed.

``ReadModel`` names every read in the domain's words and returns the rows of
``service.readmodel.rows``; it combines once the reads of each family
(``service.readmodel.reads``) over a ``Store``, and each database supplies the
store's connection, batches and ``.sql`` files (``SQLiteReadModel``,
``PostgresReadModel``). Nothing outside the implementations names a table, a
column or a statement.
"""

from __future__ import annotations

from service.readmodel.paging import (
    AssignmentFilter,
    BadCursorError,
    MeetingFilter,
    Page,
    PageOf,
)
from service.readmodel.reads.digests import DigestReads
from service.readmodel.reads.lineage import LineageReads
from service.readmodel.reads.meetings import MeetingReads
from service.readmodel.reads.tracker import TrackerReads
from service.readmodel.rows import Graph
from service.readmodel.store import STATUSES, Batch, PositionMovedError, Ready, Row

__all__ = [
    "STATUSES",
    "AssignmentFilter",
    "BadCursorError",
    "Batch",
    "Graph",
    "MeetingFilter",
    "Page",
    "PageOf",
    "PositionMovedError",
    "ReadModel",
    "Ready",
    "Row",
]


class ReadModel(MeetingReads, TrackerReads, LineageReads, DigestReads):
    """Tables fed by projections, and the reads that leaders and officers make."""
