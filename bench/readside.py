"""The read side on a realistic corpus: projection catch-up, lineage, tracker, search.

Prints, on one PostgreSQL corpus (see ``bench/corpus.py``):
- projection catch-up in events/s: a fresh read model (all projections from
  position 0) following the whole log with one ``Projector.catch_up()``, as one
  ``steerlog project`` process does, against the rate of only reading the
  notifications in the same batch size (target >= 5,000 events/s), with where the
  time went; then the same with two projector processes;
- lineage up from random assignments (delegated ones included), depth 6 (target
  p95 < 10 ms); down from random meetings (target p95 < 25 ms), people, documents;
  down from committees' chairs and the most-cited decision, the whole walk (no
  target: it stops at 5,000 rows, a tree no page shows at once) and the explorer's
  first and second page of 50 (target p95 < 50 ms);
- the tracker: agency + status on a day, committee + overdue, a meeting; first page
  and a later page through the cursor (target p95 < 50 ms);
- search with 1-3 words typed without diacritics (target p95 < 50 ms).

Query kinds are measured in interleaved rounds, so each sees the same load.

Usage: python -m bench.readside [--schema NAME --keep] [--samples 200]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from uuid import uuid4

import aiosql
import psycopg2

from bench.common import summary
from bench.corpus import (
    DEFAULT_SCHEMA,
    ISSUES,
    TASKS,
    TOPICS,
    corpus_settings,
    describe,
    ensure_corpus,
)
from domain.text import fold
from service.readmodel import postgres
from service.readmodel.base import AssignmentFilter, Page, ReadModel
from service.readmodel.postgres import PostgresReadModel
from service.readmodel.projections import PROJECTIONS
from service.readmodel.projector import Projector
from service.readmodel.readside import ReadSide
from service.readmodel.schema import PROJECTIONS as PROJECTION_TABLES
from service.run.composition import build_application, build_read_model
from service.settings import Settings
from service.usecases.steerlog import Steerlog

BATCH = 1000
TARGET_RATE = 5000.0
TIMEOUT_MS = 3000
EXPLORER_PAGE = 50  # children a page, as web/pages/explore.py shows them
STATUSES = ("in_progress", "overdue", "done_on_time", "done_late")
SAMPLES = aiosql.from_path(
    Path(__file__).with_name("samples.sql"), "psycopg2", mandatory_parameters=False
)


@dataclass(frozen=True)
class Target:
    """A query kind's latency target at p95, in milliseconds (None: measured
    for information, with no target of its own)."""

    name: str
    ms: float | None


class Stopwatch:
    """Seconds spent in named calls, for the catch-up breakdown."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()

    def wrap(
        self, name: str, func: Callable[..., Any], key: Callable[..., str] | None = None
    ) -> Callable[..., Any]:
        """``func`` timed under ``name`` (or ``key(*args)``)."""

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                label = key(*args) if key else name
                self.seconds[label] += time.perf_counter() - started
                self.calls[label] += 1

        return timed


def verdict(ok: bool) -> str:
    """How a figure stands against its target."""
    return "ok" if ok else "BELOW"


# -- the projection catch-up ---------------------------------------------------


def read_rate(app: Steerlog, last: int) -> tuple[float, float]:
    """Events/s and seconds of reading the whole log in batches, nothing else."""
    started, start, read = time.perf_counter(), 1, 0
    while start <= last:
        notifications = app.recorder.select_notifications(start, BATCH)
        if not notifications:
            break
        read += len(notifications)
        start = notifications[-1].id + 1
    elapsed = time.perf_counter() - started
    return read / elapsed, elapsed


