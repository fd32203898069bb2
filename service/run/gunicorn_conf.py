"""gunicorn settings for `steerlog serve`: threads, limits, JSON logs, metrics.

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

from service.ops import collector, logs

MULTIPROC_DIR = "PROMETHEUS_MULTIPROC_DIR"
_made: list[str] = []  # the temporary directory made here, removed on exit

logs.lighten()
logconfig_dict = logs.dict_config(os.environ.get("STEERLOG_LOG_LEVEL", "INFO").upper())
# Every request is logged once, as JSON, by the app itself (web/observability.py).
accesslog = None
# Threads, not one request per process: a client that is slow to send its
# request holds one thread of a worker, not the worker (gunicorn's docs: sync
# workers need a buffering proxy in front). A new connection that sends nothing
# holds a thread for up to 5 s, then gthread parks it in its main loop, as it
# does kept-alive ones. So a worker stays responsive while fewer than
# ``threads`` clients are midway through a request; nginx in production
# (deploy/nginx/steerlog.conf) buffers whole requests and lifts that bound.
worker_class = "gthread"
threads = 64
# Connections a worker keeps at once (idle ones included), beyond which the
# kernel queues them; nginx in production allows 40 per client address.
worker_connections = 256
# nginx times out after 60 s; a worker stuck longer than this is restarted.
timeout = 55
graceful_timeout = 20
# An idle kept-alive connection is closed after this many seconds.
keepalive = 5
# Looser than the app's own limits (web/limits.py: a 4,096-byte URL, 100
# headers of 8,190 bytes), so that what passes these is answered by steerlog
# as problem+json (414, 431) and gunicorn's HTML error pages are never seen
# below them. 8,190 is the most gunicorn allows for the request line.
limit_request_line = 8190
limit_request_fields = 200
limit_request_field_size = 16380


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


def post_worker_init(worker: Any) -> None:
    """The worker has loaded the app: what it keeps for good is left out of the
    garbage collector's full passes (service/ops/collector.py)."""
    collector.settle()


def child_exit(server: Any, worker: Any) -> None:
    """A worker exited: its live gauges no longer count (its counters still do)."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)  # type: ignore[no-untyped-call]


def on_exit(server: Any) -> None:
    """The server stops: a metrics directory made for this run goes with it."""
    for directory in _made:
        shutil.rmtree(directory, ignore_errors=True)
