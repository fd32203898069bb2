"""The minutes (Biên bản, Mẫu 1.9) of a meeting, as a document to render."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.meeting import Meeting
from service.documents import notice, words
from service.documents.layout import (
    AdministrativeDocument,
    Paragraph,
    Signature,
    Style,
    paragraph,
)
from service.documents.record import MeetingRecord, meeting_record
from service.usecases.lookups import zone_of
from service.usecases.steerlog import Steerlog

BLANK = "...................."


def meeting_minutes(app: Steerlog, meeting_id: UUID) -> AdministrativeDocument:
    """The minutes of a meeting: time, format, points, attendance, proceedings."""
    record = meeting_record(app, meeting_id)
    meeting = record.meeting
    zone = zone_of(app, meeting.committee_id)
    governing, issuing = words.committee_bodies(
        record.committee.name, record.committee.jurisdiction
    )
    code = words.body_code(issuing)
    return AdministrativeDocument(
        governing_body=governing,
        issuing_body=issuing,
        number=f"Số:      /BB-{code}",
        type_name="BIÊN BẢN",
        subject=meeting.title,
        body=(
            *opening(record, zone),
            *proceedings(record, zone),
            *conclusion(record),
            closing(meeting, zone),
        ),
        signatures=(
            Signature(title="THƯ KÝ", name=secretary_name(record)),
            Signature(title="CHỦ TỌA", name=chair_name(record)),
        ),
        recipients=(f"- {record.committee.name};", "- Lưu: VT, Hồ sơ."),
        file_name=f"bien-ban-{meeting.id}",
        metadata={"title": f"Biên bản: {meeting.title}"},
    )


def _moment(moment: datetime, zone: ZoneInfo) -> str:
    local = moment.astimezone(zone)
    return f"{words.time_of_day(local)}, {words.date_line(local.date())}"


def opening(record: MeetingRecord, zone: ZoneInfo) -> list[Paragraph]:
    """Thời gian, hình thức, địa điểm (điểm cầu), thành phần, chủ trì, thư ký."""
    meeting = record.meeting
    began = meeting.opened_at or meeting.starts_at
    lines = [
        paragraph(f"Thời gian bắt đầu: {_moment(began, zone)}.", lead="1. "),
        paragraph(f"Hình thức: {words.FORMATS[meeting.format]}.", lead="2. "),
        paragraph(f"Địa điểm: {_places(meeting)}.", lead="3. "),
        paragraph("Thành phần tham dự:", lead="4. "),
        *attendance(record),
        paragraph(f"Chủ trì (chủ tọa): {_chairs(meeting)}.", lead="5. "),
        paragraph(f"Thư ký: {secretary_name(record) or BLANK}.", lead="6. "),
    ]
    return lines


def _places(meeting: Meeting) -> str:
    points = list(meeting.points.values())
    if not points:
        return meeting.location or BLANK
    host = next((p for p in points if p.is_host), None)
    others = [p.name for p in points if p is not host]
    text = f"điểm cầu chính {host.name}" if host else ""
    if others:
        text += ("; " if text else "") + f"{len(others)} điểm cầu: {', '.join(others)}"
    return text


def attendance(record: MeetingRecord) -> list[Paragraph]:
    """Who attended at each point: the officials named and the head count."""
    meeting = record.meeting
    lines = []
    for point in meeting.points.values():
        present = meeting.attendance.get(point.id)
        if present is None:
            continue
        named = [
            notice.person_phrase(p.full_name, p.title).removeprefix("đồng chí ")
            for p in (record.people.get(i) for i in present.person_ids)
            if p is not None
        ]
        text = f"- Tại điểm cầu {point.name}: {present.attendee_count} người"
        text += f" ({'; '.join(named)})" if named else ""
        lines.append(paragraph(text + ";", Style.TASK))
    if not lines:
        lines.append(paragraph("- Các đại biểu dự họp tại các điểm cầu.", Style.TASK))
    return lines


def _chairs(meeting: Meeting) -> str:
    names = []
    for chair in meeting.chairs:
        where = meeting.points.get(chair.point_id) if chair.point_id else None
        text = notice.person_phrase(chair.name, chair.title)
        names.append(text + (f" (tại điểm cầu {where.name})" if where else ""))
    return "; ".join(names) or BLANK


def chair_name(record: MeetingRecord) -> str:
    """The chair who signs as chủ tọa."""
    return record.meeting.chairs[0].name if record.meeting.chairs else ""


def secretary_name(record: MeetingRecord) -> str:
    """The committee's secretary (tổ giúp việc), if the directory names one."""
    secretaries = record.secretaries()
    return secretaries[0].full_name if secretaries else ""


def proceedings(record: MeetingRecord, zone: ZoneInfo) -> list[Paragraph]:
    """Nội dung: the speeches in order, with speaker and title; the approvals."""
    meeting = record.meeting
    lines = [paragraph("NỘI DUNG CUỘC HỌP", Style.HEADING)]
    for number, speech in enumerate(
        sorted(meeting.speeches.values(), key=lambda s: s.spoken_at), start=1
    ):
        point = meeting.points.get(speech.point_id) if speech.point_id else None
        who = notice.person_phrase(speech.speaker_name, speech.speaker_title)
        where = f" tại điểm cầu {point.name}" if point else ""
        said = f": {speech.text}" if speech.text else "."
        kind = words.SPEECH_KINDS[speech.kind]
        local = words.time_of_day(speech.spoken_at.astimezone(zone))
        text = f"{notice.capital(who)}{where} {kind} ({local}){said}"
        lines.append(paragraph(text, lead=f"{number}. "))
    if len(lines) == 1:
        lines.append(paragraph("Không có phát biểu được ghi lại."))
    for approval in meeting.approvals:
        what = approval.title
        if approval.document:
            what += f" ({approval.document.kind} số {approval.document.number})"
        lines.append(paragraph(f"Hội nghị thông qua: {what}.", lead="- "))
    return lines


def conclusion(record: MeetingRecord) -> list[Paragraph]:
    """Kết luận: the items and their tasks, as in the notice."""
    if not record.items:
        return [paragraph("KẾT LUẬN", Style.HEADING), paragraph("Chưa có kết luận.")]
    speech = record.conclusion_speech
    who = (
        notice.person_phrase(speech.speaker_name, speech.speaker_title)
        if speech
        else ""
    )
    lines = [
        paragraph("KẾT LUẬN", Style.HEADING),
        paragraph(f"{notice.capital(who) or 'Chủ tọa'} kết luận:"),
    ]
    for item in record.items:
        lines.extend(notice.item_paragraphs(record, item))
    return lines


def closing(meeting: Meeting, zone: ZoneInfo) -> Paragraph:
    """``Cuộc họp kết thúc vào ... giờ ..., ngày ... tháng ... năm ...``."""
    ended = _moment(meeting.closed_at, zone) if meeting.closed_at else BLANK
    return paragraph(f"Cuộc họp kết thúc vào {ended}.", Style.CLOSING)
