"""`steerlog serve` under slow, idle and oversized clients: gunicorn in its own process.

Clients that open a request and never finish it hold one thread each of a
gthread worker (64 threads), not the worker: ``/healthz`` still answers, also
beside as many connections that send nothing. And what gunicorn
lets through (its limits are looser than the app's) is answered by steerlog as
problem+json, never by gunicorn's HTML error pages.
"""

from __future__ import annotations

import http.client
import json
import socket
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.integration.processes import server
from web.limits import MAX_BODY_BYTES, MAX_HEADER_BYTES, MAX_HEADERS, MAX_URL_BYTES

HELD = 20


@pytest.fixture(scope="module")
def address(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """Host and port of `steerlog serve` (one worker) on a fresh SQLite file."""
    directory = Path(tmp_path_factory.mktemp("serve"))
    env = {"STEERLOG_DATABASE_URL": f"sqlite:///{directory}/events.sqlite3"}
    with server(env, workers=1, stderr=directory / "serve.log") as base:
        split = urlsplit(base)
        assert split.hostname and split.port
        yield split.hostname, split.port


def held_open(address: tuple[str, int], stack: ExitStack, sent: bytes) -> None:
    """A connection that has sent ``sent`` (part of a request) and then waits."""
    connection = stack.enter_context(socket.create_connection(address, timeout=10))
    if sent:
        connection.sendall(sent)


def healthz_seconds(address: tuple[str, int]) -> float:
    """How long ``/healthz`` takes to answer 200 on a new connection."""
    started = time.monotonic()
    connection = http.client.HTTPConnection(*address, timeout=5)
    try:
        connection.request("GET", "/healthz")
        response = connection.getresponse()
        response.read()
        assert response.status == 200
    finally:
        connection.close()
    return time.monotonic() - started


def test_healthz_answers_while_twenty_requests_are_held_open_midway(
    address: tuple[str, int],
) -> None:
    head = b"POST /api/v1/committees HTTP/1.1\r\nHost: steerlog\r\n"
    body_started = (
        head + b"Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"
    )
    with ExitStack() as stack:
        for n in range(HELD):
            # Half stop inside the headers, half inside the body.
            held_open(address, stack, head if n % 2 else body_started)
        for _ in range(HELD):
            held_open(address, stack, b"")  # and as many that send nothing at all
        time.sleep(0.5)  # every one accepted and handed to a thread
        timings = [healthz_seconds(address) for _ in range(5)]
    assert max(timings) < 1.0, timings


def exchange(
    address: tuple[str, int],
    path: str,
    headers: dict[str, str] | None = None,
    body: Any = None,
) -> tuple[int, str, dict[str, Any]]:
    """Status, Content-Type and JSON body of one request (a POST if ``body``)."""
    connection = http.client.HTTPConnection(*address, timeout=30)
    try:
        method = "GET" if body is None else "POST"
        connection.request(
            method,
            path,
            body=body,
            headers=headers or {},
            encode_chunked=not isinstance(body, bytes | None),
        )
        response = connection.getresponse()
        raw = response.read()
    finally:
        connection.close()
    kind = response.getheader("Content-Type", "")
    return response.status, kind, json.loads(raw) if "json" in kind else {}


def test_a_url_longer_than_gunicorns_default_is_answered_by_steerlog(
    address: tuple[str, int],
) -> None:
    # gunicorn's default limit is 4,094 bytes: it would answer 414 in HTML.
    status, kind, body = exchange(address, "/healthz?q=" + "x" * MAX_URL_BYTES)
    assert (status, kind) == (414, "application/problem+json")
    assert body["status"] == 414


def test_too_many_headers_are_answered_by_steerlog(address: tuple[str, int]) -> None:
    headers = {f"X-Extra-{n}": "1" for n in range(MAX_HEADERS + 20)}
    status, kind, body = exchange(address, "/healthz", headers)
    assert (status, kind) == (431, "application/problem+json")
    assert "headers" in body["detail"]


def test_a_header_longer_than_gunicorns_default_is_answered_by_steerlog(
    address: tuple[str, int],
) -> None:
    headers = {"X-Note": "x" * (MAX_HEADER_BYTES + 2000)}
    status, kind, body = exchange(address, "/healthz", headers)
    assert (status, kind) == (431, "application/problem+json")
    assert "X-Note" in body["detail"]


def test_a_chunked_body_over_the_limit_is_a_413(address: tuple[str, int]) -> None:
    chunks = (b"x" * 65536 for _ in range(2 * MAX_BODY_BYTES // 65536))
    headers = {"Content-Type": "application/json"}
    status, kind, body = exchange(address, "/api/v1/committees", headers, chunks)
    assert (status, kind) == (413, "application/problem+json")
    assert body["status"] == 413
