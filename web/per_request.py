"""What a request works out once and asks for again: kept in ``flask.g`` until it ends.

A meeting page's six forms offer the same speakers and points, its rows name the
same few kinds and levels hundreds of times, and its times share a zone: each is
made on first asking and reused for the rest of the request, never across two.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from flask import g

T = TypeVar("T")


def once(bucket: str, key: Hashable, make: Callable[[], T]) -> T:
    """``make()``'s value for ``key`` in ``bucket``, made at most once a request."""
    kept: dict[Hashable, Any] = g.setdefault(f"per_request_{bucket}", {})
    if key not in kept:
        kept[key] = make()
    value: T = kept[key]
    return value
