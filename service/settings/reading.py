"""Reading one variable: a whole number, and the error for a malformed setting."""

from __future__ import annotations

from collections.abc import Mapping


class SettingsError(ValueError):
    """A setting in the environment is missing or malformed."""


def whole_number(env: Mapping[str, str], key: str, default: int) -> int:
    """The whole number (>= 0) ``key`` holds, or ``default`` when unset or empty."""
    raw = env.get(key)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{key}: expected a whole number, got {raw!r}") from None
    if value < 0:  # no setting here means anything below zero
        raise SettingsError(f"{key}: expected a whole number >= 0, got {raw!r}")
    return value
