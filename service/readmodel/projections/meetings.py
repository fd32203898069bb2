"""The meetings projection: meetings, connection points, attendance, speeches, items."""

from __future__ import annotations

from typing import Any

from domain.meeting import Meeting
from service.readmodel.projections.core import Operations, Projection

# A row is inserted before it is updated; statements that set the same columns
# (a meeting's status, a point's attendance) share a rank and keep their order.
meetings = Projection(
    "meetings",
    statement_order=(
        "meeting_scheduled",
        (
            "meeting_rescheduled",
            "meeting_status",
            "meeting_opened",
            "meeting_closed",
            "meeting_notice",
        ),
        "point_added",
        "point_connection",
        "point_attendance",
        ("attendance_cleared", "attendee_added"),
        "speech_recorded",
        "speech_corrected",
        "item_issued",
        "item_amended",
    ),
)


@meetings.on(Meeting, "Scheduled")
def scheduled(event: Any, out: Operations) -> None:
    out.put(
        "meeting_scheduled",
        id=event.originator_id,
        committee_id=event.committee_id,
        title=event.title,
        format=event.format,
        starts_at=event.starts_at,
        location=event.location,
    )


@meetings.on(Meeting, "Rescheduled")
def rescheduled(event: Any, out: Operations) -> None:
    out.put(
        "meeting_rescheduled",
        id=event.originator_id,
        starts_at=event.starts_at,
        location=event.location,
    )


@meetings.on(Meeting, "Cancelled")
def cancelled(event: Any, out: Operations) -> None:
    out.put("meeting_status", id=event.originator_id, status="cancelled")


@meetings.on(Meeting, "Opened")
def opened(event: Any, out: Operations) -> None:
    out.put("meeting_opened", id=event.originator_id, at=event.at)


@meetings.on(Meeting, "Closed")
def closed(event: Any, out: Operations) -> None:
    out.put("meeting_closed", id=event.originator_id, at=event.at)


@meetings.on(Meeting, "NoticePublished")
def notice_published(event: Any, out: Operations) -> None:
    out.put("meeting_notice", id=event.originator_id, number=event.notice.number)


@meetings.on(Meeting, "ConnectionPointAdded")
def point_added(event: Any, out: Operations) -> None:
    out.put(
        "point_added",
        id=event.point_id,
        meeting_id=event.originator_id,
        name=event.name,
        level=event.level,
        is_host=event.is_host,
        agency_id=event.agency_id,
        position=event.originator_version,
    )


@meetings.on(Meeting, "PointConnected")
def point_connected(event: Any, out: Operations) -> None:
    out.put("point_connection", id=event.point_id, connected=True)


@meetings.on(Meeting, "PointDisconnected")
def point_disconnected(event: Any, out: Operations) -> None:
    out.put("point_connection", id=event.point_id, connected=False)


@meetings.on(Meeting, "AttendanceRecorded")
def attendance_recorded(event: Any, out: Operations) -> None:
    out.put("point_attendance", id=event.point_id, count=event.attendee_count)
    out.put("attendance_cleared", point_id=event.point_id)
    for person_id in event.person_ids:
        out.put(
            "attendee_added",
            point_id=event.point_id,
            person_id=person_id,
            meeting_id=event.originator_id,
        )


@meetings.on(Meeting, "SpeechRecorded")
def speech_recorded(event: Any, out: Operations) -> None:
    out.put(
        "speech_recorded",
        id=event.speech_id,
        meeting_id=event.originator_id,
        speaker_id=event.speaker_id,
        speaker_name=event.speaker_name,
        speaker_title=event.speaker_title,
        point_id=event.point_id,
        kind=event.kind,
        spoken_at=event.spoken_at,
        text=event.text,
    )


@meetings.on(Meeting, "SpeechCorrected")
def speech_corrected(event: Any, out: Operations) -> None:
    out.put(
        "speech_corrected",
        id=event.speech_id,
        text=event.changes.get("text"),
        speaker_title=event.changes.get("speaker_title"),
        kind=event.changes.get("kind"),
    )


@meetings.on(Meeting, "ConclusionIssued")
def conclusion_issued(event: Any, out: Operations) -> None:
    for item in event.items:
        out.put(
            "item_issued",
            meeting_id=event.originator_id,
            number=item.number,
            text=item.text,
            speech_id=event.speech_id,
        )


@meetings.on(Meeting, "ConclusionItemAmended")
def item_amended(event: Any, out: Operations) -> None:
    out.put(
        "item_amended",
        meeting_id=event.originator_id,
        number=event.number,
        text=event.text,
    )
