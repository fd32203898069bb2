"""The tracker report: XLSX read back by openpyxl, CSV by csv, on both databases."""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterator
from datetime import date
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from service.documents.tracker_report import (
    COLUMNS,
    STATUS_NAMES,
    csv_lines,
    write_xlsx,
)
from service.documents.tracker_source import MeetingNames, tracker_rows
from service.readmodel.base import AssignmentFilter, Page
from service.readmodel.projector import Projector
from service.readmodel.readside import ReadSide
from service.run.composition import build_read_model
from service.run.demo import load_demo
from service.settings import Settings
from service.usecases.steerlog import Steerlog

DAY = date(2022, 6, 30)
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def read_side(settings: Settings, app: Steerlog) -> Iterator[ReadSide]:
    """The read side of the demo data, projected once."""
    load_demo(app)
    model = build_read_model(settings)
    Projector(app, model).catch_up()
    yield ReadSide(model)
    model.close()


def xlsx_of(read_side: ReadSide, where: AssignmentFilter) -> openpyxl.Workbook:
    out = io.BytesIO()
    rows = tracker_rows(read_side, where)
    write_xlsx(rows, MeetingNames(read_side, ZONE), where.day, out)
    return openpyxl.load_workbook(io.BytesIO(out.getvalue()))


def test_the_report_lists_every_task_of_the_query_in_the_official_layout(
    read_side: ReadSide,
) -> None:
    where = AssignmentFilter(day=DAY)
    expected = read_side.assignments(where, Page(limit=200)).items
    book = xlsx_of(read_side, where)
    assert book.sheetnames == ["Tổng hợp", "Nhiệm vụ"]
    tasks = list(book["Nhiệm vụ"].iter_rows(values_only=True))
    assert tasks[0] == tuple(name for name, _ in COLUMNS)
    assert [row[0] for row in tasks[1:]] == list(range(1, len(expected) + 1))
    assert [row[1] for row in tasks[1:]] == [row.title for row in expected]
    assert {row[6] for row in tasks[1:]} <= set(STATUS_NAMES.values())
    quang_nam = next(
        row for row in tasks if row[1].startswith("xây dựng Kế hoạch công tác")
    )
    assert quang_nam[2] == "Sở Thông tin và Truyền thông tỉnh Quảng Nam"
    assert quang_nam[4].date() == date(2022, 1, 15)  # as first given
    assert quang_nam[5].date() == date(2022, 1, 31)  # extended
    assert quang_nam[6] == "Hoàn thành đúng hạn"
    assert "(10/12/2021), mục 2" in quang_nam[7]


def test_the_summary_counts_each_agency_and_the_long_overdue_apart(
    read_side: ReadSide,
) -> None:
    where = AssignmentFilter(day=DAY)
    summary = list(xlsx_of(read_side, where)["Tổng hợp"].iter_rows(values_only=True))
    header, lines, total = summary[1], summary[2:-1], summary[-1]
    assert header[-2:] == ("Tỷ lệ quá hạn", "Quá hạn trên 120 ngày")
    statistics = {row.name: row for row in read_side.statistics(DAY, "agency")}
    for line in lines:
        counted = statistics[line[1]]
        assert line[2:8] == tuple(getattr(counted, s) for s in STATUS_NAMES)
        assert line[8] == counted.total
    assert total[1] == "Tổng cộng"
    assert total[8] == sum(line[8] for line in lines)
    # 30/06/2022: Quảng Nam's item 1 (due 31/12/2021) is 181 days overdue.
    quang_nam = next(
        line for line in lines if line[1] == "Các Sở, Ban, ngành tỉnh Quảng Nam"
    )
    assert quang_nam[5] == 1 and quang_nam[10] == 1 and quang_nam[9] == 1.0


def test_the_csv_is_the_same_query_filtered_as_the_tracker(read_side: ReadSide) -> None:
    where = AssignmentFilter(day=DAY, status="overdue")
    text = "".join(
        csv_lines(tracker_rows(read_side, where), MeetingNames(read_side, ZONE))
    )
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    expected = read_side.assignments(where, Page(limit=200)).items
    assert rows[0] == [name for name, _ in COLUMNS]
    assert [row[1] for row in rows[1:]] == [row.title for row in expected]
    assert {row[6] for row in rows[1:]} == {"Chưa hoàn thành, quá hạn"}
    assert all(date.fromisoformat(row[5]) < DAY for row in rows[1:])


def test_rows_are_read_page_by_page_past_the_page_size(
    app: Steerlog, settings: Settings
) -> None:
    from tests.integration.documents_many import many_tasks

    committee_id = many_tasks(app, 230)
    model = build_read_model(settings)
    Projector(app, model).catch_up()
    read_side = ReadSide(model)
    where = AssignmentFilter(day=DAY, committee_id=str(committee_id))
    ids = [row.id for row in tracker_rows(read_side, where)]
    model.close()
    assert len(ids) == len(set(ids)) == 230


def test_a_reader_stopped_early_leaves_no_thread_behind(read_side: ReadSide) -> None:
    rows = tracker_rows(read_side, AssignmentFilter(day=DAY))
    first = next(rows)
    assert first.title
    rows.close()
    assert not [t for t in threading.enumerate() if t.name == "tracker-pages"]
