"""Real steerlog processes for tests: `steerlog serve` and `steerlog project`."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A TCP port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def steerlog(
    *argv: str, env: dict[str, str], stderr: Path | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """A ``steerlog`` sub-command running in its own process, stopped with SIGTERM;
    its standard error into the file ``stderr`` (or nowhere)."""
    with (stderr or Path(os.devnull)).open("wb") as errors:
        process = subprocess.Popen(
            [sys.executable, "-m", "service.run.cli", *argv],
            env={**os.environ, "PYTHONPATH": str(ROOT), **env},
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        try:
            yield process
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextmanager
def server(
    env: dict[str, str], workers: int = 1, stderr: Path | None = None
) -> Iterator[str]:
    """``steerlog serve`` on a free port; its base URL once it answers."""
    port = free_port()
    argv = ("serve", "--bind", f"127.0.0.1:{port}", "--workers", str(workers))
    with steerlog(*argv, env=env, stderr=stderr):
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base)
        yield base


def wait_until_up(base: str, seconds: float = 30) -> None:
    """Wait until ``/healthz`` answers."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def request(
    url: str, body: Any = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], Any]:
    """Status, headers and body (JSON, or text) of a GET, or a POST of ``body``."""
    data = None if body is None else json.dumps(body).encode()
    sent = {"Content-Type": "application/json", **(headers or {})}
    call = urllib.request.Request(url, data=data, headers=sent)
    try:
        with urllib.request.urlopen(call, timeout=30) as response:
            status, answered, raw = (
                response.status,
                dict(response.headers),
                response.read(),
            )
    except urllib.error.HTTPError as error:
        status, answered, raw = error.code, dict(error.headers), error.read()
    text = raw.decode()
    is_json = "json" in answered.get("Content-Type", "")
    return status, answered, json.loads(text) if is_json and text else text
