"""The scheduler's jobs: thin module-level functions, each under an explicit id."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from uuid import UUID

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.interval import IntervalTrigger

from domain.digest import DigestKind
from service.digests.schedule import schedule_of, triggers
from service.digests.service import DigestService

CATCH_UP_JOB = "digests.catch-up"
DELIVER_JOB = "digests.deliver"
SYNC_JOB = "digests.sync"
CATCH_UP_EVERY = timedelta(hours=1)
DELIVER_EVERY = timedelta(minutes=1)
SYNC_EVERY = timedelta(minutes=10)


def issue_job_id(kind: str, committee_id: UUID) -> str:
    """``digests.daily.<committee id>`` or ``digests.weekly.<committee id>``."""
    return f"digests.{kind}.{committee_id}"


def issue_digests(service: DigestService, committee_id: str, kind: str) -> int:
    """Job ``digests.<kind>.<committee>``: issue and send this period's digests."""
    service.wait_for_projections()
    due = service.current(UUID(committee_id), DigestKind(kind))
    return len(service.issue(due)) if due else 0


def catch_up(service: DigestService) -> int:
    """Job ``digests.catch-up``: issue periods missed in the last 7 days (late)."""
    return service.catch_up()


def deliver_pending(service: DigestService) -> int:
    """Job ``digests.deliver``: retry failed deliveries and crashed senders' ones."""
    return service.deliver_pending()


@dataclass(frozen=True)
class JobSpec:
    """A job as the scheduler adds it: id, function, trigger, arguments."""

    id: str
    func: Callable[..., Any]
    trigger: BaseTrigger
    args: tuple[Any, ...]


def issue_jobs(service: DigestService) -> list[JobSpec]:
    """One cron job per committee and kind of digest, in the committee's zone."""
    specs = []
    for committee in service.committees():
        committee_id = UUID(committee.id)
        schedule = schedule_of(service.app.settings, committee_id)
        for kind, trigger in triggers(schedule, committee.time_zone).items():
            specs.append(
                JobSpec(
                    issue_job_id(kind, committee_id),
                    issue_digests,
                    trigger,
                    (service, str(committee_id), str(kind)),
                )
            )
    return specs


def standing_jobs(service: DigestService) -> list[JobSpec]:
    """Catch-up (hourly, and at start), delivery retries (every minute)."""
    return [
        JobSpec(
            CATCH_UP_JOB,
            catch_up,
            IntervalTrigger(seconds=CATCH_UP_EVERY.total_seconds()),
            (service,),
        ),
        JobSpec(
            DELIVER_JOB,
            deliver_pending,
            IntervalTrigger(seconds=DELIVER_EVERY.total_seconds()),
            (service,),
        ),
    ]
