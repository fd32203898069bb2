"""How long the pages take to render, server-side, on PostgreSQL.

    python -m bench.pages [--rounds N] [--corpus-schema SCHEMA]

- a meeting page with 200 connection points and 320 speeches (target p95 < 50 ms);
- the tracker page and a leader's home page (target p95 < 100 ms), on a fresh
  schema with that meeting's committee, and with ``--corpus-schema`` on the
  1.39M-event corpus ``bench.readside --keep`` leaves (its read model must be
  projected: ``<schema>_read`` is not needed, the corpus schema's own tables are);
- the lineage explorer's first page down from the meeting (target p95 < 50 ms).

Each figure is the Flask test client's whole request (authorisation, queries,
template), as the web worker spends it; the trivial ``/healthz`` is printed beside
it as the floor.
"""

from __future__ import annotations

import argparse
import secrets
from datetime import UTC, datetime
from uuid import UUID

from bench.common import POSTGRES_URL, summary, throwaway_settings, timings_ms
from bench.write_throughput import meeting_of_200_points, speech_command
from domain.meeting import Meeting
from service.readmodel.projector import Projector
from service.run.composition import build_application, build_read_side
from service.settings import Database, Settings
from service.usecases.steerlog import Steerlog
from tests.functional.support import admin_token
from web import create_app

SPEECHES = 320


def _client(app: Steerlog, settings: Settings) -> object:
    """A test client of the web app, signed in as an admin (a bearer token)."""
    read_side = build_read_side(settings)
    Projector(app, read_side.read_model).catch_up()
    config = {"STEERLOG_SECRET_KEY": secrets.token_urlsafe(32)}
    web = create_app(config, application=app, read_side=read_side)
    client = web.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {admin_token(app)}"
    return client


def _leader(app: Steerlog, committee_id: UUID) -> None:
    """Make the client's admin a leader of the committee too (the leader's home)."""
    account = app.account_by_login("thu.ky.quan.tri")
    app.grant_role(account.id, actor="bench", role="leader", committee_id=committee_id)


def measure(client: object, label: str, path: str, rounds: int) -> None:
    """Print p50 / p95 of ``rounds`` GETs of ``path``."""

    def get() -> None:
        response = client.get(path)  # type: ignore[attr-defined]
        assert response.status_code == 200, (path, response.status_code)

    get()  # warm: templates compiled, caches filled
    print(f"  {label:<44} {summary(timings_ms(rounds, get))}")


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
        measure(client, "tracker page", "/tasks", options.rounds)
        measure(client, "home (admin, leader of the committee)", "/", options.rounds)
        measure(
            client,
            "lineage explorer, down from the meeting",
            f"/lineage?key=meeting:{meeting_id}",
            options.rounds,
        )
        app.close()
    if options.corpus_schema:
        corpus(options.corpus_schema, options.rounds)


def corpus(schema: str, rounds: int) -> None:
    """The tracker and explorer pages on the big corpus's read model."""
    settings = Settings(database=Database.from_url(f"{POSTGRES_URL}?schema={schema}"))
    app = build_application(settings)
    client = _client(app, settings)
    day = datetime.now(UTC).date().isoformat()
    print(f"corpus schema {schema}:")
    measure(client, "tracker page", f"/tasks?as_of={day}", rounds)
    measure(client, "tracker page, overdue", "/tasks?status=overdue", rounds)
    app.close()


if __name__ == "__main__":
    main()
