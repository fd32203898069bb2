"""Agencies (cơ quan, đơn vị) and groups: register, list, read, rename, aliases,
members."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from flask_smorest import Blueprint

from domain.agency import Agency
from web.consistency import projected
from web.http import NOT_MODIFIED, READ_HEADERS, command, read_side, steerlog, written
from web.queries import page_of
from web.reading import read
from web.representations import represented
from web.schemas.agencies import (
    AddAliasSchema,
    AgencyListArgsSchema,
    AgencyPageSchema,
    AgencySchema,
    GroupMembersSchema,
    RegisterAgencySchema,
    RenameAgencySchema,
)
from web.schemas.common import AsOfArgsSchema, Write

REPRESENTATION = AgencySchema()

blp = Blueprint(
    "agencies", __name__, url_prefix="/api/v1/agencies", description="Cơ quan, đơn vị"
)


@blp.route("", methods=["POST"])
@command(blp, 201)
@blp.arguments(RegisterAgencySchema())
def register_agency(write: Write, body: dict[str, Any]) -> Any:
    """Register an agency, or a group and its members (the id derives from name)."""
    result = steerlog().register_agency(actor=write.actor, **body)
    return written(result, url_for(".get_agency", agency_id=result.id))


@blp.route("/<uuid:agency_id>", methods=["GET"])
@blp.arguments(AsOfArgsSchema(), location="query")
@blp.response(200, AgencySchema, headers=READ_HEADERS)
@blp.alt_response(304, description=NOT_MODIFIED, headers=READ_HEADERS)
def get_agency(args: dict[str, Any], agency_id: UUID) -> Any:
    """An agency now, or as it stood at ``as_of``."""
    return represented(REPRESENTATION, read(Agency, agency_id, args["as_of"]))


@blp.route("/<uuid:agency_id>/rename", methods=["POST"])
@command(blp)
@blp.arguments(RenameAgencySchema())
def rename_agency(write: Write, body: dict[str, Any], agency_id: UUID) -> Any:
    """The agency takes a new name; the old one stays an alias."""
    return written(steerlog().rename_agency(agency_id, **write.kwargs, **body))


@blp.route("/<uuid:agency_id>/aliases", methods=["POST"])
@command(blp)
@blp.arguments(AddAliasSchema())
def add_agency_alias(write: Write, body: dict[str, Any], agency_id: UUID) -> Any:
    """Record another name the agency is known by."""
    return written(steerlog().add_agency_alias(agency_id, **write.kwargs, **body))


@blp.route("/<uuid:agency_id>/members", methods=["PUT"])
@command(blp)
@blp.arguments(GroupMembersSchema())
def set_group_members(write: Write, body: dict[str, Any], agency_id: UUID) -> Any:
    """Say which agencies a group stands for (replaces the list)."""
    return written(steerlog().set_group_members(agency_id, **write.kwargs, **body))


@blp.route("", methods=["GET"])
@projected(blp, AgencyPageSchema)
@blp.arguments(AgencyListArgsSchema(), location="query")
def list_agencies(args: dict[str, Any]) -> Any:
    """The shared directory's agencies and groups by name; ``q`` matches any name."""
    page = page_of(args)
    return read_side().agency_list(args["q"], page)
