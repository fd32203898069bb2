"""The one error the extractor raises: input that cannot be read as meeting text."""

from __future__ import annotations


class ExtractionError(ValueError):
    """Input is not text (NUL bytes, mostly control characters) or is too large."""

    def __init__(self, reason: str, *, length: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.length = length
