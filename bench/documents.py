"""Benchmarks of the documents: the tracker report, the notice in DOCX and PDF.

    python -m bench.documents [--rows 200000]

Prints figures; targets (issue 14): an XLSX of 200,000 tracker rows in < 60 s
and < 300 MB peak memory; a 30-item conclusion's notice as DOCX < 200 ms and as
PDF < 2 s. The tracker rows are made through the domain (``Assignment.issue``,
saved in batches as ``bench/corpus.py`` does) into a throwaway PostgreSQL schema
(``--database sqlite`` for a SQLite file), projected by the projector, then read
back through the read side in one walk of large batches. The XLSX is written in
a child process, so its peak resident memory is its own. ``--read-model URL``
writes only the XLSX, of a read model already there (the 1.39M-event corpus's
222,281 assignments).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from uuid import UUID, uuid4, uuid5
from zoneinfo import ZoneInfo

from bench.common import throwaway_settings
from domain import ids
from domain.assignment import Assignment
from domain.values import DocumentRef, Origin
from service.documents.docx_writer import render_docx
from service.documents.notice import conclusion_notice
from service.documents.pdf_writer import render_pdf
from service.documents.tracker_report import write_xlsx
from service.documents.tracker_source import MeetingNames, tracker_rows
from service.readmodel.base import AssignmentFilter
from service.readmodel.projections import PROJECTIONS
from service.readmodel.projector import Projector
from service.readmodel.readside import ReadSide
from service.run.composition import build_application, build_read_model
from service.settings import Settings
from service.settings.database import Database
from service.usecases.assignments import TaskDraft
from service.usecases.record import ItemDraft
from service.usecases.steerlog import Steerlog

BATCH = 2000
AGENCIES = 60
DAY = date(2022, 12, 31)


def settings_in(directory: Path) -> Settings:
    """A SQLite store in ``directory`` (the aggregate cache on, as by default)."""
    url = f"sqlite:///{directory}/events.sqlite3"
    return Settings(database=Database.from_url(url))


def tracker_corpus(app: Steerlog, rows: int) -> UUID:
    """``rows`` tasks of one committee over 60 agencies, issued by documents."""
    committee_id = app.establish_committee(
        actor="bench", name="Ban Chỉ đạo Chuyển đổi số", jurisdiction="tỉnh Thử"
    ).id
    agencies = [
        app.register_agency(actor="bench", name=f"Sở Thử nghiệm số {n}").id
        for n in range(AGENCIES)
    ]
    plan = DocumentRef(kind="Kế hoạch", number="01/KH-UBND", date=date(2022, 1, 5))
    pending: list[Assignment] = []
    for number in range(1, rows + 1):
        origin = Origin(
            committee_id=committee_id, item_number=str(number), document=plan
        )
        lead = [agencies[number % AGENCIES]]
        pending.append(
            Assignment.issue(
                id=ids.assignment_id(origin),
                actor="bench",
                origin=origin,
                title=f"Triển khai nhiệm vụ chuyển đổi số số {number} năm 2022",
                lead=lead,
                tracked=lead,
                coordinating=[agencies[(number + 7) % AGENCIES]],
                issued_on=date(2022, 1, 5),
                deadline=date(2022, 1, 5) + timedelta(days=number % 700),
                deadline_text="trước ngày ...",
            )
        )
        if len(pending) == BATCH:
            app.save(*pending)
            pending = []
    app.save(*pending)
    return committee_id


def build(settings: Settings, rows: int) -> None:
    """Make the corpus and project it (tracker, directory, meetings)."""
    app = build_application(settings)
    started = time.perf_counter()
    tracker_corpus(app, rows)
    made = time.perf_counter() - started
    model = build_read_model(settings)
    started = time.perf_counter()
    chosen = [PROJECTIONS["tracker"], PROJECTIONS["directory"], PROJECTIONS["meetings"]]
    Projector(app, model, chosen).catch_up()
    projected = time.perf_counter() - started
    print(
        f"corpus: {rows:,} tasks made in {made:.1f} s, projected in {projected:.1f} s"
    )
    model.close()
    app.close()


def xlsx_child(url: str, directory: Path) -> None:
    """(In the child process) write the XLSX of every row; print time and memory."""
    settings = Settings(database=Database.from_url(url))
    model = build_read_model(settings)
    read_side = ReadSide(model)
    start = resource.getrusage(resource.RUSAGE_SELF)
    before, cpu_before = start.ru_maxrss, start.ru_utime + start.ru_stime
    started = time.perf_counter()
    rows = tracker_rows(read_side, AssignmentFilter(day=DAY))
    with (directory / "report.xlsx").open("wb") as out:
        count = write_xlsx(
            rows, MeetingNames(read_side, ZoneInfo("Asia/Ho_Chi_Minh")), DAY, out
        )
    elapsed = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime - cpu_before
    size = (directory / "report.xlsx").stat().st_size
    print(
        f"xlsx ({settings.database.backend}): {count:,} rows in {elapsed:.1f} s"
        f" ({count / elapsed:,.0f} rows/s; {cpu:.1f} s of CPU in this process),"
        f" peak RSS {peak / 1024:.0f} MB (at start {before / 1024:.0f} MB),"
        f" file {size / 1e6:.1f} MB"
    )
    model.close()


def notice_meeting(app: Steerlog, items: int) -> UUID:
    """A closed meeting whose conclusion has ``items`` items of two tasks each."""
    token = uuid4().hex[:6]
    committee_id = app.establish_committee(
        actor="bench", name=f"Ban Chỉ đạo {token}", jurisdiction="tỉnh Quảng Nam"
    ).id
    agencies = [
        app.register_agency(actor="bench", name=f"Sở Ban ngành {token} {n}").id
        for n in range(12)
    ]
    chair = app.register_person(
        actor="bench", full_name="Hồ Quang Bửu", title="Phó Chủ tịch UBND tỉnh"
    ).id
    starts = datetime(2021, 12, 10, 1, tzinfo=UTC)
    meeting_id = uuid5(ids.NAMESPACE, f"bench-notice-{token}")
    app.schedule_meeting(
        actor="bench",
        committee_id=committee_id,
        title="Hội nghị trực tuyến",
        format="online",
        starts_at=starts,
        meeting_id=meeting_id,
    )
    app.assign_chair(meeting_id, actor="bench", person_id=chair)
    app.open_meeting(meeting_id, actor="bench", at=starts)
    speech = app.record_speech(
        meeting_id,
        actor="bench",
        speaker_id=chair,
        kind="conclusion",
        spoken_at=starts + timedelta(hours=2),
    ).id
    drafts = [
        ItemDraft(
            str(n),
            f"Giao các cơ quan triển khai nội dung chuyển đổi số thứ {n} của tỉnh.",
            [
                TaskDraft(
                    title=f"Nhiệm vụ {n}.{t} về chuyển đổi số",
                    lead=[agencies[(n + t) % 12]],
                    coordinating=[agencies[(n + t + 5) % 12]],
                    deadline=date(2022, 3, 31),
                    deadline_text="trước ngày 31/3/2022",
                )
                for t in (1, 2)
            ],
        )
        for n in range(1, items + 1)
    ]
    app.issue_conclusion(meeting_id, actor="bench", speech_id=speech, items=drafts)
    app.close_meeting(meeting_id, actor="bench", at=starts + timedelta(hours=3))
    return meeting_id


def notice_bench(directory: Path) -> None:
    """Median time of a 30-item notice as DOCX and as PDF (model built each time)."""
    app = build_application(settings_in(directory / "notice"))
    meeting_id = notice_meeting(app, 30)
    render_pdf(conclusion_notice(app, meeting_id))  # warm: fonts, templates
    docx = [
        _timed(lambda: render_docx(conclusion_notice(app, meeting_id)))
        for _ in range(20)
    ]
    pdf = [
        _timed(lambda: render_pdf(conclusion_notice(app, meeting_id))) for _ in range(5)
    ]
    print(
        f"notice, 30 items / 60 tasks: DOCX median {statistics.median(docx):.0f} ms"
        f" (max {max(docx):.0f}), PDF median {statistics.median(pdf):.0f} ms"
        f" (max {max(pdf):.0f})"
    )
    app.close()


def _timed(operation: object) -> float:
    started = time.perf_counter()
    operation()  # type: ignore[operator]
    return (time.perf_counter() - started) * 1000


def main() -> None:
    """Run both benchmarks and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument(
        "--database", choices=("postgres", "sqlite"), default="postgres"
    )
    parser.add_argument(
        "--read-model",
        metavar="URL",
        help="only the XLSX, of every row of this caught-up read model (e.g. the"
        " 1.39M-event corpus's: postgresql://...?schema=bench_corpus_read)",
    )
    parser.add_argument("--xlsx-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.xlsx_child:
        xlsx_child(args.xlsx_child[0], Path(args.xlsx_child[1]))
        return
    if args.read_model:
        with tempfile.TemporaryDirectory(prefix="bench-documents-") as name:
            child = [sys.executable, "-m", "bench.documents", "--xlsx-child"]
            subprocess.run([*child, args.read_model, name], check=True)
        return
    with tempfile.TemporaryDirectory(prefix="bench-documents-") as name:
        directory = Path(name)
        (directory / "notice").mkdir()
        notice_bench(directory)
        with corpus_settings(args.database, directory) as settings:
            build(settings, args.rows)
            url = settings.database.url
            child = [sys.executable, "-m", "bench.documents", "--xlsx-child", url, name]
            subprocess.run(child, check=True)


@contextmanager
def corpus_settings(database: str, directory: Path) -> Iterator[Settings]:
    """A throwaway PostgreSQL schema (production's database), or a SQLite file."""
    if database == "sqlite":
        yield settings_in(directory)
        return
    with throwaway_settings("bench_documents") as settings:
        yield settings


if __name__ == "__main__":
    main()
