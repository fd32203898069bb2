"""Accounts: logins, names, roles granted and revoked by someone, disabling."""

from __future__ import annotations

import unicodedata
from uuid import uuid4

import pytest

from domain.account import (
    Account,
    AccountDisabledError,
    AlreadyGrantedError,
    NotGrantedError,
    Role,
    account_id,
)
from domain.errors import InvalidValueError, NoChangeError

GRANTOR = "3f0c2d8e-0000-4000-8000-000000000001"


def registered(login: str = "thu.ky") -> Account:
    """A fresh account."""
    return Account.register(
        actor=GRANTOR, login=login, display_name="Trần Thị Thư", email="a@b.vn"
    )


def test_the_id_derives_from_the_login_folded_to_lower_case() -> None:
    assert registered("Thu.Ky").id == account_id("thu.ky") == registered().id
    assert registered("Thu.Ky").login == "thu.ky"


@pytest.mark.parametrize("login", ["", "a" * 65, "thư ký", "-dash", "a b"])
def test_a_malformed_login_is_refused_naming_the_field(login: str) -> None:
    with pytest.raises(InvalidValueError) as refused:
        registered(login)
    assert refused.value.field == "login"


def test_the_display_name_is_stored_in_nfc_and_the_email_is_checked() -> None:
    account = Account.register(
        actor=GRANTOR,
        login="ten",
        display_name=unicodedata.normalize("NFD", "Nguyễn Văn Ẩn"),
        email=" an@quangnam.gov.vn ",
    )
    assert account.display_name == "Nguyễn Văn Ẩn"
    assert account.email == "an@quangnam.gov.vn"
    with pytest.raises(InvalidValueError) as refused:
        Account.register(actor=GRANTOR, login="x", display_name="X", email="no-at")
    assert refused.value.field == "email"


def test_a_grant_records_who_granted_it_and_is_revoked_once() -> None:
    account, committee = registered(), uuid4()
    account.grant_role(actor=GRANTOR, role="viewer", committee_id=committee)
    [grant] = account.grants
    assert (grant.role, grant.committee_id, grant.granted_by) == (
        Role.VIEWER,
        committee,
        GRANTOR,
    )
    with pytest.raises(AlreadyGrantedError):
        account.grant_role(actor=GRANTOR, role="viewer", committee_id=committee)
    account.revoke_role(actor=GRANTOR, role="viewer", committee_id=committee)
    assert account.grants == []
    with pytest.raises(NotGrantedError):
        account.revoke_role(actor=GRANTOR, role="viewer", committee_id=committee)


def test_roles_granted_or_revoked_name_their_scope_admin_none_officers_an_agency() -> (
    None
):
    account, committee = registered(), uuid4()
    cases = [
        ({"role": "admin", "committee_id": committee}, "committee_id"),
        ({"role": "secretary"}, "committee_id"),
        ({"role": "agency_officer", "committee_id": committee}, "agency_id"),
        (
            {"role": "viewer", "committee_id": committee, "agency_id": uuid4()},
            "agency_id",
        ),
        ({"role": "chairman", "committee_id": committee}, "role"),
    ]
    for arguments, field in cases:
        for command in (account.grant_role, account.revoke_role):
            with pytest.raises(InvalidValueError) as refused:
                command(actor=GRANTOR, **arguments)  # type: ignore[arg-type]
            assert refused.value.field == field
    account.grant_role(actor=GRANTOR, role="admin")
    assert account.is_admin


def test_a_disabled_account_gets_no_role_until_enabled() -> None:
    account = registered()
    account.disable(actor=GRANTOR, reason="Nghỉ hưu")
    with pytest.raises(NoChangeError):
        account.disable(actor=GRANTOR)
    with pytest.raises(AccountDisabledError):
        account.grant_role(actor=GRANTOR, role="admin")
    account.enable(actor=GRANTOR)
    with pytest.raises(NoChangeError):
        account.enable(actor=GRANTOR)
    account.grant_role(actor=GRANTOR, role="admin")
