"""HTTP load on gunicorn + PostgreSQL: speeches, meeting reads, assignment reads.

Starts gunicorn (2 workers of the class and threads `steerlog serve` runs:
service/run/gunicorn_conf.py, ``web.wsgi:app``) on loopback against a new
PostgreSQL schema, seeds a committee, agencies, people and one open meeting per
client over HTTP, then drives with concurrent clients (threads, http.client):

- a bounded mix: record a speech (at the client's own meeting, as a secretary
  would), read a meeting, read an assignment; requests/s, p50 and p99 each;
- reads of one meeting only, and a trivial Flask endpoint served by the same
  gunicorn configuration (the framework's ceiling), and their ratio.

Every request but the trivial one's is authenticated (a bearer token of the
committee's secretary), and what that costs is timed on its own: the ``guard``
hook in process, on a meeting read (target p50 < 1 ms).

It runs once without and once with the aggregate cache
(``STEERLOG_AGGREGATE_CACHE_SIZE``). Targets: meeting reads >= 40% of the
trivial endpoint's throughput; p99 of recording a speech < 50 ms.

Then what metrics and JSON logs cost: the same reads (and /healthz) against
servers side by side in rotating rounds, each configured as `steerlog serve`
(service/run/gunicorn_conf.py: metrics files across workers, JSON logs to a
file): two as they are (their difference is the machine's noise), one with the
app's request hooks (request id, metrics, a log line) removed; the difference of
their p50 (target < 0.5 ms). And the hooks' cost in one process, through
Flask's test client.
It prints figures; it is not a test.

Usage: python bench/http_load.py [--clients 4] [--requests 300] [--cache 0,1000]
           [--overhead-only]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
AUTH_TARGET_MS = 1.0
READ_TARGET = 0.40
SPEECH_P99_TARGET_MS = 50.0


def trivial_app() -> Any:
    """The ceiling: one JSON endpoint (gunicorn ``bench.http_load:trivial_app()``)."""
    from flask import Flask, jsonify

    app = Flask("trivial")
    app.add_url_rule("/ping", "ping", lambda: jsonify(status="ok"))
    return app


# -- gunicorn ----------------------------------------------------------------


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def unobserved_app() -> Any:
    """steerlog's app without its request hooks (ids, metrics, logs): the baseline
    of what they cost (gunicorn ``bench.http_load:unobserved_app()``)."""
    from web import create_app, observability

    app = create_app()
    app.before_request_funcs[None].remove(observability.start_request)
    app.after_request_funcs[None].remove(observability.finish_request)
    return app


@contextmanager
def gunicorn(
    target: str,
    env: dict[str, str],
    ready_path: str,
    options: tuple[str, ...] = ("--log-level", "warning"),
    stderr: Any = None,
) -> Iterator[int]:
    """Serve ``target`` with 2 workers as `steerlog serve` runs them (its worker
    class and threads) on loopback; yields its port."""
    from service.run import gunicorn_conf

    port = free_port()
    command = [
        sys.executable, "-m", "gunicorn", "--workers", "2",
        "--worker-class", gunicorn_conf.worker_class,
        "--threads", str(gunicorn_conf.threads),
        "--bind", f"127.0.0.1:{port}", "--chdir", str(ROOT), *options, target,
    ]  # fmt: skip
    # Sessions are signed with a key; on PostgreSQL the app refuses to start without.
    env = {"STEERLOG_SECRET_KEY": "bench-" + "k" * 42, **env}
    process = subprocess.Popen(command, env={**os.environ, **env}, stderr=stderr)
    try:
        wait_until_ready(port, ready_path, process)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_until_ready(port: int, path: str, process: subprocess.Popen[bytes]) -> None:
    """Poll ``path`` until it answers 200, or fail if gunicorn exits."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            if request(port, "GET", path)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not become ready in 30 s")


# -- requests ----------------------------------------------------------------


