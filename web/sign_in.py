"""Đăng nhập / đăng xuất: the sign-in form and sign-out, for browser sessions."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import (
    Blueprint,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_user, logout_user
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response as BaseResponse
from wtforms import HiddenField, PasswordField, StringField
from wtforms.validators import InputRequired, Length

from domain.account import MAX_LOGIN
from service.accounts.credentials import MAX_PASSWORD
from service.accounts.errors import SignInRefusedError, TooManyAttemptsError
from web.http import steerlog
from web.principal import SessionUser

bp = Blueprint("auth", __name__, template_folder="templates")
ResponseOrPage = BaseResponse | tuple[str, int] | tuple[str, int, dict[str, str]]


class SignInForm(FlaskForm):  # type: ignore[misc]
    """Tên đăng nhập và mật khẩu (with its CSRF token)."""

    login = StringField(
        "Tên đăng nhập", validators=[InputRequired(), Length(max=MAX_LOGIN)]
    )
    password = PasswordField(
        "Mật khẩu", validators=[InputRequired(), Length(max=MAX_PASSWORD)]
    )
    next = HiddenField()


def local_target(target: str | None) -> str:
    """``target`` when it is a path on this site; the home page otherwise."""
    if target and target.startswith("/") and "\\" not in target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and not target.startswith("//"):
            return target
    return url_for("home.home")


def _page(form: SignInForm, status: int, error: str | None = None) -> tuple[str, int]:
    return render_template("auth/sign_in.html", form=form, error=error), status


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in() -> ResponseOrPage:
    """The form; a right login and password begin a new server-side session."""
    form = SignInForm()
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
        return _page(form, 200)
    if not form.validate_on_submit():
        return _page(form, 400, "Vui lòng nhập tên đăng nhập và mật khẩu hợp lệ.")
    try:
        principal = steerlog().sign_in(
            form.login.data, form.password.data, request.remote_addr
        )
    except SignInRefusedError:
        return _page(form, 401, "Tên đăng nhập hoặc mật khẩu không đúng.")
    except TooManyAttemptsError as error:
        seconds = str(int(error.retry_after.total_seconds()))
        page, _ = _page(form, 429, "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau.")
        return page, 429, {"Retry-After": seconds}
    session.clear()  # a new session id at sign-in: nothing carried over
    session_id = steerlog().begin_session(principal.account_id)
    login_user(SessionUser(session_id, principal))
    return redirect(local_target(form.next.data))


@bp.route("/sign-out", methods=["POST"])
def sign_out() -> BaseResponse:
    """End the session on the server, then forget the cookie."""
    if current_user.is_authenticated:  # a bearer token has no session to end
        steerlog().end_session(current_user.session_id)
    logout_user()
    session.clear()
    return redirect(url_for("auth.sign_in"))
