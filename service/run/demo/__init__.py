"""Demo data: the five seed meetings, loaded through the application service."""

from __future__ import annotations

import json
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
    return [DemoLoader(app, data, actor).load() for data in demo_data()]
