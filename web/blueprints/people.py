"""People: the officials who chair, speak and decide; register, list, read, change
title."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from flask_smorest import Blueprint

from domain.person import Person
from web.consistency import projected
from web.http import NOT_MODIFIED, READ_HEADERS, command, read_side, steerlog, written
from web.queries import page_of
from web.reading import read
from web.representations import represented
from web.schemas.common import AsOfArgsSchema, Write
from web.schemas.people import (
    ChangeTitleSchema,
    PersonListArgsSchema,
    PersonPageSchema,
    PersonSchema,
    RegisterPersonSchema,
)

REPRESENTATION = PersonSchema()

blp = Blueprint("people", __name__, url_prefix="/api/v1/people", description="Cán bộ")


@blp.route("", methods=["POST"])
@command(blp, 201)
@blp.arguments(RegisterPersonSchema())
def register_person(write: Write, body: dict[str, Any]) -> Any:
    """Register an official with their current title."""
    result = steerlog().register_person(actor=write.actor, **body)
    return written(result, url_for(".get_person", person_id=result.id))


@blp.route("/<uuid:person_id>", methods=["GET"])
@blp.arguments(AsOfArgsSchema(), location="query")
@blp.response(200, PersonSchema, headers=READ_HEADERS)
@blp.alt_response(304, description=NOT_MODIFIED, headers=READ_HEADERS)
def get_person(args: dict[str, Any], person_id: UUID) -> Any:
    """A person now, or as they stood at ``as_of``."""
    return represented(REPRESENTATION, read(Person, person_id, args["as_of"]))


@blp.route("/<uuid:person_id>/title", methods=["POST"])
@command(blp)
@blp.arguments(ChangeTitleSchema())
def change_title(write: Write, body: dict[str, Any], person_id: UUID) -> Any:
    """An official takes a new position from a given day."""
    return written(steerlog().change_title(person_id, **write.kwargs, **body))


@blp.route("", methods=["GET"])
@projected(blp, PersonPageSchema)
@blp.arguments(PersonListArgsSchema(), location="query")
def list_people(args: dict[str, Any]) -> Any:
    """The shared directory's officials by name; ``q`` matches name or title."""
    page = page_of(args)
    return read_side().person_list(args["q"], page)
