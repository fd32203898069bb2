"""Commands that commute, tried again when another write to the aggregate won the race.

Appending a speech, a connection point or a progress report does not depend on
what another secretary appended a moment before: the two orders give the same
record. So when such a command loses the race to store its event (the event
store refuses a version another write took: ``ConcurrencyConflictError``) and
the client did not say which version it based the change on (no ``If-Match``),
the use case runs again: it loads the aggregate afresh, checks its rules again
(a duplicate is still refused) and saves. The number of tries is bounded; a
client that did send ``If-Match`` still gets its stale version refused (412).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from service.errors import ConcurrencyConflictError

P = ParamSpec("P")
R = TypeVar("R")

# Each lost race means another write was stored, so with N writers at once a
# command loses at most N - 1 times in a row; ten covers the busiest meeting
# room (several points recording together) without looping forever.
TRIES = 10
# A short random pause before trying again spreads the losers apart, so they
# do not all collide again on the next version.
PAUSE_SECONDS = 0.002


def commutes(use_case: Callable[P, R]) -> Callable[P, R]:
    """Mark a use case as commuting: without ``expected_version`` it is retried.

    The use case must load the aggregate itself (as ``change`` does), so each
    try starts from the current version.
    """

    @wraps(use_case)
    def retried(*args: P.args, **kwargs: P.kwargs) -> R:
        if kwargs.get("expected_version") is not None:
            return use_case(*args, **kwargs)
        return retry_on_conflict(lambda: use_case(*args, **kwargs))

    return retried


def retry_on_conflict(command: Callable[[], R], tries: int = TRIES) -> R:
    """Run ``command``; each time another write wins the race, run it again.

    After ``tries`` lost races the conflict is the caller's (a 409).
    """
    for attempt in range(1, tries):
        try:
            return command()
        except ConcurrencyConflictError:
            time.sleep(random.uniform(0, PAUSE_SECONDS * attempt))
    return command()
