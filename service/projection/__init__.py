"""Projections: follow the notification log, keep the read models' tables current."""

from __future__ import annotations

from service.projection.core import Projection
from service.projection.digests import digests
from service.projection.directory import directory
from service.projection.lineage import lineage
from service.projection.meetings import meetings
from service.projection.search import search
from service.projection.tracker import tracker

PROJECTIONS: dict[str, Projection] = {
    projection.name: projection
    for projection in (directory, meetings, tracker, lineage, search, digests)
}