def request(
    port: int, method: str, path: str, body: Any = None, token: str = ""
) -> tuple[int, dict[str, Any]]:
    """One request on a new connection (as a client without keep-alive would);
    authenticated by ``token`` when one is given."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    payload = None
    if body is not None:
        payload = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    try:
        connection.request(method, path, body=payload, headers=headers)
        response = connection.getresponse()
        data = response.read()
    finally:
        connection.close()
    return response.status, json.loads(data) if data else {}


def created(port: int, path: str, body: Any, token: str) -> str:
    """Create something; its id."""
    status, answer = request(port, "POST", path, body, token)
    if status != 201:
        raise RuntimeError(f"POST {path}: {status} {answer}")
    return str(answer["id"])


@dataclass
class Seed:
    """What the clients work on: one open meeting each, and an assignment."""

    meetings: list[tuple[str, str]] = field(default_factory=list)  # (meeting, chair)
    assignment_id: str = ""
    # The committee's secretary: every request of the benchmark is theirs.
    token: str = ""


def secretary_token(port: int, committee: str, admin: str) -> str:
    """A new secretary of the committee, and a token of theirs (made by admin)."""
    login = f"thu.ky.{os.urandom(4).hex()}"
    body = {"login": login, "display_name": "Thư ký", "email": f"{login}@x.vn"}
    account = created(port, "/api/v1/accounts", body, admin)
    role = {"role": "secretary", "committee_id": committee}
    request(port, "POST", f"/api/v1/accounts/{account}/roles", role, admin)
    _, issued = request(
        port, "POST", f"/api/v1/accounts/{account}/tokens", {"name": "bench"}, admin
    )
    return str(issued["token"])


def seed(port: int, clients: int, admin: str) -> Seed:
    """A committee, two agencies, a chair and one open meeting per client."""
    tag = os.urandom(4).hex()
    committee = created(
        port,
        "/api/v1/committees",
        {"name": f"Ban Chỉ đạo CĐS {tag}", "jurisdiction": "tỉnh Lào Cai"},
        admin,
    )
    token = secretary_token(port, committee, admin)
    lead = created(port, "/api/v1/agencies", {"name": f"Sở TT&TT {tag}"}, token)
    chair = created(
        port,
        "/api/v1/people",
        {"full_name": "Trịnh Văn Thắng", "title": "Chủ tịch UBND tỉnh"},
        token,
    )
    result = Seed(token=token)
    for number in range(clients):
        meeting = created(
            port,
            "/api/v1/meetings",
            {
                "committee_id": committee,
                "title": f"Hội nghị trực tuyến số {number + 1}",
                "format": "online",
                "starts_at": "2022-04-22T14:00:00+07:00",
            },
            token,
        )
        base = f"/api/v1/meetings/{meeting}"
        request(port, "POST", f"{base}/chairs", {"person_id": chair}, token)
        request(port, "POST", f"{base}/open", {}, token)
        result.meetings.append((meeting, chair))
    meeting, chair = result.meetings[0]
    speech = created(
        port,
        f"/api/v1/meetings/{meeting}/speeches",
        {"speaker_id": chair, "kind": "conclusion", "text": "Kết luận."},
        token,
    )
    task = {"title": "Xây dựng kế hoạch", "lead": [lead], "deadline": "2099-06-30"}
    item = {"number": "1", "text": "Giao Sở TT&TT.", "tasks": [task]}
    _, answer = request(
        port,
        "POST",
        f"/api/v1/meetings/{meeting}/conclusion",
        {"speech_id": speech, "items": [item]},
        token,
    )
    result.assignment_id = answer["assignment_ids"][0]
    return result


# -- driving -----------------------------------------------------------------

Operation = Callable[[int, random.Random], tuple[str, int]]


@dataclass
class Samples:
    """Latencies (ms) and failures per operation, and the phase's wall time."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def drive(clients: int, per_client: int, operation: Operation) -> Samples:
    """Run ``per_client`` operations on each of ``clients`` threads at once."""
    samples = Samples()
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)

    def client(index: int) -> None:
        rng = random.Random(index)
        start.wait()
        for _ in range(per_client):
            began = time.perf_counter()
            name, status = operation(index, rng)
            elapsed = (time.perf_counter() - began) * 1000
            with lock:
                samples.latencies.setdefault(name, []).append(elapsed)
                if status >= 300:
                    samples.failures[name] = samples.failures.get(name, 0) + 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    samples.seconds = time.perf_counter() - began
    return samples


