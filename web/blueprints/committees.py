"""Committees (Ban Chỉ đạo): establish, list, read, rename, appoint and relieve
members."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from flask_smorest import Blueprint

from domain.committee import Committee
from web.consistency import projected
from web.http import NOT_MODIFIED, READ_HEADERS, command, read_side, steerlog, written
from web.queries import page_of
from web.reading import read
from web.representations import represented
from web.schemas.committees import (
    AppointMemberSchema,
    CommitteeListArgsSchema,
    CommitteePageSchema,
    CommitteeSchema,
    EstablishCommitteeSchema,
    RelieveMemberSchema,
    RenameCommitteeSchema,
)
from web.schemas.common import AsOfArgsSchema, Write

REPRESENTATION = CommitteeSchema()

blp = Blueprint(
    "committees", __name__, url_prefix="/api/v1/committees", description="Ban Chỉ đạo"
)


@blp.route("", methods=["POST"])
@command(blp, 201)
@blp.arguments(EstablishCommitteeSchema())
def establish_committee(write: Write, body: dict[str, Any]) -> Any:
    """Thành lập: establish a committee (its id derives from name and place)."""
    result = steerlog().establish_committee(actor=write.actor, **body)
    return written(result, url_for(".get_committee", committee_id=result.id))


@blp.route("/<uuid:committee_id>", methods=["GET"])
@blp.arguments(AsOfArgsSchema(), location="query")
@blp.response(200, CommitteeSchema, headers=READ_HEADERS)
@blp.alt_response(304, description=NOT_MODIFIED, headers=READ_HEADERS)
def get_committee(args: dict[str, Any], committee_id: UUID) -> Any:
    """A committee now, or as it stood at ``as_of``."""
    return represented(REPRESENTATION, read(Committee, committee_id, args["as_of"]))


@blp.route("/<uuid:committee_id>/rename", methods=["POST"])
@command(blp)
@blp.arguments(RenameCommitteeSchema())
def rename_committee(write: Write, body: dict[str, Any], committee_id: UUID) -> Any:
    """Đổi tên: the committee takes a new name."""
    return written(steerlog().rename_committee(committee_id, **write.kwargs, **body))


@blp.route("/<uuid:committee_id>/members", methods=["POST"])
@command(blp)
@blp.arguments(AppointMemberSchema())
def appoint_member(write: Write, body: dict[str, Any], committee_id: UUID) -> Any:
    """Bổ nhiệm: give a registered person a role on the committee."""
    return written(steerlog().appoint_member(committee_id, **write.kwargs, **body))


@blp.route("/<uuid:committee_id>/members/<uuid:person_id>/relieve", methods=["POST"])
@command(blp)
@blp.arguments(RelieveMemberSchema(), required=False)
def relieve_member(
    write: Write, body: dict[str, Any], committee_id: UUID, person_id: UUID
) -> Any:
    """Miễn nhiệm: a person leaves the committee."""
    return written(
        steerlog().relieve_member(
            committee_id, person_id=person_id, **write.kwargs, **body
        )
    )


@blp.route("", methods=["GET"])
@projected(blp, CommitteePageSchema)
@blp.arguments(CommitteeListArgsSchema(), location="query")
def list_committees(args: dict[str, Any]) -> Any:
    """Committees the account may read, by name; ``q`` matches folded names."""
    page = page_of(args)
    return read_side().committee_list(args["q"], page)
