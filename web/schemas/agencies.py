"""Schemas of agencies (cơ quan, đơn vị) and groups of them."""

from __future__ import annotations

from marshmallow import Schema, fields
from marshmallow.validate import Length

from domain.values import AgencyKind
from web.schemas.common import MANY_IDS, NAME, PageArgsSchema
from web.schemas.fields import LocalMoment, Text


class RegisterAgencySchema(Schema):
    """Register an agency, or a group with its member agencies."""

    # Only a group has members.
    OPENAPI_RULES = {  # noqa: RUF012 (read by web.openapi_rules)
        "anyOf": [
            {"required": ["kind"], "properties": {"kind": {"enum": ["group"]}}},
            {"properties": {"member_ids": {"maxItems": 0}}},
        ]
    }

    name = Text(required=True, validate=NAME, metadata={"example": "Sở Tài chính"})
    kind = fields.Enum(AgencyKind, by_value=True, load_default=AgencyKind.DEPARTMENT)
    short_name = Text(load_default=None, allow_none=True, validate=NAME)
    aliases = fields.List(
        Text(validate=NAME), load_default=None, validate=Length(max=50)
    )
    parent_id = fields.UUID(load_default=None, allow_none=True)
    member_ids = fields.List(
        fields.UUID(),
        load_default=None,
        validate=MANY_IDS,
        metadata={"description": "For a group: the agencies it stands for."},
    )


class RenameAgencySchema(Schema):
    """A new name; the old one stays an alias."""

    name = Text(required=True, validate=NAME)


class AddAliasSchema(Schema):
    """Another name the agency is known by (``Sở TT&TT``)."""

    alias = Text(required=True, validate=NAME)


class GroupMembersSchema(Schema):
    """The agencies a group stands for."""

    member_ids = fields.List(
        fields.UUID(),
        required=True,
        validate=MANY_IDS,
        metadata={
            "description": "Agencies other than the group itself. Only an agency"
            " registered as a group (kind ``group``) has members."
        },
    )


class AgencySchema(Schema):
    """An agency as it stands (or stood)."""

    id = fields.UUID(required=True)
    version = fields.Integer(required=True)
    name = fields.String(required=True)
    kind = fields.Enum(AgencyKind, by_value=True, required=True)
    short_name = fields.String(allow_none=True)
    aliases = fields.List(fields.String(), required=True)
    parent_id = fields.UUID(allow_none=True)
    member_ids = fields.List(fields.UUID(), required=True)
    created_on = LocalMoment(required=True)
    modified_on = LocalMoment(required=True)


class AgencyListArgsSchema(PageArgsSchema):
    """Which agencies to list: by a folded part of a name or alias, one page."""

    q = Text(
        load_default=None,
        validate=Length(max=500),
        metadata={
            "description": "Part of the name; case and diacritics do not matter "
            "(``so thong tin`` finds ``Sở Thông tin và Truyền thông``).",
            "example": "so thong tin",
        },
    )


class AgencyRowSchema(Schema):
    """An agency or group as the directory lists it, with its other names."""

    id = fields.UUID(required=True)
    name = fields.String(required=True)
    aliases = fields.List(fields.String(), required=True)


class AgencyPageSchema(Schema):
    """A page of agencies by name; ``next_cursor`` is null on the last one."""

    items = fields.List(fields.Nested(AgencyRowSchema), required=True)
    next_cursor = fields.String(allow_none=True, required=True)