def mixed(port: int, seeded: Seed) -> Operation:
    """Per request: a speech at one's own meeting (1/4), a meeting read (1/2),
    an assignment read (1/4)."""

    token = seeded.token

    def operation(index: int, rng: random.Random) -> tuple[str, int]:
        meeting, chair = seeded.meetings[index]
        roll = rng.random()
        if roll < 0.25:
            body = {
                "speaker_id": chair,
                "kind": "discussion",
                "text": "Ý kiến thảo luận về chuyển đổi số của địa phương. " * 4,
            }
            path = f"/api/v1/meetings/{meeting}/speeches"
            return "record speech", request(port, "POST", path, body, token)[0]
        if roll < 0.75:
            other, _ = rng.choice(seeded.meetings)
            path = f"/api/v1/meetings/{other}"
            return "read meeting", request(port, "GET", path, token=token)[0]
        path = f"/api/v1/assignments/{seeded.assignment_id}"
        return "get assignment", request(port, "GET", path, token=token)[0]

    return operation


def report(title: str, samples: Samples) -> dict[str, tuple[float, float]]:
    """Print requests/s, p50 and p99 per operation; return (requests/s, p99)."""
    print(f"  {title} ({samples.seconds:.1f} s)")
    figures = {}
    for name, latencies in sorted(samples.latencies.items()):
        ordered = sorted(latencies)
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
        rate = len(ordered) / samples.seconds
        figures[name] = (rate, p99)
        failed = samples.failures.get(name, 0)
        print(
            f"    {name:<15} {len(ordered):>5} req {rate:>8.1f} req/s"
            f"   p50 {statistics.median(ordered):6.1f} ms   p99 {p99:6.1f} ms"
            + (f"   {failed} non-2xx" if failed else "")
        )
    return figures


def run(cache_size: int, clients: int, per_client: int) -> None:
    """One full run: gunicorn on a new schema with the given cache size."""
    # Imported here, not at the top: gunicorn imports this module for the
    # trivial app, which must stay as light as a bare Flask app.
    from bench.common import throwaway_settings
    from service.run.composition import build_application, build_read_model

    with throwaway_settings("http") as settings:
        # Create schema and tables once here, as `steerlog serve` does: two
        # workers starting together would race to create them.
        admin = first_admin_token(build_application(settings))
        build_read_model(settings).close()
        env = {
            "STEERLOG_DATABASE_URL": settings.database.url,
            "STEERLOG_AGGREGATE_CACHE_SIZE": str(cache_size),
            "STEERLOG_SECRET_KEY": os.urandom(32).hex(),
        }
        print(f"\nSTEERLOG_AGGREGATE_CACHE_SIZE={cache_size}")
        with gunicorn("web.wsgi:app", env, "/healthz") as port:
            seeded = seed(port, clients, admin)
            token = seeded.token
            mix = report("mix", drive(clients, per_client, mixed(port, seeded)))
            speech_p99 = mix["record speech"][1]
            meeting = seeded.meetings[0][0]
            path = f"/api/v1/meetings/{meeting}"
            reads = drive(
                clients,
                per_client,
                lambda i, r: (
                    "read meeting",
                    request(port, "GET", path, token=token)[0],
                ),
            )
            read_rate = report("reads of one meeting only", reads)["read meeting"][0]
        with gunicorn("bench.http_load:trivial_app()", {}, "/ping") as port:
            trivial = drive(
                clients,
                per_client,
                lambda i, r: ("trivial", request(port, "GET", "/ping")[0]),
            )
            trivial_rate = report("trivial Flask endpoint", trivial)["trivial"][0]
        print_auth_cost(settings.database.url, seeded, cache_size)
    ratio = read_rate / trivial_rate
    mark = "ok" if ratio >= READ_TARGET else "BELOW TARGET"
    print(
        f"  read meeting / trivial = {ratio:.0%} (target >= {READ_TARGET:.0%}: {mark})"
    )
    mark = "ok" if speech_p99 < SPEECH_P99_TARGET_MS else "ABOVE TARGET"
    print(f"  record speech p99 = {speech_p99:.1f} ms (target < 50 ms: {mark})")


