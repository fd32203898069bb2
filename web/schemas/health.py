"""Schemas of the health and readiness checks."""

from __future__ import annotations

from marshmallow import Schema, fields


class HealthSchema(Schema):
    """The process is up."""

    status = fields.String(required=True, metadata={"example": "ok"})


class CheckSchema(Schema):
    """One check readiness depends on."""

    name = fields.String(required=True, metadata={"example": "projections"})
    ok = fields.Boolean(required=True)
    detail = fields.String(
        required=True, metadata={"example": "within 1000 events of the log"}
    )
    values = fields.Dict(
        keys=fields.String(), metadata={"example": {"lag": {"tracker": 0}}}
    )


class ReadinessSchema(Schema):
    """Ready or not, and each check with what is wrong."""

    status = fields.String(required=True, metadata={"example": "ok"})
    checks = fields.List(fields.Nested(CheckSchema), required=True)
    failing = fields.List(
        fields.String(), required=True, metadata={"example": ["scheduler"]}
    )
