"""The steps of an import: each records only what this steerlog lacks.

So an export imported twice adds nothing, and an import cut short is finished
by running it again. Steps go through the use cases, in the order the meeting's
rules allow (points and chairs before opening, speeches while open...).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from uuid import UUID

from domain.meeting import Meeting
from domain.values import DocumentRef, MeetingStatus
from service.errors import NotFoundError
from service.usecases.assignments import TaskDraft
from service.usecases.record import ItemDraft
from service.usecases.steerlog import Steerlog


def uuid_or_none(text: str | None) -> UUID | None:
    """An optional id of the export."""
    return UUID(text) if text else None


def day_or_none(text: str | None) -> date | None:
    """An optional date of the export."""
    return date.fromisoformat(text) if text else None


def moment(text: str) -> datetime:
    """A time of the export (ISO 8601 with offset)."""
    return datetime.fromisoformat(text)


def document(data: dict[str, Any] | None) -> DocumentRef | None:
    """A cited document of the export."""
    if data is None:
        return None
    return DocumentRef(
        kind=data["kind"],
        number=data["number"],
        date=day_or_none(data["date"]),
        issuer=data["issuer"],
        title=data["title"],
    )


@dataclass
class Steps:
    """The application, who imports, and a count of the writes made."""

    app: Steerlog
    actor: str
    meeting_id: UUID
    writes: int = 0
    skipped: list[str] = field(default_factory=list)

    def did(self, _: object = None) -> None:
        """Count one write."""
        self.writes += 1

    @property
    def meeting(self) -> Meeting:
        """The meeting as it stands now."""
        return self.app.view(Meeting, self.meeting_id)


def schedule(steps: Steps, event: dict[str, Any]) -> None:
    """Schedule the meeting, unless it is here already."""
    try:
        steps.meeting  # noqa: B018 - loading it is the check
        return
    except NotFoundError:
        pass
    steps.did(
        steps.app.schedule_meeting(
            actor=steps.actor,
            committee_id=UUID(event["organization_id"]),
            title=event["name"],
            format=event["classification"],
            starts_at=moment(event["start_date"]),
            location=event["location"],
            meeting_id=steps.meeting_id,
        )
    )


def before_opening(steps: Steps, event: dict[str, Any]) -> None:
    """Agenda, connection points, chairs, attendance; then the opening."""
    app, actor, meeting_id = steps.app, steps.actor, steps.meeting_id
    if steps.meeting.status is MeetingStatus.CLOSED:
        return
    for number, entry in enumerate(event["steerlog:agenda"], start=1):
        if len(steps.meeting.agenda) < number:
            steps.did(
                app.add_agenda_item(
                    meeting_id,
                    actor=actor,
                    title=entry["title"],
                    presenter_id=uuid_or_none(entry["presenter_id"]),
                )
            )
    for point in event["steerlog:points"]:
        if UUID(point["id"]) not in steps.meeting.points:
            steps.did(
                app.add_connection_point(
                    meeting_id,
                    actor=actor,
                    name=point["name"],
                    level=point["level"],
                    is_host=point["is_host"],
                    agency_id=uuid_or_none(point["agency_id"]),
                )
            )
    chairs_and_attendance(steps, event)
    wanted = MeetingStatus(event["status"])
    if steps.meeting.status is MeetingStatus.SCHEDULED:
        if wanted is MeetingStatus.CANCELLED:
            steps.did(app.cancel_meeting(meeting_id, actor=actor, reason="imported"))
        elif wanted is not MeetingStatus.SCHEDULED:
            opened = moment(event["steerlog:opened_at"] or event["start_date"])
            steps.did(app.open_meeting(meeting_id, actor=actor, at=opened))


def chairs_and_attendance(steps: Steps, event: dict[str, Any]) -> None:
    """Chairs (at their points) and who attended at each point."""
    app, actor, meeting_id = steps.app, steps.actor, steps.meeting_id
    for chair in event["steerlog:chairs"]:
        person_id, point_id = UUID(chair["person_id"]), uuid_or_none(chair["point_id"])
        held = {(c.person_id, c.point_id) for c in steps.meeting.chairs}
        if (person_id, point_id) not in held:
            steps.did(
                app.assign_chair(
                    meeting_id, actor=actor, person_id=person_id, point_id=point_id
                )
            )
    for present in event["steerlog:attendance"]:
        point_id = UUID(present["point_id"])
        if point_id not in steps.meeting.attendance:
            steps.did(
                app.record_attendance(
                    meeting_id,
                    point_id,
                    actor=actor,
                    person_ids=[UUID(p) for p in present["person_ids"]],
                    attendee_count=present["count"],
                )
            )


def while_open(steps: Steps, data: dict[str, Any]) -> None:
    """Speeches, approvals and the conclusion, while the meeting is open."""
    if steps.meeting.status is not MeetingStatus.OPEN:
        return
    app, actor, meeting_id = steps.app, steps.actor, steps.meeting_id
    for speech in data["speeches"]:
        if UUID(speech["id"]) not in steps.meeting.speeches:
            steps.did(
                app.record_speech(
                    meeting_id,
                    actor=actor,
                    speech_id=UUID(speech["id"]),
                    speaker_id=UUID(speech["creator_id"]),
                    speaker_title=speech["role"],
                    kind=speech["type"],
                    point_id=uuid_or_none(speech["steerlog:point_id"]),
                    text=speech["text"],
                    spoken_at=moment(speech["date"]),
                )
            )
    for motion in data["motions"]:
        if motion["classification"] == "approval":
            approval(steps, motion)
    conclusion(steps, [m for m in data["motions"] if m["classification"] != "approval"])


def approval(steps: Steps, motion: dict[str, Any]) -> None:
    """An approval keeps its id: the meeting's own command, saved by the app."""
    approval_id = UUID(motion["id"])
    if any(a.id == approval_id for a in steps.meeting.approvals):
        return
    steps.did(
        steps.app.change(
            Meeting,
            steps.meeting_id,
            lambda m: m.record_approval(
                actor=steps.actor,
                approval_id=approval_id,
                title=motion["text"],
                document=document(motion["steerlog:document"]),
                note=motion["steerlog:note"],
            ),
        )
    )


