"""A commuting use case is tried again on a lost race, unless a version was named."""

from __future__ import annotations

from uuid import UUID

import pytest

from service.errors import ConcurrencyConflictError
from service.usecases.commuting import TRIES, commutes, retry_on_conflict


class Meeting:
    """A use case that loses the race ``losses`` times, then stores its event."""

    def __init__(self, losses: int) -> None:
        self.losses = losses
        self.tries = 0

    @commutes
    def record_speech(self, *, text: str, expected_version: int | None = None) -> str:
        """Loses while there are losses left; else the text stored."""
        self.tries += 1
        if self.tries <= self.losses:
            raise ConcurrencyConflictError([UUID(int=1)])
        return text


def test_a_speech_that_loses_a_race_is_recorded_on_a_second_try() -> None:
    meeting = Meeting(losses=1)
    assert meeting.record_speech(text="Ý kiến") == "Ý kiến"
    assert meeting.tries == 2


def test_a_speech_with_an_expected_version_is_not_tried_again() -> None:
    meeting = Meeting(losses=1)
    with pytest.raises(ConcurrencyConflictError):
        meeting.record_speech(text="Ý kiến", expected_version=3)
    assert meeting.tries == 1


def test_the_tries_are_bounded_and_the_last_conflict_is_the_callers() -> None:
    meeting = Meeting(losses=TRIES)
    with pytest.raises(ConcurrencyConflictError):
        meeting.record_speech(text="Ý kiến")
    assert meeting.tries == TRIES


def test_other_refusals_are_not_tried_again() -> None:
    tries: list[int] = []

    def refused() -> None:
        tries.append(1)
        raise ValueError("duplicate_connection_point")

    with pytest.raises(ValueError):
        retry_on_conflict(refused)
    assert len(tries) == 1
