"""This read side against an older commit's, on one read model, call by call.

    python -m bench.versus [--commit c4899f2] [--schema NAME_read] [--rounds 30]

The older commit's ``service/`` and ``domain/`` are unpacked (``git archive``) into
a temporary folder and run in a second process; each call (a lineage walk down
from a committee's chair or from the most-cited document, depth 6; the tracker's
committee + overdue first page) goes to both processes in turn, alternating which
goes first, so both see the same load. The read model is the one
``bench.readside --keep`` leaves (``<corpus>_read``); both codes only read it.
Prints p50 / p95 of each and new / old at p95 (issue 10: new >= 90% of old).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench.common import POSTGRES_URL

# Runs in each process, with its code first on the path: one JSON request a line.
WORKER = """
import json, sys, time
from datetime import date
from service.readmodel.readside import ReadSide
from service.readmodel.postgres import PostgresReadModel
from service.settings.database import Database
try:
    from service.readmodel.base import AssignmentFilter, Page
except ImportError:
    from service.readmodel.readside import AssignmentFilter, Page
side = ReadSide(PostgresReadModel(Database.from_url(sys.argv[1])))
for line in sys.stdin:
    ask = json.loads(line)
    day = date.fromisoformat(ask["day"])
    started = time.perf_counter()
    if ask["op"] == "lineage":
        side.lineage(ask["key"], "down", 6, day)
    else:
        where = AssignmentFilter(day, committee_id=ask["committee"], status="overdue")
        side.assignments(where, Page(50))
    print(json.dumps((time.perf_counter() - started) * 1000), flush=True)
"""


class Worker:
    """A process timing read-side calls of one tree of code."""

    def __init__(self, tree: Path, url: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", WORKER, url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=tree,
        )

    def ask(self, request: dict[str, Any]) -> float:
        """Milliseconds the call took there."""
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        return float(json.loads(self.process.stdout.readline()))

    def close(self) -> None:
        assert self.process.stdin
        self.process.stdin.close()
        self.process.wait()


def column(url: str, name: str, count: int = 60) -> list[str]:
    """One column of a sampling query (``bench/samples.sql``) on the read model."""
    import psycopg2

    from bench.readside import SAMPLES

    options = f"-c search_path={url.split('schema=')[1]}"
    with psycopg2.connect(POSTGRES_URL, options=options) as conn, conn.cursor() as cur:
        cur.execute(getattr(SAMPLES, name).sql, {"n": count})
        return [row[0] for row in cur.fetchall()]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main() -> None:
    """Unpack the old code, start both workers, alternate the calls, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commit", default="c4899f2")
    parser.add_argument("--schema", default="readside_corpus_read")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    url = f"{POSTGRES_URL}?schema={args.schema}"
    chairs = column(url, "chairs", 50)
    (document,) = column(url, "busiest_document")
    committees = column(url, "committees")
    rng = random.Random(7)

    def day() -> str:
        return (date(2021, 6, 1) + timedelta(days=rng.randint(0, 4 * 365))).isoformat()

    kinds = {
        "lineage down, chair": lambda: {
            "op": "lineage",
            "key": f"person:{rng.choice(chairs)}",
            "day": day(),
        },
        "lineage down, most cited doc": lambda: {
            "op": "lineage",
            "key": f"document:{document}",
            "day": day(),
        },
        "tracker committee+overdue p1": lambda: {
            "op": "tracker",
            "committee": rng.choice(committees),
            "day": day(),
        },
    }
    with tempfile.TemporaryDirectory(prefix="bench-versus-") as folder:
        archive = subprocess.run(
            ["git", "archive", args.commit, "service", "domain"],
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        workers = {"old": Worker(Path(folder), url), "new": Worker(Path.cwd(), url)}
        found: dict[tuple[str, str], list[float]] = {}
        for make in kinds.values():
            warm = make()
            for worker in workers.values():
                worker.ask(warm)
        for turn in range(args.rounds):
            for name, make in kinds.items():
                request = make()
                order = ("old", "new") if turn % 2 == 0 else ("new", "old")
                for which in order:
                    timed = workers[which].ask(request)
                    found.setdefault((name, which), []).append(timed)
        for worker in workers.values():
            worker.close()
    print(f"{args.commit} against this code ({args.rounds} rounds, alternating)")
    for name in kinds:
        old, new = found[(name, "old")], found[(name, "new")]
        print(
            f"  {name:30} {args.commit} p50 {percentile(old, 0.5):6.1f}"
            f" p95 {percentile(old, 0.95):6.1f} | this p50 {percentile(new, 0.5):6.1f}"
            f" p95 {percentile(new, 0.95):6.1f} ms;"
            f" this / old at p95 {percentile(new, 0.95) / percentile(old, 0.95):.2f}"
        )


if __name__ == "__main__":
    main()
