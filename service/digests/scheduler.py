"""The scheduler process (APScheduler 3): digests' jobs, and new committees' jobs."""

from __future__ import annotations

import logging
from typing import TypeVar

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.interval import IntervalTrigger

from service.digests.jobs import (
    SYNC_EVERY,
    SYNC_JOB,
    JobSpec,
    issue_jobs,
    standing_jobs,
)
from service.digests.mail import SmtpMailer
from service.digests.service import DigestService
from service.ops.heartbeat import HEARTBEAT_EVERY, HEARTBEAT_JOB, Heartbeats, beat
from service.readmodel.base import ReadModel
from service.readmodel.readside import ReadSide
from service.usecases.steerlog import Steerlog

log = logging.getLogger(__name__)
S = TypeVar("S", bound=BaseScheduler)
# A job that could not run on time still runs within this many seconds;
# beyond it, the hourly catch-up issues the period (marked late).
MISFIRE_GRACE = 3600


def digest_service(app: Steerlog, read_model: ReadModel) -> DigestService:
    """The digest service over the configured SMTP server."""
    return DigestService(app, ReadSide(read_model), SmtpMailer(app.settings.smtp))


def add_jobs(scheduler: BaseScheduler, specs: list[JobSpec]) -> None:
    """Add (or replace) jobs by their ids: adding twice changes nothing."""
    for spec in specs:
        scheduler.add_job(
            spec.func,
            spec.trigger,
            args=spec.args,
            id=spec.id,
            name=spec.id,
            replace_existing=True,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=MISFIRE_GRACE,
        )


def sync_jobs(scheduler: BaseScheduler, service: DigestService) -> None:
    """Job ``digests.sync``: give committees established since start their jobs."""
    known = {job.id for job in scheduler.get_jobs()}
    add_jobs(scheduler, [s for s in issue_jobs(service) if s.id not in known])


def prepare(scheduler: S, service: DigestService) -> S:
    """Add every digest job; catch-up runs first, as soon as the scheduler starts."""
    add_jobs(scheduler, [*standing_jobs(service), *issue_jobs(service)])
    scheduler.add_job(
        sync_jobs,
        IntervalTrigger(seconds=SYNC_EVERY.total_seconds()),
        args=(scheduler, service),
        id=SYNC_JOB,
        name=SYNC_JOB,
        replace_existing=True,
        coalesce=True,
        max_instances=1,
    )
    scheduler.modify_job("digests.catch-up", next_run_time=service.now())
    scheduler.add_job(
        beat,
        IntervalTrigger(seconds=HEARTBEAT_EVERY),
        args=(Heartbeats(service.app.settings.database), service.now),
        id=HEARTBEAT_JOB,
        name=HEARTBEAT_JOB,
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        next_run_time=service.now(),
    )
    return scheduler


def blocking_scheduler(service: DigestService) -> BlockingScheduler:
    """The ``steerlog scheduler`` process's scheduler (one or more processes)."""
    return prepare(BlockingScheduler(timezone="UTC"), service)


def background_scheduler(service: DigestService) -> BackgroundScheduler:
    """All-in-one mode's scheduler, in a thread of the serving process."""
    return prepare(BackgroundScheduler(timezone="UTC"), service)