def first_admin_token(app: Any) -> str:
    """Register the first admin, as ``steerlog account create --admin`` would."""
    written = app.register_account(
        actor=app.system_actor("bench"),
        login="bench.admin",
        display_name="Quản trị",
        email="bench.admin@x.vn",
    )
    app.grant_role(written.id, actor=app.system_actor("bench"), role="admin")
    token: str = app.issue_token(written.id, name="bench").token
    app.close()
    return token


def print_auth_cost(
    url: str, seeded: Seed, cache_size: int, rounds: int = 2000
) -> None:
    """What authentication and authorisation add to a request: the ``guard`` hook
    (token lookup, the account, the target meeting's committee, the policy) timed
    in process on a meeting read by the committee's secretary."""
    from service.run.composition import build_application
    from service.settings import Settings
    from web import create_app
    from web.auth import guard

    settings = Settings.from_env(
        {"STEERLOG_DATABASE_URL": url, "STEERLOG_AGGREGATE_CACHE_SIZE": str(cache_size)}
    )
    application = build_application(settings)
    app = create_app({"STEERLOG_SECRET_KEY": "b" * 48}, application=application)
    path = f"/api/v1/meetings/{seeded.meetings[0][0]}"
    headers = {"Authorization": f"Bearer {seeded.token}"}
    timings = []
    for _ in range(rounds):
        with app.test_request_context(path, headers=headers):
            began = time.perf_counter()
            guard()
            timings.append((time.perf_counter() - began) * 1000)
    application.close()
    p50 = statistics.median(timings)
    mark = "ok" if p50 < AUTH_TARGET_MS else "ABOVE TARGET"
    p99 = sorted(timings)[int(rounds * 0.99)]
    print(
        f"  auth (guard) on a meeting read: p50 {p50:.3f} ms, p99 {p99:.3f} ms"
        f" (target p50 < {AUTH_TARGET_MS} ms: {mark})"
    )


def p50(samples: list[Samples], name: str) -> float:
    """The median latency (ms) of ``name`` over every round."""
    return statistics.median(x for s in samples for x in s.latencies[name])


