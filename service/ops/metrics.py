"""Prometheus metrics: what every process counts, and what the database tells.

The counters are module-level, as prometheus_client means them to be; under
gunicorn with ``PROMETHEUS_MULTIPROC_DIR`` set (``service/run/gunicorn_conf.py``) each
worker writes its own file and ``exposition`` adds them up. Positions, lag,
the log's head and the scheduler's heartbeat are read from the database when
scraped, so any web process tells the truth of every machine.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from datetime import datetime

from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    start_http_server,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from service.ops.heartbeat import Heartbeats
from service.readmodel.base import ReadModel
from service.settings import Settings
from service.usecases.steerlog import Steerlog

log = logging.getLogger(__name__)
REQUESTS = Counter(
    "steerlog_http_requests", "HTTP requests answered", ["route", "method", "status"]
)
REQUEST_SECONDS = Histogram(
    "steerlog_http_request_duration_seconds",
    "Time to answer an HTTP request",
    ["route", "method"],
    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
COMMANDS = Counter(
    "steerlog_commands",
    "Writes by use case and outcome (ok, conflict, rejected, error)",
    ["use_case", "outcome"],
)
# Incremented by sign-in (web/auth.py): a wrong password, an unknown account...
SIGN_IN_FAILURES = Counter("steerlog_sign_in_failures", "Sign-in attempts refused")
DIGESTS_ISSUED = Counter("steerlog_digests_issued", "Digests issued")
DIGESTS_SENT = Counter("steerlog_digests_sent", "Digests the mail server accepted")
DIGESTS_FAILED = Counter("steerlog_digests_failed", "Digest deliveries that failed")


def command_outcome(status: int) -> str:
    """A write's outcome from its HTTP status: ok, conflict, rejected or error."""
    if status < 400:
        return "ok"
    if status in (409, 412):
        return "conflict"
    return "rejected" if status < 500 else "error"


class StateCollector(Collector):
    """The log's head, each projection's position and lag, the heartbeat's age."""

    def __init__(self, app: Steerlog, read_model: ReadModel, heartbeats: Heartbeats):
        self.app, self.read_model, self.heartbeats = app, read_model, heartbeats

    def collect(self) -> Iterator[Metric]:
        """Read the database now (a scrape every few seconds costs three queries).

        When the database does not answer, ``steerlog_database_up`` says so and
        the rest of the scrape (the processes' own counts) still goes out.
        """
        try:
            state = list(self._state())
        except Exception:  # any failure of the database: report it, not a 500
            log.warning("metrics: the database does not answer", exc_info=True)
            state = []
        up = "steerlog_database_up"
        yield GaugeMetricFamily(up, "1 when the database answered", value=bool(state))
        yield from state

    def _state(self) -> Iterator[Metric]:
        head = self.app.recorder.max_notification_id() or 0
        # A counter: rate(steerlog_events_total[1m]) is events written per second.
        yield CounterMetricFamily("steerlog_events", "Events in the log", value=head)
        position = GaugeMetricFamily(
            "steerlog_projection_position",
            "Last notification applied",
            labels=["projection"],
        )
        lag = GaugeMetricFamily(
            "steerlog_projection_lag_events",
            "Events the projection is behind the log",
            labels=["projection"],
        )
        for name, reached in sorted(self.read_model.positions().items()):
            position.add_metric([name], reached)
            lag.add_metric([name], max(head - reached, 0))
        yield position
        yield lag
        latest = self.heartbeats.latest()
        if latest is not None:
            yield GaugeMetricFamily(
                "steerlog_scheduler_heartbeat_age_seconds",
                "Seconds since a scheduler last beat",
                value=_age(self.app.clock(), latest),
            )


def _age(now: datetime, then: datetime) -> float:
    return max((now - then).total_seconds(), 0.0)


def exposition(state: StateCollector) -> bytes:
    """The text format of every process's counters and the database's state."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        counted = CollectorRegistry()
        MultiProcessCollector(counted)  # type: ignore[no-untyped-call]
    else:
        counted = REGISTRY
    registry = CollectorRegistry(auto_describe=False)
    registry.register(state)
    return generate_latest(counted) + generate_latest(registry)


def serve_process_metrics(settings: Settings) -> bool:
    """Serve this process's metrics on ``STEERLOG_METRICS_BIND`` (if it is set)."""
    if not settings.operations.metrics_bind:
        return False
    host, port = settings.operations.metrics_address()
    start_http_server(port, addr=host)
    return True
