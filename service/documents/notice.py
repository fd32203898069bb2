"""The conclusion notice (Thông báo kết luận) of a meeting, as a document to render."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.assignment import Assignment
from domain.meeting import Meeting
from domain.values import optional_text
from service.documents import words
from service.documents.layout import (
    AdministrativeDocument,
    Paragraph,
    Signature,
    Style,
    paragraph,
)
from service.documents.record import ItemRecord, MeetingRecord, meeting_record
from service.errors import NotFoundError
from service.usecases.lookups import zone_of
from service.usecases.steerlog import Steerlog

MAX_POINTS_NAMED = 12  # beyond this, "và N điểm cầu khác"


@dataclass(frozen=True)
class Signing:
    """Who signs, when the secretary says so; otherwise the concluding chair."""

    name: str | None = None
    title: str | None = None
    authority: str | None = None


def conclusion_notice(
    app: Steerlog, meeting_id: UUID, signing: Signing | None = None
) -> AdministrativeDocument:
    """The notice of a meeting's conclusion, from its record in the event store."""
    record = meeting_record(app, meeting_id)
    if not record.items:
        raise NotFoundError("conclusion", meeting_id)
    meeting = record.meeting
    notice = meeting.notice
    held_on = meeting.starts_at.astimezone(zone_of(app, meeting.committee_id)).date()
    governing, issuing, code = bodies(record)
    number = notice.number if notice else f"      /TB-{code}"
    return AdministrativeDocument(
        governing_body=governing,
        issuing_body=issuing,
        number=f"Số: {number}",
        place_and_date=words.place_and_date(
            words.place_name(record.committee.jurisdiction),
            notice.date if notice else None,
            held_on.year,
        ),
        type_name="THÔNG BÁO",
        subject=subject(record),
        body=(
            opening(record, held_on),
            *[p for item in record.items for p in item_paragraphs(record, item)],
        ),
        signatures=(signer(record, signing or Signing()),),
        recipients=recipients(record, code),
        file_name=f"thong-bao-ket-luan-{meeting.id}",
        metadata={"title": f"Thông báo kết luận: {meeting.title}"},
    )


def bodies(record: MeetingRecord) -> tuple[str | None, str, str]:
    """Governing body, issuing body and number code: the notice's issuer once
    published (``UBND tỉnh Quảng Nam``: ``UBND``), else the committee itself."""
    notice = record.meeting.notice
    if notice is not None and notice.issuer:
        governing, issuing = words.issuer_bodies(notice.issuer)
        return governing, issuing, words.body_code(notice.issuer)
    committee = record.committee
    governing, issuing = words.committee_bodies(committee.name, committee.jurisdiction)
    return governing, issuing, words.body_code(issuing)


def _chair_phrase(record: MeetingRecord) -> str:
    speech = record.conclusion_speech
    if speech is not None:
        return person_phrase(speech.speaker_name, speech.speaker_title)
    chairs = record.meeting.chairs
    return ", ".join(person_phrase(c.name, c.title) for c in chairs) or "Ban Chỉ đạo"


def person_phrase(name: str, title: str | None) -> str:
    """``đồng chí Hồ Quang Bửu, Phó Chủ tịch UBND tỉnh``."""
    return f"đồng chí {name}, {title}" if title else f"đồng chí {name}"


def subject(record: MeetingRecord) -> str:
    """Trích yếu: ``Kết luận của đồng chí ... tại Hội nghị ...``."""
    return f"Kết luận của {_chair_phrase(record)} tại {meeting_phrase(record.meeting)}"


def meeting_phrase(meeting: Meeting) -> str:
    """The meeting as a sentence names it: ``Họp Ban ...`` → ``cuộc họp Ban ...``."""
    title = meeting.title
    return f"cuộc họp {title[4:]}" if title.startswith("Họp ") else title


def _points_phrase(meeting: Meeting) -> str:
    points = list(meeting.points.values())
    if not points:
        return f" tại {meeting.location}" if meeting.location else ""
    host = next((p for p in points if p.is_host), None)
    others = [p.name for p in points if p is not host]
    phrase = f" tại điểm cầu chính {host.name}" if host else ""
    if others:
        named = others[:MAX_POINTS_NAMED]
        rest = len(others) - len(named)
        tail = f" và {rest} điểm cầu khác" if rest else ""
        phrase += f", kết nối với {len(others)} điểm cầu: {', '.join(named)}{tail}"
    return phrase


