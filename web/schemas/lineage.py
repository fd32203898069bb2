"""Schemas of lineage: where a decision came from, and what came of it."""

from __future__ import annotations

from marshmallow import Schema, fields
from marshmallow.validate import OneOf, Range

from domain.values import AssignmentStatus
from web.schemas.fields import Day, day_text, moment_text

MAX_DEPTH = 12


class LineageArgsSchema(Schema):
    """Which way to walk, how far, and the day assignments are judged on."""

    direction = fields.String(
        load_default="up",
        validate=OneOf(["up", "down"]),
        metadata={"description": "up: where it came from; down: what came of it."},
    )
    depth = fields.Integer(load_default=6, validate=Range(min=1, max=MAX_DEPTH))
    day = Day(
        load_default=None,
        metadata={"description": "Default: today in Asia/Ho_Chi_Minh."},
    )


class NodeSchema(Schema):
    """A node reached: its key (``kind:id``), label, and steps from the start."""

    key = fields.String(required=True, metadata={"example": "meeting:<uuid>"})
    kind = fields.String(required=True)
    label = fields.String(required=True)
    depth = fields.Integer(required=True)
    status = fields.String(
        validate=OneOf([status.value for status in AssignmentStatus]),
        metadata={"description": "Assignments only."},
    )
    deadline = day_text(allow_none=True, metadata={"description": "Assignments only."})
    restricted = fields.Boolean(
        metadata={
            "description": "A node of a committee the caller may not read: "
            "its kind and key only."
        }
    )


class EdgeSchema(Schema):
    """An edge from what came later (``src``) to what it came from (``dst``)."""

    src = fields.String(required=True)
    dst = fields.String(required=True)
    edge = fields.String(required=True, metadata={"example": "derived_from"})
    at = moment_text(required=True)


class GraphSchema(Schema):
    """The nodes and edges reached."""

    nodes = fields.List(fields.Nested(NodeSchema), required=True)
    edges = fields.List(fields.Nested(EdgeSchema), required=True)
    truncated = fields.Boolean(
        required=True,
        metadata={"description": "The walk reached its bound; ask with less depth."},
    )