def catch_up(app: Steerlog, read_model: ReadModel) -> tuple[int, float, Stopwatch]:
    """Catch a fresh read model up; events, seconds, and where the time went."""
    watch = Stopwatch()
    recorder, mapper = app.recorder, app.mapper
    recorder.select_notifications = watch.wrap(  # type: ignore[method-assign]
        "read notifications", recorder.select_notifications
    )
    mapper.to_domain_event = watch.wrap(  # type: ignore[method-assign]
        "decode events", mapper.to_domain_event
    )
    read_model.ready = watch.wrap(  # type: ignore[method-assign]
        "write batches as SQL", read_model.ready
    )
    read_model.commit = watch.wrap(  # type: ignore[method-assign]
        "commit batches (overlaps)", read_model.commit
    )
    projector = Projector(app, read_model, batch_size=BATCH)
    started = time.perf_counter()
    projector.catch_up()
    elapsed = time.perf_counter() - started
    # Projectors read only the topics they project; the rate that matters is
    # how fast they get through the whole log.
    events = app.recorder.max_notification_id()
    del recorder.select_notifications, mapper.to_domain_event
    del read_model.ready, read_model.commit
    return events, elapsed, watch


def report_catch_up(
    app: Steerlog, read_model: ReadModel, two_processes: bool = True
) -> None:
    """Catch-up events/s between two runs of the reading-only baseline."""
    last = app.recorder.max_notification_id()
    before, _ = read_rate(app, last)
    events, elapsed, watch = catch_up(app, read_model)
    after, _ = read_rate(app, last)
    baseline = max(before, after)
    rate = events / elapsed
    names = ", ".join(PROJECTION_TABLES)
    print(f"\nprojection catch-up ({events:,} events, batch {BATCH}; {names})")
    print(f"  read notifications only:  {baseline:9,.0f} events/s")
    print(f"    (runs before and after: {before:,.0f} and {after:,.0f} events/s)")
    print(
        f"  catch-up, all projections: {rate:8,.0f} events/s in {elapsed:.0f} s"
        f" ({rate / baseline:.0%} of reading; target >= {TARGET_RATE:,.0f} events/s):"
        f" {verdict(rate >= TARGET_RATE)}"
    )
    if two_processes:
        parallel = parallel_catch_up(app, read_model)
        print(
            f"  catch-up, two projector processes ({' | '.join(GROUPS)}):"
            f" {events / parallel:8,.0f} events/s in {parallel:.0f} s:"
            f" {verdict(events / parallel >= TARGET_RATE)}"
        )
    # Batches commit in a second thread while the next is read and handled.
    commits = watch.seconds.pop("commit batches (overlaps)", 0.0)
    accounted = sum(watch.seconds.values())
    for label, seconds in sorted(watch.seconds.items(), key=lambda kv: -kv[1]):
        print(f"    {label:28} {seconds:7.1f} s  {seconds / elapsed:4.0%}")
    rest = elapsed - accounted
    print(f"    {'handlers and the rest':28} {rest:7.1f} s  {rest / elapsed:4.0%}")
    print(
        f"    {'committing, meanwhile':28} {commits:7.1f} s  {commits / elapsed:4.0%}"
        " (one transaction per batch for all projections)"
    )


# Two processes, as `steerlog project --projection ...` would run them.
GROUPS = ("tracker,directory,digests", "meetings,lineage,search")


def parallel_catch_up(app: Steerlog, read_model: ReadModel) -> float:
    """Seconds for two projector processes to catch a fresh read model up."""
    for name in PROJECTIONS:
        read_model.drop(name)
    read_model.create()
    schema = app.settings.database.schema
    started = time.perf_counter()
    parts = [
        subprocess.Popen(
            [sys.executable, "-m", "bench.readside", "--schema", schema, "--part", g]
        )
        for g in GROUPS
    ]
    for part in parts:
        part.wait()
    return time.perf_counter() - started


def run_part(schema: str, names: str) -> None:
    """One projector process over some projections, until it is caught up."""
    settings = corpus_settings(schema)
    app = build_application(settings)
    read_model = build_read_model(read_model_settings(settings))
    Projector(
        app, read_model, [PROJECTIONS[n] for n in names.split(",")], BATCH
    ).catch_up()
    read_model.close()
    app.close()


# -- samples from the read model -------------------------------------------------


