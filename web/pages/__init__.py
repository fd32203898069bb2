"""Pages for people: server-rendered, Vietnamese first, usable without JavaScript.

Every page calls the same service methods as the JSON API; htmx (vendored in
``web/static/vendor``) only makes some of them quicker.
"""

from __future__ import annotations

from flask import Blueprint, Flask, request

from web.consistency import wait_for
from web.pages import (
    accounts,
    carry_over,
    conclusions,
    digests,
    directory,
    docs,
    errors,
    explore,
    fragments,
    home,
    i18n,
    labels,
    meetings,
    names,
    tasks,
)
from web.principal import current_principal

PAGES: list[Blueprint] = [
    home.bp,
    meetings.bp,
    carry_over.bp,
    explore.bp,
    directory.bp,
    accounts.bp,
    conclusions.bp,
    tasks.bp,
    digests.bp,
    docs.bp,
]


def _read_your_own_writes() -> None:
    """A page shows what its viewer wrote last: its first read of the read models
    waits for that write (bounded; see ``web.consistency``)."""
    if request.method == "GET":
        wait_for(None)


for _blueprint in PAGES:  # once, as blueprints are set up before any app
    errors.install(_blueprint)
    _blueprint.before_request(_read_your_own_writes)


def init_pages(app: Flask) -> None:
    """Register the pages, their language selection and template helpers."""
    i18n.init_app(app)
    labels.init_app(app)
    fragments.init_app(app)
    app.jinja_env.globals["href_of"] = tasks.href_of
    app.context_processor(lambda: {"viewer": current_principal()})
    app.jinja_env.globals["agency_name"] = names.agency_name
    app.jinja_env.globals["committee_name"] = names.committee_name
    for blueprint in PAGES:
        app.register_blueprint(blueprint)
