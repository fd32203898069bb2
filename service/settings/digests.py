"""How digests go out: the mail server (``STEERLOG_SMTP_*``) and when, per committee."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from service.settings.reading import SettingsError, whole_number


@dataclass(frozen=True)
class Smtp:
    """The mail server digests are sent through (``STEERLOG_SMTP_*``)."""

    host: str = ""
    port: int = 25
    user: str = ""
    password: str = ""
    starttls: bool = False
    sender: str = "steerlog@localhost"
    timeout: int = 30

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Smtp:
        """Host, port, user, password, STARTTLS, From and timeout."""
        return cls(
            host=env.get("STEERLOG_SMTP_HOST", ""),
            port=whole_number(env, "STEERLOG_SMTP_PORT", 25),
            user=env.get("STEERLOG_SMTP_USER", ""),
            password=env.get("STEERLOG_SMTP_PASSWORD", ""),
            starttls=env.get("STEERLOG_SMTP_STARTTLS", "") in ("1", "true", "yes"),
            sender=env.get("STEERLOG_SMTP_FROM", "steerlog@localhost"),
            timeout=whole_number(env, "STEERLOG_SMTP_TIMEOUT", 30),
        )


DEFAULT_DIGEST_SCHEDULE = "daily 07:00, weekly mon 07:30"
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class DigestSchedule:
    """When a committee's digests go out, in its own time zone (None: never)."""

    daily: tuple[int, int] | None = (7, 0)
    weekly: tuple[str, int, int] | None = ("mon", 7, 30)

    @classmethod
    def parse(
        cls, key: str, text: str, base: DigestSchedule | None = None
    ) -> DigestSchedule:
        """``daily 07:00, weekly mon 07:30``; ``daily off`` stops daily digests.

        What the text leaves out is taken from ``base`` (the default schedule).
        """
        daily, weekly = (base or cls()).daily, (base or cls()).weekly
        for part in filter(None, (p.strip() for p in text.split(","))):
            words = part.lower().split()
            if words in (["daily", "off"], ["weekly", "off"]):
                daily, weekly = (None, weekly) if words[0] == "daily" else (daily, None)
                continue
            if len(words) == 2 and words[0] == "daily":
                daily = _clock_time(key, words[1])
            elif len(words) == 3 and words[0] == "weekly" and words[1] in _WEEKDAYS:
                weekly = (words[1], *_clock_time(key, words[2]))
            else:
                raise SettingsError(
                    f"{key}: cannot read {part!r} (e.g. {DEFAULT_DIGEST_SCHEDULE!r})"
                )
        return cls(daily=daily, weekly=weekly)


def _clock_time(key: str, text: str) -> tuple[int, int]:
    hours, _, minutes = text.partition(":")
    valid = hours.isdigit() and minutes.isdigit()
    if valid and int(hours) < 24 and int(minutes) < 60:
        return int(hours), int(minutes)
    raise SettingsError(f"{key}: {text!r} is not a time of day (HH:MM)")


def committee_schedules(
    env: Mapping[str, str], default: DigestSchedule
) -> dict[str, DigestSchedule]:
    """``STEERLOG_DIGEST_SCHEDULES``: ``<committee id>=daily 06:30; <id>=daily off``."""
    key = "STEERLOG_DIGEST_SCHEDULES"
    schedules: dict[str, DigestSchedule] = {}
    for entry in filter(None, (e.strip() for e in env.get(key, "").split(";"))):
        committee, separator, schedule = entry.partition("=")
        if not separator:
            raise SettingsError(f"{key}: expected <committee id>=<schedule>: {entry!r}")
        schedules[committee.strip().lower()] = DigestSchedule.parse(
            key, schedule, default
        )
    return schedules
