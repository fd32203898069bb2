"""Logs as one JSON object a line (python-json-logger), secrets scrubbed out.

Nothing logs a request's headers or body, and every line still passes through
``Redact``: a bearer token, a password or a database URL's password that reaches
a message or a traceback by accident leaves only ``***`` behind.
"""

from __future__ import annotations

import logging
import re
import sys
from datetime import UTC, datetime
from typing import IO, Any

from pythonjsonlogger.json import JsonFormatter

FIELDS = "%(asctime)s %(levelname)s %(name)s %(message)s"
RENAMED = {"asctime": "time", "levelname": "level", "name": "logger"}
_SECRETS = [
    (re.compile(r"(?i)\b(bearer|basic|token)(\s+)[^\s\"',;]+"), r"\1\2***"),
    (
        re.compile(
            r"(?i)\b(password|passwd|secret|token|api_key|cipher_key|csrf_token)"
            r"(\"?'?\s*[=:]\s*\"?'?)[^\s&\"',;}]+"
        ),
        r"\1\2***",
    ),
    (re.compile(r"(?i)(\w+://[^:/@\s]+:)[^@\s]+@"), r"\1***@"),
]


# One search tells whether any pattern can match: most lines have no secret.
_MAYBE = re.compile(r"(?i)bearer|basic|token|passw|secret|api_key|cipher_key|://")


def redact(text: str) -> str:
    """``text`` with bearer tokens, passwords and URL passwords replaced by ***."""
    if not _MAYBE.search(text):
        return text
    for pattern, replacement in _SECRETS:
        text = pattern.sub(replacement, text)
    return text


class Redact(logging.Filter):
    """Scrub secrets out of a record's message before any handler writes it."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Always keep the record; its message, merged with its arguments, scrubbed."""
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class JsonLines(JsonFormatter):
    """One JSON object a line: time (UTC ISO 8601), level, logger, message, extras."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("rename_fields", RENAMED)
        kwargs.setdefault("json_ensure_ascii", False)
        super().__init__(FIELDS, *args, **kwargs)

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        """The record's time as ISO 8601 in UTC, to the millisecond."""
        moment = datetime.fromtimestamp(record.created, UTC)
        return moment.isoformat(timespec="milliseconds")

    def formatException(self, ei: Any) -> str:
        """The traceback, scrubbed like a message."""
        text = super().formatException(ei)
        return redact(text if isinstance(text, str) else "\n".join(text))


def json_handler(stream: IO[str] | None = None) -> logging.Handler:
    """A handler writing JSON lines to ``stream`` (standard error by default)."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonLines())
    handler.addFilter(Redact())
    return handler


# Loggers that say "all is well" at INFO many times a minute.
QUIET = {"apscheduler.executors.default": "WARNING"}


def lighten() -> None:
    """Skip what no JSON line shows: the caller's file and line, thread and
    process names (the logging documentation's own optimisations)."""
    logging._srcfile = None
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False


def configure(level: str = "INFO", stream: IO[str] | None = None) -> None:
    """Send every logger's records, as JSON lines, to ``stream`` (the root's only
    handler)."""
    lighten()
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(json_handler(stream))
    root.setLevel(level)
    for name, quiet in QUIET.items():
        logging.getLogger(name).setLevel(quiet)


def dict_config(level: str = "INFO") -> dict[str, Any]:
    """The same set-up as a ``logging.config`` dict (gunicorn's ``logconfig_dict``)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"redact": {"()": Redact}},
        "formatters": {"json": {"()": JsonLines}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "filters": ["redact"],
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"level": level, "handlers": ["stderr"]},
        "loggers": {
            "gunicorn.error": {"level": level, "handlers": [], "propagate": True},
            "gunicorn.access": {"level": "WARNING", "handlers": [], "propagate": True},
            **{name: {"level": quiet} for name, quiet in QUIET.items()},
        },
    }
