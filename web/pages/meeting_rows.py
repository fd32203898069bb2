"""The meeting page's long lists as rows of text: its points and speeches.

What changes from row to row (a level's name, a time, the phrase naming a
point's button) is said here, once per row, so the template only places it:
a meeting of 500 points and hundreds of speeches would otherwise call a
formatter, a label and a lookup per row from Jinja, each call many times dearer
than the same call here. Words every row shares stay in the template.
"""

from __future__ import annotations

from typing import NamedTuple
from zoneinfo import ZoneInfo

from flask_babel import gettext as _

from domain.meeting import Meeting
from domain.meeting_parts import ConnectionPoint, Speech
from domain.values import PointLevel, SpeechKind
from web.pages import moments, names
from web.pages.labels import POINT_LEVEL, SPEECH_KIND, translated

_kind = translated(SPEECH_KIND)
_level = translated(POINT_LEVEL)
LEVELS = list(PointLevel)  # the order the points table keeps, after the host


class PointRow(NamedTuple):
    """A connection point as the meeting page lists it."""

    point: ConnectionPoint
    id: str
    level: str
    since: str  # "từ 08:00 ..." while connected, "đã ngắt lúc ..." after, or ""
    toggle_label: str  # the button's name for a screen reader: the step and the point
    attendees: int = 0
    present: tuple[str, ...] = ()


class _PointWords(NamedTuple):
    """What the rows of points say, in this request's language."""

    levels: dict[PointLevel, str]
    connect: str  # "Kết nối %(name)s"
    disconnect: str
    since: str  # "từ %(moment)s"
    off: str


class SpeechLine(NamedTuple):
    """A speech as the meeting page lists it."""

    id: str
    speaker_name: str
    speaker_title: str
    kind: str
    kind_label: str
    spoken_at: str  # ISO 8601, for <time datetime>
    at: str  # as officials write it, in the committee's zone
    point: str  # the point's name, or ""
    text: str
    corrections: tuple[str, ...]  # each correction's reason


def point_rows(meeting: Meeting, zone: ZoneInfo) -> list[PointRow]:
    """The host first, then by level and name."""
    words = _PointWords(
        levels={level: _level(level) for level in PointLevel},
        connect=_("Kết nối %(name)s"),
        disconnect=_("Ngắt kết nối %(name)s"),
        since=_("từ %(moment)s"),
        off=_("đã ngắt lúc %(moment)s"),
    )
    rows = [_point_row(meeting, p, zone, words) for p in meeting.points.values()]
    return sorted(
        rows,
        key=lambda r: (not r.point.is_host, LEVELS.index(r.point.level), r.point.name),
    )


def _point_row(
    meeting: Meeting, point: ConnectionPoint, zone: ZoneInfo, words: _PointWords
) -> PointRow:
    """A point with its head count and the officials named as attending there."""
    since = ""
    if point.last_change_at:
        moment = moments.local(point.last_change_at, zone)
        since = (words.since if point.connected else words.off) % {"moment": moment}
    named = words.disconnect if point.connected else words.connect
    attended = meeting.attendance.get(point.id)
    return PointRow(
        point,
        str(point.id),
        words.levels[point.level],
        since,
        named % {"name": point.name},
        attended.attendee_count if attended else 0,
        tuple(names.person_name(p) for p in attended.person_ids) if attended else (),
    )


def speech_lines(
    meeting: Meeting, zone: ZoneInfo, speeches: list[Speech] | None = None
) -> list[SpeechLine]:
    """The meeting's speeches (or ``speeches`` of it) in the order they were given."""
    given = meeting.speeches.values() if speeches is None else speeches
    kinds = {kind: _kind(kind) for kind in SpeechKind}
    return [
        _speech_line(meeting, speech, zone, kinds[speech.kind])
        for speech in sorted(given, key=lambda s: s.spoken_at)
    ]


def _speech_line(
    meeting: Meeting, speech: Speech, zone: ZoneInfo, kind_label: str
) -> SpeechLine:
    point = meeting.points.get(speech.point_id) if speech.point_id else None
    return SpeechLine(
        id=str(speech.id),
        speaker_name=speech.speaker_name,
        speaker_title=speech.speaker_title or "",
        kind=str(speech.kind),
        kind_label=kind_label,
        spoken_at=speech.spoken_at.isoformat(),
        at=moments.local(speech.spoken_at, zone),
        point=point.name if point else "",
        text=speech.text,
        corrections=tuple(c.reason for c in speech.corrections),
    )
