"""The Account aggregate: a person (or a job) who signs in, and their roles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID, uuid5

from eventsourcing.domain import event

from domain.base import SteerlogAggregate
from domain.errors import DomainError, InvalidValueError, NoChangeError
from domain.ids import NAMESPACE
from domain.subscription import checked_addresses
from domain.values import member_of, optional_text, required_text

MAX_LOGIN = 64
MAX_DISPLAY_NAME = 200
_LOGIN = re.compile(r"^[a-z0-9][a-z0-9._@-]*$")


class Role(StrEnum):
    """Vai trò: what an account may do, globally (admin) or on one committee."""

    ADMIN = "admin"
    SECRETARY = "secretary"
    LEADER = "leader"
    AGENCY_OFFICER = "agency_officer"
    VIEWER = "viewer"


@dataclass(frozen=True)
class Grant:
    """One role held: on a committee (none for admin), for an agency (officers)."""

    role: Role
    committee_id: UUID | None
    agency_id: UUID | None
    granted_by: str


class AccountDisabledError(DomainError):
    """A disabled account takes no new role until it is enabled again."""

    rule = "account_disabled"


class AlreadyGrantedError(DomainError):
    """The account already holds this role on this committee (for this agency)."""

    rule = "already_granted"


class NotGrantedError(DomainError):
    """The account does not hold this role on this committee (for this agency)."""

    rule = "not_granted"


def account_id(login: str) -> UUID:
    """The id of the account signing in as ``login``: one account per login."""
    return uuid5(NAMESPACE, f"account:{checked_login(login)}")


def checked_login(login: str) -> str:
    """A login: lower case letters, digits and ``. _ @ -``, at most 64 characters."""
    text = login.strip().lower() if isinstance(login, str) else ""
    if not text:
        raise InvalidValueError(field="login", reason="empty")
    if len(text) > MAX_LOGIN:
        raise InvalidValueError(field="login", reason=f"longer than {MAX_LOGIN}")
    if not _LOGIN.match(text):
        raise InvalidValueError(
            field="login", reason="only letters a-z, digits and . _ @ -"
        )
    return text


def _display_name(value: str) -> str:
    name = required_text("display_name", value)
    if len(name) > MAX_DISPLAY_NAME:
        raise InvalidValueError(
            field="display_name", reason=f"longer than {MAX_DISPLAY_NAME}"
        )
    return name


def _email(value: str) -> str:
    try:
        return checked_addresses([value])[0]
    except InvalidValueError as error:
        raise InvalidValueError(field="email", reason=error.details["reason"]) from None


class Account(SteerlogAggregate):
    """Tài khoản: who signs in, under which name, with which roles."""

    @classmethod
    def register(
        cls, *, actor: str, login: str, display_name: str, email: str
    ) -> Account:
        """Đăng ký: a new account; its id derives from its login."""
        checked = checked_login(login)
        return cls(
            id=account_id(checked),
            actor=actor,
            login=checked,
            display_name=_display_name(display_name),
            email=_email(email),
        )

    @event("Registered")
    def __init__(
        self, *, id: UUID, actor: str, login: str, display_name: str, email: str
    ) -> None:
        self.login = login
        self.display_name = display_name
        self.email = email
        self.grants: list[Grant] = []
        self.disabled = False

    @property
    def is_admin(self) -> bool:
        """Whether the account holds the global admin role."""
        return any(grant.role is Role.ADMIN for grant in self.grants)

    def grant_role(
        self,
        *,
        actor: str,
        role: str,
        committee_id: UUID | None = None,
        agency_id: UUID | None = None,
    ) -> None:
        """Cấp quyền: give the account a role (``actor`` is the granting account)."""
        checked = member_of("role", Role, role)
        self.check_enabled()
        self.check_role_scope(checked, committee_id, agency_id)
        if self._grant_of(checked, committee_id, agency_id) is not None:
            raise AlreadyGrantedError(
                account_id=self.id, role=checked.value, committee_id=committee_id
            )
        self._role_granted(
            actor=actor, role=checked, committee_id=committee_id, agency_id=agency_id
        )

    @event("RoleGranted")
    def _role_granted(
        self,
        *,
        actor: str,
        role: str,
        committee_id: UUID | None,
        agency_id: UUID | None,
    ) -> None:
        self.grants.append(Grant(Role(role), committee_id, agency_id, actor))

    def revoke_role(
        self,
        *,
        actor: str,
        role: str,
        committee_id: UUID | None = None,
        agency_id: UUID | None = None,
    ) -> None:
        """Thu hồi quyền: take a role back (``actor`` is the revoking account)."""
        checked = member_of("role", Role, role)
        self.check_role_scope(checked, committee_id, agency_id)
        if self._grant_of(checked, committee_id, agency_id) is None:
            raise NotGrantedError(
                account_id=self.id, role=checked.value, committee_id=committee_id
            )
        self._role_revoked(
            actor=actor, role=checked, committee_id=committee_id, agency_id=agency_id
        )

    @event("RoleRevoked")
    def _role_revoked(
        self,
        *,
        actor: str,
        role: str,
        committee_id: UUID | None,
        agency_id: UUID | None,
    ) -> None:
        grant = self._grant_of(Role(role), committee_id, agency_id)
        self.grants = [g for g in self.grants if g is not grant]

    def disable(self, *, actor: str, reason: str | None = None) -> None:
        """Khóa: the account can no longer sign in or use its tokens."""
        if self.disabled:
            raise NoChangeError(field="disabled", account_id=self.id)
        self._disabled(actor=actor, reason=optional_text(reason))

    @event("Disabled")
    def _disabled(self, *, actor: str, reason: str | None) -> None:
        self.disabled = True

    def enable(self, *, actor: str) -> None:
        """Mở khóa: the account may sign in again, with the roles it still holds."""
        if not self.disabled:
            raise NoChangeError(field="disabled", account_id=self.id)
        self._enabled(actor=actor)

    @event("Enabled")
    def _enabled(self, *, actor: str) -> None:
        self.disabled = False

    # -- rules ---------------------------------------------------------------

    def check_enabled(self) -> None:
        """A disabled account is given no new role."""
        if self.disabled:
            raise AccountDisabledError(account_id=self.id)

    @staticmethod
    def check_role_scope(
        role: Role, committee_id: UUID | None, agency_id: UUID | None
    ) -> None:
        """Admin is global; other roles name a committee; officers also an agency."""
        if role is Role.ADMIN and committee_id is not None:
            raise InvalidValueError(field="committee_id", reason="admin is global")
        if role is not Role.ADMIN and committee_id is None:
            raise InvalidValueError(field="committee_id", reason="required")
        if role is Role.AGENCY_OFFICER and agency_id is None:
            raise InvalidValueError(field="agency_id", reason="required")
        if role is not Role.AGENCY_OFFICER and agency_id is not None:
            raise InvalidValueError(
                field="agency_id", reason="only an agency_officer has one"
            )

    def _grant_of(
        self, role: Role, committee_id: UUID | None, agency_id: UUID | None
    ) -> Grant | None:
        for grant in self.grants:
            if (grant.role, grant.committee_id, grant.agency_id) == (
                role,
                committee_id,
                agency_id,
            ):
                return grant
        return None
