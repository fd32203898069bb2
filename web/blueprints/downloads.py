"""Downloads: the notice and minutes (DOCX, PDF), the tracker report (XLSX, CSV)."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any
from uuid import UUID

from flask import Response
from flask_smorest import Blueprint

from service.documents.docx_writer import render_docx
from service.documents.layout import AdministrativeDocument
from service.documents.minutes import meeting_minutes
from service.documents.notice import Signing, conclusion_notice
from service.documents.pdf_writer import render_pdf
from service.documents.tracker_report import csv_lines, write_xlsx
from service.documents.tracker_source import MeetingNames, tracker_rows
from service.readmodel.base import AssignmentFilter
from web.http import read_side, steerlog
from web.queries import on_day
from web.schemas.downloads import SigningArgsSchema, TrackerReportArgsSchema

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv"
BINARY = {"type": "string", "format": "binary"}

blp = Blueprint(
    "downloads", __name__, url_prefix="/api/v1", description="Văn bản tải về"
)


def attachment(body: bytes, media_type: str, name: str) -> Response:
    """A file to save, under ``name``."""
    response = Response(body, mimetype=media_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _rendered(
    document: AdministrativeDocument, render: Callable[..., bytes], kind: str
) -> Response:
    media_type = {"docx": DOCX, "pdf": PDF}[kind]
    return attachment(render(document), media_type, f"{document.file_name}.{kind}")


def _signing(args: dict[str, Any]) -> Signing:
    return Signing(
        name=args["signer_name"],
        title=args["signer_title"],
        authority=args["signer_authority"],
    )


@blp.route("/meetings/<uuid:meeting_id>/notice.docx", methods=["GET"])
@blp.arguments(SigningArgsSchema(), location="query")
@blp.response(200, BINARY, content_type=DOCX, description="Thông báo kết luận")
@blp.alt_response(404, response="NOT_FOUND")
def download_conclusion_notice_docx(args: dict[str, Any], meeting_id: UUID) -> Any:
    """The conclusion notice (Thông báo kết luận) as DOCX, per Nghị định 30/2020.

    404 when the meeting has no conclusion yet.
    """
    notice = conclusion_notice(steerlog(), meeting_id, _signing(args))
    return _rendered(notice, render_docx, "docx")


@blp.route("/meetings/<uuid:meeting_id>/notice.pdf", methods=["GET"])
@blp.arguments(SigningArgsSchema(), location="query")
@blp.response(200, BINARY, content_type=PDF, description="Thông báo kết luận")
@blp.alt_response(404, response="NOT_FOUND")
def download_conclusion_notice_pdf(args: dict[str, Any], meeting_id: UUID) -> Any:
    """The conclusion notice as PDF, its fonts embedded."""
    notice = conclusion_notice(steerlog(), meeting_id, _signing(args))
    return _rendered(notice, render_pdf, "pdf")


@blp.route("/meetings/<uuid:meeting_id>/minutes.docx", methods=["GET"])
@blp.response(200, BINARY, content_type=DOCX, description="Biên bản")
@blp.alt_response(404, response="NOT_FOUND")
def download_meeting_minutes_docx(meeting_id: UUID) -> Any:
    """The minutes (Biên bản) as DOCX: time, points, attendance, speeches..."""
    return _rendered(meeting_minutes(steerlog(), meeting_id), render_docx, "docx")


@blp.route("/meetings/<uuid:meeting_id>/minutes.pdf", methods=["GET"])
@blp.response(200, BINARY, content_type=PDF, description="Biên bản")
@blp.alt_response(404, response="NOT_FOUND")
def download_meeting_minutes_pdf(meeting_id: UUID) -> Any:
    """The minutes (Biên bản) as PDF."""
    return _rendered(meeting_minutes(steerlog(), meeting_id), render_pdf, "pdf")


def _tracker(args: dict[str, Any]) -> tuple[AssignmentFilter, MeetingNames]:
    where = AssignmentFilter(day=on_day(args), **args)
    return where, MeetingNames(read_side(), steerlog().settings.zone())


@blp.route("/assignments.xlsx", methods=["GET"])
@blp.arguments(TrackerReportArgsSchema(), location="query")
@blp.response(200, BINARY, content_type=XLSX, description="Báo cáo nhiệm vụ")
def download_tracker_report_xlsx(args: dict[str, Any]) -> Any:
    """The tracker as the official report on tasks: a summary sheet per agency
    (four statuses, cancelled, superseded, overdue share, > 120 days overdue)
    and every task; the same filters as ``GET /assignments``, every row."""
    where, meetings = _tracker(args)
    # Rows stream through openpyxl's write-only sheets (spooled to disk); only
    # the finished, compressed file is held, about 60 bytes a task.
    out = io.BytesIO()
    write_xlsx(tracker_rows(read_side(), where), meetings, where.day, out)
    name = f"bao-cao-nhiem-vu-{where.day.isoformat()}.xlsx"
    return attachment(out.getvalue(), XLSX, name)


@blp.route("/assignments.csv", methods=["GET"])
@blp.arguments(TrackerReportArgsSchema(), location="query")
@blp.response(200, {"type": "string"}, content_type=CSV, description="Nhiệm vụ")
def download_tracker_csv(args: dict[str, Any]) -> Any:
    """Every task of a tracker query as CSV (UTF-8), streamed as it is read."""
    where, meetings = _tracker(args)
    lines = csv_lines(tracker_rows(read_side(), where), meetings)
    response = Response(lines, mimetype=CSV)
    response.headers["Content-Disposition"] = (
        f'attachment; filename="nhiem-vu-{where.day.isoformat()}.csv"'
    )
    return response