@dataclass(frozen=True)
class Samples:
    """Random ids to query with, drawn from the read model."""

    roots: list[str]
    delegated: list[str]
    meetings: list[str]
    speakers: list[str]
    chairs: list[str]
    documents: list[str]
    busiest_document: str
    agencies: list[str]
    committees: list[str]


def sample(read_model: ReadModel, count: int) -> Samples:
    """Ids of assignments, meetings, people, documents, agencies, committees."""

    def column(name: str) -> list[str]:
        with read_model.transaction() as cursor:
            cursor.execute(getattr(SAMPLES, name).sql, {"n": count})
            return [row[0] for row in cursor.fetchall()]

    return Samples(
        roots=column("roots"),
        delegated=column("delegated"),
        meetings=column("meetings"),
        speakers=column("speakers"),
        chairs=column("chairs"),
        documents=column("documents"),
        busiest_document=column("busiest_document")[0],
        agencies=column("agencies"),
        committees=column("committees"),
    )


# -- the queries -----------------------------------------------------------------

Operation = Callable[[], object]
Factory = Callable[[random.Random], tuple[str, Operation] | None]


def some_day(rng: random.Random) -> date:
    """A day in the corpus's life, when statuses are evaluated."""
    return date(2021, 6, 1) + timedelta(days=rng.randint(0, 4 * 365))


def search_words(rng: random.Random) -> str:
    """1-3 consecutive words of the vocabulary, typed without diacritics."""
    words = fold(rng.choice(TASKS + TOPICS + ISSUES).format(year=2022)).split()
    length = rng.randint(1, 3)
    start = rng.randint(0, max(0, len(words) - length))
    return " ".join(word.strip(",()") for word in words[start : start + length])


def later_page(
    side: ReadSide, where: AssignmentFilter, pages: int = 3
) -> tuple[str, Operation] | None:
    """The ``pages``-th page of a listing, reached through the cursor."""
    cursor = None
    for _ in range(pages - 1):
        cursor = side.assignments(where, Page(50, cursor)).next_cursor
        if cursor is None:
            return None
    page = Page(50, cursor)
    return f"{where} page {pages}", lambda: side.assignments(where, page)


def lineage_kinds(side: ReadSide, ids: Samples) -> dict[str, tuple[Target, Factory]]:
    """Lineage walks: up from assignments, down from meetings, people, documents."""

    def walk(key_of: Callable[[random.Random], str], direction: str) -> Factory:
        def factory(rng: random.Random) -> tuple[str, Operation]:
            key, day = key_of(rng), some_day(rng)
            return key, lambda: side.lineage(key, direction, 6, day)

        return factory

    def page(key_of: Callable[[random.Random], str], number: int) -> Factory:
        def factory(rng: random.Random) -> tuple[str, Operation]:
            key, day = key_of(rng), some_day(rng)
            start = (number - 1) * EXPLORER_PAGE
            return key, lambda: side.lineage_children(key, day, start, EXPLORER_PAGE)

        return factory

    def up(rng: random.Random) -> str:
        return f"assignment:{rng.choice(rng.choice((ids.roots, ids.delegated)))}"

    def chair(rng: random.Random) -> str:
        return f"person:{rng.choice(ids.chairs)}"

    def cited(rng: random.Random) -> str:
        return f"document:{ids.busiest_document}"

    whole, explorer = Target("whole", None), Target("explorer", 50)

    return {
        "lineage up, assignment": (Target("up", 10), walk(up, "up")),
        "lineage down, meeting": (
            Target("down", 25),
            walk(lambda rng: f"meeting:{rng.choice(ids.meetings)}", "down"),
        ),
        "lineage down, speaker": (
            Target("down", 25),
            walk(lambda rng: f"person:{rng.choice(ids.speakers)}", "down"),
        ),
        "whole walk down, chair": (whole, walk(chair, "down")),
        "explorer page 1, chair": (explorer, page(chair, 1)),
        "explorer page 2, chair": (explorer, page(chair, 2)),
        "lineage down, document": (
            Target("down", 25),
            walk(lambda rng: f"document:{rng.choice(ids.documents)}", "down"),
        ),
        "whole walk down, most cited": (whole, walk(cited, "down")),
        "explorer page 1, most cited": (explorer, page(cited, 1)),
        "explorer page 2, most cited": (explorer, page(cited, 2)),
    }


