"""The meetings projection: meetings, connection points, attendance, speeches, items.

Speeches and conclusion items are kept as far as lists read them (how many a
meeting has; a decision's speaker and title): their text is searched through
the search projection and read whole from the meeting itself.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar
from uuid import UUID

from domain.meeting import Meeting
from service.readmodel.changes import Changes, change
from service.readmodel.projections.core import Projection


class MeetingChanges(Changes):
    """Meetings, their connection points (with attendance), speeches and items."""

    keyed: ClassVar[dict[str, tuple[str, ...]]] = {
        "point_connection": ("id",),
        "point_attendance": ("id",),
    }

    @change
    def meeting_scheduled(
        self,
        *,
        id: UUID,
        committee_id: UUID,
        title: str,
        format: str,
        starts_at: datetime,
        location: str | None,
    ) -> None:
        """A meeting scheduled (lên lịch)."""

    @change
    def meeting_rescheduled(
        self, *, id: UUID, starts_at: datetime, location: str | None
    ) -> None:
        """A meeting moved (dời lịch)."""

    @change
    def meeting_status(self, *, id: UUID, status: str) -> None:
        """A meeting's new status."""

    @change
    def meeting_opened(self, *, id: UUID, at: datetime) -> None:
        """A meeting opened."""

    @change
    def meeting_closed(self, *, id: UUID, at: datetime) -> None:
        """A meeting closed."""

    @change
    def meeting_notice(self, *, id: UUID, number: str) -> None:
        """The number of the meeting's conclusion notice (thông báo kết luận)."""

    @change
    def point_added(
        self,
        *,
        id: UUID,
        meeting_id: UUID,
        name: str,
        level: str,
        is_host: bool,
        agency_id: UUID | None,
        position: int,
    ) -> None:
        """A connection point (điểm cầu), not connected yet."""

    @change
    def point_connection(self, *, id: UUID, connected: bool) -> None:
        """A point connected or disconnected."""

    @change
    def point_attendance(self, *, id: UUID, count: int | None) -> None:
        """How many attended at a point."""

    @change
    def attendance_cleared(self, *, point_id: UUID) -> None:
        """A point's named attendees, all gone (before they are set again)."""

    @change
    def attendee_added(
        self, *, point_id: UUID, person_id: UUID, meeting_id: UUID
    ) -> None:
        """An official attending at a point."""

    @change
    def speech_recorded(
        self,
        *,
        id: UUID,
        meeting_id: UUID,
        speaker_name: str,
        speaker_title: str | None,
    ) -> None:
        """A speech, with its speaker's name and title as they were."""

    @change
    def speaker_title_corrected(self, *, id: UUID, speaker_title: str) -> None:
        """A speech's speaker title, corrected."""

    @change
    def item_issued(self, *, meeting_id: UUID, number: str) -> None:
        """A numbered item of a meeting's conclusion."""


# A row is inserted before it is updated; statements that set the same columns
# (a meeting's status, a point's attendance) share a rank and keep their order.
meetings = Projection(
    "meetings",
    MeetingChanges,
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
        "speaker_title_corrected",
        "item_issued",
    ),
)


@meetings.on(Meeting, "Scheduled")
def scheduled(event: Any, out: MeetingChanges) -> None:
    out.meeting_scheduled(
        id=event.originator_id,
        committee_id=event.committee_id,
        title=event.title,
        format=event.format,
        starts_at=event.starts_at,
        location=event.location,
    )


@meetings.on(Meeting, "Rescheduled")
def rescheduled(event: Any, out: MeetingChanges) -> None:
    out.meeting_rescheduled(
        id=event.originator_id, starts_at=event.starts_at, location=event.location
    )


@meetings.on(Meeting, "Cancelled")
def cancelled(event: Any, out: MeetingChanges) -> None:
    out.meeting_status(id=event.originator_id, status="cancelled")


@meetings.on(Meeting, "Opened")
def opened(event: Any, out: MeetingChanges) -> None:
    out.meeting_opened(id=event.originator_id, at=event.at)


@meetings.on(Meeting, "Closed")
def closed(event: Any, out: MeetingChanges) -> None:
    out.meeting_closed(id=event.originator_id, at=event.at)


@meetings.on(Meeting, "NoticePublished")
def notice_published(event: Any, out: MeetingChanges) -> None:
    out.meeting_notice(id=event.originator_id, number=event.notice.number)


@meetings.on(Meeting, "ConnectionPointAdded")
def point_added(event: Any, out: MeetingChanges) -> None:
    out.point_added(
        id=event.point_id,
        meeting_id=event.originator_id,
        name=event.name,
        level=event.level,
        is_host=event.is_host,
        agency_id=event.agency_id,
        position=event.originator_version,
    )


@meetings.on(Meeting, "PointConnected")
def point_connected(event: Any, out: MeetingChanges) -> None:
    out.point_connection(id=event.point_id, connected=True)


@meetings.on(Meeting, "PointDisconnected")
def point_disconnected(event: Any, out: MeetingChanges) -> None:
    out.point_connection(id=event.point_id, connected=False)


@meetings.on(Meeting, "AttendanceRecorded")
def attendance_recorded(event: Any, out: MeetingChanges) -> None:
    out.point_attendance(id=event.point_id, count=event.attendee_count)
    out.attendance_cleared(point_id=event.point_id)
    for person_id in event.person_ids:
        out.attendee_added(
            point_id=event.point_id, person_id=person_id, meeting_id=event.originator_id
        )


@meetings.on(Meeting, "SpeechRecorded")
def speech_recorded(event: Any, out: MeetingChanges) -> None:
    out.speech_recorded(
        id=event.speech_id,
        meeting_id=event.originator_id,
        speaker_name=event.speaker_name,
        speaker_title=event.speaker_title,
    )


@meetings.on(Meeting, "SpeechCorrected")
def speech_corrected(event: Any, out: MeetingChanges) -> None:
    title = event.changes.get("speaker_title")
    if title is not None:
        out.speaker_title_corrected(id=event.speech_id, speaker_title=title)


@meetings.on(Meeting, "ConclusionIssued")
def conclusion_issued(event: Any, out: MeetingChanges) -> None:
    for item in event.items:
        out.item_issued(meeting_id=event.originator_id, number=item.number)
