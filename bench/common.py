"""What the benchmarks share: a throwaway PostgreSQL schema and timing helpers."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from uuid import uuid4

from service.readmodel import postgres
from service.settings import Settings
from service.settings.database import Database

POSTGRES_URL = os.environ.get(
    "STEERLOG_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)


@contextmanager
def throwaway_settings(prefix: str, **overrides: int) -> Iterator[Settings]:
    """Settings on a new PostgreSQL schema, dropped afterwards."""
    database = Database.from_url(f"{POSTGRES_URL}?schema={prefix}_{uuid4().hex[:8]}")
    try:
        yield Settings(database=database, **overrides)  # type: ignore[arg-type]
    finally:
        postgres.drop_schema(database)


def rate(count: int, operation: Callable[[int], object]) -> float:
    """Run ``operation(i)`` for i in range(count); return operations per second."""
    started = time.perf_counter()
    for number in range(count):
        operation(number)
    return count / (time.perf_counter() - started)


def timings_ms(count: int, operation: Callable[[], object]) -> list[float]:
    """Milliseconds each of ``count`` calls took."""
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        operation()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def summary(samples: list[float]) -> str:
    """p50 / p95 / max of millisecond samples."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    p50, worst = statistics.median(ordered), ordered[-1]
    return f"p50 {p50:.2f} ms, p95 {p95:.2f} ms, max {worst:.2f} ms"
