"""Benchmark the extractor on the seed, dev and held-out texts (ms per text), and
on hostile input: 200,000 characters of one phrase repeated (``--hostile``)."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from domain.text import fold
from service.extraction import extract

ROOT = Path(__file__).resolve().parent.parent
_DATA = ROOT / "tests" / "unit" / "extraction" / "data"
DEFAULT_TEXTS = tuple(
    _DATA / name for name in ("seeds", "dev", "dev2", "test2", "test3", "test4")
)
TARGET_MS = 50.0

# Phrases whose repetition would make a careless pattern backtrack for ever.
REPETITIVE_UNITS = (
    ", ",
    "tại điểm cầu ",
    "Nguyễn Văn ",
    "12/12/2021 ",
    "các sở, ngành, ",
    "((((",
    "a",
)
HOSTILE_CHARS = 200_000


def repetitive(unit: str, length: int = HOSTILE_CHARS) -> str:
    """``unit`` repeated to ``length`` characters."""
    return (unit * (length // len(unit) + 1))[:length]


def hostile(repeat: int) -> None:
    """Print the extractor's time on each repeated phrase, beside fold()'s."""
    print(f"{'repeated phrase':24} {'p50 ms':>9} {'fold ms':>8} {'ratio':>6}")
    for unit in REPETITIVE_UNITS:
        text = repetitive(unit)
        p50 = statistics.median(timings(extract, text, repeat))
        base = statistics.median(timings(fold, text, repeat))
        print(f"{unit!r:24} {p50:9.1f} {base:8.2f} {p50 / base:6.0f}")


def timings(func: Callable[[str], object], text: str, repeat: int) -> list[float]:
    """Milliseconds of ``repeat`` calls of ``func(text)``, after one warm-up call."""
    func(text)
    found = []
    for _ in range(repeat):
        started = time.perf_counter()
        func(text)
        found.append((time.perf_counter() - started) * 1000)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Print p50 and max per seed text for extract() and for fold() alone."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--texts", type=Path, action="append", help="folder of .txt (repeatable)"
    )
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument(
        "--hostile", action="store_true", help="the repeated phrases instead"
    )
    args = parser.parse_args(argv)
    if args.hostile:
        hostile(max(1, args.repeat // 10))
        return 0
    folders = args.texts or list(DEFAULT_TEXTS)
    paths = sorted(p for folder in folders for p in folder.glob("*.txt"))
    if not paths:
        print(f"no .txt files in {', '.join(map(str, folders))}", file=sys.stderr)
        return 2
    print(
        f"{'text':44} {'chars':>6} {'p50 ms':>7} {'max ms':>7} {'fold ms':>8} "
        f"{'ratio':>6}"
    )
    worst = 0.0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        runs = timings(extract, text, args.repeat)
        base = statistics.median(timings(fold, text, args.repeat))
        p50 = statistics.median(runs)
        worst = max(worst, p50)
        print(
            f"{path.stem[:44]:44} {len(text):6d} {p50:7.2f} {max(runs):7.2f} "
            f"{base:8.3f} {p50 / base if base else float('inf'):6.0f}"
        )
    verdict = "within" if worst < TARGET_MS else "OVER"
    print(f"slowest p50 {worst:.2f} ms: {verdict} the {TARGET_MS:.0f} ms target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
