"""Use cases of signing in: passwords, browser sessions, API tokens.

Every credential is checked against the secret store and the account's current
state on every request: a sign-out, a disabled account or a revoked token ends
access on the next request, whichever worker serves it.
"""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID

from domain.account import Account, account_id, checked_login
from domain.errors import InvalidValueError
from domain.values import required_text
from service.access.decision import NotSignedInError, Principal
from service.accounts.credentials import (
    MAX_PASSWORD,
    SESSION_LIFETIME,
    TOUCH_EVERY,
    IssuedToken,
    Passwords,
    SignInLimits,
    new_session_id,
    new_token,
    parse_token,
    same_hash,
    secret_hash,
)
from service.accounts.errors import (
    SignInRefusedError,
    TooManyAttemptsError,
    UnknownTokenError,
)
from service.accounts.store import SecretStore, SessionRecord, TokenRecord
from service.errors import NotFoundError
from service.eventstore.application import SteerlogBase
from service.eventstore.repository import CopyOnWriteRepository

MAX_TOKEN_NAME = 200


class SignInUseCases(SteerlogBase):
    """Sign in with a password, keep a session, issue and check API tokens."""

    # Built by AccountUseCases.__init__, beside which this mixin is combined.
    secrets: SecretStore
    passwords: Passwords

    sign_in_limits = SignInLimits()

    def sign_in(self, login: str, password: str, address: str | None) -> Principal:
        """The account signing in, or refused; failures count in the database."""
        keys = self.sign_in_limits.keys(login, address)
        self._check_attempts(keys)
        account = self._enabled_account_or_none(login)
        stored = self.secrets.password_hash(account.id) if account else None
        # No stored password is longer than the policy allows: a longer one is
        # checked as the empty one (never a match), not hashed over megabytes.
        password = password if len(password) <= MAX_PASSWORD else ""
        # Verified even without an account (against a decoy): the same time.
        matches = self.passwords.verify(stored, password)
        if account is None or stored is None or not matches:
            self.secrets.record_failure(keys, self.clock())
            raise SignInRefusedError()
        if self.passwords.outdated(stored):
            hashed = self.passwords.hash(password)
            self.secrets.set_password_hash(account.id, hashed, self.clock())
        self.secrets.clear_failures(keys[0])
        return Principal.of(account)

    def _check_attempts(self, keys: list[str]) -> None:
        limits = self.sign_in_limits
        since = self.clock() - limits.window
        for key in keys:
            if self.secrets.failures_since(key, since) >= limits.limit_of(key):
                raise TooManyAttemptsError(limits.window)

    def _enabled_account_or_none(self, login: str) -> Account | None:
        try:
            account = self.view(Account, account_id(checked_login(login)))
        except (InvalidValueError, NotFoundError):
            return None
        return None if account.disabled else account

    # -- browser sessions ------------------------------------------------------

    def begin_session(self, account_id: UUID) -> str:
        """A new session for the account: its id, for the browser's cookie only."""
        session_id, now = new_session_id(), self.clock()
        record = SessionRecord(account_id, now, now + SESSION_LIFETIME, now)
        self.secrets.add_session(secret_hash(session_id), record)
        return session_id

    def session_principal(self, session_id: str) -> Principal | None:
        """Who holds this session now; None when it ended, expired or is unknown."""
        if not session_id or len(session_id) > 100:
            return None
        key, now = secret_hash(session_id), self.clock()
        record = self.secrets.session(key)
        if record is None or record.expires_at <= now:
            return None
        if now - record.last_seen_at > TOUCH_EVERY:
            self.secrets.touch_session(key, now)
        return self._principal_or_none(record.account_id)

    def end_session(self, session_id: str) -> None:
        """Sign out: the session ends for every worker at once."""
        self.secrets.end_session(secret_hash(session_id))

    # -- API tokens ------------------------------------------------------------

    def issue_token(
        self, account_id: UUID, *, name: str, lifetime: timedelta | None = None
    ) -> IssuedToken:
        """A new API token: random, stored hashed; its text is shown only now."""
        account = self.view(Account, account_id)
        account.check_enabled()
        label = required_text("name", name)
        if len(label) > MAX_TOKEN_NAME:
            raise InvalidValueError(
                field="name", reason=f"longer than {MAX_TOKEN_NAME}"
            )
        token_id, secret, text = new_token()
        now = self.clock()
        expires = now + lifetime if lifetime is not None else None
        self.secrets.add_token(
            TokenRecord(
                token_id,
                account.id,
                label,
                secret_hash(secret),
                now,
                expires,
                None,
                None,
            )
        )
        return IssuedToken(token_id, account.id, label, expires, text)

    def tokens(self, account_id: UUID) -> list[TokenRecord]:
        """The account's tokens (never their secrets), oldest first."""
        self.view(Account, account_id)
        return self.secrets.tokens_of(account_id)

    def revoke_token(self, account_id: UUID, token_id: str) -> None:
        """Revoke one of the account's tokens: refused from its next use on."""
        if not self.secrets.revoke_token(token_id, account_id, self.clock()):
            raise UnknownTokenError(token_id)

    def token_principal(self, text: str) -> Principal:
        """The account a bearer token stands for, or ``NotSignedInError`` saying why."""
        parts = parse_token(text)
        if parts is None:
            raise NotSignedInError("malformed token")
        token_id, secret = parts
        record = self.secrets.token(token_id)
        if record is None or not same_hash(record.secret_hash, secret):
            raise NotSignedInError("unknown token")
        now = self.clock()
        if record.revoked_at is not None:
            raise NotSignedInError("revoked token")
        if record.expires_at is not None and record.expires_at <= now:
            raise NotSignedInError("expired token")
        if record.last_used_at is None or now - record.last_used_at > TOUCH_EVERY:
            self.secrets.touch_token(token_id, now)
        principal = self._principal_or_none(record.account_id, record.account_version)
        if principal is None:
            raise NotSignedInError("account disabled")
        return principal

    def _principal_or_none(
        self, account_id: UUID, version: int | None = None
    ) -> Principal | None:
        """The account's principal as it is now; None when disabled or gone.

        ``version``, the account's latest just read, spares the query that
        brings a cached account up to date when it is already there.
        """
        account = None
        if version is not None and isinstance(self.repository, CopyOnWriteRepository):
            account = self.repository.cached_at(account_id, version)
        if not isinstance(account, Account):
            try:
                account = self.view(Account, account_id)
            except NotFoundError:
                return None
        return None if account.disabled else Principal.of(account)

    def principal_of(self, account_id: UUID) -> Principal:
        """The principal of an enabled account (command line, jobs)."""
        principal = self._principal_or_none(account_id)
        if principal is None:
            raise NotSignedInError("account disabled")
        return principal
