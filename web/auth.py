"""Every request authenticated and authorised by one hook, and security headers.

A request carries ``Authorization: Bearer <token>`` (programs) or a browser
session cookie (pages, Flask-Login); either is checked against the secret store
and the account's current state on every request. The endpoint names the
operation, whose rule in ``service.access.policy`` says what it needs; the
target's committee (and agency) comes from the path, else the body.
"""

from __future__ import annotations

from flask import (
    Flask,
    Request,
    Response,
    current_app,
    g,
    redirect,
    request,
    url_for,
)
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from flask_login import LoginManager, current_user
from flask_wtf.csrf import CSRFProtect
from werkzeug.wrappers import Response as BaseResponse

from service.access.decision import (
    ForbiddenError,
    NotSignedInError,
    Principal,
    Target,
    authorise,
)
from service.access.policy import Reach, rule_for
from service.accounts.secret_key import session_secret_key
from service.settings import Settings
from web.auth_errors import register_auth_errors
from web.http import steerlog
from web.principal import SessionUser
from web.sign_in import bp as sign_in_pages
from web.targets import request_target

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_EXTENSION = "steerlog.csrf"
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


class CookieSessions(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, not unsigned for a request without one:
    programs with a bearer token pay nothing for the pages' sessions."""

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        """An empty session when the request carries no session cookie."""
        if self.get_cookie_name(app) not in request.cookies:
            return self.session_class()
        return super().open_session(app, request)


def load_session_user(session_id: str) -> SessionUser | None:
    """The session's user, while the session lasts and its account is enabled."""
    principal = steerlog().session_principal(session_id)
    return None if principal is None else SessionUser(session_id, principal)


def install_auth(app: Flask, settings: Settings) -> None:
    """Sessions, CSRF, the authorising hook, security headers, sign-in pages."""
    app.secret_key = session_secret_key(settings)
    app.session_interface = CookieSessions()
    app.config.update(
        SESSION_COOKIE_NAME="steerlog_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.base_url.startswith("https://"),
        # CSRF is checked by ``guard`` for forms and cookie-authenticated
        # writes; a request with a bearer token carries no ambient credential.
        WTF_CSRF_CHECK_DEFAULT=False,
    )
    manager = LoginManager(app)
    manager.user_loader(load_session_user)
    manager.session_protection = None  # the server-side session is the check
    app.extensions[CSRF_EXTENSION] = CSRFProtect(app)
    app.before_request(guard)
    app.after_request(security_headers)
    register_auth_errors(app)
    app.register_blueprint(sign_in_pages)


def guard() -> BaseResponse | None:
    """Authenticate the request, then authorise its operation on its target."""
    operation = request.endpoint
    if operation is None:
        return None  # no such route: 404 or 405 follows
    rule = rule_for(operation)
    if rule is None:
        raise ForbiddenError(operation, "unlisted_operation")
    if rule.reach is Reach.PUBLIC:
        if request.method not in SAFE_METHODS:
            _protect_from_csrf()
        return None
    principal, by_session = authenticate()
    if principal is None:
        if not request.path.startswith("/api/v1/"):
            return redirect(url_for("auth.sign_in", next=request.full_path.rstrip("?")))
        raise NotSignedInError("no credentials")
    g.principal = principal
    if by_session and request.method not in SAFE_METHODS:
        _protect_from_csrf()
    needs_target = not principal.is_admin and rule.reach is not Reach.SIGNED_IN
    authorise(
        principal, operation, rule, request_target() if needs_target else Target()
    )
    return None


def authenticate() -> tuple[Principal | None, bool]:
    """The request's account, and whether a browser session (not a token) says so."""
    header = request.headers.get("Authorization")
    if header is not None:
        scheme, _, credentials = header.strip().partition(" ")
        if scheme.lower() != "bearer" or not credentials.strip():
            raise NotSignedInError("malformed Authorization header")
        return steerlog().token_principal(credentials.strip()), False
    if current_user.is_authenticated:
        principal: Principal = current_user.principal
        return principal, True
    return None, False


def _protect_from_csrf() -> None:
    csrf: CSRFProtect = current_app.extensions[CSRF_EXTENSION]
    csrf.protect()


def security_headers(response: Response) -> Response:
    """CSP without inline scripts, nosniff, no framing, no referrer leaks."""
    headers = response.headers
    headers.setdefault("Content-Security-Policy", _CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    if g.get("principal") is not None:
        # What one account may read is no cache's to keep or to share.
        headers["Cache-Control"] = "no-store"
        headers.add("Vary", "Authorization, Cookie")
    return response
