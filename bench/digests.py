"""Bench: the daily digests of 1,000 agencies on PostgreSQL, issued and sent.

A corpus is built through the domain's commands: one committee, 1,000 agencies
each subscribed, and per agency assignments in every state a digest lists (new
yesterday, due in 7/3/1 days, overdue, completed yesterday, extension pending,
and some with nothing to say). Then one daily run is timed: compose from the
read models, issue (one Digest each), render, hand to a mailer that accepts
everything, and record the delivery. Prints seconds and digests/s.

Usage: python -m bench.digests [--agencies 1000]
"""

from __future__ import annotations

import argparse
import time
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from uuid import UUID

from eventsourcing.domain import Aggregate

from bench.common import throwaway_settings
from domain import ids
from domain.agency import Agency
from domain.assignment import Assignment
from domain.committee import Committee
from domain.digest import DigestKind
from domain.subscription import DigestSubscription
from domain.values import DocumentRef, Origin
from service.digests.service import DigestService
from service.readmodel.projector import Projector
from service.readmodel.readside import ReadSide
from service.run.composition import build_application, build_read_model
from tests.scenario import ICT

ACTOR = "bench"
DAY = date(2022, 3, 17)
NOW = datetime(2022, 3, 17, 7, 0, tzinfo=ICT)
TARGET_SECONDS = 60.0
# Days from DAY to each assignment's deadline: listed as due (7, 3, 1),
# overdue (-5), or not listed (30); None: no deadline.
DEADLINES = (7, 3, 1, -5, 30, None)


class AcceptingMailer:
    """A mail server that accepts every message (the bench times steerlog, not SMTP)."""

    def __init__(self) -> None:
        self.sent = 0

    def send(self, message: EmailMessage) -> None:
        """Count the message."""
        self.sent += 1


def corpus(committee_id: UUID, agencies: int) -> list[Aggregate]:
    """A committee, its agencies, their assignments and subscriptions."""
    committee = Committee.establish(
        id=committee_id, actor=ACTOR, name="Ban Chỉ đạo CĐS", jurisdiction="tỉnh Bench"
    )
    built: list[Aggregate] = [committee]
    for number in range(agencies):
        agency = Agency.register(
            id=ids.agency_id(f"Cơ quan {number}"),
            actor=ACTOR,
            name=f"Cơ quan {number}",
            kind="department",
        )
        built.append(agency)
        built.extend(_assignments(committee_id, agency.id, number))
        built.append(
            DigestSubscription.subscribe(
                actor=ACTOR,
                committee_id=committee_id,
                recipient_kind="agency",
                recipient_id=agency.id,
                addresses=[f"van.thu.{number}@bench.gov.vn"],
            )
        )
    return built


def _assignments(committee_id: UUID, agency_id: UUID, number: int) -> list[Assignment]:
    document = DocumentRef("Kế hoạch", f"{number}/KH-BCĐ")
    found = []
    for task, days in enumerate(DEADLINES, 1):
        origin = Origin(committee_id=committee_id, document=document, task_number=task)
        issued_on = DAY - timedelta(days=1 if task == 1 else 40)
        assignment = Assignment.issue(
            id=ids.assignment_id(origin),
            actor=ACTOR,
            origin=origin,
            title=f"Nhiệm vụ {task} của cơ quan {number}",
            lead=[agency_id],
            tracked=[agency_id],
            issued_on=issued_on,
            deadline=DAY + timedelta(days=days) if days is not None else None,
        )
        if days == 30 and number % 2:
            assignment.complete(
                actor=ACTOR,
                agency_id=agency_id,
                completed_on=DAY - timedelta(days=1),
                evidence="Báo cáo số 1",
                now=NOW,
            )
        if days == -5 and number % 3 == 0:
            assignment.request_extension(
                actor=ACTOR,
                agency_id=agency_id,
                deadline=DAY + timedelta(days=20),
                reason="Chờ kinh phí",
            )
        found.append(assignment)
    return found


def main() -> None:
    """Build the corpus, project it, then time one daily run."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--agencies", type=int, default=1000)
    args = parser.parse_args()
    with throwaway_settings("bench_digests") as settings:
        app = build_application(settings, clock=lambda: NOW)
        read_model = build_read_model(settings)
        committee_id = ids.committee_id("Ban Chỉ đạo CĐS", "tỉnh Bench")
        started = time.perf_counter()
        built = corpus(committee_id, args.agencies)
        for start in range(0, len(built), 500):
            app.save(*built[start : start + 500])
        Projector(app, read_model).catch_up()
        print(
            f"corpus: {len(built)} aggregates written and projected"
            f" in {time.perf_counter() - started:.1f} s"
        )
        mailer = AcceptingMailer()
        service = DigestService(app, ReadSide(read_model), mailer)
        due = service.current(committee_id, DigestKind.DAILY)
        assert due is not None and due.period == (DAY, DAY)
        started = time.perf_counter()
        issued = service.issue(due)
        seconds = time.perf_counter() - started
        verdict = "met" if seconds < TARGET_SECONDS else "MISSED"
        print(
            f"daily digests: {len(issued)} issued, {mailer.sent} sent for"
            f" {args.agencies} agencies in {seconds:.2f} s"
            f" ({len(issued) / seconds:.0f} digests/s);"
            f" target < {TARGET_SECONDS:.0f} s: {verdict}"
        )
        started = time.perf_counter()
        again = service.issue(due)
        print(
            f"second run (another scheduler): {len(again)} issued"
            f" in {time.perf_counter() - started:.2f} s"
        )
        read_model.close()
        app.close()


if __name__ == "__main__":
    main()
