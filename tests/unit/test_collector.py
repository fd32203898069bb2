"""A web worker's garbage collector: what it holds at start, left out of the walk."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from service.ops import collector
from service.run import gunicorn_conf


@pytest.fixture
def restored() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


@pytest.mark.usefixtures("restored")
def test_a_loaded_worker_freezes_what_it_holds_and_still_collects_garbage() -> None:
    gunicorn_conf.post_worker_init(worker=None)
    assert gc.get_freeze_count() > 10_000  # the modules, at least
    assert gc.get_threshold() == collector.THRESHOLDS

    class Cycle:
        other: object

    one, two = Cycle(), Cycle()
    one.other, two.other = two, one
    found = id(one)
    del one, two
    assert gc.collect() >= 2
    assert all(id(o) != found for o in gc.get_objects() if isinstance(o, Cycle))
