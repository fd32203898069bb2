"""The page limit every list shares: the read side clamps to it, the API checks it."""

from __future__ import annotations

MAX_PAGE = 200
