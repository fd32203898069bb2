"""Plain result types of the meeting-text extractor and their JSON shape.

Every value keeps the character span(s) ``[start, end)`` it was read from, so a page
can highlight it. Spans index the text given to :func:`extract`, after NFC
normalisation; ``Extraction.normalized`` says whether NFC changed that text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

Span = tuple[int, int]
Day = date  # an alias: classes below have fields named "date"


@dataclass(frozen=True)
class KnownAgency:
    """An agency of the directory that phrases are matched against (cơ quan)."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgencyMention:
    """An agency phrase as written, where it is, and the known agency it names."""

    text: str
    span: Span
    agency_id: str | None = None
    group: bool = False  # a collective ("các sở, ngành"): never a proposed agency


@dataclass(frozen=True)
class Person:
    """A named official and the title the text gives them (chủ trì, người phát biểu)."""

    name: str
    title: str
    name_span: Span
    title_span: Span | None


@dataclass(frozen=True)
class Speech:
    """A named speaker's speech and its kind (opening ... conclusion)."""

    person: Person
    kind: str
    verb_span: Span
    rule: str = ""  # the rule that read it (see docs/extraction.md)


@dataclass(frozen=True)
class Deadline:
    """A deadline: the date it names (None when recurring or unknown) and its words."""

    date: Day | None
    text: str
    span: Span
    recurrence: str | None = None
    rule: str = ""


@dataclass(frozen=True)
class ReportTo:
    """Where a task reports: ``UBND tỉnh (qua Sở Thông tin và Truyền thông)``."""

    text: str
    span: Span
    agency: AgencyMention
    via: AgencyMention | None = None


@dataclass(frozen=True)
class Assignment:
    """One task of the conclusion (nhiệm vụ) and who must do it by when."""

    item: str | None
    lead: tuple[AgencyMention, ...]
    coordinating: tuple[AgencyMention, ...]
    deadline: Deadline | None
    summary: str
    summary_span: Span
    text: str
    text_span: Span
    report_to: ReportTo | None = None
    kind: str = "task"
    rule: str = ""  # the rule that opened the task
    anchor_span: Span | None = None  # the words that opened it (verb or subject)


@dataclass(frozen=True)
class CitedDocument:
    """A cited document (văn bản) with its normalised number and issue date."""

    kind: str
    number: str
    date: Day | None
    span: Span
    number_span: Span
    rule: str = ""


@dataclass(frozen=True)
class Approval:
    """A plan or draft the meeting approved (thông qua)."""

    text: str
    span: Span


@dataclass(frozen=True)
class ConnectionPoint:
    """A named connection point of an online meeting (điểm cầu)."""

    name: str
    span: Span
    rule: str = ""


@dataclass(frozen=True)
class Meeting:
    """The meeting itself: title, the day it was held, its chair and its points."""

    title: str | None = None
    title_span: Span | None = None
    date: Day | None = None
    date_span: Span | None = None
    chair: Person | None = None
    connection_points: tuple[ConnectionPoint, ...] = ()
    connection_point_count: int | None = None
    count_span: Span | None = None
    published: Day | None = None
    title_rule: str = ""
    date_rule: str = ""
    chair_rule: str = ""


@dataclass(frozen=True)
class ProposedAgency:
    """An agency the text names that the directory does not know yet."""

    name: str
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Extraction:
    """Everything read from one meeting text: a draft for a secretary to check."""

    meeting: Meeting = Meeting()
    speeches: tuple[Speech, ...] = ()
    assignments: tuple[Assignment, ...] = ()
    documents: tuple[CitedDocument, ...] = ()
    approvals: tuple[Approval, ...] = ()
    agencies_proposed: tuple[ProposedAgency, ...] = ()
    normalized: bool = False

    def to_dict(self, spans: bool = False) -> dict[str, Any]:
        """The seeds-README JSON shape; with ``spans`` each object gets its spans."""
        out: dict[str, Any] = {
            "meeting": _meeting(self.meeting, spans),
            "speeches": [_speech(s, spans) for s in self.speeches],
            "assignments": [_assignment(a, spans) for a in self.assignments],
            "documents_cited": [_document(d, spans) for d in self.documents],
            "approvals": [a.text for a in self.approvals],
            "agencies_proposed": [p.name for p in self.agencies_proposed],
        }
        if spans:
            out["spans"] = {
                "refer_to": "NFC-normalised input" if self.normalized else "input",
                "approvals": [list(a.span) for a in self.approvals],
                "agencies_proposed": [
                    [list(s) for s in p.spans] for p in self.agencies_proposed
                ],
            }
        return out


