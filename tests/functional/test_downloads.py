"""Downloads through the HTTP API: media types, files read back, 404s, feeds."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import icalendar
import openpyxl
from docx import Document
from flask import Flask

from service.documents.feeds import FeedSecrets
from tests.functional.support import Api, problem

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_notice_and_minutes_download_as_docx_and_pdf(api: Api) -> None:
    meeting = api.open_meeting()
    api.conclude(meeting)
    base = f"/api/v1/meetings/{meeting.meeting_id}"
    notice = api.get(f"{base}/notice.docx", signer_authority="TL. TRƯỞNG BAN")
    assert notice.status_code == 200 and notice.mimetype == DOCX
    assert "attachment" in notice.headers["Content-Disposition"]
    text = "\n".join(p.text for p in Document(io.BytesIO(notice.data)).paragraphs)
    assert "THÔNG BÁO" in text and "1. Giao Sở TT&TT" in text
    pdf = api.get(f"{base}/notice.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert pdf.data.startswith(b"%PDF-")
    assert api.get(f"{base}/minutes.docx").mimetype == DOCX
    assert api.get(f"{base}/minutes.pdf").data.startswith(b"%PDF-")


def test_a_meeting_without_conclusion_has_no_notice_but_has_minutes(api: Api) -> None:
    meeting = api.open_meeting()
    base = f"/api/v1/meetings/{meeting.meeting_id}"
    problem(api.get(f"{base}/notice.pdf"), 404)
    assert api.get(f"{base}/minutes.docx").status_code == 200
    problem(
        api.get("/api/v1/meetings/00000000-0000-0000-0000-000000000000/minutes.pdf"),
        404,
    )
    problem(api.get(f"{base}/notice.docx", signer_name="\x1f"), 422)


def test_the_tracker_downloads_as_xlsx_and_csv_with_the_tracker_s_filters(
    api: Api,
) -> None:
    meeting = api.open_meeting()
    api.conclude(meeting, deadline="2022-06-30")
    api.project()
    query = {"committee_id": meeting.committee_id, "day": "2022-12-31"}
    xlsx = api.get("/api/v1/assignments.xlsx", **query)
    assert xlsx.status_code == 200 and xlsx.mimetype == XLSX
    tasks = list(openpyxl.load_workbook(io.BytesIO(xlsx.data))["Nhiệm vụ"].values)
    assert len(tasks) == 2 and tasks[1][1] == "Xây dựng kế hoạch chuyển đổi số năm 2022"
    assert tasks[1][6] == "Chưa hoàn thành, quá hạn"
    listed = api.get("/api/v1/assignments.csv", **query, status="overdue")
    assert listed.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(listed.get_data(as_text=True).lstrip("\ufeff"))))
    assert len(rows) == 2 and rows[1][2].startswith("Sở Thông tin và Truyền thông")
    none = api.get("/api/v1/assignments.csv", **query, status="done_on_time")
    assert len(list(csv.reader(io.StringIO(none.get_data(as_text=True))))) == 1
    problem(api.get("/api/v1/assignments.csv", status="finished"), 422)


def test_a_feed_answers_until_its_secret_is_revoked(api: Api, web_app: Flask) -> None:
    meeting = api.open_meeting()
    api.project()
    secrets = FeedSecrets(web_app.extensions["steerlog"].settings.database)
    issued = secrets.issue(api.name("account"), datetime.now(UTC))
    path = f"/api/v1/feeds/{issued.secret}/committees/{meeting.committee_id}.ics"
    feed = api.get(path)
    assert feed.status_code == 200, feed.get_data(as_text=True)
    assert feed.mimetype == "text/calendar"
    [event] = icalendar.Calendar.from_ical(feed.data).walk("VEVENT")
    assert str(event["UID"]) == f"meeting-{meeting.meeting_id}@steerlog"
    secrets.revoke(api.name("account"), datetime.now(UTC))
    problem(api.get(path), 404)
    problem(api.get(f"/api/v1/feeds/guess/committees/{meeting.committee_id}.ics"), 404)


def test_an_export_imported_again_adds_nothing_and_a_bad_one_is_a_422(api: Api) -> None:
    meeting = api.open_meeting()
    api.conclude(meeting)
    exported = api.get(f"/api/v1/meetings/{meeting.meeting_id}/export")
    assert exported.status_code == 200
    body = exported.get_json()
    assert body["format"] == "steerlog-meeting-export/2"
    again = api.post("/api/v1/meetings/import", body)
    assert again.status_code == 200, again.get_data(as_text=True)
    assert again.get_json()["id"] == meeting.meeting_id
    read = api.get(f"/api/v1/meetings/{meeting.meeting_id}")
    assert again.headers["ETag"] == read.headers["ETag"]
    body["motions"][0]["result"] = "fail"
    refused = problem(api.post("/api/v1/meetings/import", body), 422)
    assert "motions.0" in next(iter(refused["errors"]))


def test_every_download_is_an_operation_with_its_media_type(api: Api) -> None:
    paths = api.get("/api/openapi.json").get_json()["paths"]
    expected = {
        "/api/v1/meetings/{meeting_id}/notice.docx": DOCX,
        "/api/v1/meetings/{meeting_id}/notice.pdf": "application/pdf",
        "/api/v1/meetings/{meeting_id}/minutes.docx": DOCX,
        "/api/v1/meetings/{meeting_id}/minutes.pdf": "application/pdf",
        "/api/v1/assignments.xlsx": XLSX,
        "/api/v1/assignments.csv": "text/csv",
        "/api/v1/feeds/{secret}/committees/{committee_id}.ics": "text/calendar",
        "/api/v1/feeds/{secret}/agencies/{agency_id}.ics": "text/calendar",
        "/api/v1/feeds/{secret}/people/{person_id}.ics": "text/calendar",
        "/api/v1/meetings/{meeting_id}/export": "application/json",
    }
    for path, media_type in expected.items():
        assert list(paths[path]["get"]["responses"]["200"]["content"]) == [media_type]
