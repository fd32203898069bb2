"""Why a sign-in or a credential was refused."""

from __future__ import annotations

from datetime import timedelta


class SignInRefusedError(Exception):
    """The login and password do not match an enabled account."""


class TooManyAttemptsError(Exception):
    """Too many failed sign-ins for this account or address; try again later."""

    def __init__(self, retry_after: timedelta) -> None:
        self.retry_after = retry_after
        super().__init__(f"retry after {retry_after}")


class UnknownTokenError(Exception):
    """The account has no such (unrevoked) token."""

    def __init__(self, token_id: str) -> None:
        self.token_id = token_id
        super().__init__(token_id)
