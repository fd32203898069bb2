"""Readiness: the database answers, projections keep up, a scheduler is alive."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from service.ops.heartbeat import Heartbeats
from service.readmodel.base import ReadModel
from service.usecases.steerlog import Steerlog


@dataclass(frozen=True)
class Check:
    """One thing readiness depends on, and what is wrong with it (if anything)."""

    name: str
    ok: bool
    detail: str
    values: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Readiness:
    """Every check; ready when all pass."""

    checks: list[Check]

    @property
    def ready(self) -> bool:
        """True when every check passed."""
        return all(check.ok for check in self.checks)


def database(app: Steerlog) -> tuple[Check, int | None]:
    """The event store answers; the head of its log."""
    try:
        head = app.recorder.max_notification_id() or 0
    except Exception as error:  # any failure of the database means "not ready"
        return Check(
            "database", False, f"the event store does not answer: {error}"
        ), None
    return Check("database", True, "the event store answers", {"head": head}), head


def projections(read_model: ReadModel, head: int, max_lag: int) -> Check:
    """Every projection is at most ``max_lag`` events behind the log's head."""
    try:
        positions = read_model.positions()
    except Exception as error:
        return Check("projections", False, f"the read models do not answer: {error}")
    lag = {name: max(head - position, 0) for name, position in positions.items()}
    behind = sorted(name for name, events in lag.items() if events > max_lag)
    values: dict[str, object] = {"lag": lag, "max_lag": max_lag}
    if behind:
        detail = f"more than {max_lag} events behind the log: {', '.join(behind)}"
        return Check("projections", False, detail, values)
    return Check("projections", True, f"within {max_lag} events of the log", values)


def scheduler(heartbeats: Heartbeats, now: datetime, max_age: int) -> Check:
    """A scheduler process beat within ``max_age`` seconds (0: not checked)."""
    if max_age == 0:
        return Check(
            "scheduler", True, "not checked (STEERLOG_READY_HEARTBEAT_SECONDS=0)"
        )
    try:
        latest = heartbeats.latest()
    except Exception as error:
        return Check("scheduler", False, f"heartbeats cannot be read: {error}")
    if latest is None:
        return Check("scheduler", False, "no scheduler has ever beat")
    age = round((now - latest).total_seconds(), 1)
    values: dict[str, object] = {"age_seconds": age, "max_age_seconds": max_age}
    if age > max_age:
        detail = f"the last scheduler heartbeat is {age:.0f} s old (> {max_age} s)"
        return Check("scheduler", False, detail, values)
    return Check("scheduler", True, f"a scheduler beat {age:.0f} s ago", values)


def readiness(
    app: Steerlog, read_model: ReadModel, heartbeats: Heartbeats
) -> Readiness:
    """Check the database, the projections' lag and the scheduler's heartbeat."""
    operations = app.settings.operations
    reached, head = database(app)
    if head is None:
        return Readiness([reached])
    return Readiness(
        [
            reached,
            projections(read_model, head, operations.ready_max_lag),
            scheduler(heartbeats, app.clock(), operations.ready_heartbeat_seconds),
        ]
    )
