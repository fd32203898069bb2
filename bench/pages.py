"""How long the pages take to render, server-side, on PostgreSQL, and what they weigh.

    python -m bench.pages [--rounds N] [--corpus-schema SCHEMA]

- a meeting page with 200 connection points and 320 speeches (target p95 < 50 ms);
- the tracker page and a leader's home page (target p95 < 100 ms), on a fresh
  schema with that meeting's committee, and with ``--corpus-schema`` on the
  1.39M-event corpus ``bench.readside --keep`` leaves (the pages read its
  ``<schema>_read`` read model; without one, the corpus schema's own, projected);
- the lineage explorer's first page down from the meeting (target p95 < 50 ms),
  and on the corpus down from committees' chairs and the most-cited decision,
  with the next page of each (target p95 < 50 ms).

Each figure is the Flask test client's whole request (authorisation, queries,
template), as the web worker spends it (the meeting page also as the first view
of its version, its speeches' list not yet kept); the trivial ``/healthz`` is
printed beside them as the floor. Then what each page weighs with its assets
(target < 200 KB): as written, and as deploy/nginx/steerlog.conf sends it (gzip
level 5, bodies of 1 KB or more).
"""

from __future__ import annotations

import argparse
import gzip
import re
import secrets
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import quote
from uuid import UUID

import psycopg2

from bench.common import POSTGRES_URL, summary, throwaway_settings, timings_ms
from bench.readside import sample
from bench.write_throughput import meeting_of_200_points, speech_command
from domain.account import Role
from domain.meeting import Meeting
from service.ops import collector
from service.readmodel.base import MeetingFilter, Page
from service.readmodel.postgres import PostgresReadModel
from service.readmodel.projector import Projector
from service.run.composition import build_application, build_read_side
from service.settings import Settings
from service.settings.database import Database
from service.usecases.steerlog import Steerlog
from tests.functional.support import admin_token
from web import create_app
from web.pages import fragments

SPEECHES = 320


def _client(app: Steerlog, settings: Settings) -> object:
    """A test client of the web app, signed in as an admin (a bearer token)."""
    read_side = build_read_side(settings)
    Projector(app, read_side.read_model).catch_up()
    config = {"STEERLOG_SECRET_KEY": secrets.token_urlsafe(32)}
    web = create_app(config, application=app, read_side=read_side)
    client = web.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {admin_token(app)}"
    # As `steerlog serve`'s workers do once the app is loaded
    # (service/run/gunicorn_conf.py).
    collector.settle()
    return client


def _leader(app: Steerlog, committee_id: UUID) -> None:
    """Make the client's admin a leader of the committee too (the leader's home);
    a second run on the same corpus finds it one already."""
    account = app.account_by_login("thu.ky.quan.tri")
    held = [(g.role, g.committee_id) for g in account.grants]
    if (Role.LEADER, committee_id) in held:
        return
    app.grant_role(account.id, actor="bench", role="leader", committee_id=committee_id)


def measure(
    client: object,
    label: str,
    path: str,
    rounds: int,
    before: Callable[[], object] | None = None,
) -> None:
    """Print p50 / p95 of ``rounds`` GETs of ``path``, each after ``before()``
    (untimed) when given."""

    def get() -> None:
        response = client.get(path)  # type: ignore[attr-defined]
        assert response.status_code == 200, (path, response.status_code)

    get()  # warm: templates compiled, caches filled
    if before is None:
        samples = timings_ms(rounds, get)
    else:
        samples = []
        for _ in range(rounds):
            before()
            samples += timings_ms(1, get)
    print(f"  {label:<44} {summary(samples)}")


def weigh(client: object, label: str, path: str) -> None:
    """Print the page's bytes with the styles and scripts it loads: as written,
    and gzip-compressed at nginx's level (deploy/nginx/steerlog.conf)."""
    html = client.get(path).get_data()  # type: ignore[attr-defined]
    bodies = [html]
    for asset in sorted(set(re.findall(rb'(?:src|href)="(/static/[^"]+)"', html))):
        with client.get(asset.decode()) as response:  # type: ignore[attr-defined]
            bodies.append(response.get_data())
    raw = sum(len(body) for body in bodies)
    sent = sum(
        len(gzip.compress(body, compresslevel=5)) if len(body) >= 1024 else len(body)
        for body in bodies
    )
    print(
        f"  {label:<44} {raw / 1024:.0f} KB ({len(html) / 1024:.0f} KB of it the"
        f" HTML, {len(bodies) - 1} assets), {sent / 1024:.0f} KB compressed"
    )


