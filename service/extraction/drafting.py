"""A conclusion drafted from a pasted text: the extractor's reading, made postable.

Nothing is stored. The draft's ``conclusion`` has the shape the conclusion
endpoint takes; the secretary checks it, records the concluding speech, sets
``speech_id`` and posts it. An item naming an agency the directory does not
know is held back whole (items issued word for word are skipped on a second
post, so an item posted without some of its tasks could never get them): the
unknown names are listed under ``agencies_proposed`` with the tasks they hold
back, to be registered first; extracting again then drafts those items too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from domain.committee import Committee
from domain.meeting import Meeting
from domain.text import fold
from domain.values import AssignmentKind
from service.extraction import (
    AgencyMention,
    Assignment,
    CitedDocument,
    Extraction,
    KnownAgency,
    extract,
)
from service.readmodel.readside import ReadSide
from service.usecases.steerlog import Steerlog


@dataclass
class ConclusionDraft:
    """What the extract endpoint answers."""

    meeting_id: UUID
    day: date
    draft: dict[str, Any]
    conclusion: dict[str, Any]
    agencies_proposed: list[dict[str, Any]] = field(default_factory=list)


def draft_conclusion(
    application: Steerlog, read_side: ReadSide, meeting_id: UUID, text: str
) -> ConclusionDraft:
    """Read ``text`` against the agency directory, on the meeting's day."""
    meeting = application.load(Meeting, meeting_id)
    day = application.committee_day(meeting.committee_id, meeting.starts_at)
    known = [
        KnownAgency(agency.id, agency.name, agency.aliases)
        for agency in read_side.agency_directory()
    ]
    place = application.view(Committee, meeting.committee_id).jurisdiction
    extraction = extract(text, agencies=known, today=day, place=place)
    items, proposed = conclusion_items(extraction)
    return ConclusionDraft(
        meeting_id=meeting_id,
        day=day,
        draft=extraction.to_dict(spans=True),
        conclusion={"speech_id": None, "items": items},
        agencies_proposed=proposed,
    )


def conclusion_items(
    extraction: Extraction,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The items whose agencies are all known, and the unknown agencies."""
    items: dict[str, dict[str, Any]] = {}
    held_back: set[str] = set()
    proposed: dict[str, dict[str, Any]] = {}
    for index, assignment in enumerate(extraction.assignments, start=1):
        # A text without numbered items numbers its tasks in reading order.
        number = assignment.item or str(index)
        item = items.setdefault(number, {"number": number, "texts": [], "tasks": []})
        if assignment.text not in item["texts"]:
            item["texts"].append(assignment.text)
        unknown = [m for m in _mentions(assignment) if m.agency_id is None]
        for mention in unknown:
            _propose(proposed, mention, number, assignment.summary)
        if unknown:
            held_back.add(number)
        else:
            item["tasks"].append(_task(assignment, extraction.documents))
    drafted = [
        {"number": number, "text": " ".join(item["texts"]), "tasks": item["tasks"]}
        for number, item in items.items()
        if number not in held_back
    ]
    return drafted, list(proposed.values())


def _mentions(assignment: Assignment) -> Iterator[AgencyMention]:
    yield from assignment.lead
    yield from assignment.coordinating
    if assignment.report_to is not None:
        yield assignment.report_to.agency
        if assignment.report_to.via is not None:
            yield assignment.report_to.via


def _propose(
    proposed: dict[str, dict[str, Any]], mention: AgencyMention, item: str, title: str
) -> None:
    entry = proposed.setdefault(
        fold(mention.text),
        {"name": mention.text, "group": mention.group, "spans": [], "tasks": []},
    )
    if list(mention.span) not in entry["spans"]:
        entry["spans"].append(list(mention.span))
    task = {"item": item, "title": title}
    if task not in entry["tasks"]:
        entry["tasks"].append(task)


def _task(
    assignment: Assignment, documents: tuple[CitedDocument, ...]
) -> dict[str, Any]:
    """A task as the conclusion endpoint takes it; ids of known agencies only."""
    deadline, report = assignment.deadline, assignment.report_to
    start, end = assignment.text_span
    return {
        "title": assignment.summary or assignment.text,
        "lead": [m.agency_id for m in assignment.lead],
        "coordinating": [m.agency_id for m in assignment.coordinating],
        "kind": AssignmentKind(assignment.kind),
        "deadline": deadline.date if deadline else None,
        "deadline_text": deadline.text if deadline else None,
        "report_to": report.agency.agency_id if report else None,
        "report_via": report.via.agency_id if report and report.via else None,
        # Documents cited inside the task's own sentence are the ones it cites.
        "documents": [
            {"kind": d.kind, "number": d.number, "date": d.date}
            for d in documents
            if start <= d.span[0] and d.span[1] <= end
        ],
    }
