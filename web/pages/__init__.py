"""Pages for people: server-rendered, Vietnamese first, usable without JavaScript.

Every page calls the same service methods as the JSON API; htmx (vendored in
``web/static/vendor``) only makes some of them quicker.
"""

from __future__ import annotations

from flask import Blueprint, Flask

from web.pages import (
    accounts,
    carry_over,
    conclusions,
    digests,
    directory,
    docs,
    errors,
    explore,
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
for _blueprint in PAGES:
    errors.install(_blueprint)  # once, as blueprints are set up before any app


def init_pages(app: Flask) -> None:
    """Register the pages, their language selection and template helpers."""
    i18n.init_app(app)
    labels.init_app(app)
    app.jinja_env.globals["href_of"] = tasks.href_of
    app.context_processor(lambda: {"viewer": current_principal()})
    app.jinja_env.globals["agency_name"] = names.agency_name
    app.jinja_env.globals["committee_name"] = names.committee_name
    for blueprint in PAGES:
        app.register_blueprint(blueprint)
