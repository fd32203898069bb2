"""Who may speak at a meeting, found by typing a name without its diacritics.

``nguyen van`` finds ``Nguyễn Văn Thắng``: names are folded (``domain.text.fold``)
and every typed word must start a word of the name or title.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from domain.meeting import Meeting
from domain.text import fold
from web.http import read_side
from web.per_request import once

# A typeahead shows a short list; typing more narrows it.
SHOWN = 12


@dataclass(frozen=True)
class Speaker:
    """An official who may take the floor, with what the meeting knows of them."""

    person_id: UUID
    name: str
    title: str | None

    @property
    def label(self) -> str:
        """Name, then title, as a secretary reads it."""
        return f"{self.name}, {self.title}" if self.title else self.name


def known_speakers(meeting: Meeting) -> list[Speaker]:
    """The meeting's chairs and earlier speakers first, then the directory (read
    once per request: a meeting page's forms all offer the same people)."""
    key = (meeting.id, meeting.version)
    return once("known_speakers", key, lambda: _known_speakers(meeting))


def _known_speakers(meeting: Meeting) -> list[Speaker]:
    seen: dict[UUID, Speaker] = {}
    for chair in meeting.chairs:
        seen.setdefault(
            chair.person_id, Speaker(chair.person_id, chair.name, chair.title)
        )
    for speech in sorted(meeting.speeches.values(), key=lambda s: s.spoken_at):
        seen.setdefault(
            speech.speaker_id,
            Speaker(speech.speaker_id, speech.speaker_name, speech.speaker_title),
        )
    for row in read_side().people():
        person = UUID(str(row.id))
        seen.setdefault(person, Speaker(person, row.full_name, row.title))
    return list(seen.values())


def matching(speakers: list[Speaker], typed: str, limit: int = SHOWN) -> list[Speaker]:
    """Speakers whose folded name or title has a word starting with each typed word."""
    words = fold(typed).split()
    if not words:
        return speakers[:limit]
    found = []
    for speaker in speakers:
        own = fold(speaker.label).replace(",", " ").split()
        if all(
            any(word.startswith(typed_word) for word in own) for typed_word in words
        ):
            found.append(speaker)
    return found[:limit]
