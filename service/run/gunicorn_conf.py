"""gunicorn settings for `steerlog serve`: JSON logs, metrics summed across workers.

Each worker counts in its own files under ``PROMETHEUS_MULTIPROC_DIR`` (a fresh
temporary directory unless the environment names one, which is emptied at
start); ``/metrics`` in any worker adds every worker's files up, and a worker
that exits is marked dead so its gauges go while its counts stay.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from service.ops import logs

MULTIPROC_DIR = "PROMETHEUS_MULTIPROC_DIR"
_made: list[str] = []  # the temporary directory made here, removed on exit

logs.lighten()
logconfig_dict = logs.dict_config(os.environ.get("STEERLOG_LOG_LEVEL", "INFO").upper())
# Every request is logged once, as JSON, by the app itself (web/observability.py).
accesslog = None
# nginx times out after 60 s; a worker stuck longer than this is restarted.
timeout = 55
graceful_timeout = 20
keepalive = 5


def on_starting(server: Any) -> None:
    """Before any worker starts (none has imported prometheus_client yet)."""
    directory = os.environ.get(MULTIPROC_DIR)
    if directory:
        path = Path(directory)
        path.mkdir(parents=True, exist_ok=True)
        for stale in path.glob("*.db"):  # counts of a previous run of the server
            stale.unlink()
    else:
        os.environ[MULTIPROC_DIR] = tempfile.mkdtemp(prefix="steerlog-metrics-")
        _made.append(os.environ[MULTIPROC_DIR])


def child_exit(server: Any, worker: Any) -> None:
    """A worker exited: its live gauges no longer count (its counters still do)."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)  # type: ignore[no-untyped-call]


def on_exit(server: Any) -> None:
    """The server stops: a metrics directory made for this run goes with it."""
    for directory in _made:
        shutil.rmtree(directory, ignore_errors=True)