def tracker_kinds(side: ReadSide, ids: Samples) -> dict[str, tuple[Target, Factory]]:
    """Tracker listings: by agency and status, committee overdue, meeting, paging."""

    def agency(rng: random.Random) -> AssignmentFilter:
        return AssignmentFilter(
            some_day(rng),
            agency_id=rng.choice(ids.agencies),
            status=rng.choice(STATUSES),
        )

    def overdue(rng: random.Random) -> AssignmentFilter:
        return AssignmentFilter(
            some_day(rng), committee_id=rng.choice(ids.committees), status="overdue"
        )

    def meeting(rng: random.Random) -> AssignmentFilter:
        return AssignmentFilter(some_day(rng), meeting_id=rng.choice(ids.meetings))

    def first(make: Callable[[random.Random], AssignmentFilter]) -> Factory:
        def factory(rng: random.Random) -> tuple[str, Operation]:
            where = make(rng)
            return str(where), lambda: side.assignments(where, Page(50))

        return factory

    def later(make: Callable[[random.Random], AssignmentFilter]) -> Factory:
        return lambda rng: later_page(side, make(rng))

    target = Target("tracker", 50)
    return {
        "tracker agency+status p1": (target, first(agency)),
        "tracker committee+overdue p1": (target, first(overdue)),
        "tracker meeting p1": (target, first(meeting)),
        "tracker agency (all) p3": (
            target,
            later(lambda rng: replace(agency(rng), status=None)),
        ),
        "tracker committee+overdue p3": (target, later(overdue)),
    }


def search_kinds(side: ReadSide) -> dict[str, tuple[Target, Factory]]:
    """Search with 1-3 words typed without diacritics."""

    def factory(rng: random.Random) -> tuple[str, Operation]:
        words = search_words(rng)
        return words, lambda: side.search(words)

    return {"search 1-3 words": (Target("search", 50), factory)}


def timed_call(operation: Operation, timeout_ms: int) -> float:
    """Milliseconds one call took; a query cancelled at the timeout counts as it."""
    started = time.perf_counter()
    try:
        operation()
    except psycopg2.errors.QueryCanceled:
        return float(timeout_ms)
    return (time.perf_counter() - started) * 1000


