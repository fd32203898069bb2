"""The rules of a meeting's record that a command can break, beyond the shared ones."""

from __future__ import annotations

from domain.errors import DomainError, InvalidValueError


class SpeechIdTakenError(DomainError):
    """Another speech was already recorded under this id, with other content."""

    rule = "speech_id_taken"


class SpokenOutsideMeetingError(InvalidValueError):
    """A speech is spoken after the meeting opened and not later than now."""

    rule = "spoken_outside_meeting"


class TaskAlreadyReviewedError(DomainError):
    """An open task is reviewed once per meeting."""

    rule = "task_already_reviewed"


class TaskNotReviewedError(DomainError):
    """A decision on a carried-over task needs the task to be on this agenda."""

    rule = "task_not_reviewed"
