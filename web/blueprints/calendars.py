"""Calendar feeds behind secret addresses: meetings, deadlines, a person's own.

Calendar programs cannot send a bearer token, so the address carries a secret
(``steerlog feeds issue ACCOUNT``); read-only; a revoked secret answers 404.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from flask import Response, current_app
from flask_smorest import Blueprint
from werkzeug.exceptions import NotFound

from service.documents import calendars
from service.documents.feeds import FeedSecrets
from service.readmodel.readside import ReadSide
from service.usecases.steerlog import Steerlog
from web.http import read_side, steerlog

ICS = "text/calendar"
FEEDS = "steerlog.feeds"
Feed = Callable[[Steerlog, ReadSide, UUID], bytes]

blp = Blueprint(
    "calendars",
    __name__,
    url_prefix="/api/v1/feeds",
    description="Lịch (iCalendar) theo địa chỉ bí mật",
)


def feed_secrets() -> FeedSecrets:
    """The feed secrets' table of the application's database (made once)."""
    database = steerlog().settings.database
    known: dict[str, FeedSecrets] = current_app.extensions.setdefault(FEEDS, {})
    if database.url not in known:
        known[database.url] = FeedSecrets(database)
    return known[database.url]


def _feed(secret: str, feed: Feed, aggregate_id: UUID) -> Response:
    if feed_secrets().account_of(secret) is None:
        raise NotFound("No calendar feed at this address.")
    body = feed(steerlog(), read_side(), aggregate_id)
    response = Response(body, mimetype=ICS)
    response.headers["Cache-Control"] = "private, max-age=300"
    return response


def _documented(view: Callable[..., Any]) -> Callable[..., Any]:
    responding = blp.response(200, {"type": "string"}, content_type=ICS)(view)
    documented: Callable[..., Any] = blp.alt_response(404, response="NOT_FOUND")(
        responding
    )
    return documented


@blp.route("/<string:secret>/committees/<uuid:committee_id>.ics", methods=["GET"])
@_documented
def committee_meetings_calendar(secret: str, committee_id: UUID) -> Any:
    """A committee's meetings; a rescheduled meeting keeps its UID, SEQUENCE grows."""
    return _feed(secret, calendars.committee_calendar, committee_id)


@blp.route("/<string:secret>/agencies/<uuid:agency_id>.ics", methods=["GET"])
@_documented
def agency_deadlines_calendar(secret: str, agency_id: UUID) -> Any:
    """An agency's deadlines, all-day, alarms 7, 3 and 1 days before."""
    return _feed(secret, calendars.agency_calendar, agency_id)


@blp.route("/<string:secret>/people/<uuid:person_id>.ics", methods=["GET"])
@_documented
def person_own_calendar(secret: str, person_id: UUID) -> Any:
    """A person's own: their agency's deadlines and their committees' meetings."""
    return _feed(secret, calendars.person_calendar, person_id)
