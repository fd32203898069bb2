"""Who is present at a meeting, and the name and title its record gives them."""

from __future__ import annotations

from collections.abc import Iterable, Reversible
from uuid import UUID

from domain.meeting_parts import Attendance, Chair, Speech


def present_person_ids(
    chairs: Iterable[Chair], attendance: Iterable[Attendance]
) -> set[UUID]:
    """Chairs and every person recorded as attending at some point."""
    present = {chair.person_id for chair in chairs}
    for at_point in attendance:
        present.update(at_point.person_ids)
    return present


def introduced(
    person_id: UUID, speeches: Reversible[Speech], chairs: Iterable[Chair]
) -> tuple[str, str | None] | None:
    """The name and title ``person_id`` already has in a meeting's record.

    A person who has spoken keeps the name and title of their latest speech
    (corrections included); a chair keeps the one given when assigned. ``None``
    for someone the meeting has not named yet.
    """
    for speech in reversed(speeches):
        if speech.speaker_id == person_id:
            return speech.speaker_name, speech.speaker_title
    for chair in chairs:
        if chair.person_id == person_id:
            return chair.name, chair.title
    return None
