"""The tracker as the official report on tasks: XLSX (streamed, write-only) and CSV.

Columns follow the provinces' reports: STT, nhiệm vụ, cơ quan chủ trì, cơ quan
phối hợp, thời hạn gốc / hiện hành, tình hình thực hiện (the four official
categories of Báo cáo 1270/BC-TCTTTg, plus cancelled and superseded), nguồn
(phiên họp, mục), ghi chú. The summary counts each tracked agency by its own
completion, as ``GET /statistics/agencies`` does, with tasks overdue by more
than 120 days counted apart.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from service.documents import words
from service.documents.tracker_source import MeetingNames, optional_date
from service.readmodel.rows import TrackedAssignment

LONG_OVERDUE_DAYS = 120
STATUS_NAMES = {
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành quá hạn",
    "in_progress": "Chưa hoàn thành, trong hạn",
    "overdue": "Chưa hoàn thành, quá hạn",
    "cancelled": "Đã hủy",
    "superseded": "Đã thay thế",
}
COLUMNS = (
    ("STT", 6),
    ("Nhiệm vụ", 60),
    ("Cơ quan chủ trì", 32),
    ("Cơ quan phối hợp", 28),
    ("Thời hạn gốc", 13),
    ("Thời hạn hiện hành", 13),
    ("Tình hình thực hiện", 24),
    ("Nguồn (phiên họp, mục)", 40),
    ("Ghi chú", 36),
)
SUMMARY_COLUMNS = (
    ("STT", 6),
    ("Cơ quan", 44),
    *((name, 14) for name in STATUS_NAMES.values()),
    ("Tổng số", 10),
    ("Tỷ lệ quá hạn", 12),
    (f"Quá hạn trên {LONG_OVERDUE_DAYS} ngày", 14),
)


def report_line(
    number: int, row: TrackedAssignment, meetings: MeetingNames
) -> list[Any]:
    """One task as a line of the report, in ``COLUMNS`` order."""
    agencies = row.agencies
    lead = [a.name or a.agency_id for a in agencies if a.role == "lead"]
    helping = [a.name or a.agency_id for a in agencies if a.role == "coordinating"]
    return [
        number,
        row.title,
        "; ".join(lead),
        "; ".join(helping),
        optional_date(row.original_deadline),
        optional_date(row.deadline),
        STATUS_NAMES[row.status],
        source(row, meetings),
        notes(row),
    ]


def source(row: TrackedAssignment, meetings: MeetingNames) -> str:
    """``Hội nghị ... (10/12/2021), mục 2`` or the document that gave the task."""
    item = f", mục {row.item_number}" if row.item_number else ""
    if not row.meeting_id:
        return f"Văn bản giao nhiệm vụ{item}"
    found = meetings.of(str(row.committee_id), str(row.meeting_id))
    if found is None:
        return f"Phiên họp {row.meeting_id}{item}"
    title, day = found
    return f"{title} ({words.short_date(day)}){item}"


def notes(row: TrackedAssignment) -> str:
    """What the report's ghi chú says: the deadline as written, a pending request."""
    parts = []
    if row.deadline_text:
        parts.append(f"Thời hạn: {row.deadline_text}")
    completed = optional_date(row.completed_on)
    if completed:
        parts.append(f"Hoàn thành ngày {words.short_date(completed)}")
    if row.extension_requested:
        parts.append("Đang đề nghị gia hạn")
    if row.kind == "request":
        parts.append("Đề nghị (ngoài hệ thống)")
    return "; ".join(parts)


@dataclass
class AgencyCounts:
    """One agency's tasks in each status, and those overdue > 120 days."""

    name: str
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(STATUS_NAMES, 0)
    )
    long_overdue: int = 0

    @property
    def total(self) -> int:
        """Every task counted."""
        return sum(self.counts.values())

    @property
    def overdue_share(self) -> float | None:
        """Overdue (done late or still open past deadline) of the active tasks."""
        active = self.total - self.counts["cancelled"] - self.counts["superseded"]
        late = self.counts["overdue"] + self.counts["done_late"]
        return round(late / active, 4) if active else None


@dataclass
class Summary:
    """Counts per tracked agency, judged by each agency's own completion."""

    day: date
    agencies: dict[str, AgencyCounts] = field(default_factory=dict)

    def add(self, row: TrackedAssignment) -> None:
        """Count one tracker row for each agency it tracks."""
        deadline = optional_date(row.deadline)
        for agency in row.agencies:
            if agency.role != "tracked":
                continue
            key = str(agency.agency_id)
            entry = self.agencies.setdefault(key, AgencyCounts(agency.name or key))
            status = agency_status(row, optional_date(agency.completed_on), self.day)
            entry.counts[status] += 1
            if (
                status == "overdue"
                and deadline is not None
                and (self.day - deadline).days > LONG_OVERDUE_DAYS
            ):
                entry.long_overdue += 1


