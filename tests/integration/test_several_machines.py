"""Several machines against one PostgreSQL: two web servers, two projectors.

Each write goes through one server and is read back through the other with
``?after=<position>``: the client sees its own write whichever process answers.
Also: gunicorn workers' metrics are added up by ``/metrics`` in any of them.
"""

from __future__ import annotations

import json
import os
import re
import signal
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

import psycopg2
from prometheus_client.mmap_dict import MmapedDict
from psycopg2 import sql

from service.ops.heartbeat import Heartbeats
from service.run.composition import build_application, build_read_model
from service.settings import Settings
from tests.functional.support import admin_token
from tests.integration.processes import free_port, request, server, steerlog

MEETING_START = "2022-04-22T14:00:00+07:00"


def admin(settings: Settings) -> dict[str, str]:
    """The headers of requests made as the first admin (a bearer token)."""
    application = build_application(settings)
    try:
        return {"Authorization": f"Bearer {admin_token(application)}"}
    finally:
        application.close()


def write(
    base: str, path: str, body: dict[str, object], auth: dict[str, str]
) -> tuple[str, int]:
    """POST ``body``; the new resource's id and the write's log position."""
    status, headers, answer = request(f"{base}/api/v1/{path}", body, auth)
    assert status == 201, answer
    return answer["id"], int(headers["X-Steerlog-Position"])


def both_projectors_running(base: str, auth: dict[str, str]) -> None:
    """Wait (up to a minute) until the two projector processes have started: the
    bounded wait of ``after=`` is for a running projector's lag, not its start-up,
    which takes seconds on a loaded machine."""
    _, position = write(
        base,
        "committees",
        {"name": "Ban Chỉ đạo khởi động", "jurisdiction": "tỉnh Tuyên Quang"},
        auth,
    )
    deadline = time.monotonic() + 60
    for read in ("meetings?", "search?q=khoi+dong&"):  # one of each projector's
        while True:
            _, headers, _ = request(f"{base}/api/v1/{read}after={position}", None, auth)
            if int(headers["X-Steerlog-Read-Position"]) >= position:
                break
            assert time.monotonic() < deadline, f"no projector reached {position}"
            time.sleep(0.2)


def test_each_write_is_read_back_through_the_other_server(
    postgres_settings: Settings,
) -> None:
    env = {"STEERLOG_DATABASE_URL": postgres_settings.database.url}
    auth = admin(postgres_settings)
    halves = [["directory", "meetings", "tracker"], ["lineage", "search", "digests"]]
    first_half, second_half = ([f"--projection={n}" for n in h] for h in halves)
    with (
        server(env) as one,
        server(env) as other,
        steerlog("project", *first_half, env=env),
        steerlog("project", *second_half, env=env),
    ):
        both_projectors_running(one, auth)
        for turn in range(6):
            writer, reader = (one, other) if turn % 2 == 0 else (other, one)
            committee_id, _ = write(
                writer,
                "committees",
                {"name": f"Ban Chỉ đạo số {turn}", "jurisdiction": "tỉnh Tuyên Quang"},
                auth,
            )
            title = f"Hội nghị chuyển đổi số lần {turn}"
            meeting = {
                "committee_id": committee_id,
                "title": title,
                "format": "online",
                "starts_at": MEETING_START,
            }
            meeting_id, position = write(writer, "meetings", meeting, auth)
            query = f"committee_id={committee_id}&after={position}"
            status, headers, listed = request(
                f"{reader}/api/v1/meetings?{query}", headers=auth
            )
            assert status == 200
            assert int(headers["X-Steerlog-Read-Position"]) >= position
            assert [m["id"] for m in listed["items"]] == [meeting_id]
            status, _, found = request(
                f"{reader}/api/v1/search?q=lan+{turn}&after={position}", headers=auth
            )
            assert status == 200 and found, found


def counted(text: str, route: str) -> float:
    """The number of GETs of ``route`` answered 200, in a /metrics text."""
    labels = rf'method="GET",route="{route}",status="200"'
    match = re.search(rf"steerlog_http_requests_total\{{{labels}\}} (\S+)", text)
    return float(match.group(1)) if match else 0.0


def health_checks_by_worker(directory: Path) -> dict[int, float]:
    """How many /healthz each worker answered 200, read from its own file."""
    counts = {}
    for file in directory.glob("counter_*.db"):
        pid = int(file.stem.rsplit("_", 1)[-1])
        for key, value, *_ in MmapedDict.read_all_values_from_file(str(file)):
            if '"route": "/healthz"' in key and '"status": "200"' in key:
                counts[pid] = counts.get(pid, 0.0) + value
    return counts


