"""Demo data: the five seed meetings, loaded through the application service."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

from service.run.demo.loader import DemoLoader, Loaded
from service.usecases.steerlog import Steerlog


def demo_data() -> list[dict[str, Any]]:
    """The demo files shipped in this package, in name order."""
    files = sorted(
        (f for f in resources.files(__package__).iterdir() if f.name.endswith(".json")),
        key=lambda f: f.name,
    )
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


def load_demo(app: Steerlog, actor: str = "demo") -> list[Loaded]:
    """Load every demo file; what is already stored is left as it is."""
    return list(demo_loads(app, actor))


def demo_loads(app: Steerlog, actor: str = "demo") -> Iterator[Loaded]:
    """Load the demo files one after another, each given back once it is in."""
    for data in demo_data():
        yield DemoLoader(app, data, actor).load()