def measure(
    kinds: dict[str, tuple[Target, Factory]], count: int, rounds: int, timeout_ms: int
) -> dict[str, list[tuple[float, str]]]:
    """Milliseconds (and what was asked) of ``count`` calls per kind, interleaved."""
    rng = random.Random(7)
    found: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for _ in range(rounds):
        for name, (_, factory) in kinds.items():
            for _ in range(max(1, count // rounds)):
                try:
                    made = factory(rng)  # paging to a later page is not timed
                except psycopg2.errors.QueryCanceled:
                    found[name].append((float(timeout_ms), "paging timed out"))
                    continue
                if made is not None:
                    found[name].append((timed_call(made[1], timeout_ms), made[0]))
    return found


def limit_statements(read_model: ReadModel, timeout_ms: int) -> None:
    """Cancel any read-model query after ``timeout_ms`` (one thread: one connection)."""
    with read_model.transaction() as cursor:
        cursor.execute(SAMPLES.statement_timeout.sql, {"ms": str(int(timeout_ms))})


def report_queries(
    kinds: dict[str, tuple[Target, Factory]],
    found: dict[str, list[tuple[float, str]]],
    slowest: bool,
) -> None:
    """p50/p95 of each kind against its target; the slowest request if asked."""
    for name, (target, _) in kinds.items():
        timed = found.get(name, [])
        if not timed:
            print(f"  {name:30} no samples")
            continue
        ms = sorted(t for t, _ in timed)
        p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
        against = (
            f"target p95 < {target.ms:.0f} ms): {verdict(p95 < target.ms)}"
            if target.ms is not None
            else "no target)"
        )
        print(f"  {name:30} {summary(ms)} (n={len(ms)}; {against}")
        timeouts = sum(1 for t, _ in timed if t >= TIMEOUT_MS)
        if timeouts:
            print(
                f"      {timeouts} cancelled at the {TIMEOUT_MS} ms statement timeout"
            )
        if slowest:
            worst = max(timed)
            print(f"      slowest: {worst[1]}")


# -- putting it together -----------------------------------------------------------


@contextmanager
def corpus_schema(schema: str, keep: bool) -> Iterator[str]:
    """The corpus's schema: the named one, kept; or a throwaway one."""
    name = schema if keep else f"bench_readside_{uuid4().hex[:8]}"
    try:
        yield name
    finally:
        if not keep:
            postgres.drop_schema(corpus_settings(name).database)


def read_model_settings(corpus: Settings) -> Settings:
    """The read model in its own schema beside the corpus's, made anew."""
    url = corpus.database.url.replace(
        f"schema={corpus.database.schema}", f"schema={corpus.database.schema}_read"
    )
    return replace(corpus, database=type(corpus.database).from_url(url))


def caught_up(settings: Settings, app: Steerlog) -> bool:
    """Whether the read model exists and every projection is at the end."""
    read_model = build_read_model(settings)
    try:
        reached = min(read_model.positions().values())
    finally:
        read_model.close()
    return reached > 0 and reached == app.recorder.max_notification_id()


def main() -> None:
    """Find or make the corpus, catch a fresh read model up, time the queries."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--schema", default=DEFAULT_SCHEMA)
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) it")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--samples", type=int, default=200, help="per query kind")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--reuse-read-model",
        action="store_true",
        help="skip the catch-up if a caught-up read model is there (queries only)",
    )
    parser.add_argument("--slowest", action="store_true", help="print slowest asks")
    parser.add_argument(
        "--one-process", action="store_true", help="skip the two-process catch-up"
    )
    parser.add_argument("--part", help=argparse.SUPPRESS)  # one parallel projector
    args = parser.parse_args()
    if args.part:
        run_part(args.schema, args.part)
        return
    with corpus_schema(args.schema, args.keep) as schema:
        counts = ensure_corpus(schema, args.scale)
        print("corpus: " + "; ".join(describe(counts)))
        settings = corpus_settings(schema)
        app = build_application(settings)
        read_settings = read_model_settings(settings)
        try:
            if not (args.reuse_read_model and caught_up(read_settings, app)):
                postgres.drop_schema(read_settings.database)
                read_model = build_read_model(read_settings)
                report_catch_up(app, read_model, not args.one_process)
                analyze(read_model)
            else:
                read_model = build_read_model(read_settings)
                print("\nprojection catch-up: skipped (read model reused)")
            run_queries(read_model, args.samples, args.rounds, args.slowest)
            read_model.close()
        finally:
            app.close()
            if not args.keep:
                postgres.drop_schema(read_settings.database)


def analyze(read_model: ReadModel) -> None:
    """ANALYZE the fresh tables, as autovacuum soon would, so plans see real sizes."""
    started = time.perf_counter()
    assert isinstance(read_model, PostgresReadModel)
    read_model.analyze()
    print(f"  (read model tables analyzed in {time.perf_counter() - started:.1f} s)")


def run_queries(read_model: ReadModel, count: int, rounds: int, slowest: bool) -> None:
    """Lineage, tracker and search latencies, interleaved, against their targets."""
    side = ReadSide(read_model)
    ids = sample(read_model, max(count, 50))
    kinds = {
        **lineage_kinds(side, ids),
        **tracker_kinds(side, ids),
        **search_kinds(side),
    }
    print(f"\nqueries ({count} of each, in {rounds} interleaved rounds; depth 6)")
    limit_statements(read_model, TIMEOUT_MS)
    measure(kinds, 1, 1, TIMEOUT_MS)  # warm up: plans, caches, connections
    found = measure(kinds, count, rounds, TIMEOUT_MS)
    report_queries(kinds, found, slowest)


if __name__ == "__main__":
    main()
