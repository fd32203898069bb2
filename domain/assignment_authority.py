"""Căn cứ: what may authorise a change to a task (extend, reassign, cancel, supersede).

A change names its authority: an item of a meeting's conclusion ("by item 3 of
the meeting of 05/01"), or a document (a Quyết định, a Công văn), or both. A
named item must be one the meeting concluded; a meeting named without an item
is backed only by a document given with it. A document given is registered by
the change itself: the read side's document registry lists it as authorising.
"""

from __future__ import annotations

from domain.errors import InvalidValueError
from domain.meeting import Meeting
from domain.values import Authority


def check_authority(authority: Authority, meeting: Meeting | None) -> None:
    """The authority's item is on ``meeting``'s conclusion (the meeting it names)."""
    if authority.meeting_id is None:
        return
    if meeting is None or meeting.id != authority.meeting_id:
        raise InvalidValueError(
            field="authority.meeting_id", reason="the named meeting is needed"
        )
    if authority.item_number is None:
        if authority.document is None:
            raise InvalidValueError(
                field="authority.item_number",
                reason="names an item of the meeting's conclusion, or a document",
            )
        return
    if authority.item_number not in meeting.items:
        concluded = ", ".join(meeting.items) or "none"
        raise InvalidValueError(
            field="authority.item_number",
            reason=f"not an item of the meeting's conclusion (items: {concluded})",
        )
