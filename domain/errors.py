"""Domain errors: each names the broken rule and carries data, not prose."""

from __future__ import annotations

from typing import Any, ClassVar


class DomainError(Exception):
    """A command was refused because it breaks a rule of the domain."""

    rule: ClassVar[str] = "domain_rule"

    def __init__(self, **details: Any) -> None:
        self.details = details
        super().__init__(f"{self.rule}: {details}")

    @property
    def field(self) -> str | None:
        """The input field at fault, when the rule is about one value."""
        value = self.details.get("field")
        return str(value) if value is not None else None


class InvalidValueError(DomainError):
    """A value is empty, malformed or out of range (``field``, ``reason``)."""

    rule = "invalid_value"


class DeadlineAfterParentError(InvalidValueError):
    """A delegated task is due no later than the task it was delegated from."""

    rule = "deadline_after_parent"


class MeetingNotOpenError(DomainError):
    """Speeches and conclusions need the meeting to be open."""

    rule = "meeting_not_open"


class MeetingClosedError(DomainError):
    """A closed meeting takes only corrections, each with a reason."""

    rule = "meeting_closed"


class MeetingCancelledError(DomainError):
    """A cancelled meeting takes no further commands."""

    rule = "meeting_cancelled"


class MeetingAlreadyOpenedError(DomainError):
    """A meeting that has opened cannot be rescheduled, cancelled or opened again."""

    rule = "meeting_already_opened"


class UnknownConnectionPointError(DomainError):
    """The connection point is not registered for this meeting."""

    rule = "unknown_connection_point"


class DuplicateConnectionPointError(DomainError):
    """A connection point with that id or name is already registered."""

    rule = "duplicate_connection_point"


class TooManyConnectionPointsError(DomainError):
    """A meeting has at most 500 connection points."""

    rule = "too_many_connection_points"


class HostPointExistsError(DomainError):
    """A meeting has one host point (điểm cầu chính)."""

    rule = "host_point_exists"


class UnknownSpeechError(DomainError):
    """No speech with that id was recorded at this meeting."""

    rule = "unknown_speech"


class SpeakerNotPresentError(DomainError):
    """A conclusion is given by someone present: a chair or an attendee."""

    rule = "speaker_not_present"


class DuplicateItemNumberError(DomainError):
    """Conclusion item numbers are unique within a meeting."""

    rule = "duplicate_item_number"


class UnknownItemError(DomainError):
    """No conclusion item with that number."""

    rule = "unknown_item"


class NoConclusionError(DomainError):
    """A notice publishes a conclusion, so one must have been issued."""

    rule = "no_conclusion"


class AlreadyMemberError(DomainError):
    """The person already holds a role on the committee."""

    rule = "already_member"


class NotMemberError(DomainError):
    """The person holds no role on the committee."""

    rule = "not_member"


class AssignmentClosedError(DomainError):
    """A cancelled or superseded assignment takes no further commands."""

    rule = "assignment_closed"


class NotAssigneeError(DomainError):
    """The agency is not among those the assignment tracks."""

    rule = "not_assignee"


class AlreadyCompletedError(DomainError):
    """The agency has already reported completion."""

    rule = "already_completed"


class NotCompletedError(DomainError):
    """Only a completed assignment can be reopened."""

    rule = "not_completed"


class NoChangeError(DomainError):
    """The command would change nothing (same name, same deadline...)."""

    rule = "no_change"
