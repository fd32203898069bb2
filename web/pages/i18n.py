"""Which language a page speaks: ``?lang=``, then a remembered choice, then the
browser's ``Accept-Language``; Vietnamese when nothing else is asked for.

Messages are written in Vietnamese in the templates and code (the product's
language); ``web/translations/en`` holds their English.
"""

from __future__ import annotations

from flask import Flask, Response, request
from flask_babel import Babel

LANGUAGES = ("vi", "en")
DEFAULT = "vi"
COOKIE = "steerlog_lang"
_YEAR = 365 * 24 * 3600


def select_locale() -> str:
    """The language of this request."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    remembered = request.cookies.get(COOKIE)
    if remembered in LANGUAGES:
        return remembered
    return request.accept_languages.best_match(LANGUAGES, DEFAULT) or DEFAULT


def remember_choice(response: Response) -> Response:
    """Keep a language chosen with ``?lang=`` for the next pages."""
    asked = request.args.get("lang")
    if asked in LANGUAGES and request.cookies.get(COOKIE) != asked:
        response.set_cookie(COOKIE, asked, max_age=_YEAR, samesite="Lax", httponly=True)
    return response


def init_app(app: Flask) -> None:
    """Set up Flask-Babel with steerlog's languages and translations."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT)
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Asia/Ho_Chi_Minh")
    Babel(app, locale_selector=select_locale)
    app.after_request(remember_choice)
