"""Phát biểu: the speeches of a meeting, recorded while it is open, corrected later.

A speech is spoken at a registered point, after the meeting opened and not after
the moment it is recorded; its id names one speech only. A correction is a new
event with a reason, and the original stays in the history.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from uuid import UUID

from eventsourcing.domain import event

from domain.errors import NoChangeError, UnknownSpeechError
from domain.meeting_errors import SpeechIdTakenError, SpokenOutsideMeetingError
from domain.meeting_parts import Speech, SpeechCorrection
from domain.values import SpeechKind, aware, member_of, optional_text, required_text

if TYPE_CHECKING:
    from domain.meeting import Meeting

# How far a client's clock may run ahead of the server's before its time is
# taken for one in the future.
CLOCK_SKEW = timedelta(minutes=1)


def check_speech_recorded(self: Meeting, speech_id: UUID) -> Speech:
    """Return the speech, which must have been recorded at this meeting."""
    try:
        return self.speeches[speech_id]
    except KeyError:
        raise UnknownSpeechError(
            field="speech_id", meeting_id=self.id, speech_id=speech_id
        ) from None


def check_spoken_during_meeting(
    self: Meeting, spoken_at: datetime, now: datetime | None
) -> None:
    """A speech is not spoken before the meeting opened, nor after ``now``."""
    if self.opened_at is not None and spoken_at < self.opened_at:
        raise SpokenOutsideMeetingError(
            field="spoken_at",
            reason="before the meeting opened",
            opened_at=self.opened_at.isoformat(),
        )
    if now is not None and spoken_at > now + CLOCK_SKEW:
        raise SpokenOutsideMeetingError(field="spoken_at", reason="in the future")


def check_speech_id_free(self: Meeting, speech: Speech) -> None:
    """A speech id posted again names the same speech (no change) or is taken."""
    recorded = self.speeches.get(speech.id)
    if recorded is None:
        return
    differs = [
        name
        for name in ("speaker_id", "kind", "text", "point_id", "spoken_at")
        if getattr(recorded, name) != getattr(speech, name)
    ]
    if not differs:
        raise NoChangeError(field="speech_id", meeting_id=self.id)
    raise SpeechIdTakenError(
        field="speech_id", meeting_id=self.id, speech_id=speech.id, differs=differs
    )


def record_speech(
    self: Meeting,
    *,
    actor: str,
    speech_id: UUID,
    speaker_id: UUID,
    speaker_name: str,
    speaker_title: str | None,
    kind: str,
    spoken_at: datetime,
    point_id: UUID | None = None,
    text: str = "",
    now: datetime | None = None,
) -> None:
    """Phát biểu: record who spoke, as what, where, and what was said.

    ``now`` is the moment the speech is recorded: it was not spoken later.
    """
    self.check_open()
    self.check_point_registered(point_id)
    speech = Speech(
        speech_id,
        speaker_id,
        required_text("speaker_name", speaker_name),
        optional_text(speaker_title),
        point_id,
        member_of("kind", SpeechKind, kind),
        optional_text(text) or "",
        aware("spoken_at", spoken_at),
    )
    check_speech_id_free(self, speech)
    check_spoken_during_meeting(self, speech.spoken_at, now)
    self._speech_recorded(
        actor=actor,
        speech_id=speech.id,
        speaker_id=speech.speaker_id,
        speaker_name=speech.speaker_name,
        speaker_title=speech.speaker_title,
        kind=speech.kind,
        spoken_at=speech.spoken_at,
        point_id=speech.point_id,
        text=speech.text,
    )


@event("SpeechRecorded")
def speech_recorded(
    self: Meeting,
    *,
    actor: str,
    speech_id: UUID,
    speaker_id: UUID,
    speaker_name: str,
    speaker_title: str | None,
    kind: str,
    spoken_at: datetime,
    point_id: UUID | None,
    text: str,
) -> None:
    """The speech as spoken, its speaker's name and title as they were."""
    self.speeches[speech_id] = Speech(
        speech_id,
        speaker_id,
        speaker_name,
        speaker_title,
        point_id,
        SpeechKind(kind),
        text,
        spoken_at,
    )


def correct_speech(
    self: Meeting,
    *,
    actor: str,
    speech_id: UUID,
    reason: str,
    text: str | None = None,
    speaker_title: str | None = None,
    kind: str | None = None,
) -> None:
    """Đính chính: a new event with a reason; the original stays in the history."""
    self.check_not_cancelled()
    speech = check_speech_recorded(self, speech_id)
    changes = {
        name: value
        for name, value in (
            ("text", optional_text(text)),
            ("speaker_title", optional_text(speaker_title)),
            ("kind", kind and member_of("kind", SpeechKind, kind)),
        )
        if value is not None and value != getattr(speech, name)
    }
    if not changes:
        raise NoChangeError(field="speech", meeting_id=self.id, speech_id=speech_id)
    self._speech_corrected(
        actor=actor,
        speech_id=speech_id,
        reason=required_text("reason", reason),
        changes=changes,
    )


@event("SpeechCorrected")
def speech_corrected(
    self: Meeting,
    *,
    actor: str,
    speech_id: UUID,
    reason: str,
    changes: dict[str, str],
) -> None:
    """The speech as corrected, the correction kept with it."""
    correction = SpeechCorrection(reason, dict(changes), actor)
    self.speeches[speech_id] = self.speeches[speech_id].corrected(correction)
