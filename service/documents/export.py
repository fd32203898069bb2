"""A meeting's whole record as portable JSON, in the Popolo vocabulary.

Popolo's ``organizations`` (the committee, the agencies), ``persons``,
``memberships``, ``events`` (the meeting), ``speeches`` and ``motions`` (the
conclusion's items and the approvals, motion-like) carry the record; what
Popolo has no word for is under ``steerlog:`` keys. Every id is kept, so an
import elsewhere recreates the same aggregates and the same lineage.
``meeting-export.schema.json`` (shipped beside this module) is the format.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any
from uuid import UUID

from domain.agency import Agency
from domain.assignment import Assignment
from domain.meeting import Meeting
from domain.meeting_parts import Speech
from domain.person import Person
from domain.values import Authority, DocumentRef
from service.documents.record import MeetingRecord, meeting_record
from service.usecases.steerlog import Steerlog

# /2 added the committee's former names (``other_names``); a /1 export is a /2
# one without them, and is still imported.
FORMAT = "steerlog-meeting-export/2"
FORMATS = ("steerlog-meeting-export/1", FORMAT)
SCHEMA_FILE = "meeting-export.schema.json"


@cache
def export_schema() -> dict[str, Any]:
    """The JSON Schema of the export format."""
    text = resources.files(__package__).joinpath(SCHEMA_FILE).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _time(moment: Any) -> str | None:
    return None if moment is None else moment.isoformat()


def document(ref: DocumentRef | None) -> dict[str, Any] | None:
    """A cited document: kind, number, date, issuer, title."""
    if ref is None:
        return None
    return {
        "kind": ref.kind,
        "number": ref.number,
        "date": _time(ref.date),
        "issuer": ref.issuer,
        "title": ref.title,
    }


def export_meeting(app: Steerlog, meeting_id: UUID) -> dict[str, Any]:
    """The record of one meeting, ready to dump as JSON."""
    record = meeting_record(app, meeting_id)
    meeting, committee = record.meeting, record.committee
    return {
        "format": FORMAT,
        "organizations": [
            {
                "id": str(committee.id),
                "name": committee.name,
                "classification": "committee",
                "steerlog:jurisdiction": committee.jurisdiction,
                "steerlog:time_zone": committee.time_zone,
                "other_names": [{"name": n} for n in committee.former_names],
            },
            *agencies(app, record),
        ],
        "persons": persons(app, record),
        "memberships": [
            {
                "person_id": str(m.person_id),
                "organization_id": str(committee.id),
                "role": m.role.value,
            }
            for m in committee.members.values()
        ],
        "events": [event(meeting)],
        "speeches": [
            speech(meeting, s)
            for s in sorted(meeting.speeches.values(), key=lambda s: s.spoken_at)
        ],
        "motions": [*items(record), *approvals(meeting)],
    }


def agencies(app: Steerlog, record: MeetingRecord) -> list[dict[str, Any]]:
    """Every agency the tasks name, groups with their members (members first)."""
    found: dict[UUID, Agency] = {}

    def add(agency_id: UUID) -> None:
        if agency_id in found:
            return
        agency = app.view(Agency, agency_id)
        for member in agency.member_ids:
            add(member)
        found[agency_id] = agency

    for agency_id in record.agency_names:
        add(agency_id)
    for point in record.meeting.points.values():
        if point.agency_id:
            add(point.agency_id)
    return [
        {
            "id": str(a.id),
            "name": a.name,
            "classification": "agency",
            "other_names": [{"name": alias} for alias in a.aliases],
            "steerlog:kind": a.kind.value,
            "steerlog:short_name": a.short_name,
            "steerlog:member_ids": [str(m) for m in a.member_ids],
        }
        for a in found.values()
    ]


def persons(app: Steerlog, record: MeetingRecord) -> list[dict[str, Any]]:
    """Everyone the record names: chairs, speakers, attendees, members."""
    meeting = record.meeting
    ids = dict.fromkeys(
        [
            *(c.person_id for c in meeting.chairs),
            *(s.speaker_id for s in meeting.speeches.values()),
            *(p for a in meeting.attendance.values() for p in a.person_ids),
            *record.committee.members,
        ]
    )
    people = [app.view(Person, person_id) for person_id in ids]
    return [
        {
            "id": str(p.id),
            "name": p.full_name,
            "steerlog:title": p.title,
            "steerlog:agency_id": str(p.agency_id) if p.agency_id else None,
        }
        for p in people
    ]


def event(meeting: Meeting) -> dict[str, Any]:
    """The meeting as a Popolo event, with its points, chairs and attendance."""
    return {
        "id": str(meeting.id),
        "name": meeting.title,
        "organization_id": str(meeting.committee_id),
        "classification": meeting.format.value,
        "start_date": _time(meeting.starts_at),
        "end_date": _time(meeting.closed_at),
        "location": meeting.location,
        "status": meeting.status.value,
        "steerlog:opened_at": _time(meeting.opened_at),
        "steerlog:agenda": [
            {
                "title": a.title,
                "presenter_id": str(a.presenter_id) if a.presenter_id else None,
            }
            for a in meeting.agenda
        ],
        "steerlog:points": [
            {
                "id": str(p.id),
                "name": p.name,
                "level": p.level.value,
                "is_host": p.is_host,
                "agency_id": str(p.agency_id) if p.agency_id else None,
            }
            for p in meeting.points.values()
        ],
        "steerlog:chairs": [
            {
                "person_id": str(c.person_id),
                "point_id": str(c.point_id) if c.point_id else None,
            }
            for c in meeting.chairs
        ],
        "steerlog:attendance": [
            {
                "point_id": str(a.point_id),
                "person_ids": [str(p) for p in a.person_ids],
                "count": a.attendee_count,
            }
            for a in meeting.attendance.values()
        ],
        "steerlog:notice": document(meeting.notice),
    }


def speech(meeting: Meeting, spoken: Speech) -> dict[str, Any]:
    """A Popolo speech: who (as they were named), when, where, what."""
    return {
        "id": str(spoken.id),
        "event_id": str(meeting.id),
        "creator_id": str(spoken.speaker_id),
        "attribution_text": spoken.speaker_name,
        "role": spoken.speaker_title,
        "type": spoken.kind.value,
        "date": _time(spoken.spoken_at),
        "text": spoken.text,
        "steerlog:point_id": str(spoken.point_id) if spoken.point_id else None,
    }


def items(record: MeetingRecord) -> list[dict[str, Any]]:
    """The conclusion's items as motions, each with the tasks it issued."""
    meeting = record.meeting
    motions = []
    for entry in record.items:
        issued = entry.item
        spoken = meeting.speeches[issued.speech_id]
        motions.append(
            {
                "id": f"{meeting.id}#{issued.number}",
                "identifier": issued.number,
                "classification": "conclusion_item",
                "organization_id": str(meeting.committee_id),
                "legislative_session_id": str(meeting.id),
                "creator_id": str(spoken.speaker_id),
                "date": _time(spoken.spoken_at),
                "text": issued.text,
                "result": "pass",
                "steerlog:speech_id": str(issued.speech_id),
                "steerlog:texts": [*issued.amendments, issued.text],
                "steerlog:tasks": [task(a) for a in entry.tasks],
            }
        )
    return motions


