"""``steerlog account ...`` and ``steerlog token ...``: accounts from the shell.

Commands act as the system account ``system.cli``: whoever can run them on the
server can already read its database, so they need no sign-in of their own.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from domain.account import Account, Role
from domain.errors import DomainError, InvalidValueError
from service.errors import AlreadyExistsError
from service.run.composition import build_application
from service.settings import Settings
from service.usecases.steerlog import Steerlog

CLI = "cli"


def add_account_commands(commands: Any, aggregate_id: Any) -> None:
    """Register ``account`` and ``token`` with their sub-commands."""
    account = commands.add_parser("account", help="accounts and their roles")
    actions = account.add_subparsers(required=True, metavar="ACTION")
    create = actions.add_parser("create", help="register an account")
    create.add_argument("login")
    create.add_argument("--name", required=True, help="display name (Vietnamese)")
    create.add_argument("--email", required=True)
    create.add_argument("--admin", action="store_true", help="grant the admin role")
    create.add_argument(
        "--token",
        action="store_true",
        help="print a one-time API token instead of asking for a password",
    )
    create.set_defaults(run=run_create)
    for name, run in (("grant", run_grant), ("revoke", run_revoke)):
        change = actions.add_parser(name, help=f"{name} a role")
        change.add_argument("login")
        change.add_argument("--role", required=True, choices=[r.value for r in Role])
        change.add_argument("--committee", type=aggregate_id)
        change.add_argument("--agency", type=aggregate_id)
        change.set_defaults(run=run)
    disable = actions.add_parser("disable", help="disable an account at once")
    disable.add_argument("login")
    disable.add_argument("--reason")
    disable.set_defaults(run=run_disable)
    enable = actions.add_parser("enable", help="enable a disabled account")
    enable.add_argument("login")
    enable.set_defaults(run=run_enable)
    password = actions.add_parser("password", help="set an account's password")
    password.add_argument("login")
    password.set_defaults(run=run_password)
    listing = actions.add_parser("list", help="every account with its roles")
    listing.set_defaults(run=run_list)
    add_token_commands(commands)


def add_token_commands(commands: Any) -> None:
    """``steerlog token issue|revoke``."""
    token = commands.add_parser("token", help="API tokens")
    actions = token.add_subparsers(required=True, metavar="ACTION")
    issue = actions.add_parser("issue", help="print a new token (shown once)")
    issue.add_argument("login")
    issue.add_argument("--name", default="command line", help="what it is for")
    issue.add_argument("--days", type=int, default=90, help="days until it expires")
    issue.set_defaults(run=run_token_issue)
    revoke = actions.add_parser("revoke", help="revoke a token by its id")
    revoke.add_argument("login")
    revoke.add_argument("token_id")
    revoke.set_defaults(run=run_token_revoke)


@contextmanager
def application() -> Iterator[Steerlog]:
    """The application, closed afterwards."""
    app = build_application(Settings.from_env())
    try:
        yield app
    finally:
        app.close()


def refused(error: Exception) -> int:
    """Print why a command was refused; exit status 2 (bad input)."""
    if isinstance(error, InvalidValueError):
        message = f"{error.field}: {error.details.get('reason')}"
    elif isinstance(error, DomainError):
        message = f"{error.rule} {error.details}"
    else:
        message = str(error)
    print(f"steerlog: {message}", file=sys.stderr)
    return 2


def run_create(args: argparse.Namespace) -> int:
    """Register an account; a password from the terminal, or a one-time token."""
    with application() as app:
        actor = app.system_actor(CLI)
        try:
            password = None if args.token else ask_password()
            written = app.register_account(
                actor=actor,
                login=args.login,
                display_name=args.name,
                email=args.email,
                password=password,
            )
            if args.admin:
                app.grant_role(written.id, actor=actor, role=Role.ADMIN.value)
        except (DomainError, AlreadyExistsError, PasswordEntryError) as error:
            return refused(error)
        if args.token:
            print(app.issue_token(written.id, name="created with the account").token)
        else:
            print(f"steerlog: account {args.login} registered ({written.id})")
    return 0


class PasswordEntryError(Exception):
    """No password could be read, or the two entries differ."""


def ask_password() -> str:
    """A password typed twice on the terminal (never echoed, never an argument)."""
    if not sys.stdin.isatty():
        line = sys.stdin.readline().rstrip("\n")
        if not line:
            raise PasswordEntryError("no password on standard input")
        return line
    first = getpass.getpass("Mật khẩu (ít nhất 12 ký tự): ")
    if getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise PasswordEntryError("the two passwords differ")
    return first


def run_password(args: argparse.Namespace) -> int:
    """Set an account's password; its browser sessions end."""
    with application() as app:
        try:
            app.set_password(app.account_by_login(args.login).id, ask_password())
        except (DomainError, PasswordEntryError) as error:
            return refused(error)
    print(f"steerlog: password of {args.login} set")
    return 0


