"""HTTP conventions the blueprints share: the application, writes, ETags, headers."""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus
from typing import Any, TypeVar

from flask import current_app, g
from flask_smorest import Blueprint

from service.access.scoped import ScopedReadSide
from service.eventstore.application import Written
from service.readmodel.readside import ReadSide
from service.usecases.steerlog import Steerlog
from web.schemas.common import WriteHeadersSchema, WrittenSchema

F = TypeVar("F", bound=Callable[..., Any])

_STRING = {"type": "string"}
# What a write may answer besides its schema's 422 (web/errors.py, web/limits.py):
# 400 for JSON that does not parse or nests too deep, 415 for a body not JSON.
_WRITE_ERRORS = (
    HTTPStatus.BAD_REQUEST,
    HTTPStatus.NOT_FOUND,
    HTTPStatus.CONFLICT,
    HTTPStatus.PRECONDITION_FAILED,
    HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
    HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
)
ETAG_HEADER = {
    "description": 'The aggregate\'s version, e.g. "7"; send it back as If-Match.',
    "schema": _STRING,
    "required": True,
}
READ_HEADERS = {"ETag": ETAG_HEADER}
NOT_MODIFIED = (
    "Not Modified: the version sent in If-None-Match is still the current one."
)
WRITE_HEADERS = {
    "ETag": {**ETAG_HEADER, "description": "The aggregate's version after the write."},
    "X-Steerlog-Position": {
        "description": "Position of the write in the event log (read your writes).",
        "schema": {"type": "integer"},
        "required": True,
    },
}
CREATED_HEADERS = {
    **WRITE_HEADERS,
    "Location": {"description": "Where the new resource is.", "schema": _STRING},
}


def steerlog() -> Steerlog:
    """The Steerlog application of the current Flask app."""
    application: Steerlog = current_app.extensions["steerlog"]
    return application


def read_side() -> ReadSide:
    """The read models' queries of the current Flask app, as the request's
    account may see them (``service.access.scoped``)."""
    queries: ReadSide = current_app.extensions["steerlog.read"]
    if "steerlog_read_after" in g:  # a read of web.consistency's: wait, once
        wanted, seconds = g.pop("steerlog_read_after")
        if wanted:
            queries.wait_for(wanted, seconds)
        g.steerlog_read_position = queries.position()
    principal = g.get("principal")
    if principal is None or principal.is_admin:
        return queries
    return ScopedReadSide(queries, principal.scope())


def read_position() -> int:
    """The position the read models had reached when this request first read them
    (or now, if it has not read them)."""
    position = g.get("steerlog_read_position")
    if position is None:
        queries: ReadSide = current_app.extensions["steerlog.read"]
        return queries.position()
    return int(position)


def etag(version: int) -> dict[str, str]:
    """The ``ETag`` header of a representation: its aggregate's version."""
    return {"ETag": f'"{version}"'}


def write_headers(result: Written, location: str | None = None) -> dict[str, str]:
    """A write's headers: the new version as ETag, the log position, Location."""
    headers = {**etag(result.version), "X-Steerlog-Position": str(result.position)}
    if location is not None:
        headers["Location"] = location
    return headers


def written(
    result: Written, location: str | None = None
) -> tuple[Written, dict[str, str]]:
    """A write's body (what was written) and its headers."""
    return result, write_headers(result, location)


def command(
    blp: Blueprint, status: int = 200, schema: Any = WrittenSchema
) -> Callable[[F], F]:
    """Decorate a write: takes ``Write`` (actor, If-Match) first, answers ``status``.

    Stack it right under ``@blp.route`` so the view receives the write headers
    before the body: ``def view(write, body, **path)``.
    """
    headers = CREATED_HEADERS if status == 201 else WRITE_HEADERS

    def decorator(view: F) -> F:
        responding = blp.response(status, schema, headers=headers)(view)
        for code in _WRITE_ERRORS:
            responding = blp.alt_response(code, response=code.name)(responding)
        decorated: F = blp.arguments(WriteHeadersSchema, location="headers")(responding)
        return decorated

    return decorator
