"""Admins keep accounts and roles through pages; nobody else reaches them."""

from __future__ import annotations

import re

from tests.functional.pages.conftest import PASSWORD, SignIn, csrf_token
from tests.functional.support import Api


def test_an_admin_creates_an_account_grants_a_role_and_revokes_it(
    api: Api, sign_in: SignIn
) -> None:
    committee = api.committee()
    api.project()
    admin = sign_in("admin")
    page = admin.get("/accounts").get_data(as_text=True)
    login = f"can.bo.{api.token}"
    created = admin.post("/accounts", data={
        "csrf_token": csrf_token(page), "login": login, "display_name": "Phạm Thị Lan",
        "email": f"{login}@quangnam.gov.vn", "password": PASSWORD})  # fmt: skip
    assert created.status_code == 303
    account_page = created.headers["Location"]
    html = admin.get(account_page).get_data(as_text=True)
    version = re.search(r'name="version"[^>]*value="(\d+)"', html)
    assert version is not None
    granted = admin.post(f"{account_page}/grant", data={
        "csrf_token": csrf_token(html), "version": version.group(1),
        "role": "leader", "committee_id": committee})  # fmt: skip
    assert granted.status_code == 303
    html = admin.get(account_page).get_data(as_text=True)
    assert "Lãnh đạo" in html and "Cấp quyền" in html
    history = html.split("Lịch sử thay đổi", 1)[1]
    assert "Cấp quyền" in history  # who gave the role, and when


def test_a_weak_password_gets_a_message_and_no_account(
    api: Api, sign_in: SignIn
) -> None:
    admin = sign_in("admin")
    page = admin.get("/accounts").get_data(as_text=True)
    weak = {
        "csrf_token": csrf_token(page),
        "login": f"yeu.{api.token}",
        "display_name": "Yếu",
        "email": "yeu@example.vn",
        "password": "123",
    }
    response = admin.post("/accounts", data=weak)
    assert response.status_code == 400
    assert f"yeu.{api.token}" not in admin.get("/accounts").get_data(as_text=True)


def test_accounts_are_for_admins_only(api: Api, sign_in: SignIn) -> None:
    secretary = sign_in("secretary", api.committee())
    assert secretary.get("/accounts").status_code == 403
