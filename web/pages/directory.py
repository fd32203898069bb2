"""The directory as pages: agencies (aliases, groups) and officials, with the forms
secretaries keep it with; names are matched without diacritics."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import SelectChoice, SelectField, SelectMultipleField, StringField
from wtforms.validators import InputRequired, Length, Optional

from domain.agency import Agency
from domain.text import fold
from domain.values import AgencyKind
from service.access.decision import Target
from service.eventstore.application import Written
from web.http import read_side, steerlog
from web.pages.feedback import attempt, show_on
from web.pages.forms import REQUIRED, PageForm, VersionedForm, choose
from web.pages.permissions import may
from web.principal import current_actor

bp = Blueprint("directory_pages", __name__)
SHOWN = 200
KIND = {
    "department": _l("Sở, ban, ngành"),
    "peoples_committee": _l("UBND"),
    "party": _l("Cơ quan Đảng"),
    "ministry": _l("Bộ, ngành trung ương"),
    "enterprise": _l("Doanh nghiệp"),
    "group": _l("Nhóm cơ quan"),
    "other": _l("Khác"),
}
NAME = [InputRequired(REQUIRED), Length(max=500)]


class AgencyForm(PageForm):
    """Đăng ký cơ quan."""

    name = StringField(_l("Tên cơ quan"), validators=NAME)
    kind = SelectField(
        _l("Loại"), choices=[SelectChoice(k.value, KIND[k.value]) for k in AgencyKind]
    )
    short_name = StringField(
        _l("Tên viết tắt"), validators=[Optional(), Length(max=100)]
    )


class PersonForm(PageForm):
    """Đăng ký cán bộ."""

    full_name = StringField(_l("Họ và tên"), validators=NAME)
    title = StringField(_l("Chức vụ"), validators=[Optional(), Length(max=500)])
    agency_id = SelectField(_l("Cơ quan"), validators=[Optional()])


class AliasForm(VersionedForm):
    """Thêm tên gọi khác (``Sở TT&TT``)."""

    alias = StringField(_l("Tên gọi khác"), validators=NAME)


class MembersForm(VersionedForm):
    """Thành viên của nhóm (``UBND các huyện, thị xã, thành phố``)."""

    member_ids = SelectMultipleField(
        _l("Các cơ quan thành viên"), validators=[Optional()]
    )


def _agency_choices() -> list[tuple[str, str]]:
    rows = read_side().agency_directory()
    return sorted(((str(r.id), r.name) for r in rows), key=lambda c: c[1])


@bp.route("/directory/agencies", methods=["GET", "POST"])
def agencies() -> ResponseReturnValue:
    """Every agency with its other names; a secretary registers new ones here."""
    form = AgencyForm()
    if request.method == "POST" and form.validate_on_submit():
        outcome = attempt(
            lambda: steerlog().register_agency(
                actor=current_actor(),
                name=form.name.data.strip(),
                kind=form.kind.data,
                short_name=form.short_name.data or None,
            )
        )
        if outcome.ok and outcome.written is not None:
            read_side().wait_for(outcome.written.position)
            flash(_("Đã đăng ký cơ quan."), "success")
            return redirect(url_for(".agencies"), code=303)
        show_on(form, outcome)
    typed = fold(request.args.get("q", ""))
    rows = [
        r
        for r in read_side().agency_directory()
        if not typed or any(typed in fold(n) for n in (r.name, *r.aliases))
    ]
    status = 400 if request.method == "POST" else 200
    page = render_template(
        "directory/agencies.html",
        agencies=sorted(rows, key=lambda r: fold(r.name))[:SHOWN],
        form=form if may("agencies.register_agency", Target()) else None,
        q=request.args.get("q", ""),
    )
    return page, status


@bp.route("/directory/agencies/<uuid:agency_id>", methods=["GET"])
def agency(agency_id: UUID) -> ResponseReturnValue:
    """One agency: names, the group's members, and the forms that change them."""
    return _agency_page(agency_id, {}, 200)