def task_draft(task: dict[str, Any]) -> TaskDraft:
    """A task as it was issued (its first deadline; extensions follow)."""
    return TaskDraft(
        title=task["title"],
        lead=[UUID(a) for a in task["lead"]],
        coordinating=[UUID(a) for a in task["coordinating"]],
        kind=task["kind"],
        deadline=day_or_none(task["deadline"]),
        deadline_text=task["deadline_text"],
        report_to=uuid_or_none(task["report_to"]),
        report_via=uuid_or_none(task["report_via"]),
        documents=[d for d in map(document, task["documents"]) if d is not None],
    )


def conclusion(steps: Steps, items: list[dict[str, Any]]) -> None:
    """Issue the items as first given, by their speech; then their amendments."""
    by_speech: dict[str, list[ItemDraft]] = defaultdict(list)
    for item in items:
        tasks = sorted(item["steerlog:tasks"], key=lambda t: t["task_number"])
        draft = ItemDraft(
            item["identifier"],
            item["steerlog:texts"][0],
            [task_draft(t) for t in tasks],
        )
        by_speech[item["steerlog:speech_id"]].append(draft)
    for speech_id, drafts in by_speech.items():
        before = steps.meeting.version
        steps.app.issue_conclusion(
            steps.meeting_id, actor=steps.actor, speech_id=UUID(speech_id), items=drafts
        )
        if steps.meeting.version != before:
            steps.did()
    amendments(steps, items)


def amendments(steps: Steps, items: list[dict[str, Any]]) -> None:
    """Each later text of an item, as an amendment, where the meeting lacks it."""
    for item in items:
        texts = item["steerlog:texts"]
        issued = steps.meeting.items.get(item["identifier"])
        done = 0 if issued is None else len(issued.amendments)
        for text in texts[done + 1 :]:
            steps.did(
                steps.app.amend_conclusion_item(
                    steps.meeting_id,
                    item["identifier"],
                    actor=steps.actor,
                    text=text,
                    reason="imported",
                )
            )


def closing(steps: Steps, event: dict[str, Any]) -> None:
    """Close the meeting and publish its notice, as the export has them."""
    app, actor, meeting_id = steps.app, steps.actor, steps.meeting_id
    if event["status"] == "closed" and steps.meeting.status is MeetingStatus.OPEN:
        at = moment(event["end_date"] or event["start_date"])
        steps.did(app.close_meeting(meeting_id, actor=actor, at=at))
    notice = document(event["steerlog:notice"])
    if notice is not None and steps.meeting.notice is None:
        steps.did(app.publish_notice(meeting_id, actor=actor, notice=notice))
