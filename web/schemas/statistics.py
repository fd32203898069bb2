"""Schemas of statistics: assignments in each status, per agency or committee."""

from __future__ import annotations

from marshmallow import Schema, fields
from marshmallow.validate import Range

from web.schemas.fields import Day

_COUNT = {"description": "Assignments in this status on the day."}


class StatisticsArgsSchema(Schema):
    """The day statuses are judged on, and the committee to count."""

    day = Day(
        load_default=None,
        metadata={
            "description": "Default: today in the committee's zone "
            "(Asia/Ho_Chi_Minh without committee_id)."
        },
    )
    committee_id = fields.UUID(load_default=None)


class CountsSchema(Schema):
    """Counts of one agency's or committee's assignments in each status."""

    id = fields.UUID(required=True)
    name = fields.String(allow_none=True)
    done_on_time = fields.Integer(required=True, metadata=_COUNT)
    done_late = fields.Integer(required=True, metadata=_COUNT)
    in_progress = fields.Integer(required=True, metadata=_COUNT)
    overdue = fields.Integer(required=True, metadata=_COUNT)
    cancelled = fields.Integer(required=True, metadata=_COUNT)
    superseded = fields.Integer(required=True, metadata=_COUNT)
    total = fields.Integer(required=True)
    on_time_rate = fields.Float(
        allow_none=True,
        validate=Range(min=0, max=1),
        metadata={"description": "Done on time / done; null when nothing is done."},
    )


class StatisticsSchema(Schema):
    """Counts per agency (each judged by its own part) or per committee."""

    items = fields.List(fields.Nested(CountsSchema), required=True)
