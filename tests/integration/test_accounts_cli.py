"""Accounts from the command line, and accounts as aggregates, on both databases."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from argon2 import PasswordHasher

from domain.account import Account, account_id
from service.access.decision import NotSignedInError
from service.accounts.errors import SignInRefusedError
from service.errors import NotFoundError
from service.eventstore.snapshots import StateSnapshot
from service.run.cli import main
from service.run.composition import build_application
from service.settings import Settings
from service.usecases.steerlog import Steerlog

PASSWORD = "Quảng Nam số hóa 2022"


@pytest.fixture
def cli(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The command line pointed at this test's database."""
    monkeypatch.setenv("STEERLOG_DATABASE_URL", settings.database.url)
    return settings


def typed(monkeypatch: pytest.MonkeyPatch, line: str) -> None:
    """What standard input (not a terminal) gives the password prompt."""
    monkeypatch.setattr("sys.stdin", io.StringIO(line + "\n"))


def run(*argv: str) -> int:
    """One ``steerlog`` command; its exit status."""
    return main(list(argv))


def test_create_with_a_token_prints_one_that_works(
    cli: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("account", "create", "quan.tri", "--name", "Nguyễn Văn Quản",
               "--email", "qt@quangnam.gov.vn", "--admin", "--token") == 0  # fmt: skip
    token = capsys.readouterr().out.strip()
    app = build_application(cli)
    try:
        principal = app.token_principal(token)
        assert principal.is_admin and principal.display_name == "Nguyễn Văn Quản"
    finally:
        app.close()


def test_password_grant_disable_and_list(
    cli: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    typed(monkeypatch, PASSWORD)
    assert run("account", "create", "thu.ky", "--name", "Trần Thị Thư",
               "--email", "tk@quangnam.gov.vn") == 0  # fmt: skip
    app = build_application(cli)
    try:
        committee = app.establish_committee(
            actor="tests", name="Ban Chỉ đạo CĐS", jurisdiction="tỉnh Quảng Nam"
        ).id
        assert app.sign_in("thu.ky", PASSWORD, "10.0.0.1").login == "thu.ky"
        role = ["--committee", str(committee), "--role", "secretary"]
        assert run("account", "grant", "thu.ky", *role) == 0
        assert run("account", "list") == 0
        assert f"secretary@{committee}" in capsys.readouterr().out
        grants = app.view(Account, account_id("thu.ky")).grants
        assert grants[0].granted_by == str(account_id("system.cli"))
        assert run("account", "revoke", "thu.ky", *role) == 0
        assert run("account", "revoke", "thu.ky", *role) == 2  # not granted
        assert run("account", "disable", "thu.ky", "--reason", "Nghỉ hưu") == 0
        assert app.view(Account, account_id("thu.ky")).disabled
    finally:
        app.close()


def test_tokens_are_issued_and_revoked(
    cli: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("account", "create", "can.bo", "--name", "Lê Cán Bộ",
               "--email", "cb@quangnam.gov.vn", "--token") == 0  # fmt: skip
    capsys.readouterr()
    assert run("token", "issue", "can.bo", "--name", "báo cáo", "--days", "7") == 0
    token = capsys.readouterr().out.strip()
    token_id = token.split("_")[1]
    assert run("token", "revoke", "can.bo", token_id) == 0
    assert run("token", "revoke", "can.bo", token_id) == 1
    app = build_application(cli)
    try:
        with pytest.raises(NotSignedInError, match="revoked"):
            app.token_principal(token)
    finally:
        app.close()


def test_bad_input_is_a_clear_message_and_stores_nothing(
    cli: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    typed(monkeypatch, "short")
    assert run("account", "create", "yeu", "--name", "Y", "--email", "y@x.vn") == 2
    assert "password: at least 12 characters" in capsys.readouterr().err
    assert run("account", "create", "a" * 10_000, "--name", "A",
               "--email", "a@x.vn", "--token") == 2  # fmt: skip
    assert "login" in capsys.readouterr().err
    assert run("token", "issue", "a" * 10_000) == 2
    assert run("account", "disable", "khong.co") == 1
    app = build_application(cli)
    try:
        with pytest.raises(NotFoundError):
            app.account_by_login("yeu")
    finally:
        app.close()


def test_an_account_has_history_a_past_state_and_a_snapshot(app: Steerlog) -> None:
    actor = app.system_actor("tests")
    written = app.register_account(
        actor=actor, login="lich.su", display_name="Đỗ Sử", email="ls@x.vn"
    )
    committee = app.establish_committee(
        actor=actor, name="Ban Chỉ đạo", jurisdiction="tỉnh Quảng Nam"
    ).id
    before = datetime.now(UTC)
    app.grant_role(written.id, actor=actor, role="viewer", committee_id=committee)
    events = [entry.event for entry in app.history(written.id)]
    assert events == ["Registered", "RoleGranted"]
    assert app.history(written.id)[1].actor_name == "Hệ thống (tests)"
    past = app.get_as_of(written.id, before)
    assert isinstance(past, Account) and past.grants == []
    account = app.load(Account, written.id)
    assert app.snapshots is not None
    app.snapshots.put([StateSnapshot.take(account)])
    [snapshot] = app.snapshots.get(written.id)
    restored = snapshot.mutate(None)
    assert restored.__dict__ == account.__dict__


def test_a_hash_made_with_older_parameters_is_upgraded_at_sign_in(
    app: Steerlog,
) -> None:
    written = app.register_account(
        actor="tests", login="nang.cap", display_name="Lý Cấp", email="nc@x.vn"
    )
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    app.secrets.set_password_hash(written.id, weak.hash(PASSWORD), datetime.now(UTC))
    assert app.passwords.outdated(str(app.secrets.password_hash(written.id)))
    app.sign_in("nang.cap", PASSWORD, None)
    upgraded = str(app.secrets.password_hash(written.id))
    assert upgraded.startswith("$argon2id$")
    assert not app.passwords.outdated(upgraded)
    assert app.passwords.verify(upgraded, PASSWORD)


def test_a_password_over_the_limit_is_refused_and_counted(app: Steerlog) -> None:
    app.register_account(
        actor="tests",
        login="dai.qua",
        display_name="Dài",
        email="dq@x.vn",
        password=PASSWORD,
    )
    with pytest.raises(SignInRefusedError):
        app.sign_in("dai.qua", PASSWORD + "x" * 100_000, "10.0.0.9")
    assert (
        app.secrets.failures_since("login:dai.qua", datetime(2000, 1, 1, tzinfo=UTC))
        == 1
    )
