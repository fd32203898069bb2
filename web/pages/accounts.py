"""Accounts and roles, for admins: who may sign in, with which role where, and
who gave it (every grant and revocation is an event with its actor)."""

from __future__ import annotations

from uuid import UUID

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField, SelectChoice, SelectField, StringField
from wtforms.validators import InputRequired, Length, Optional

from domain.account import Account, Role
from web.http import read_side, steerlog
from web.pages.feedback import attempt, show_on
from web.pages.forms import REQUIRED, PageForm, VersionedForm, choose
from web.principal import current_actor

bp = Blueprint("account_pages", __name__)
ROLE = {
    "admin": _l("Quản trị"),
    "secretary": _l("Thư ký"),
    "leader": _l("Lãnh đạo"),
    "agency_officer": _l("Cán bộ đầu mối của cơ quan"),
    "viewer": _l("Xem"),
}


class NewAccountForm(PageForm):
    """Tạo tài khoản."""

    login = StringField(
        _l("Tên đăng nhập"), validators=[InputRequired(REQUIRED), Length(max=64)]
    )
    display_name = StringField(
        _l("Họ và tên"), validators=[InputRequired(REQUIRED), Length(max=200)]
    )
    email = EmailField(
        _l("Thư điện tử"), validators=[InputRequired(REQUIRED), Length(max=320)]
    )
    password = PasswordField(
        _l("Mật khẩu (ít nhất 12 ký tự)"),
        validators=[InputRequired(REQUIRED), Length(max=1024)],
    )


class GrantForm(VersionedForm):
    """Cấp quyền: a role on a committee (an officer for one agency)."""

    role = SelectField(
        _l("Vai trò"), choices=[SelectChoice(r.value, ROLE[r.value]) for r in Role]
    )
    committee_id = SelectField(_l("Ban Chỉ đạo"), validators=[Optional()])
    agency_id = SelectField(_l("Cơ quan (cán bộ đầu mối)"), validators=[Optional()])


class StepForm(VersionedForm):
    """Revoke one grant, disable or enable: nothing to fill in."""

    role = StringField(validators=[Optional()])
    committee_id = StringField(validators=[Optional()])
    agency_id = StringField(validators=[Optional()])


@bp.route("/accounts", methods=["GET", "POST"])
def accounts() -> ResponseReturnValue:
    """Every account with its roles; an admin creates new ones here."""
    form = NewAccountForm()
    if request.method == "POST" and form.validate_on_submit():
        outcome = attempt(
            lambda: steerlog().register_account(
                actor=current_actor(),
                login=form.login.data.strip(),
                display_name=form.display_name.data.strip(),
                email=form.email.data.strip(),
                password=form.password.data,
            )
        )
        if outcome.ok and outcome.written is not None:
            flash(_("Đã tạo tài khoản."), "success")
            return redirect(
                url_for(".account", account_id=outcome.written.id), code=303
            )
        show_on(form, outcome)
    status = 400 if request.method == "POST" else 200
    listed = steerlog().list_accounts()
    return render_template(
        "accounts/list.html", accounts=listed, form=form, roles=ROLE
    ), status


@bp.route("/accounts/<uuid:account_id>", methods=["GET"])
def account(account_id: UUID) -> ResponseReturnValue:
    """One account: its roles, who granted them, and the forms that change them."""
    return _page(account_id, None, 200)


def _page(
    account_id: UUID, grant: GrantForm | None, status: int
) -> ResponseReturnValue:
    found = steerlog().view(Account, account_id)
    form = grant or GrantForm(formdata=None)
    _offer(form)
    form.version.data = str(found.version)
    page = render_template(
        "accounts/account.html",
        account=found,
        grant=form,
        step=StepForm(formdata=None, data={"version": str(found.version)}),
        roles=ROLE,
        history=steerlog().history(account_id),
    )
    return page, status


def _offer(form: GrantForm) -> None:
    committees = [(str(c.id), c.name) for c in read_side().committees()]
    agencies = sorted(
        ((str(a.id), a.name) for a in read_side().agency_directory()),
        key=lambda c: c[1],
    )
    choose(form.committee_id, committees, blank=True)
    choose(form.agency_id, agencies, blank=True)


def _changed(account_id: UUID, done: str) -> ResponseReturnValue:
    """Say what was done, and show the account as it is now (303)."""
    flash(done, "success")
    return redirect(url_for(".account", account_id=account_id), code=303)


def _uuid(raw: str | None) -> UUID | None:
    return UUID(raw) if raw else None


@bp.route("/accounts/<uuid:account_id>/grant", methods=["POST"])
def grant(account_id: UUID) -> ResponseReturnValue:
    """Give a role; the event names the admin who gave it."""
    form = GrantForm()
    _offer(form)
    if form.validate_on_submit():
        outcome = attempt(
            lambda: steerlog().grant_role(
                account_id,
                actor=current_actor(),
                role=form.role.data,
                committee_id=_uuid(form.committee_id.data),
                agency_id=_uuid(form.agency_id.data),
                expected_version=form.expected_version(),
            )
        )
        if outcome.ok:
            return _changed(account_id, _("Đã cấp quyền."))
        show_on(form, outcome)
    return _page(account_id, form, 400)


@bp.route("/accounts/<uuid:account_id>/revoke", methods=["POST"])
def revoke(account_id: UUID) -> ResponseReturnValue:
    """Take a role back: access ends on the account's next request."""
    form = StepForm()
    if form.validate_on_submit():
        outcome = attempt(
            lambda: steerlog().revoke_role(
                account_id,
                actor=current_actor(),
                role=form.role.data,
                committee_id=_uuid(form.committee_id.data),
                agency_id=_uuid(form.agency_id.data),
                expected_version=form.expected_version(),
            )
        )
        if outcome.ok:
            return _changed(account_id, _("Đã thu hồi quyền."))
        show_on(form, outcome)
    return _page(account_id, None, 400)


@bp.route("/accounts/<uuid:account_id>/disable", methods=["POST"])
def disable(account_id: UUID) -> ResponseReturnValue:
    """Lock the account (or unlock it): its sessions and tokens stop at once."""
    form = StepForm()
    found = steerlog().view(Account, account_id)
    if form.validate_on_submit():
        version = form.expected_version()
        outcome = attempt(
            lambda: (
                steerlog().enable_account(
                    account_id, actor=current_actor(), expected_version=version
                )
                if found.disabled
                else steerlog().disable_account(
                    account_id, actor=current_actor(), expected_version=version
                )
            )
        )
        if outcome.ok:
            return _changed(account_id, _("Đã cập nhật tài khoản."))
        show_on(form, outcome)
    return _page(account_id, None, 400)
