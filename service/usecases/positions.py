"""Read your writes: where in the event log each account's last write reached.

A write returns the position of its last event; remembered per account (in the
accounts' own store, shared by every web worker and machine), it lets a later
read by the same account wait until the read models have caught up with it,
without the client having to pass the position back.
"""

from __future__ import annotations

from uuid import UUID

from service.accounts.store import SecretStore
from service.eventstore.application import SteerlogBase


class WritePositionUseCases(SteerlogBase):
    """Remember and recall each account's last write position."""

    secrets: SecretStore

    def note_written(self, account_id: UUID, position: int) -> None:
        """The account has just written up to ``position`` of the event log."""
        self.secrets.note_written(account_id, position)

    def last_written(self, account_id: UUID) -> int:
        """The position of the account's last write (0 when it has not written)."""
        return self.secrets.last_written(account_id)
