"""When digests fall due: APScheduler cron triggers per committee, and their periods."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from uuid import UUID

from apscheduler.triggers.cron import CronTrigger

from domain.digest import DigestKind
from service.settings import Settings
from service.settings.digests import DigestSchedule

# At most this far back, missed periods are issued after downtime (marked late).
CATCH_UP = timedelta(days=7)
# A digest issued later than this after its time is marked late.
LATE_AFTER = timedelta(hours=1)


@dataclass(frozen=True)
class Due:
    """One period's digests of one committee, due at ``fire_time``."""

    committee_id: UUID
    kind: DigestKind
    fire_time: datetime
    period: tuple[date, date]

    def late_at(self, now: datetime) -> bool:
        """Whether a digest issued at ``now`` is late for this period."""
        return now - self.fire_time > LATE_AFTER


def schedule_of(settings: Settings, committee_id: UUID) -> DigestSchedule:
    """The committee's schedule: its own setting, or the default one."""
    return settings.digest_schedules.get(str(committee_id), settings.digest_schedule)


def triggers(schedule: DigestSchedule, zone: str) -> dict[DigestKind, CronTrigger]:
    """A cron trigger per kind of digest the schedule sends, in the committee's zone."""
    found: dict[DigestKind, CronTrigger] = {}
    if schedule.daily is not None:
        hour, minute = schedule.daily
        found[DigestKind.DAILY] = CronTrigger(hour=hour, minute=minute, timezone=zone)
    if schedule.weekly is not None:
        weekday, hour, minute = schedule.weekly
        found[DigestKind.WEEKLY] = CronTrigger(
            day_of_week=weekday, hour=hour, minute=minute, timezone=zone
        )
    return found


def period_of(kind: DigestKind, fire_time: datetime) -> tuple[date, date]:
    """The period a digest sent at ``fire_time`` (local) is for.

    A daily digest is for the local day it is sent on; a weekly one reports on
    the seven days before the day it is sent.
    """
    day = fire_time.date()
    if kind is DigestKind.DAILY:
        return day, day
    return day - timedelta(days=7), day - timedelta(days=1)


def fire_times(
    trigger: CronTrigger, since: datetime, until: datetime
) -> list[datetime]:
    """Every time ``trigger`` fires in ``[since, until]``, oldest first."""
    found: list[datetime] = []
    fire: datetime | None = trigger.get_next_fire_time(None, since)
    while fire is not None and fire <= until:
        found.append(fire)
        fire = trigger.get_next_fire_time(fire, fire + timedelta(microseconds=1))
    return found


def due_periods(
    committee_id: UUID, schedule: DigestSchedule, zone: str, now: datetime
) -> list[Due]:
    """Periods of the last ``CATCH_UP`` whose time has come, oldest first."""
    due = [
        Due(committee_id, kind, fire, period_of(kind, fire))
        for kind, trigger in triggers(schedule, zone).items()
        for fire in fire_times(trigger, now - CATCH_UP, now)
    ]
    return sorted(due, key=lambda d: d.fire_time)


def current_period(
    committee_id: UUID,
    kind: DigestKind,
    schedule: DigestSchedule,
    zone: str,
    now: datetime,
) -> Due | None:
    """The latest period of ``kind`` due at ``now`` (what a cron run issues)."""
    latest = [
        d for d in due_periods(committee_id, schedule, zone, now) if d.kind == kind
    ]
    return latest[-1] if latest else None