def approvals(meeting: Meeting) -> list[dict[str, Any]]:
    """Plans and drafts approved at the meeting, as motions."""
    return [
        {
            "id": str(a.id),
            "classification": "approval",
            "legislative_session_id": str(meeting.id),
            "text": a.title,
            "result": "pass",
            "steerlog:document": document(a.document),
            "steerlog:note": a.note,
        }
        for a in meeting.approvals
    ]


def authority(given: Authority) -> dict[str, Any]:
    """What authorised a change: a meeting's item, a document, or both."""
    return {
        "meeting_id": str(given.meeting_id) if given.meeting_id else None,
        "item_number": given.item_number,
        "document": document(given.document),
    }


def task(assignment: Assignment) -> dict[str, Any]:
    """A task as issued, with its deadline extensions and completions."""
    return {
        "id": str(assignment.id),
        "task_number": assignment.origin.task_number,
        "kind": assignment.kind.value,
        "title": assignment.title,
        "lead": [str(a) for a in assignment.lead],
        "coordinating": [str(a) for a in assignment.coordinating],
        "report_to": str(assignment.report_to) if assignment.report_to else None,
        "report_via": str(assignment.report_via) if assignment.report_via else None,
        "deadline": _time(assignment.original_deadline),
        "deadline_text": assignment.deadline_text,
        "documents": [document(d) for d in assignment.documents],
        "extensions": [
            {
                "deadline": e.deadline.isoformat(),
                "reason": e.reason,
                "authority": authority(e.authority),
            }
            for e in assignment.extensions
        ],
        "completions": [
            {
                "agency_id": str(c.agency_id),
                "completed_on": c.completed_on.isoformat(),
                "evidence": c.evidence,
            }
            for c in assignment.completions.values()
        ],
    }
