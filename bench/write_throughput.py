"""Write throughput on PostgreSQL: recording speeches vs the library's raw baseline.

Prints, from one run on one database:
- commands/s recording N speeches through ``Steerlog.record_speech`` at a meeting of
  200 connection points;
- commands/s of the raw eventsourcing baseline: get, one event, save on a trivial
  aggregate (the same unit of work without steerlog's domain) on the library's own
  PostgreSQL module, and the ratio (target >= 70%); beside it, the same unit of work
  on steerlog's persistence (service.eventstore.pgstore), to show what the domain
  costs alone;
- the load time of a 200-point, 300-speech meeting with and without a snapshot
  (target < 10 ms from a snapshot);
- record_speech with events encrypted at rest (STEERLOG_CIPHER_KEY, AES-GCM), in
  the same rounds on its own schema, as a share of the unencrypted rate (target
  >= 80%).

Usage: python -m bench.write_throughput [--speeches N]
"""

from __future__ import annotations

import argparse
import itertools
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import cast
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.cipher import AESCipher
from eventsourcing.domain import Aggregate, event

from bench.common import rate, summary, throwaway_settings, timings_ms
from domain.meeting import Meeting
from service.run.composition import build_application
from service.settings import Settings
from service.settings.operations import Operations
from service.usecases.steerlog import Steerlog

START = datetime(2022, 4, 22, 14, 0, tzinfo=UTC)


class Counter(Aggregate):
    """The trivial aggregate of the baseline."""

    @event("Created")
    def __init__(self) -> None:
        self.count = 0

    @event("Incremented")
    def increment(self) -> None:
        self.count += 1


class Baseline(Application):
    """A bare eventsourcing application on the same database settings."""


def baseline_command(app: Baseline, count: int) -> Callable[[int], None]:
    """get + trigger + save on a trivial aggregate, the library's unit of work.

    Each call works on its own counter (created beforehand, untimed), so the
    baseline never pays for replaying a growing history.
    """
    counters = [Counter() for _ in range(count)]
    app.save(*counters)

    def command(number: int) -> None:
        loaded: Counter = app.repository.get(counters[number % count].id)
        loaded.increment()
        app.save(loaded)

    return command


SPEAKERS = 31  # 30 take turns in the timed rounds, one speaks in the warm-up


def meeting_of_200_points(app: Steerlog) -> tuple[UUID, list[UUID]]:
    """A committee, 31 officials who will speak, and an open 200-point meeting."""
    committee = app.establish_committee(
        actor="bench",
        name="Ban Chỉ đạo CĐS tỉnh Tuyên Quang",
        jurisdiction="Tuyên Quang",
    )
    speakers = [
        app.register_person(
            actor="bench", full_name=f"Nguyễn Văn Sơn {n}", title="Giám đốc Sở"
        ).id
        for n in range(SPEAKERS)
    ]
    meeting = app.schedule_meeting(
        actor="bench",
        committee_id=committee.id,
        title="Hội nghị trực tuyến 200 điểm cầu",
        format="online",
        starts_at=START,
    )
    for number in range(200):
        app.add_connection_point(
            meeting.id,
            actor="bench",
            name=f"điểm cầu xã số {number}",
            level="commune",
            is_host=number == 0,
        )
    app.open_meeting(meeting.id, actor="bench", at=START)
    return meeting.id, speakers


def speech_command(
    app: Steerlog, meeting_id: UUID, speakers: list[UUID]
) -> Callable[[int], None]:
    """``record_speech`` at the meeting, each with its own time and text.

    The speakers take turns, so each one's first speech reads them from the
    directory and later ones find them in the meeting's record.
    """

    turns = itertools.count()

    def command(_: int) -> None:
        turn = next(turns)
        app.record_speech(
            meeting_id,
            actor="bench",
            speaker_id=speakers[turn % len(speakers)],
            kind="discussion",
            text=f"Ý kiến thảo luận số {turn} về chuyển đổi số cấp xã.",
            spoken_at=START + timedelta(seconds=turn),
        )

    return command


