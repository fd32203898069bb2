"""Representations of aggregates, dumped once per version and reused.

An aggregate's state at a version never changes (events are immutable), so
its JSON body can be kept and served again while that version is current:
dumping a long meeting (hundreds of speeches) costs more than loading it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from eventsourcing.application import LRUCache
from flask import Response, current_app, request
from marshmallow import Schema

EXTENSION = "steerlog.representations"
DEFAULT_SIZE = 256


class Representations:
    """A bounded, thread-safe LRU of JSON bodies keyed by what they depend on
    (eventsourcing's ``LRUCache``, the one its repository caches aggregates in)."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self.size = size
        self._bodies: LRUCache[Hashable, bytes] = LRUCache(maxsize=size)

    def body(self, key: Hashable, render: Callable[[], bytes]) -> bytes:
        """The body kept under ``key``, rendered (outside the cache's lock) if
        missing."""
        try:
            return self._bodies.get(key)
        except KeyError:
            body = render()
            self._bodies.put(key, body)
            return body


def represented(schema: Schema, state: Any, *depends_on: Hashable) -> Response:
    """The JSON response of an aggregate's ``state`` dumped by ``schema``, with its
    version as ETag; ``depends_on`` names anything else the dump depends on.

    A client that sends the current version in ``If-None-Match`` gets ``304 Not
    Modified`` and no body.
    """
    cache: Representations = current_app.extensions[EXTENSION]
    etag = str(state.version)
    if not depends_on and request.if_none_match.contains(etag):
        response = current_app.response_class(status=304)
        response.set_etag(etag)
        return response

    def render() -> bytes:
        return current_app.json.dumps(schema.dump(state)).encode()

    key = (type(schema).__name__, state.id, state.version, *depends_on)
    response = current_app.response_class(
        cache.body(key, render), mimetype="application/json"
    )
    response.set_etag(etag)
    return response
