"""Every error the API answers, mapped once to RFC 9457 problem details."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask, Response, current_app
from werkzeug.exceptions import HTTPException

from domain.errors import DomainError, InvalidValueError
from service.errors import (
    AlreadyExistsError,
    ConcurrencyConflictError,
    NotFoundError,
    RowsRefusedError,
    StaleVersionError,
)
from service.extraction import ExtractionError
from service.plain import plain
from service.readmodel.base import BadCursorError
from web.api import PROBLEM_JSON

_TYPE = "urn:steerlog:problem:"


def problem(
    status: int,
    title: str,
    detail: str | None = None,
    kind: str | None = None,
    headers: Mapping[str, str] | None = None,
    **extra: Any,
) -> Response:
    """A ``application/problem+json`` response (``kind`` names its type URI)."""
    body = {
        "type": f"{_TYPE}{kind}" if kind else "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        **extra,
    }
    response = current_app.response_class(
        current_app.json.dumps(body), status=status, mimetype=PROBLEM_JSON
    )
    response.headers.update(headers or {})
    return response


def register_error_handlers(app: Flask) -> None:
    """Install the handlers; Flask picks the most specific class for each error."""
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(InvalidValueError, invalid_value)
    app.register_error_handler(DomainError, rule_broken)
    app.register_error_handler(NotFoundError, not_found)
    app.register_error_handler(AlreadyExistsError, already_exists)
    app.register_error_handler(ConcurrencyConflictError, concurrent_write)
    app.register_error_handler(StaleVersionError, stale_version)
    app.register_error_handler(BadCursorError, bad_cursor)
    app.register_error_handler(ExtractionError, unreadable_text)
    app.register_error_handler(RowsRefusedError, rows_refused)


def http_error(error: HTTPException) -> Response:
    """Werkzeug's and webargs's errors: 400, 404, 405, 413, 422 (schemas), 500..."""
    status = error.code or 500
    data = getattr(error, "data", None) or {}
    messages = data.get("messages")
    if status == 422 and messages is not None:
        return problem(
            422,
            "Invalid request",
            "Some fields are missing or invalid.",
            kind="invalid_request",
            errors=field_messages(messages),
        )
    detail = error.description
    if isinstance(messages, Mapping):
        detail = "; ".join(" ".join(m) for m in field_messages(messages).values())
    # Werkzeug's own headers (Allow on a 405) go with the problem document.
    headers = {k: v for k, v in error.get_headers() if k.lower() != "content-type"}
    headers.update(data.get("headers", {}))
    return problem(status, error.name, detail, headers=headers)


def invalid_value(error: InvalidValueError) -> Response:
    """A value the domain refused (empty, out of range): 422 on its field."""
    field = error.field or "_schema"
    reason = str(error.details.get("reason", "invalid"))
    return problem(
        422,
        "Invalid value",
        f"{field}: {reason}",
        kind="invalid_value",
        errors={field: [reason]},
    )


def rule_broken(error: DomainError) -> Response:
    """A domain rule refused the command: 409 naming the rule and its data."""
    explanation = (type(error).__doc__ or error.rule).strip().splitlines()[0]
    return problem(
        409,
        error.rule.replace("_", " ").capitalize(),
        explanation,
        kind=error.rule,
        rule=error.rule,
        details=_plain(error.details),
    )


def not_found(error: NotFoundError) -> Response:
    """404 for the resource addressed; 422 when an id in the body names nothing."""
    if error.field:
        message = f"No {error.kind} with id {error.id}."
        return problem(
            422,
            "Invalid reference",
            message,
            kind="unknown_reference",
            errors={error.field: [message]},
        )
    return problem(404, "Not Found", f"No {error.kind} with id {error.id}.")


def already_exists(error: AlreadyExistsError) -> Response:
    """The deterministic id is taken: it was created before (409)."""
    return problem(
        409,
        "Already exists",
        f"This {error.kind} is already recorded.",
        kind="already_exists",
        rule="already_exists",
        details={"kind": error.kind, "id": str(error.id)},
    )


def concurrent_write(error: ConcurrencyConflictError) -> Response:
    """Another write reached the aggregate first; nothing of this one was kept."""
    return problem(
        409,
        "Concurrent write",
        "Another change was stored first; read again and retry.",
        kind="concurrency_conflict",
        rule="concurrency_conflict",
        details={"ids": [str(i) for i in error.ids]},
    )


def stale_version(error: StaleVersionError) -> Response:
    """``If-Match`` named a version that is no longer the current one (412)."""
    return problem(
        412,
        "Precondition Failed",
        f"The version is {error.actual}, not {error.expected}; read again.",
        kind="stale_version",
        headers={"ETag": f'"{error.actual}"'},
        details={"expected": error.expected, "actual": error.actual},
    )


def bad_cursor(error: BadCursorError) -> Response:
    """A cursor this API did not hand out (or from another list): 422 on it."""
    return _invalid_field("cursor", "Not a cursor of this list; start again without.")


def unreadable_text(error: ExtractionError) -> Response:
    """The extractor refused the text (binary, too long...): 422 naming it."""
    return _invalid_field("text", str(error))


def rows_refused(error: RowsRefusedError) -> Response:
    """Rows of a batch broke rules: 422 naming each row, its field and its rule;
    nothing of the batch was stored."""
    rows = [_refused_row(error.field, row, refusal) for row, refusal in
            sorted(error.errors.items())]  # fmt: skip
    return problem(
        422,
        "Rows refused",
        f"{len(rows)} row(s) of {error.field} refused; nothing was stored.",
        kind="rows_refused",
        errors={row["path"]: [row["rule"]] for row in rows},
        rows=rows,
    )


def _refused_row(field: str, row: int, refusal: Exception) -> dict[str, Any]:
    rule = getattr(refusal, "rule", type(refusal).__name__)
    named = getattr(refusal, "field", None) or "_row"
    details = getattr(refusal, "details", {})
    return {
        "index": row,
        "path": f"{field}.{row}.{named}",
        "rule": rule,
        "details": _plain(details) if isinstance(details, Mapping) else {},
    }


def _invalid_field(field: str, message: str) -> Response:
    return problem(
        422,
        "Invalid request",
        f"{field}: {message}",
        kind="invalid_request",
        errors={field: [message]},
    )


def field_messages(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """Marshmallow's nested messages as ``{"items.0.text": [...]}``.

    The request location (``json``, ``query``, ``headers``) is dropped: field
    names are unique enough for a client, and headers say so by their name.
    """
    if not isinstance(messages, Mapping):
        items = messages if isinstance(messages, list) else [messages]
        return {prefix or "_schema": [str(m) for m in items]}
    flat: dict[str, list[str]] = {}
    for key, value in messages.items():
        location = not prefix and key in ("json", "query", "headers", "form")
        path = prefix if location else f"{prefix}.{key}" if prefix else str(key)
        for name, texts in field_messages(value, path).items():
            flat.setdefault(name, []).extend(texts)
    return flat


def _plain(details: Mapping[str, Any]) -> dict[str, Any]:
    """Rule data as JSON; anything the domain adds later falls back to text."""
    result: dict[str, Any] = {}
    for key, value in details.items():
        try:
            result[key] = plain(value)
        except TypeError:
            result[key] = str(value)
    return result