def _iso(value: date | None) -> str | None:
    """ISO date or None."""
    return value.isoformat() if value else None


def _span(span: Span | None) -> list[int] | None:
    """A span as a JSON list."""
    return list(span) if span else None


def _meeting(m: Meeting, spans: bool) -> dict[str, Any]:
    """The ``meeting`` object."""
    chair = {"name": m.chair.name, "title": m.chair.title} if m.chair else None
    out: dict[str, Any] = {
        "title": m.title,
        "date": _iso(m.date),
        "chair": chair,
        "connection_points": [p.name for p in m.connection_points],
        "connection_point_count": m.connection_point_count,
        "published": _iso(m.published),
    }
    if spans:
        out["spans"] = {
            "title": _span(m.title_span),
            "date": _span(m.date_span),
            "chair": _person_spans(m.chair) if m.chair else None,
            "connection_points": [list(p.span) for p in m.connection_points],
            "connection_point_count": _span(m.count_span),
        }
        out["rules"] = {
            "title": m.title_rule or None,
            "date": m.date_rule or None,
            "chair": m.chair_rule or None,
            "connection_points": [p.rule for p in m.connection_points],
        }
    return out


def _person_spans(p: Person) -> dict[str, list[int] | None]:
    """Spans of a person's name and title."""
    return {"name": list(p.name_span), "title": _span(p.title_span)}


def _speech(s: Speech, spans: bool) -> dict[str, Any]:
    """One ``speeches`` entry."""
    out: dict[str, Any] = {
        "speaker": s.person.name,
        "title": s.person.title,
        "kind": s.kind,
    }
    if spans:
        out["spans"] = {**_person_spans(s.person), "kind": list(s.verb_span)}
        out["rule"] = s.rule
    return out


def _assignment(a: Assignment, spans: bool) -> dict[str, Any]:
    """One ``assignments`` entry."""
    out: dict[str, Any] = {
        "item": a.item,
        "kind": a.kind,
        "assignees_lead": [x.text for x in a.lead],
        "assignees_coordinating": [x.text for x in a.coordinating],
        "assignees_lead_ids": [x.agency_id for x in a.lead],
        "assignees_coordinating_ids": [x.agency_id for x in a.coordinating],
        "deadline": _iso(a.deadline.date) if a.deadline else None,
        "deadline_text": a.deadline.text if a.deadline else None,
        "deadline_recurrence": a.deadline.recurrence if a.deadline else None,
        "report_to": a.report_to.text if a.report_to else None,
        "summary": a.summary,
        "text": a.text,
    }
    if spans:
        out["spans"] = {
            "assignees_lead": [list(x.span) for x in a.lead],
            "assignees_coordinating": [list(x.span) for x in a.coordinating],
            "deadline": _span(a.deadline.span) if a.deadline else None,
            "report_to": _span(a.report_to.span) if a.report_to else None,
            "summary": list(a.summary_span),
            "text": list(a.text_span),
            "anchor": _span(a.anchor_span),
        }
        out["rules"] = {
            "task": a.rule,
            "assignees_lead": a.rule,
            "assignees_coordinating": "coordinating" if a.coordinating else None,
            "deadline": a.deadline.rule if a.deadline else None,
            "report_to": "report-to" if a.report_to else None,
            "kind": "request" if a.kind == "request" else None,
        }
    return out


def _document(d: CitedDocument, spans: bool) -> dict[str, Any]:
    """One ``documents_cited`` entry."""
    out: dict[str, Any] = {"kind": d.kind, "number": d.number, "date": _iso(d.date)}
    if spans:
        out["spans"] = {"mention": list(d.span), "number": list(d.number_span)}
        out["rule"] = d.rule
    return out
