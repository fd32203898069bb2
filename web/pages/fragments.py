"""Long HTML fragments of a record at a version, rendered once and reused.

A record at a version never changes (its events are immutable), so a long list
it shows, a meeting's hundreds of speeches, reads the same to every viewer of
that version in one language and zone: it is rendered once and served again
while the version is current, as ``web/representations.py`` keeps the API's
JSON bodies. Only what no viewer's role or form changes is kept here.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from flask import Flask, current_app
from markupsafe import Markup

from web.representations import Representations

EXTENSION = "steerlog.fragments"
# A fragment is up to a few hundred KB (500 speeches): 32 of them per worker.
SIZE = 32


def init_app(app: Flask, size: int = SIZE) -> None:
    """Give the app its bounded, thread-safe store of fragments."""
    app.extensions[EXTENSION] = Representations[Markup](size)


def kept(key: Hashable, render: Callable[[], str]) -> Markup:
    """The fragment kept under ``key``; rendered (outside the store's lock) and
    kept if missing. ``key`` names everything the fragment depends on."""
    store: Representations[Markup] = current_app.extensions[EXTENSION]
    return store.body(key, lambda: Markup(render()))
