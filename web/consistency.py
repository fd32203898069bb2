"""Read your writes: reads from the read models wait, bounded, for a write's position.

Projections follow the event log asynchronously, so a read right after a write
may not show it yet. Every write an account makes is remembered with its
position (``X-Steerlog-Position``), so that account's next reads are answered
once the read models have reached its last write, without asking; a client may
also name a position (``?after=`` or ``X-Steerlog-After``, e.g. another
account's write). Either way the wait lasts ``WAIT_SECONDS`` at most, and every
answer carries ``X-Steerlog-Read-Position`` so the client can tell whether it
is still stale. An account that has not written costs one indexed lookup.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import Flask, Response, after_this_request, g
from flask_smorest import Blueprint, abort

from web.http import read_position, steerlog
from web.principal import current_principal
from web.schemas.common import ReadAfterArgsSchema, ReadAfterHeadersSchema

F = TypeVar("F", bound=Callable[..., Any])

WAIT_SECONDS = 5.0
WRITE_POSITION = "X-Steerlog-Position"
READ_POSITION = "X-Steerlog-Read-Position"
READ_POSITION_HEADERS = {
    READ_POSITION: {
        "description": "The position the read models had reached when read; "
        "less than the write's position means the answer may not show it yet.",
        "schema": {"type": "integer"},
        "required": True,
    }
}


def install_read_your_writes(app: Flask) -> None:
    """Remember the position of every successful API write, per account."""
    app.after_request(_remember_api_write)


def _remember_api_write(response: Response) -> Response:
    position = response.headers.get(WRITE_POSITION)
    if position is not None and response.status_code < 300 and position.isdigit():
        remember_write(int(position))
    return response


def remember_write(position: int) -> None:
    """The signed-in account has written up to ``position``: its reads wait for it."""
    principal = current_principal()
    if principal is not None:
        steerlog().note_written(principal.account_id, position)


def own_last_write() -> int:
    """The position of the signed-in account's last write (0: none, or nobody)."""
    principal = current_principal()
    return 0 if principal is None else steerlog().last_written(principal.account_id)


def wait_for(after: int | None) -> None:
    """Have this request's first read of the read models wait until they reach
    ``after`` and the caller's own last write (``web.http.read_side``).

    The wait is deferred to that first read, so that a request refused for its
    own arguments is answered at once. A position the event log has not reached
    yet was never handed out by a write: waiting for it would only cost the
    client the whole timeout.
    """
    if after is not None:
        end = steerlog().recorder.max_notification_id() or 0
        if after > end:
            message = f"Position {after} is beyond the end of the event log ({end})."
            abort(422, messages={"query": {"after": [message]}})
    g.steerlog_read_after = (max(after or 0, own_last_write()), WAIT_SECONDS)


def projected(blp: Blueprint, schema: Any, status: int = 200) -> Callable[[F], F]:
    """Decorate a read of the read models: ``after`` / ``X-Steerlog-After``, and
    ``X-Steerlog-Read-Position`` on the answer.

    Stack it right under ``@blp.route``; the view receives its own arguments only.
    """

    def decorator(view: F) -> F:
        @wraps(view)
        def consistent(query: Any, headers: Any, *args: Any, **kwargs: Any) -> Any:
            after = [p for p in (query["after"], headers["after"]) if p is not None]
            wait_for(max(after) if after else None)

            @after_this_request
            def tell(response: Response) -> Response:
                response.headers[READ_POSITION] = str(read_position())
                return response

            return view(*args, **kwargs)

        responding = blp.response(status, schema, headers=READ_POSITION_HEADERS)(
            consistent
        )
        with_header = blp.arguments(ReadAfterHeadersSchema, location="headers")(
            responding
        )
        decorated: F = blp.arguments(ReadAfterArgsSchema, location="query")(with_header)
        return decorated

    return decorator
