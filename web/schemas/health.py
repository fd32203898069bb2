"""Schema of the health check."""

from __future__ import annotations

from marshmallow import Schema, fields


class HealthSchema(Schema):
    """The process is up and its event store answers."""

    status = fields.String(required=True, metadata={"example": "ok"})