def agency_status(row: TrackedAssignment, completed_on: date | None, day: date) -> str:
    """One tracked agency's status on ``day`` (the read side's rule, per agency)."""
    if row.closed:
        return str(row.closed)
    deadline = optional_date(row.deadline)
    if completed_on is not None and completed_on <= day:
        on_time = deadline is None or completed_on <= deadline
        return "done_on_time" if on_time else "done_late"
    if deadline is not None and deadline < day:
        return "overdue"
    return "in_progress"


def _header(sheet: WriteOnlyWorksheet, columns: Iterable[tuple[str, int]]) -> None:
    bold = Font(bold=True, name="Times New Roman")
    wrap = Alignment(wrap_text=True, vertical="center", horizontal="center")
    cells = []
    for name, _ in columns:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font, cell.alignment = bold, wrap
        cells.append(cell)
    sheet.append(cells)


def write_xlsx(
    rows: Iterable[TrackedAssignment], meetings: MeetingNames, day: date, out: IO[bytes]
) -> int:
    """Stream the report into ``out``: the summary sheet first, then every task.

    Write-only mode keeps one row in memory at a time (each sheet spools to
    its own temporary file); returns the number of tasks written.
    """
    book = Workbook(write_only=True)
    summary_sheet = book.create_sheet("Tổng hợp")
    tasks_sheet = book.create_sheet("Nhiệm vụ")
    _widths(summary_sheet, SUMMARY_COLUMNS)
    _widths(tasks_sheet, COLUMNS)
    summary_sheet.append(
        [f"Tình hình thực hiện nhiệm vụ tính đến ngày {words.short_date(day)}"]
    )
    _header(summary_sheet, SUMMARY_COLUMNS)
    _header(tasks_sheet, COLUMNS)
    summary = Summary(day)
    count = 0
    dated = _DatedLine(tasks_sheet)
    for count, row in enumerate(rows, start=1):
        tasks_sheet.append(dated.of(report_line(count, row, meetings)))
        summary.add(row)
    for number, entry in enumerate(
        sorted(summary.agencies.values(), key=lambda e: e.name), start=1
    ):
        summary_sheet.append(_summary_line(number, entry))
    summary_sheet.append(_summary_line(None, _total(summary)))
    book.save(out)
    return count


class _DatedLine:
    """A report line whose deadlines show as the reports write them (31/12/2021),
    kept as dates.

    A write-only sheet writes a row out as it is appended, so the two deadline
    cells are made (and styled) once and given each line's values: a styled cell
    per row costs more than all the other cells of it together.
    """

    COLUMNS = (4, 5)  # the original and the current deadline

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        self.cells = {index: WriteOnlyCell(sheet) for index in self.COLUMNS}
        for cell in self.cells.values():
            cell.number_format = "DD/MM/YYYY"

    def of(self, line: list[Any]) -> list[Any]:
        """``line`` with its deadlines in the styled cells."""
        for index, cell in self.cells.items():
            cell.value = line[index]
            line[index] = cell
        return line


def _summary_line(number: int | None, entry: AgencyCounts) -> list[Any]:
    return [
        number,
        entry.name,
        *entry.counts.values(),
        entry.total,
        entry.overdue_share,
        entry.long_overdue,
    ]


def _total(summary: Summary) -> AgencyCounts:
    total = AgencyCounts("Tổng cộng")
    for entry in summary.agencies.values():
        for status, n in entry.counts.items():
            total.counts[status] += n
        total.long_overdue += entry.long_overdue
    return total


def _widths(sheet: WriteOnlyWorksheet, columns: Iterable[tuple[str, int]]) -> None:
    for index, (_, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def csv_lines(
    rows: Iterable[TrackedAssignment], meetings: MeetingNames
) -> Iterator[str]:
    """The task sheet as CSV text, a line at a time (UTF-8 BOM first, for Excel)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([name for name, _ in COLUMNS])
    yield "\ufeff" + _take(buffer)
    for number, row in enumerate(rows, start=1):
        line = report_line(number, row, meetings)
        writer.writerow([_csv_value(value) for value in line])
        yield _take(buffer)


def _csv_value(value: Any) -> Any:
    """Dates as ISO 8601 (what every program reads), nothing as empty."""
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else value


def _take(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