def opening(record: MeetingRecord, held_on: date) -> Paragraph:
    """Who chaired, when, where, and whom the meeting heard; then "kết luận"."""
    meeting = record.meeting
    chairs = meeting.chairs
    chaired = ", ".join(
        person_phrase(c.name, c.title) for c in chairs
    ) or _chair_phrase(record)
    heard = [
        person_phrase(s.speaker_name, s.speaker_title)
        for s in sorted(meeting.speeches.values(), key=lambda s: s.spoken_at)
        if record.conclusion_speech is None or s.id != record.conclusion_speech.id
    ]
    text = (
        f"{capital(words.date_line(held_on))}, {chaired} chủ trì"
        f" {meeting_phrase(meeting)}{_points_phrase(meeting)}."
    )
    if heard:
        text += f" Sau khi nghe ý kiến phát biểu của {'; '.join(heard)}"
        text += " và ý kiến của các đại biểu dự họp,"
    else:
        text += " Sau khi nghe ý kiến của các đại biểu dự họp,"
    text += f" {_chair_phrase(record)} kết luận như sau:"
    return paragraph(text)


def item_paragraphs(record: MeetingRecord, item: ItemRecord) -> list[Paragraph]:
    """``1. ...`` then each task with its leads, coordinators and deadline."""
    text = _sentence(item.item.text)
    paragraphs = [paragraph(f"{item.item.number}. {text}", Style.ITEM)]
    for task in item.tasks:
        paragraphs.append(paragraph(task_line(record, task, item), Style.TASK))
    return paragraphs


def task_line(record: MeetingRecord, task: Assignment, item: ItemRecord) -> str:
    """``- Chủ trì: ...; phối hợp: ...; báo cáo ...; thời hạn: ...``."""
    label = "Đề nghị" if task.kind == "request" else "Chủ trì"
    parts = [f"{label}: {', '.join(record.agencies(task.lead))}"]
    if task.coordinating:
        parts.append(f"phối hợp: {', '.join(record.agencies(task.coordinating))}")
    if task.report_to:
        via = record.agency_names.get(task.report_via) if task.report_via else None
        to = record.agency_names[task.report_to]
        parts.append(f"báo cáo {to}" + (f" (qua {via})" if via else ""))
    deadline = deadline_phrase(task)
    if deadline:
        parts.append(f"thời hạn: {deadline}")
    title = ""
    if task.title.casefold() != item.item.text.casefold():
        title = _sentence(task.title) + " "
    return f"- {title}{'; '.join(parts)}."


def deadline_phrase(task: Assignment) -> str | None:
    """The deadline as recorded: its verbatim text and date; None if none given."""
    if task.original_deadline is None:
        return task.deadline_text
    day = words.short_date(task.original_deadline)
    if task.deadline_text and day in task.deadline_text:
        return task.deadline_text
    return f"{task.deadline_text} ({day})" if task.deadline_text else day


def capital(text: str) -> str:
    """``text`` with its first letter a capital."""
    return text[:1].upper() + text[1:]


def _sentence(text: str) -> str:
    text = capital(text)
    return text if text.endswith((".", ":", ";")) else text + "."


def signer(record: MeetingRecord, signing: Signing) -> Signature:
    """The signature block: the secretary's choice, else the concluding chair."""
    speech = record.conclusion_speech
    chair = record.meeting.chairs[0] if record.meeting.chairs else None
    if speech is not None:
        name, title = speech.speaker_name, speech.speaker_title
    elif chair is not None:
        name, title = chair.name, chair.title
    else:
        name, title = "", None
    given = optional_text(signing.title)
    position, authority = words.signing_position(given or title or "")
    return Signature(
        title=words.upper(given) if given else position,
        name=optional_text(signing.name) or name,
        authority=optional_text(signing.authority) or (None if given else authority),
    )


def recipients(record: MeetingRecord, code: str) -> tuple[str, ...]:
    """Nơi nhận: the committee, every agency given a task, then ``Lưu: VT``."""
    names: dict[str, None] = {record.committee.name: None}
    for item in record.items:
        for task in item.tasks:
            for name in record.agencies([*task.lead, *task.coordinating]):
                names.setdefault(name, None)
    return (*(f"- {name};" for name in names), f"- Lưu: VT, {code}.")
