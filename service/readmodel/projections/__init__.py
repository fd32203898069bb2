"""Projections: follow the notification log, keep the read models' tables current."""

from __future__ import annotations

from typing import Any

from service.readmodel.projections.core import Projection
from service.readmodel.projections.digests import digests
from service.readmodel.projections.directory import directory
from service.readmodel.projections.lineage import lineage
from service.readmodel.projections.meetings import meetings
from service.readmodel.projections.search import search
from service.readmodel.projections.tracker import tracker

PROJECTIONS: dict[str, Projection[Any]] = {
    projection.name: projection
    for projection in (directory, meetings, tracker, lineage, search, digests)
}
