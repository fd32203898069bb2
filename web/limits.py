"""What a request may be before a view reads it: URL, headers, body size, JSON shape.

gunicorn's own limits (service/run/gunicorn_conf.py) are looser than these, so
a request that passes gunicorn is refused here, as problem+json, not by
gunicorn's HTML pages: an over-long URL (414), too many or too long headers
(431), a body over ``MAX_BODY_BYTES`` even when sent chunked (413), a body that
is not JSON sent to the API (415), JSON nested deeper than ``MAX_JSON_DEPTH``
(400; the parser would otherwise run out of stack), or JSON that does not
parse (400, with where it stops).
"""

from __future__ import annotations

import io
import json
from typing import Any

from flask import Flask, request
from werkzeug.exceptions import (
    BadRequest,
    RequestEntityTooLarge,
    RequestHeaderFieldsTooLarge,
    RequestURITooLarge,
    UnsupportedMediaType,
)

MAX_BODY_BYTES = 1024 * 1024
# The longest request target (path and query): gunicorn allows 8190.
MAX_URL_BYTES = 4096
# Headers: gunicorn allows 200 of 16,380 bytes each.
MAX_HEADERS = 100
MAX_HEADER_BYTES = 8190
# The deepest JSON any operation takes is a few levels (items of a conclusion).
MAX_JSON_DEPTH = 32
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def install_limits(app: Flask) -> None:
    """Check every request's size and shape before it is authorised or read."""
    app.before_request(check_request)


def check_request() -> None:
    """Refuse, as an HTTP error, what the request may not be."""
    check_url()
    check_headers()
    if request.method not in _BODY_METHODS:
        return
    read_chunked_body()
    if request.path.startswith("/api/") and has_body():
        check_json_body()


def check_url() -> None:
    """414 for a request target longer than MAX_URL_BYTES."""
    target = request.environ.get("RAW_URI") or request.full_path
    if len(target.encode("utf-8", "surrogateescape")) > MAX_URL_BYTES:
        raise RequestURITooLarge(
            f"The URL is longer than {MAX_URL_BYTES} bytes; send less in the query."
        )


def check_headers() -> None:
    """431 for more than MAX_HEADERS headers, or one longer than MAX_HEADER_BYTES."""
    headers = list(request.headers.items())
    if len(headers) > MAX_HEADERS:
        raise RequestHeaderFieldsTooLarge(f"More than {MAX_HEADERS} headers.")
    for name, value in headers:
        if len(name) + len(value) > MAX_HEADER_BYTES:
            raise RequestHeaderFieldsTooLarge(
                f"Header {name} is longer than {MAX_HEADER_BYTES} bytes."
            )


def read_chunked_body() -> None:
    """A body without Content-Length (chunked), read here: 413 when over the limit.

    Werkzeug would cut such a body at the limit without saying so, and the
    parser would then call the cut JSON invalid (400).
    """
    environ = request.environ
    chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
    if not chunked or not environ.get("wsgi.input_terminated"):
        return
    body = environ["wsgi.input"].read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        raise RequestEntityTooLarge(f"The body is longer than {MAX_BODY_BYTES} bytes.")
    # From here on the body is an ordinary one of known length.
    environ["wsgi.input"] = io.BytesIO(body)
    environ["CONTENT_LENGTH"] = str(len(body))
    del environ["HTTP_TRANSFER_ENCODING"]


def has_body() -> bool:
    """Whether the request carries a body (of at least one byte).

    Read from the environment, not ``request.content_length``: that is kept
    from before a chunked body was read and its length set.
    """
    length = request.environ.get("CONTENT_LENGTH", "")
    return length.isdigit() and int(length) > 0


def check_json_body() -> None:
    """415 unless the body is JSON; 400 if it is nested deeper than MAX_JSON_DEPTH."""
    if not request.is_json:
        raise UnsupportedMediaType(
            "The API takes JSON bodies: send Content-Type: application/json."
        )
    try:
        document = json.loads(request.get_data(cache=True))
    except RecursionError:
        raise _too_deep() from None
    except json.JSONDecodeError as error:
        raise BadRequest(f"The body is not valid JSON: {error}.") from None
    except ValueError:  # not UTF-8, or an integer of more than 4,300 digits
        raise BadRequest(
            "The body is not valid JSON: UTF-8 text with numbers of at most "
            "4,300 digits."
        ) from None
    if depth(document) > MAX_JSON_DEPTH:
        raise _too_deep()


def depth(document: Any) -> int:
    """How deeply arrays and objects nest in ``document`` (a scalar: 0)."""
    deepest = 0
    stack = [(document, 1)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in value)
    return deepest


def _too_deep() -> BadRequest:
    return BadRequest(f"The JSON body nests deeper than {MAX_JSON_DEPTH} levels.")
