"""Representations of aggregates, dumped once per version and reused; the zone of times.

An aggregate's state at a version never changes (events are immutable), so
its JSON body can be kept and served again while that version is current:
dumping a long meeting (hundreds of speeches) costs more than loading it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from datetime import tzinfo
from functools import cache
from typing import Any, Generic, TypeVar
from uuid import UUID
from zoneinfo import ZoneInfo

from eventsourcing.application import LRUCache
from flask import Response, current_app, g, request
from marshmallow import Schema

from service.errors import NotFoundError
from service.usecases.lookups import zone_of
from web.per_request import once

EXTENSION = "steerlog.representations"
DEFAULT_SIZE = 256
Body = TypeVar("Body")


class Representations(Generic[Body]):
    """A bounded, thread-safe LRU of bodies (the API's JSON; the pages' long
    fragments, ``web/pages/fragments.py``) keyed by what they depend on
    (eventsourcing's ``LRUCache``, the one its repository caches aggregates in)."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self.size = size
        self.bodies: LRUCache[Hashable, Body] = LRUCache(maxsize=size)  # the LRU itself

    def body(self, key: Hashable, render: Callable[[], Body]) -> Body:
        """The body kept under ``key``, rendered (outside the cache's lock) if
        missing."""
        try:
            return self.bodies.get(key)
        except KeyError:
            body = render()
            self.bodies.put(key, body)
            return body


def represented(schema: Schema, state: Any, *depends_on: Hashable) -> Response:
    """The JSON response of an aggregate's ``state`` dumped by ``schema``, with its
    version as ETag; ``depends_on`` names anything else the dump depends on.

    A client that sends the current version in ``If-None-Match`` gets ``304 Not
    Modified`` and no body (compared weakly, as RFC 9110 has it: ``W/"7"``, as a
    compressing proxy may pass the tag on, matches too).
    """
    cache: Representations[bytes] = current_app.extensions[EXTENSION]
    etag = str(state.version)
    if not depends_on and request.if_none_match.contains_weak(etag):
        response = current_app.response_class(status=304)
        response.set_etag(etag)
        return response

    def render() -> bytes:
        about_committee(getattr(state, "committee_id", None))
        return current_app.json.dumps(schema.dump(state)).encode()

    key = (type(schema).__name__, state.id, state.version, *depends_on)
    response = current_app.response_class(
        cache.body(key, render), mimetype="application/json"
    )
    response.set_etag(etag)
    return response


def answer_zone(obj: Any) -> tzinfo:
    """The zone a time of ``obj`` is answered in: its committee's, else the
    zone of the committee the answer is about, else the default one."""
    from web.http import steerlog

    own = _attribute(obj, "time_zone")
    if isinstance(own, str):
        return _zone(own)
    committee_id = _attribute(obj, "committee_id")
    if committee_id is None:
        committee_id = g.get(_ABOUT)
    application = steerlog()
    if committee_id is None:
        return application.settings.zone()
    key = str(committee_id)

    def found() -> tzinfo:
        try:
            return zone_of(application, UUID(key))
        except (NotFoundError, ValueError):
            return application.settings.zone()

    return once("zones", key, found)


def about_committee(committee_id: Any) -> None:
    """Times in this request's answer without a committee of their own (a
    meeting's speeches) are in this committee's zone."""
    if committee_id is not None:
        setattr(g, _ABOUT, committee_id)


_ABOUT = "steerlog_answer_committee"


def _attribute(obj: Any, name: str) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name)
    return getattr(obj, name, None)


@cache
def _zone(name: str) -> tzinfo:
    return ZoneInfo(name)
