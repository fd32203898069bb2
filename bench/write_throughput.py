"""Write throughput on PostgreSQL: recording speeches vs the library's raw baseline.

Prints, from one run on one database:
- commands/s recording N speeches through ``Steerlog.record_speech`` at a meeting of
  200 connection points;
- commands/s of the raw eventsourcing baseline: get, one event, save on a trivial
  aggregate (the same unit of work without steerlog's domain), and the ratio
  (target >= 70%);
- the load time of a 200-point, 300-speech meeting with and without a snapshot
  (target < 10 ms from a snapshot).

Usage: python bench/write_throughput.py [--speeches N]
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event

from bench.common import rate, summary, throwaway_settings, timings_ms
from domain.meeting import Meeting
from service.app import Steerlog
from service.composition import build_application

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


def baseline_rate(env: dict[str, str], count: int) -> float:
    """Commands/s of get + trigger + save on a trivial aggregate."""
    app = Baseline(env=env)
    counter = Counter()
    app.save(counter)

    def command(_: int) -> None:
        loaded: Counter = app.repository.get(counter.id)
        loaded.increment()
        app.save(loaded)

    rate(50, command)  # warm up the pool and the caches
    result = rate(count, command)
    app.close()
    return result


def meeting_of_200_points(app: Steerlog) -> tuple[UUID, UUID]:
    """A committee, a speaker, and an open meeting with 200 connection points."""
    committee = app.establish_committee(
        actor="bench",
        name="Ban Chỉ đạo CĐS tỉnh Tuyên Quang",
        jurisdiction="Tuyên Quang",
    )
    speaker = app.register_person(actor="bench", full_name="Nguyễn Văn Sơn", title="CT")
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
    return meeting.id, speaker.id


def steerlog_rate(
    app: Steerlog, meeting_id: UUID, speaker_id: UUID, count: int
) -> float:
    """Commands/s of ``record_speech`` at the meeting."""

    def command(number: int) -> None:
        app.record_speech(
            meeting_id,
            actor="bench",
            speaker_id=speaker_id,
            kind="discussion",
            text=f"Ý kiến thảo luận số {number} về chuyển đổi số cấp xã.",
            spoken_at=START + timedelta(seconds=number),
        )

    rate(20, command)
    return rate(count, command)


def load_times(app: Steerlog, meeting_id: UUID) -> tuple[list[float], list[float]]:
    """Milliseconds to load the meeting from its snapshot, and by replaying it."""
    app.take_snapshot(meeting_id)

    def replay() -> Meeting | None:
        meeting: Meeting | None = None
        for stored in app.events.get(meeting_id):
            meeting = stored.mutate(meeting)
        return meeting

    return timings_ms(30, lambda: app.repository.get(meeting_id)), timings_ms(
        30, replay
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--speeches", type=int, default=300)
    args = parser.parse_args()
    with throwaway_settings("bench_write") as settings:
        app = build_application(settings)
        meeting_id, speaker_id = meeting_of_200_points(app)
        ours = steerlog_rate(app, meeting_id, speaker_id, args.speeches)
        raw = baseline_rate(settings.eventsourcing_env(), args.speeches)
        meeting = app.load(Meeting, meeting_id)
        snapshot, replay = load_times(app, meeting_id)
        app.close()
    print(f"PostgreSQL, {args.speeches} commands each")
    print(f"record_speech (200-point meeting): {ours:8.1f} commands/s")
    print(f"raw eventsourcing baseline:        {raw:8.1f} commands/s")
    print(f"ratio: {ours / raw:.0%} (target >= 70%)")
    print(
        f"load meeting ({len(meeting.points)} points, {len(meeting.speeches)} speeches,"
        f" version {meeting.version})"
    )
    print(f"  from snapshot:   {summary(snapshot)} (target < 10 ms)")
    print(f"  replaying events: {summary(replay)}")


if __name__ == "__main__":
    main()