def _change_role(args: argparse.Namespace, grant: bool) -> int:
    with application() as app:
        account = app.account_by_login(args.login)
        change = app.grant_role if grant else app.revoke_role
        try:
            change(
                account.id,
                actor=app.system_actor(CLI),
                role=args.role,
                committee_id=args.committee,
                agency_id=args.agency,
            )
        except DomainError as error:
            return refused(error)
    done = "granted to" if grant else "revoked from"
    print(f"steerlog: {args.role} {done} {args.login}")
    return 0


def run_grant(args: argparse.Namespace) -> int:
    """Grant a role on a committee (admin: global)."""
    return _change_role(args, grant=True)


def run_revoke(args: argparse.Namespace) -> int:
    """Revoke a role: effective on the account's next request."""
    return _change_role(args, grant=False)


def run_disable(args: argparse.Namespace) -> int:
    """Disable an account: its sessions and tokens stop working at once."""
    with application() as app:
        account = app.account_by_login(args.login)
        try:
            app.disable_account(
                account.id, actor=app.system_actor(CLI), reason=args.reason
            )
        except DomainError as error:
            return refused(error)
    print(f"steerlog: {args.login} disabled")
    return 0


def run_enable(args: argparse.Namespace) -> int:
    """Enable a disabled account again."""
    with application() as app:
        account = app.account_by_login(args.login)
        try:
            app.enable_account(account.id, actor=app.system_actor(CLI))
        except DomainError as error:
            return refused(error)
    print(f"steerlog: {args.login} enabled")
    return 0


def run_list(args: argparse.Namespace) -> int:
    """Every account, its state and its roles, one line each."""
    with application() as app:
        for account in app.list_accounts():
            print(describe(account))
    return 0


def describe(account: Account) -> str:
    """One line: login, name, e-mail, state, roles."""
    roles = ", ".join(
        grant.role.value
        + (f"@{grant.committee_id}" if grant.committee_id else "")
        + (f"/{grant.agency_id}" if grant.agency_id else "")
        for grant in account.grants
    )
    state = "disabled" if account.disabled else "enabled"
    return f"{account.login}\t{account.display_name}\t{account.email}\t{state}\t{roles}"


def run_token_issue(args: argparse.Namespace) -> int:
    """Print a new API token of the account: it is shown this once."""
    with application() as app:
        account = app.account_by_login(args.login)
        try:
            lifetime = timedelta(days=args.days) if args.days > 0 else None
            issued = app.issue_token(account.id, name=args.name, lifetime=lifetime)
        except DomainError as error:
            return refused(error)
    print(issued.token)
    return 0


def run_token_revoke(args: argparse.Namespace) -> int:
    """Revoke one of the account's tokens by its id (the part after ``stl_``)."""
    from service.accounts.errors import UnknownTokenError

    with application() as app:
        account = app.account_by_login(args.login)
        try:
            app.revoke_token(account.id, args.token_id)
        except UnknownTokenError:
            print(f"steerlog: no active token {args.token_id}", file=sys.stderr)
            return 1
    print(f"steerlog: token {args.token_id} revoked")
    return 0
