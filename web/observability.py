"""Every request gets an id, a JSON log line and its metrics; ``/metrics`` serves them.

``X-Request-Id`` is taken from the request when it is a sane token (nginx or a
client may set one) and given otherwise; it comes back on the response. The log
line names the request id, the account, the route (its rule, never the path,
which may hold a calendar feed's secret), the method, the status and the time;
never a header or a body.
"""

from __future__ import annotations

import hmac
import logging
import re
import time
import uuid
from ipaddress import ip_address
from typing import Any

from flask import Flask, Response, abort, current_app, g, request

from service.ops import metrics
from service.ops.heartbeat import Heartbeats
from service.settings import Settings
from web.http import read_side, steerlog

log = logging.getLogger("steerlog.request")
REQUEST_ID = "X-Request-Id"
_SANE_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_PROXIED = {"X-Forwarded-For", "X-Real-Ip", "Forwarded"}
_WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
EXTENSION = "steerlog.heartbeats"


def init_app(app: Flask, settings: Settings) -> None:
    """Give ``app`` request ids, request logs and metrics, and ``/metrics``."""
    app.extensions[EXTENSION] = {settings.database.url: Heartbeats(settings.database)}
    # First of all hooks, so a request another hook refuses (401) is timed too.
    app.before_request_funcs.setdefault(None, []).insert(0, start_request)
    app.after_request(finish_request)
    app.add_url_rule("/metrics", "metrics", _metrics, methods=["GET"])
    # Flask's own line names the path, which may hold a feed's secret.
    app.log_exception = log_exception  # type: ignore[method-assign]


def heartbeats() -> Heartbeats:
    """The heartbeats table of the current app's database (made once per database)."""
    database = steerlog().settings.database
    tables: dict[str, Heartbeats] = current_app.extensions[EXTENSION]
    if database.url not in tables:
        tables[database.url] = Heartbeats(database)
    return tables[database.url]


def start_request() -> None:
    """Note the time and the request's id (``X-Request-Id``, or a new one)."""
    g.request_started = time.perf_counter()
    given = request.headers.get(REQUEST_ID, "")
    g.request_id = given if _SANE_ID.fullmatch(given) else uuid.uuid4().hex


def finish_request(response: Response) -> Response:
    """Count, time and log the request; hand its id back."""
    started = g.get("request_started")
    if started is None:  # not a request start_request saw (e.g. a test's context)
        return response
    seconds = time.perf_counter() - started
    route = request.url_rule.rule if request.url_rule else "unmatched"
    status = response.status_code
    metrics.REQUESTS.labels(route, request.method, str(status)).inc()
    metrics.REQUEST_SECONDS.labels(route, request.method).observe(seconds)
    if request.method in _WRITES and request.endpoint:
        outcome = metrics.command_outcome(status)
        metrics.COMMANDS.labels(request.endpoint, outcome).inc()
    response.headers[REQUEST_ID] = g.request_id
    if log.isEnabledFor(logging.INFO):
        # Written once the response is sent (the server closes it): the client
        # does not wait for the log line.
        line = {
            "request_id": g.request_id,
            "account": _account(),
            "method": request.method,
            "route": route,
            "status": status,
            "duration_ms": round(seconds * 1000, 2),
        }
        response.call_on_close(lambda: _log_request(line))
    return response


def _log_request(line: dict[str, Any]) -> None:
    log.info("%s %s %s", line["method"], line["route"], line["status"], extra=line)


def log_exception(exc_info: Any) -> None:
    """An unhandled error, logged with its route and request id, never its path."""
    route = request.url_rule.rule if request.url_rule else "unmatched"
    log.error(
        "unhandled error on %s %s",
        request.method,
        route,
        exc_info=exc_info,
        extra={"request_id": g.get("request_id"), "route": route},
    )


def _account() -> str | None:
    """Who made the request: the signed-in account, else the declared actor."""
    account = g.get("account")
    if account is not None:
        return str(getattr(account, "id", account))
    return request.headers.get("X-Steerlog-Actor")


def _metrics() -> Response:
    """Prometheus's text format; a token, or a caller on this machine only."""
    token = steerlog().settings.operations.metrics_token
    if token:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if not hmac.compare_digest(given.encode(), token.encode()):
            abort(401)
    elif not _loopback(request.remote_addr) or _PROXIED & set(request.headers.keys()):
        # nginx connects from loopback too: what it forwards is from outside.
        abort(403)
    state = metrics.StateCollector(steerlog(), read_side().read_model, heartbeats())
    body = metrics.exposition(state)
    return Response(body, mimetype="text/plain; version=0.0.4; charset=utf-8")


def _loopback(address: str | None) -> bool:
    try:
        return address is not None and ip_address(address).is_loopback
    except ValueError:
        return False