def test_metrics_add_up_every_gunicorn_worker(tmp_path: Path) -> None:
    metrics = tmp_path / "metrics"
    env = {
        "STEERLOG_DATABASE_URL": f"sqlite:///{tmp_path}/events.sqlite3",
        "PROMETHEUS_MULTIPROC_DIR": str(metrics),
    }
    log = tmp_path / "stderr.log"
    with server(env, 2, log) as base, ThreadPoolExecutor(8) as clients:
        # The checks that the server is up (more than one when one timed out).
        sent = sum(health_checks_by_worker(metrics).values())
        while len(health_checks_by_worker(metrics)) < 2 and sent < 800:
            answers = list(clients.map(lambda _: request(f"{base}/healthz"), range(40)))
            assert {status for status, _, _ in answers} == {200}
            sent += 40
        workers = health_checks_by_worker(metrics)
        assert len(workers) == 2, "every request went to one worker"
        _, _, text = request(f"{base}/metrics")
        assert counted(text, "/healthz") == sum(workers.values()) == sent
        # A worker that dies keeps its counts: gunicorn starts another in its place.
        os.kill(min(workers), signal.SIGTERM)
        for _ in range(20):
            _, _, text = request(f"{base}/metrics")
        assert counted(text, "/healthz") == sent
        assert counted(text, "/metrics") >= 20
    lines = [json.loads(line) for line in log.read_text().splitlines()]
    requests = [line for line in lines if line["logger"] == "steerlog.request"]
    assert len(requests) >= sent and {"gunicorn.error"} <= {x["logger"] for x in lines}
    assert {line["route"] for line in requests} == {"/healthz", "/metrics"}


def test_a_scheduler_elsewhere_makes_the_web_ready_and_serves_its_metrics(
    postgres_settings: Settings,
) -> None:
    env = {
        "STEERLOG_DATABASE_URL": postgres_settings.database.url,
        "STEERLOG_READY_HEARTBEAT_SECONDS": "60",
    }
    with server(env) as web, steerlog("project", env=env):
        status, _, body = request(f"{web}/readyz")
        assert (status, body["failing"]) == (503, ["scheduler"])
        metrics = f"127.0.0.1:{free_port()}"
        scheduling = {**env, "STEERLOG_METRICS_BIND": metrics}
        with steerlog("scheduler", env=scheduling):
            deadline = time.monotonic() + 30
            while request(f"{web}/readyz")[0] != 200:
                assert time.monotonic() < deadline, request(f"{web}/readyz")[2]
                time.sleep(0.2)
            _, _, text = request(f"http://{metrics}/metrics")
            assert "steerlog_digests_issued_total 0.0" in text
            assert "steerlog_digests_failed_total 0.0" in text


@contextmanager
def read_only_role(settings: Settings) -> Iterator[str]:
    """A role that may only read the schema (a replica's connection); its URL."""
    database = settings.database
    role = f"reader_{uuid4().hex[:10]}"
    build_application(settings).close()  # every table exists before the grant
    build_read_model(settings).close()
    with closing(psycopg2.connect(**database.psycopg2_dsn())) as connection:
        connection.autocommit = True
        with connection.cursor() as cursor:
            name, schema = sql.Identifier(role), sql.Identifier(database.schema)
            cursor.execute(sql.SQL("CREATE ROLE {} LOGIN").format(name))
            cursor.execute(
                sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(schema, name)
            )
            grant = "GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}"
            cursor.execute(sql.SQL(grant).format(schema, name))
        try:
            where = f"{database.host}:{database.port}/{database.name}"
            yield f"postgresql://{role}@{where}?schema={database.schema}"
        finally:
            with connection.cursor() as cursor:
                cursor.execute(sql.SQL("DROP OWNED BY {}").format(name))
                cursor.execute(sql.SQL("DROP ROLE {}").format(name))


def test_reads_can_go_to_a_replica_and_still_see_their_writes(
    postgres_settings: Settings,
) -> None:
    env = {"STEERLOG_DATABASE_URL": postgres_settings.database.url}
    auth = admin(postgres_settings)
    with read_only_role(postgres_settings) as replica_url:
        replica = {**env, "STEERLOG_READ_DATABASE_URL": replica_url}
        with server(replica) as web, steerlog("project", env=env):
            committee_id, _ = write(
                web,
                "committees",
                {"name": "Ban Chỉ đạo", "jurisdiction": "tỉnh Hà Giang"},
                auth,
            )
            meeting = {
                "committee_id": committee_id,
                "title": "Phiên họp thường kỳ",
                "format": "in_person",
                "starts_at": MEETING_START,
            }
            meeting_id, position = write(web, "meetings", meeting, auth)
            query = f"committee_id={committee_id}&after={position}"
            status, _, listed = request(f"{web}/api/v1/meetings?{query}", headers=auth)
            assert status == 200
            assert [m["id"] for m in listed["items"]] == [meeting_id]
            role = replica_url.split("//")[1].split("@")[0]
            assert reading_sessions(postgres_settings, role) >= 1


def reading_sessions(settings: Settings, role: str) -> int:
    """How many sessions the role has open on the server."""
    connection = psycopg2.connect(**settings.database.psycopg2_dsn())
    with closing(connection), connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE usename = %s", (role,)
        )
        (count,) = cursor.fetchone()
    return int(count)


def test_processes_starting_together_create_the_heartbeat_table_once(
    postgres_settings: Settings,
) -> None:
    build_application(postgres_settings).close()  # the schema, as `serve` makes it
    tables = [Heartbeats(postgres_settings.database) for _ in range(6)]
    with ThreadPoolExecutor(6) as starting:
        list(starting.map(lambda table: table.latest(), tables))
    tables[0].beat(datetime.now(UTC))
    assert all(table.latest() is not None for table in tables)
