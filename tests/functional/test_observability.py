"""Request ids, JSON request logs without secrets, /readyz and /metrics."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from flask import Flask

from service.access.policy import POLICY, Reach, Rule
from service.ops import logs
from service.ops.heartbeat import Heartbeats
from service.settings.operations import Operations
from service.usecases.steerlog import Steerlog
from tests.functional.support import Api
from web import create_app, observability

SECRET = "s3cr3t-T0ken-value-9f8e7d"
PASSWORD = "mật-khẩu-Bí-mật-42"


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    """Everything logged during the test, as the production handler writes it."""
    stream = io.StringIO()
    handler = logs.json_handler(stream)
    root = logging.getLogger()
    root.addHandler(handler)
    level = root.level
    root.setLevel(logging.INFO)
    yield stream
    root.removeHandler(handler)
    root.setLevel(level)


def operations(
    app: Steerlog, monkeypatch: pytest.MonkeyPatch, **values: object
) -> None:
    """Run the test with these operator settings."""
    changed = replace(app.settings, operations=replace(Operations(), **values))
    monkeypatch.setattr(app, "settings", changed)


def test_request_id_is_taken_from_the_request_or_given(api: Api) -> None:
    given = api.client.get("/healthz", headers={"X-Request-Id": "nginx-abc.123"})
    assert given.headers["X-Request-Id"] == "nginx-abc.123"
    made = api.client.get("/healthz", headers={"X-Request-Id": "bad id; " + "x" * 200})
    assert len(made.headers["X-Request-Id"]) == 32
    assert made.headers["X-Request-Id"] != api.get("/healthz").headers["X-Request-Id"]


def test_request_log_is_one_json_object_naming_id_account_route_status_time(
    api: Api, log_lines: io.StringIO
) -> None:
    body = {"name": api.name("Ban Chỉ đạo"), "jurisdiction": "tỉnh Lào Cai"}
    headers = {"X-Steerlog-Actor": "thu.ky@laocai.gov.vn"}
    # A line is written once its response is closed (sent), as servers do.
    with api.client.post("/api/v1/committees", json=body, headers=headers) as made:
        committee_id = made.get_json()["id"]
        assert '"method": "POST"' not in log_lines.getvalue()  # not yet sent
    assert '"method": "POST"' in log_lines.getvalue()
    path = f"/api/v1/committees/{committee_id}"
    api.client.get(path, headers={"X-Request-Id": "req-42"}).close()
    lines = [json.loads(line) for line in log_lines.getvalue().splitlines()]
    read = next(line for line in lines if line.get("request_id") == "req-42")
    assert read["route"] == "/api/v1/committees/<uuid:committee_id>"
    assert (read["method"], read["status"], read["level"]) == ("GET", 200, "INFO")
    assert read["time"].endswith("+00:00") and read["duration_ms"] >= 0
    write = next(line for line in lines if line.get("method") == "POST")
    assert write["account"] == "thu.ky@laocai.gov.vn"
    assert committee_id not in read["message"]  # the rule, not the path


def test_no_bearer_token_or_password_reaches_the_log(
    api: Api, log_lines: io.StringIO
) -> None:
    headers = {"Authorization": f"Bearer {SECRET}", "Cookie": f"session={SECRET}"}
    form = {"password": PASSWORD}
    api.client.post("/api/v1/committees", data=form, headers=headers).close()
    api.client.get(f"/api/v1/nothing?token={SECRET}", headers=headers).close()
    logging.getLogger("steerlog.test").warning(
        "a careless line: Authorization: Bearer %s password=%s", SECRET, PASSWORD
    )
    written = log_lines.getvalue()
    assert written.count("\n") >= 3  # the requests were logged
    assert SECRET not in written and PASSWORD not in written
    assert "Bearer ***" in written and "password=***" in written


def test_readiness_names_each_failing_check(
    api: Api, application: Steerlog, monkeypatch: pytest.MonkeyPatch
) -> None:
    api.committee()  # one event the read models have not seen
    operations(application, monkeypatch, ready_max_lag=0)
    heartbeats = Heartbeats(application.settings.database)
    heartbeats.beat(application.clock() - timedelta(minutes=10))
    response = api.get("/readyz")
    body = response.get_json()
    assert response.status_code == 503
    assert body["failing"] == ["projections", "scheduler"]
    checks = {check["name"]: check for check in body["checks"]}
    assert checks["projections"]["values"]["lag"]["directory"] >= 1
    assert "heartbeat is 600 s old" in checks["scheduler"]["detail"]


def test_ready_when_projections_keep_up_and_a_scheduler_beat(
    api: Api, application: Steerlog
) -> None:
    api.committee()
    api.project()
    Heartbeats(application.settings.database).beat(application.clock())
    response = api.get("/readyz")
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["failing"] == []


def test_metrics_count_requests_commands_and_read_the_database_state(
    api: Api,
) -> None:
    api.committee()
    api.project()
    api.get("/healthz")
    text = api.get("/metrics").get_data(as_text=True)
    assert (
        'steerlog_http_requests_total{method="GET",route="/healthz",status="200"}'
        in text
    )
    assert "steerlog_http_request_duration_seconds_bucket{" in text
    assert (
        'steerlog_commands_total{outcome="ok",use_case="committees.establish_committee"}'
        in text
    )
    assert 'steerlog_projection_lag_events{projection="directory"} 0.0' in text
    assert "steerlog_events_total " in text
    assert "steerlog_database_up 1.0" in text
    assert "\nsteerlog_sign_in_failures_total " in text


def test_metrics_are_refused_from_another_machine_or_through_nginx(
    web_app: Flask,
) -> None:
    client = web_app.test_client()
    outside = client.get("/metrics", environ_base={"REMOTE_ADDR": "203.0.113.7"})
    proxied = client.get("/metrics", headers={"X-Forwarded-For": "203.0.113.7"})
    assert (outside.status_code, proxied.status_code) == (403, 403)


def test_metrics_ask_for_their_token_when_one_is_set(
    web_app: Flask, application: Steerlog, monkeypatch: pytest.MonkeyPatch
) -> None:
    operations(application, monkeypatch, metrics_token=SECRET)
    client = web_app.test_client()
    assert client.get("/metrics").status_code == 401
    wrong = client.get("/metrics", headers={"Authorization": "Bearer nope"})
    right = client.get("/metrics", headers={"Authorization": f"Bearer {SECRET}"})
    assert (wrong.status_code, right.status_code) == (401, 200)


def test_metrics_still_answer_when_the_database_does_not(
    api: Api, application: Steerlog, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreachable() -> int:
        raise OSError("connection refused")

    api.get("/healthz")
    monkeypatch.setattr(application.recorder, "max_notification_id", unreachable)
    response = api.get("/metrics")
    text = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "steerlog_database_up 0.0" in text
    assert "steerlog_projection_lag_events" not in text
    assert 'route="/healthz"' in text


def test_an_unhandled_error_is_logged_with_its_route_not_its_path(
    application: Steerlog, log_lines: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not testing: an error is a 500. Sessions need a key on PostgreSQL.
    app = create_app({"STEERLOG_SECRET_KEY": "k" * 48}, application=application)
    # A route of the test's own, public (a feed's secret address is its key).
    monkeypatch.setitem(POLICY, "feed", Rule("sign_in", Reach.PUBLIC))

    @app.get("/feeds/<secret>.ics")
    def feed(secret: str) -> str:
        raise RuntimeError("the feed broke")

    response = app.test_client().get(f"/feeds/{SECRET}.ics")
    assert response.status_code == 500
    written = log_lines.getvalue()
    error = next(json.loads(line) for line in written.splitlines() if '"ERROR"' in line)
    assert error["route"] == "/feeds/<secret>.ics" and error["request_id"]
    assert "RuntimeError: the feed broke" in error["exc_info"]
    assert SECRET not in written


def test_a_request_another_hook_refuses_is_still_counted_and_logged(
    application: Steerlog, log_lines: io.StringIO
) -> None:
    app = Flask(__name__)

    @app.before_request  # registered first, as a sign-in check in create_app is
    def refuse() -> tuple[str, int]:
        return "no", 401

    observability.init_app(app, application.settings)
    app.add_url_rule("/tasks", "tasks", lambda: "tasks")
    response = app.test_client().get("/tasks", headers={"X-Request-Id": "refused-1"})
    response.close()
    assert response.status_code == 401
    assert response.headers["X-Request-Id"] == "refused-1"
    line = next(
        json.loads(line)
        for line in log_lines.getvalue().splitlines()
        if "refused-1" in line
    )
    assert (line["status"], line["route"]) == (401, "/tasks")
