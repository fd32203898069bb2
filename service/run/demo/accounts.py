"""One demo account per role, sharing a password generated for the database."""

from __future__ import annotations

import contextlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from domain import ids
from domain.account import Account, Role, account_id
from service.errors import AlreadyExistsError
from service.usecases.steerlog import Steerlog

COMMITTEE = ("Ban Chỉ đạo Chuyển đổi số tỉnh Quảng Nam", "tỉnh Quảng Nam")
AGENCY = "Sở Thông tin và Truyền thông tỉnh Quảng Nam"


@dataclass(frozen=True)
class DemoAccount:
    """A demo login, its display name and the role it shows."""

    login: str
    display_name: str
    role: Role


DEMO_ACCOUNTS = (
    DemoAccount("demo.quantri", "Quản trị hệ thống", Role.ADMIN),
    DemoAccount("demo.thuky", "Nguyễn Thị Thu", Role.SECRETARY),
    DemoAccount("demo.lanhdao", "Trần Văn Lãnh", Role.LEADER),
    DemoAccount("demo.sotttt", "Lê Minh Tuấn", Role.AGENCY_OFFICER),
    DemoAccount("demo.xem", "Phạm Thị Xem", Role.VIEWER),
)


def demo_password(app: Steerlog) -> str:
    """The demo accounts' password: kept beside a SQLite database, else new."""
    database = app.settings.database
    if database.backend != "sqlite" or database.sqlite_path == ":memory:":
        return secrets.token_urlsafe(12)
    path = Path(database.sqlite_path).with_suffix(".demo-password")
    if not path.exists():
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as file:
            file.write(secrets.token_urlsafe(12) + "\n")
    return path.read_text(encoding="ascii").strip()


def create_demo_accounts(app: Steerlog) -> str:
    """Register the demo accounts with their roles (once); their password."""
    actor = app.system_actor("demo")
    password = demo_password(app)
    committee_id = ids.committee_id(*COMMITTEE)
    agency_id = ids.agency_id(AGENCY)
    for demo in DEMO_ACCOUNTS:
        with contextlib.suppress(AlreadyExistsError):
            app.register_account(
                actor=actor,
                login=demo.login,
                display_name=demo.display_name,
                email=f"{demo.login}@quangnam.gov.vn",
            )
        account = app.view(Account, account_id(demo.login))
        if not account.grants:
            app.grant_role(
                account.id,
                actor=actor,
                role=demo.role.value,
                committee_id=None if demo.role is Role.ADMIN else committee_id,
                agency_id=agency_id if demo.role is Role.AGENCY_OFFICER else None,
            )
        if not app.passwords.verify(app.secrets.password_hash(account.id), password):
            app.set_password(account.id, password)
    return password


def print_demo_accounts(app: Steerlog) -> None:
    """Create the demo accounts and print their logins and password."""
    password = create_demo_accounts(app)
    print("\nTài khoản demo (mật khẩu chung của cơ sở dữ liệu này):")
    for demo in DEMO_ACCOUNTS:
        print(f"  {demo.login:<14} {demo.role.value:<15} {demo.display_name}")
    print(f"  mật khẩu: {password}")
