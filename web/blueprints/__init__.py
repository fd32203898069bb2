"""The API's blueprints, one per resource, in the order the document lists them."""

from __future__ import annotations

from web.blueprints import (
    agencies,
    assignments,
    committees,
    health,
    history,
    meeting_points,
    meeting_record,
    meetings,
    people,
)

BLUEPRINTS = [
    committees.blp,
    agencies.blp,
    people.blp,
    meetings.blp,
    meeting_points.blp,
    meeting_record.blp,
    assignments.blp,
    history.blp,
    health.blp,
]
