"""Schemas of committees (Ban Chỉ đạo): establish, rename, members, representation."""

from __future__ import annotations

from marshmallow import Schema, fields
from marshmallow.validate import Length

from domain.values import CommitteeRole
from web.schemas.common import NAME, REASON, DocumentSchema, PageArgsSchema
from web.schemas.fields import DictValues, LocalMoment, Text, Zone


class EstablishCommitteeSchema(Schema):
    """Thành lập (or kiện toàn from a predecessor) a committee."""

    name = Text(required=True, validate=NAME, metadata={"example": "Ban Chỉ đạo CĐS"})
    jurisdiction = Text(
        required=True, validate=NAME, metadata={"example": "tỉnh Lào Cai"}
    )
    document = fields.Nested(DocumentSchema, load_default=None, allow_none=True)
    predecessor_id = fields.UUID(load_default=None, allow_none=True)
    # Deadlines are days in this zone, so it must be one the system knows.
    time_zone = Zone(
        load_default=None,
        allow_none=True,
        metadata={"description": "IANA zone; default Asia/Ho_Chi_Minh."},
    )


class RenameCommitteeSchema(Schema):
    """Đổi tên: a new name, by a document."""

    name = Text(required=True, validate=NAME)
    document = fields.Nested(DocumentSchema, load_default=None, allow_none=True)


class AppointMemberSchema(Schema):
    """Give a registered person a role on the committee."""

    person_id = fields.UUID(required=True)
    role = fields.Enum(CommitteeRole, by_value=True, required=True)
    document = fields.Nested(DocumentSchema, load_default=None, allow_none=True)


class RelieveMemberSchema(Schema):
    """Miễn nhiệm: a person leaves the committee."""

    reason = Text(load_default=None, allow_none=True, validate=REASON)


class MembershipSchema(Schema):
    """A person's role on the committee."""

    person_id = fields.UUID(required=True)
    role = fields.Enum(CommitteeRole, by_value=True, required=True)


class CommitteeSchema(Schema):
    """A committee as it stands (or stood)."""

    id = fields.UUID(required=True)
    version = fields.Integer(required=True)
    name = fields.String(required=True)
    former_names = fields.List(fields.String(), required=True)
    jurisdiction = fields.String(required=True)
    document = fields.Nested(DocumentSchema, allow_none=True)
    predecessor_id = fields.UUID(allow_none=True)
    time_zone = fields.String(required=True)
    members = DictValues(fields.Nested(MembershipSchema), required=True)
    created_on = LocalMoment(required=True)
    modified_on = LocalMoment(required=True)


class CommitteeListArgsSchema(PageArgsSchema):
    """Which committees to list: by a folded part of the name, one page."""

    q = Text(
        load_default=None,
        validate=Length(max=500),
        metadata={
            "description": "Part of the name; case and diacritics do not matter "
            "(``so thong tin`` finds ``Sở Thông tin và Truyền thông``).",
            "example": "so thong tin",
        },
    )


class CommitteeRowSchema(Schema):
    """A committee as the directory lists it."""

    id = fields.UUID(required=True)
    name = fields.String(required=True)
    time_zone = fields.String(required=True)


class CommitteePageSchema(Schema):
    """A page of committees by name; ``next_cursor`` is null on the last one."""

    items = fields.List(fields.Nested(CommitteeRowSchema), required=True)
    next_cursor = fields.String(allow_none=True, required=True)
