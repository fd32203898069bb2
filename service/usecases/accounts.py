"""Use cases of accounts: register, grant and revoke roles, disable, enable.

Accounts are events like any decision (who gave whom access, and when); their
secrets are not (``service.accounts.store``). Jobs and the command line act as
named system accounts (``system.<name>``), registered the first time they act.
"""

from __future__ import annotations

import contextlib
from contextlib import suppress
from dataclasses import replace
from uuid import UUID

from eventsourcing.utils import get_topic

from domain.account import Account, account_id
from domain.agency import Agency
from domain.committee import Committee
from service.accounts.credentials import Passwords, check_password_policy
from service.accounts.databases import build_secret_store
from service.accounts.store import SecretStore
from service.errors import AlreadyExistsError, NotFoundError
from service.eventstore.application import (
    Clock,
    HistoryEntry,
    SteerlogBase,
    Written,
    utc_now,
)
from service.settings import Settings

SYSTEM_PREFIX = "system."


class AccountUseCases(SteerlogBase):
    """Accounts as aggregates, and their password in the secret store."""

    def __init__(self, settings: Settings, clock: Clock = utc_now) -> None:
        super().__init__(settings, clock)
        self.secrets: SecretStore = build_secret_store(settings)
        self.passwords = Passwords()
        self._system_actors: dict[str, str] = {}

    def close(self) -> None:
        """Close the event store's and the secret store's connections."""
        self.secrets.close()
        super().close()

    def register_account(
        self,
        *,
        actor: str,
        login: str,
        display_name: str,
        email: str,
        password: str | None = None,
    ) -> Written:
        """Đăng ký tài khoản: its id derives from its login, so once only."""
        account = Account.register(
            actor=actor, login=login, display_name=display_name, email=email
        )
        if password is not None:
            check_password_policy(password, account.login)
        written = self.create(account, "account")
        if password is not None:
            self._store_password(account.id, password)
        return written

    def set_password(self, account_id: UUID, password: str) -> None:
        """Set an account's password (policy checked) and end its sessions."""
        account = self.view(Account, account_id)
        check_password_policy(password, account.login)
        self._store_password(account.id, password)
        self.secrets.end_sessions_of(account.id)

    def _store_password(self, account_id: UUID, password: str) -> None:
        self.secrets.set_password_hash(
            account_id, self.passwords.hash(password), self.clock()
        )

    def grant_role(
        self,
        account_id: UUID,
        *,
        actor: str,
        role: str,
        committee_id: UUID | None = None,
        agency_id: UUID | None = None,
        expected_version: int | None = None,
    ) -> Written:
        """Cấp quyền: a role on a committee (admin: global), traced to ``actor``."""
        if committee_id is not None:
            self.load(Committee, committee_id, field="committee_id")
        if agency_id is not None:
            self.load(Agency, agency_id, field="agency_id")
        return self.change(
            Account,
            account_id,
            lambda a: a.grant_role(
                actor=actor, role=role, committee_id=committee_id, agency_id=agency_id
            ),
            expected_version,
        )

    def revoke_role(
        self,
        account_id: UUID,
        *,
        actor: str,
        role: str,
        committee_id: UUID | None = None,
        agency_id: UUID | None = None,
        expected_version: int | None = None,
    ) -> Written:
        """Thu hồi quyền: effective on the account's next request."""
        return self.change(
            Account,
            account_id,
            lambda a: a.revoke_role(
                actor=actor, role=role, committee_id=committee_id, agency_id=agency_id
            ),
            expected_version,
        )

    def disable_account(
        self,
        account_id: UUID,
        *,
        actor: str,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Written:
        """Khóa tài khoản: its sessions end and its tokens stop working at once."""
        written = self.change(
            Account,
            account_id,
            lambda a: a.disable(actor=actor, reason=reason),
            expected_version,
        )
        self.secrets.end_sessions_of(account_id)
        return written

    def enable_account(
        self, account_id: UUID, *, actor: str, expected_version: int | None = None
    ) -> Written:
        """Mở khóa: the account signs in again, with the roles it still holds."""
        return self.change(
            Account, account_id, lambda a: a.enable(actor=actor), expected_version
        )

    def account_by_login(self, login: str) -> Account:
        """The account that signs in as ``login``."""
        return self.view(Account, account_id(login))

    def list_accounts(self) -> list[Account]:
        """Every account, by login (read from the log's registrations: admin use)."""
        topic = get_topic(getattr(Account, "Registered"))  # noqa: B009 (made by @event)
        ids: list[UUID] = []
        start = 1
        while True:
            page = self.recorder.select_notifications(start, 1000, topics=[topic])
            ids.extend(notification.originator_id for notification in page)
            if len(page) < 1000:
                break
            start = page[-1].id + 1
        accounts = [self.view(Account, account_id) for account_id in ids]
        return sorted(accounts, key=lambda account: account.login)

    def system_actor(self, name: str) -> str:
        """The actor of a job or command: the system account ``system.<name>``."""
        if name in self._system_actors:
            return self._system_actors[name]
        login = f"{SYSTEM_PREFIX}{name}"
        account = Account.register(
            actor=str(account_id(login)),
            login=login,
            display_name=f"Hệ thống ({name})",
            email=f"{login}@steerlog.invalid",
        )
        with contextlib.suppress(AlreadyExistsError):
            self.create(account, "account")
        self._system_actors[name] = str(account.id)
        return self._system_actors[name]

    # -- history shows who, by name ------------------------------------------

    def history(
        self, aggregate_id: UUID, after_version: int = 0, limit: int | None = None
    ) -> list[HistoryEntry]:
        """Events with their actor's display name (old plain actors as they are)."""
        entries = super().history(aggregate_id, after_version, limit)
        names: dict[str, str] = {}
        return [
            replace(entry, actor_name=self._actor_name(entry.actor, names))
            for entry in entries
        ]

    def _actor_name(self, actor: str | None, names: dict[str, str]) -> str | None:
        if actor is None:
            return None
        if actor not in names:
            names[actor] = actor  # recorded before accounts: a plain string
            with suppress(ValueError, NotFoundError):
                names[actor] = self.view(Account, UUID(actor)).display_name
        return names[actor]