def _agency_page(
    agency_id: UUID, submitted: dict[str, PageForm], status: int
) -> ResponseReturnValue:
    found = steerlog().view(Agency, agency_id)
    forms: dict[str, PageForm] = {}
    if may("agencies.add_agency_alias", Target()):
        forms["alias"] = submitted.get("alias") or AliasForm(formdata=None)
        if found.is_group:
            members = submitted.get("members") or MembersForm(
                formdata=None, data={"member_ids": [str(m) for m in found.member_ids]}
            )
            choose(members.member_ids, _agency_choices())
            forms["members"] = members
        for name, form in forms.items():
            if name not in submitted:
                form.version.data = str(found.version)
    page = render_template(
        "directory/agency.html",
        agency=found,
        kind=KIND.get(str(found.kind), found.kind),
        forms=forms,
        history=steerlog().history(agency_id),
    )
    return page, status


def _agency_change(
    name: str,
    form_class: type[VersionedForm],
    run: Callable[[UUID, VersionedForm], Written],
) -> Callable[[UUID], ResponseReturnValue]:
    def change(agency_id: UUID) -> ResponseReturnValue:
        form = form_class()
        if isinstance(form, MembersForm):
            choose(form.member_ids, _agency_choices())
        if form.validate_on_submit():
            outcome = attempt(lambda: run(agency_id, form))
            if outcome.ok:
                flash(_("Đã cập nhật."), "success")
                return redirect(url_for(".agency", agency_id=agency_id), code=303)
            show_on(form, outcome)
        form.version.data = str(steerlog().view(Agency, agency_id).version)
        return _agency_page(agency_id, {name: form}, 400)

    change.__name__ = f"agency_{name}"
    change.__doc__ = f"The agency page's {name} form."
    return change


bp.add_url_rule(
    "/directory/agencies/<uuid:agency_id>/alias",
    view_func=_agency_change(
        "alias",
        AliasForm,
        lambda agency_id, form: steerlog().add_agency_alias(
            agency_id,
            actor=current_actor(),
            alias=form.alias.data.strip(),
            expected_version=form.expected_version(),
        ),
    ),
    methods=["POST"],
)
bp.add_url_rule(
    "/directory/agencies/<uuid:agency_id>/members",
    view_func=_agency_change(
        "members",
        MembersForm,
        lambda agency_id, form: steerlog().set_group_members(
            agency_id,
            actor=current_actor(),
            member_ids=[UUID(m) for m in form.member_ids.data or []],
            expected_version=form.expected_version(),
        ),
    ),
    methods=["POST"],
)


@bp.route("/directory/people", methods=["GET", "POST"])
def people() -> ResponseReturnValue:
    """Officials by name (``?q=nguyen van`` finds ``Nguyễn Văn``); register new ones."""
    form = PersonForm()
    choose(form.agency_id, _agency_choices(), blank=True)
    if request.method == "POST" and form.validate_on_submit():
        outcome = attempt(
            lambda: steerlog().register_person(
                actor=current_actor(),
                full_name=form.full_name.data.strip(),
                title=form.title.data or None,
                agency_id=UUID(form.agency_id.data) if form.agency_id.data else None,
            )
        )
        if outcome.ok and outcome.written is not None:
            read_side().wait_for(outcome.written.position)
            flash(_("Đã đăng ký cán bộ."), "success")
            return redirect(url_for(".people"), code=303)
        show_on(form, outcome)
    typed = fold(request.args.get("q", ""))
    rows = [
        p
        for p in read_side().people()
        if not typed or typed in fold(f"{p.full_name} {p.title or ''}")
    ]
    status = 400 if request.method == "POST" else 200
    page = render_template(
        "directory/people.html",
        people=rows[:SHOWN],
        agency_names=dict(_agency_choices()),
        form=form if may("people.register_person", Target()) else None,
        q=request.args.get("q", ""),
    )
    return page, status