def main() -> None:
    """Build the meeting, then time each page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--corpus-schema", default=None)
    options = parser.parse_args()
    with throwaway_settings("bench_pages") as settings:
        app = build_application(settings)
        meeting_id, speakers = meeting_of_200_points(app)
        record = speech_command(app, meeting_id, speakers)
        for number in range(SPEECHES):
            record(number)
        client = _client(app, settings)
        _leader(app, app.view(Meeting, meeting_id).committee_id)
        print(f"fresh schema: one meeting, 200 points, {SPEECHES} speeches")
        measure(client, "/healthz (floor)", "/healthz", options.rounds)
        measure(client, "meeting page", f"/meetings/{meeting_id}", options.rounds)
        measure(
            client,
            "meeting page, its first view",  # nothing kept (web/pages/fragments.py)
            f"/meetings/{meeting_id}",
            options.rounds,
            before=lambda: fragments.init_app(client.application),  # type: ignore[attr-defined]
        )
        measure(client, "tracker page", "/tasks", options.rounds)
        measure(client, "home (admin, leader of the committee)", "/", options.rounds)
        measure(
            client,
            "lineage explorer, down from the meeting",
            f"/lineage?key=meeting:{meeting_id}",
            options.rounds,
        )
        print("what each page weighs with its assets, as written and as sent:")
        weigh(client, "meeting page", f"/meetings/{meeting_id}")
        weigh(client, "tracker page", "/tasks")
        weigh(client, "home (admin, leader of the committee)", "/")
        app.close()
    if options.corpus_schema:
        corpus(options.corpus_schema, options.rounds)


def corpus(schema: str, rounds: int) -> None:
    """The tracker, a leader's home and the explorer on the big corpus.

    The pages read the read model ``bench.readside --keep`` leaves beside the
    corpus (``<schema>_read``), as a web worker reads a replica; when there is
    none, the corpus schema's own tables, projected first.
    """
    url = f"{POSTGRES_URL}?schema={schema}"
    read_url = f"{POSTGRES_URL}?schema={schema}_read"
    settings = Settings(database=Database.from_url(url))
    if _has_read_model(Database.from_url(read_url)):
        settings = replace(
            settings,
            operations=replace(settings.operations, read_database_url=read_url),
        )
    app = build_application(settings)
    client = _client(app, settings)
    read_side = build_read_side(settings)
    ids = sample(read_side.read_model, 20)
    read_side.read_model.close()
    committee = _busiest_committee(app, ids.committees)
    _leader(app, UUID(committee))
    day = datetime.now(UTC).date().isoformat()
    where = "its _read schema" if settings.operations.read_database_url else "its own"
    print(f"corpus schema {schema} (read model: {where}):")
    measure(client, "tracker page", f"/tasks?as_of={day}", rounds)
    measure(client, "tracker page, overdue", "/tasks?status=overdue", rounds)
    measure(client, "home (leader of a committee)", "/", rounds)
    chairs = [f"/lineage?key=person:{c}" for c in ids.chairs]
    decision = f"/lineage?key=document:{quote(ids.busiest_document)}"
    measure_each(client, "explorer, down from a chair", chairs, rounds)
    measure_each(
        client, "explorer, a chair's next page", [f"{c}&page=2" for c in chairs], rounds
    )
    measure(client, "explorer, down from the most-cited decision", decision, rounds)
    measure(client, "explorer, its next page", f"{decision}&page=2", rounds)
    app.close()


def measure_each(client: object, label: str, paths: list[str], rounds: int) -> None:
    """Print p50 / p95 of ``rounds`` GETs going round ``paths``."""
    turn = iter(range(1 << 62))

    def get() -> None:
        path = paths[next(turn) % len(paths)]
        response = client.get(path)  # type: ignore[attr-defined]
        assert response.status_code == 200, (path, response.status_code)

    for _ in paths:
        get()  # warm
    print(f"  {label:<44} {summary(timings_ms(rounds, get))}")


def _has_read_model(database: Database) -> bool:
    """Whether a caught-up read model is in ``database``'s schema."""
    try:
        read_model = PostgresReadModel(database)
    except psycopg2.Error:
        return False
    try:
        return min(read_model.positions().values()) > 0
    except psycopg2.Error:
        return False
    finally:
        read_model.close()


def _busiest_committee(app: Steerlog, committees: list[str]) -> str:
    """The committee with the most meetings among ``committees`` (a leader's)."""
    read_side = build_read_side(app.settings)
    try:
        counts = {
            c: len(read_side.meetings(MeetingFilter(committee_id=c), Page(200)).items)
            for c in committees
        }
    finally:
        read_side.read_model.close()
    return max(counts, key=lambda c: counts[c])


if __name__ == "__main__":
    main()