def interleaved_rates(
    contenders: dict[str, Callable[[int], None]],
    count: int,
    warm_ups: dict[str, Callable[[int], None]],
    rounds: int = 6,
) -> dict[str, float]:
    """Commands/s of each, measured in alternating rounds so all see the same load."""
    for name, command in contenders.items():
        rate(20, warm_ups.get(name, command))
    per_round = max(1, count // rounds)
    seconds = dict.fromkeys(contenders, 0.0)
    for _ in range(rounds):
        for name, command in contenders.items():
            seconds[name] += per_round / rate(per_round, command)
    return {name: per_round * rounds / spent for name, spent in seconds.items()}


def cpu_per_command(
    contenders: dict[str, Callable[[int], None]], count: int, rounds: int = 6
) -> dict[str, float]:
    """This process's CPU microseconds per command of each, in alternating rounds:
    what the database's own load cannot blur."""
    spent = dict.fromkeys(contenders, 0.0)
    per_round = max(1, count // rounds)
    for _ in range(rounds):
        for name, command in contenders.items():
            started = time.process_time()
            for number in range(per_round):
                command(number)
            spent[name] += time.process_time() - started
    return {name: s * 1e6 / (per_round * rounds) for name, s in spent.items()}


def load_times(settings: Settings, meeting_id: UUID) -> dict[str, list[float]]:
    """Milliseconds to load the meeting: from its snapshot, by replay, from cache."""
    uncached = build_application(replace(settings, aggregate_cache_size=0))
    uncached.take_snapshot(meeting_id)

    def replay() -> Meeting | None:
        meeting: Meeting | None = None
        for stored in uncached.events.get(meeting_id):
            meeting = cast(Aggregate.Event, stored).mutate(meeting)
        return meeting

    cached = build_application(settings)
    cached.repository.get(meeting_id)
    times = {
        "from snapshot (cache off)": timings_ms(
            30, lambda: uncached.repository.get(meeting_id)
        ),
        "replaying every event": timings_ms(30, replay),
        "from cache, fast-forwarded": timings_ms(
            30, lambda: cached.repository.get(meeting_id)
        ),
    }
    uncached.close()
    cached.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--speeches", type=int, default=300)
    args = parser.parse_args()
    with (
        throwaway_settings("bench_write") as settings,
        throwaway_settings("bench_write_aes") as other,
    ):
        key = AESCipher.create_key(32)
        secret = build_application(
            replace(other, operations=Operations(cipher_key=key))
        )
        secret_meeting, secret_speakers = meeting_of_200_points(secret)
        app = build_application(settings)
        meeting_id, speakers = meeting_of_200_points(app)
        # The warm-up speaks as someone else: every timed speaker's first speech,
        # which reads them from the directory, falls inside the timed rounds.
        warm_up = speech_command(app, meeting_id, speakers[-1:])
        # The baseline is the library as shipped, on its own PostgreSQL module;
        # the same unit of work on steerlog's persistence (service.eventstore.pgstore,
        # whose reads take one round trip) is printed beside it, to tell them apart.
        raw = Baseline(
            env={
                **settings.eventsourcing_env(),
                "PERSISTENCE_MODULE": "eventsourcing.postgres",
            }
        )
        on_pgstore = Baseline(env=settings.eventsourcing_env())
        rates = interleaved_rates(
            {
                "ours": speech_command(app, meeting_id, speakers[:-1]),
                "raw": baseline_command(raw, args.speeches + 20),
                "on_pgstore": baseline_command(on_pgstore, args.speeches + 20),
                "encrypted": speech_command(
                    secret, secret_meeting, secret_speakers[:-1]
                ),
            },
            args.speeches,
            {
                "ours": warm_up,
                "encrypted": speech_command(
                    secret, secret_meeting, secret_speakers[-1:]
                ),
            },
        )
        cpu = cpu_per_command(
            {
                "ours": speech_command(app, meeting_id, speakers[:-1]),
                "encrypted": speech_command(
                    secret, secret_meeting, secret_speakers[:-1]
                ),
            },
            args.speeches,
        )
        secret.close()
        raw.close()
        on_pgstore.close()
        meeting = app.load(Meeting, meeting_id)
        app.close()
        loads = load_times(settings, meeting_id)
    ours, raw = rates["ours"], rates["raw"]
    print(f"PostgreSQL, {args.speeches} commands each, in alternating rounds")
    print(
        f"record_speech (200-point meeting, {SPEAKERS - 1} speakers taking turns):"
        f" {ours:8.1f} commands/s"
    )
    print(f"raw eventsourcing baseline:        {raw:8.1f} commands/s")
    print(f"ratio: {ours / raw:.0%} (target >= 70%)")
    print(
        "the baseline's unit of work on steerlog's persistence"
        " (service.eventstore.pgstore):"
        f" {rates['on_pgstore']:.1f} commands/s; record_speech is"
        f" {ours / rates['on_pgstore']:.0%} of it"
    )
    print(
        f"load meeting ({len(meeting.points)} points, {len(meeting.speeches)} speeches,"
        f" version {meeting.version})"
    )
    for name, samples in loads.items():
        print(f"  {name:28} {summary(samples)}")
    print("  (target: < 10 ms from a snapshot)")
    print(
        f"record_speech, events encrypted at rest (AES-GCM):"
        f" {rates['encrypted']:8.1f} commands/s,"
        f" {rates['encrypted'] / ours:.0%} of unencrypted (target >= 80%)"
    )
    print(
        f"  client CPU per record_speech: {cpu['encrypted']:.0f} us encrypted,"
        f" {cpu['ours']:.0f} us not (+{cpu['encrypted'] - cpu['ours']:.0f} us:"
        " AES-GCM of the event written and of the one read back)"
    )


if __name__ == "__main__":
    main()
