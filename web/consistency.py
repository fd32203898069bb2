"""Read your writes: reads from the read models wait, bounded, for a write's position.

Projections follow the event log asynchronously, so a read right after a write
may not show it yet. A client that names the write's ``X-Steerlog-Position``
(as ``?after=`` or ``X-Steerlog-After``) is answered once the read models have
reached it, or after ``WAIT_SECONDS`` at most; every answer carries
``X-Steerlog-Read-Position`` so the client can tell whether it is still stale.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import Response, after_this_request
from flask_smorest import Blueprint, abort

from web.http import read_side, steerlog
from web.schemas.common import ReadAfterArgsSchema, ReadAfterHeadersSchema

F = TypeVar("F", bound=Callable[..., Any])

WAIT_SECONDS = 5.0
READ_POSITION = "X-Steerlog-Read-Position"
READ_POSITION_HEADERS = {
    READ_POSITION: {
        "description": "The position the read models had reached when read; "
        "less than the write's position means the answer may not show it yet.",
        "schema": {"type": "integer"},
        "required": True,
    }
}


def wait_for(after: int | None) -> int:
    """Wait until the read models reach ``after``; the position they reached.

    A position the event log has not reached yet was never handed out by a
    write: waiting for it would only cost the client the whole timeout.
    """
    queries = read_side()
    if after is not None:
        end = steerlog().recorder.max_notification_id() or 0
        if after > end:
            message = f"Position {after} is beyond the end of the event log ({end})."
            abort(422, messages={"query": {"after": [message]}})
        queries.wait_for(after, WAIT_SECONDS)
    return queries.position()


def projected(blp: Blueprint, schema: Any, status: int = 200) -> Callable[[F], F]:
    """Decorate a read of the read models: ``after`` / ``X-Steerlog-After``, and
    ``X-Steerlog-Read-Position`` on the answer.

    Stack it right under ``@blp.route``; the view receives its own arguments only.
    """

    def decorator(view: F) -> F:
        @wraps(view)
        def consistent(query: Any, headers: Any, *args: Any, **kwargs: Any) -> Any:
            after = [p for p in (query["after"], headers["after"]) if p is not None]
            reached = wait_for(max(after) if after else None)

            @after_this_request
            def tell(response: Response) -> Response:
                response.headers[READ_POSITION] = str(reached)
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
