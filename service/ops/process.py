"""What a long-running process (projector, scheduler) sets up first: logs, metrics."""

from __future__ import annotations

from service.ops import logs, metrics
from service.settings import Settings


def start_process(settings: Settings, serve_metrics: bool = True) -> None:
    """JSON logs on standard error; this process's metrics on
    ``STEERLOG_METRICS_BIND`` when it is set."""
    logs.configure(settings.operations.log_level)
    if serve_metrics:
        metrics.serve_process_metrics(settings)
