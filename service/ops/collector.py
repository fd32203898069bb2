"""The garbage collector, set for a long-running web worker once its app is loaded.

A worker holds some 200,000 objects for good (modules, compiled templates,
caches). Python's default collector walks all of them in each full pass, and
a big page (a meeting of 320 speeches) makes enough short-lived objects to
start one every few requests: measured on that page, p50 37 ms but p95 134 ms.
Frozen (``gc.freeze``: moved to a generation never collected) and with a
younger generation that fills less often, p50 34 ms and p95 49 ms
(``python -m bench.pages``). Garbage is still collected; only what was there at
start is left out of the walk.
"""

from __future__ import annotations

import gc

# Allocations before a young collection, and young (then middle) collections
# before an older one; Python's defaults are 700, 10, 10.
THRESHOLDS = (50_000, 20, 100)


def settle() -> None:
    """Collect once, freeze what is left, and collect the young less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
