"""How far long work has come: a bar on a terminal (tqdm), plain lines otherwise.

``steerlog rebuild``, ``steerlog project --once``, ``steerlog demo`` and
``steerlog import`` report here: events (or steps) done of the total, the rate
and the time left. On a terminal tqdm draws one bar on standard error; when the
output goes to a file or a pipe (a log, a cron mail), a plain line is printed at
most every ``every`` seconds, and once at the end.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import IO, Any, TypeVar

from tqdm import tqdm

from service.readmodel.projector import Projector

T = TypeVar("T")


class Progress:
    """Work done of ``total`` units, drawn or printed as it moves."""

    def __init__(
        self,
        what: str,
        total: int,
        unit: str = "events",
        out: IO[str] | None = None,
        every: float = 5.0,
    ) -> None:
        self.what, self.total, self.unit, self.every = what, max(total, 0), unit, every
        self.out = out if out is not None else sys.stderr
        self.done = 0
        self.started = self.printed = time.monotonic()
        self.bar: Any = None  # tqdm's bar, on a terminal
        if _is_terminal(self.out):
            self.bar = tqdm(total=self.total, desc=what, unit=f" {unit}", file=self.out)

    def advance(self, count: int = 1) -> None:
        """``count`` more units done."""
        self.reach(self.done + count)

    def reach(self, done: int) -> None:
        """``done`` units done in all (never past the total, never backwards)."""
        done = min(max(done, self.done), self.total) if self.total else done
        moved, self.done = done - self.done, done
        if self.bar is not None:
            self.bar.update(moved)
        elif time.monotonic() - self.printed >= self.every:
            self._line()

    def close(self) -> None:
        """The last figure: the bar completed, or a closing plain line."""
        if self.bar is not None:
            self.bar.close()
        else:
            self._line()

    def line(self) -> str:
        """``rebuild lineage: 1,000 of 5,000 events (20%), 812 events/s, 5 s left``."""
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        share = f" ({self.done / self.total:.0%})" if self.total else ""
        left = (self.total - self.done) / rate if rate and self.total else 0.0
        return (
            f"{self.what}: {self.done:,} of {self.total:,} {self.unit}{share},"
            f" {rate:,.0f} {self.unit}/s, {left:,.0f} s left"
        )

    def _line(self) -> None:
        self.printed = time.monotonic()
        print(self.line(), file=self.out, flush=True)

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def counted(
    items: Iterable[T], what: str, total: int, unit: str, out: IO[str] | None = None
) -> Iterator[T]:
    """``items`` passed through, one unit of progress each."""
    with Progress(what, total, unit, out) as progress:
        for item in items:
            yield item
            progress.advance()


def _is_terminal(out: IO[str]) -> bool:
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())


def caught_up(projector: Projector, what: str, out: IO[str] | None = None) -> int:
    """``projector.catch_up()`` with its progress shown; notifications read."""
    start = min(projector.read_model.positions()[p.name] for p in projector.projections)
    head = projector.app.recorder.max_notification_id() or 0
    with Progress(what, head - start, "events", out) as progress:
        return projector.catch_up(reached=lambda at: progress.reach(at - start))


def rebuilt(projector: Projector, name: str, out: IO[str] | None = None) -> int:
    """``projector.rebuild(name)`` with its progress shown; notifications read."""
    head = projector.app.recorder.max_notification_id() or 0
    with Progress(f"rebuild {name}", head, "events", out) as progress:
        return projector.rebuild(name, reached=progress.reach)