def overhead(clients: int, per_client: int, rounds: int = 6) -> None:
    """What request ids, metrics and JSON logs add per request (p50, ms), beside
    the difference between two identical servers (the noise of the machine)."""
    import tempfile

    from bench.common import throwaway_settings
    from service.run.composition import build_application, build_read_model

    config = ("--config", "python:service.run.gunicorn_conf")
    with (
        throwaway_settings("http_obs") as settings,
        tempfile.TemporaryDirectory() as work,
        open(f"{work}/log.jsonl", "w") as log,
    ):
        admin = first_admin_token(build_application(settings))
        build_read_model(settings).close()

        def served(target: str, name: str) -> Any:
            env = {
                "STEERLOG_DATABASE_URL": settings.database.url,
                "PROMETHEUS_MULTIPROC_DIR": f"{work}/{name}",
            }
            return gunicorn(target, env, "/healthz", config, log)

        with (
            served("web.wsgi:app", "with") as observed,
            served("web.wsgi:app", "twin") as twin,
            served("bench.http_load:unobserved_app()", "without") as bare,
        ):
            servers = {"with": observed, "twin": twin, "without": bare}
            seeded = seed(observed, 1, admin)
            meeting = seeded.meetings[0][0]
            paths = {
                "read meeting": f"/api/v1/meetings/{meeting}",
                "healthz": "/healthz",
            }
            runs: dict[tuple[str, str], list[Samples]] = {}
            for turn in range(rounds):
                # Each goes first in some rounds: no order favours one.
                order = list(servers)[turn % 3 :] + list(servers)[: turn % 3]
                for name, path in paths.items():
                    for kind in order:
                        runs.setdefault((name, kind), []).append(
                            drive(
                                clients,
                                per_client // rounds,
                                lambda i, r, s=servers[kind], p=path, n=name: (
                                    n,
                                    request(s, "GET", p, token=seeded.token)[0],
                                ),
                            )
                        )
        lines = Path(f"{work}/log.jsonl").read_text().count("\n")
    print(f"\nmetrics and JSON logs ({rounds} rotating rounds, {lines} log lines)")
    for name in paths:
        with_them, twin_p50, without = (
            p50(runs[(name, kind)], name) for kind in ("with", "twin", "without")
        )
        print(
            f"  {name:<13} p50 {with_them:6.2f} ms with, {without:6.2f} ms without:"
            f" {with_them - without:+.2f} ms (target < +0.5 ms);"
            f" two identical servers differ by {twin_p50 - with_them:+.2f} ms"
        )


def overhead_in_process(requests: int = 2000, rounds: int = 10) -> None:
    """The same hooks' cost without the network: /healthz through Flask's test
    client, with and without them, in alternating rounds (JSON logs to a file)."""
    import logging
    import tempfile

    from service.ops import logs
    from web import create_app, observability

    with tempfile.TemporaryDirectory() as work, open(f"{work}/log", "w") as log:
        logs.configure("INFO", log)
        url = f"sqlite:///{work}/events.sqlite3"
        observed = create_app({"STEERLOG_DATABASE_URL": url}).test_client()
        bare_app = create_app({"STEERLOG_DATABASE_URL": url})
        bare_app.before_request_funcs[None].remove(observability.start_request)
        bare_app.after_request_funcs[None].remove(observability.finish_request)
        bare = bare_app.test_client()
        spent: dict[str, list[float]] = {"with": [], "without": []}
        for turn in range(rounds):
            pair = [("with", observed), ("without", bare)][:: 1 if turn % 2 else -1]
            for name, client in pair:
                began = time.perf_counter()
                for _ in range(requests // rounds):
                    client.get("/healthz").close()  # closing writes the log line
                spent[name].append((time.perf_counter() - began) / (requests // rounds))
        logging.getLogger().handlers.clear()
    with_them, without = (statistics.median(spent[k]) * 1000 for k in spent)
    print(
        f"  in one process (test client, /healthz): {with_them:.3f} ms with,"
        f" {without:.3f} ms without: {with_them - without:+.3f} ms per request"
    )


def main() -> None:
    """Parse the options and run once per cache size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--requests", type=int, default=300, help="per client")
    parser.add_argument("--cache", default="0,1000", help="cache sizes to try")
    parser.add_argument("--overhead-only", action="store_true")
    options = parser.parse_args()
    from service.run import gunicorn_conf

    workers = f"{gunicorn_conf.worker_class}, {gunicorn_conf.threads} threads"
    print(
        f"gunicorn 2 workers ({workers}), {options.clients} clients x "
        f"{options.requests} "
        f"requests each, {os.cpu_count()} CPUs shared with PostgreSQL and the clients"
    )
    if not options.overhead_only:
        for size in (int(s) for s in options.cache.split(",")):
            run(size, options.clients, options.requests)
    overhead(options.clients, options.requests)
    overhead_in_process()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
