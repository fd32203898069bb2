"""Racing writers, replay, snapshots, history and the past state of an aggregate."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest
from eventsourcing.persistence import OperationalError

from domain.meeting import Meeting
from domain.values import DocumentRef
from service.errors import ConcurrencyConflictError, NotFoundError
from service.run.composition import build_application
from service.settings import Settings
from service.usecases.steerlog import Steerlog
from tests.scenario import ACTOR, MEETING_DAY, conclude, open_meeting


def state(meeting: Meeting) -> dict[str, Any]:
    """What a meeting holds, minus the bookkeeping of pending events."""
    return {
        key: value
        for key, value in vars(meeting).items()
        if key not in ("_pending_events", "_modified_on")
    }


def test_two_writers_racing_on_one_meeting_one_wins_nothing_lost(
    settings: Settings,
) -> None:
    first, second = build_application(settings), build_application(settings)
    try:
        scenario = open_meeting(first)
        a = first.load(Meeting, scenario.meeting_id)
        b = second.load(Meeting, scenario.meeting_id)
        for meeting, title in ((a, "Tham luận A"), (b, "Tham luận B")):
            meeting.add_agenda_item(actor=ACTOR, title=title)
        outcomes: list[str] = []

        def write(app: Steerlog, meeting: Meeting) -> None:
            try:
                app.commit(meeting)
                outcomes.append("stored")
            except ConcurrencyConflictError:
                outcomes.append("conflict")

        threads = [
            threading.Thread(target=write, args=(first, a)),
            threading.Thread(target=write, args=(second, b)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcomes) == ["conflict", "stored"]
        agenda = [
            item.title for item in first.load(Meeting, scenario.meeting_id).agenda
        ]
        assert agenda in (["Tham luận A"], ["Tham luận B"])
        retry = second.add_agenda_item(scenario.meeting_id, actor=ACTOR, title="lần 2")
        assert retry.version == a.version + 1
        events = [h.event for h in first.history(scenario.meeting_id)]
        assert events.count("AgendaItemAdded") == 2
    finally:
        first.close()
        second.close()


def test_replaying_a_meetings_events_gives_the_same_state(app: Steerlog) -> None:
    scenario = open_meeting(app)
    conclude(app, scenario)
    loaded = app.load(Meeting, scenario.meeting_id)
    replayed: Meeting | None = None
    for event in app.events.get(scenario.meeting_id):
        replayed = event.mutate(replayed)
    assert replayed is not None
    assert state(replayed) == state(loaded)


def test_long_meeting_loads_from_a_snapshot_with_the_same_state(app: Steerlog) -> None:
    scenario = open_meeting(app)
    for number in range(120):
        app.add_connection_point(
            scenario.meeting_id, actor=ACTOR, name=f"xã số {number}", level="commune"
        )
    snapshots = list(app.snapshots.get(scenario.meeting_id)) if app.snapshots else []
    assert snapshots, "a snapshot every 50 events"
    from_snapshot = app.load(Meeting, scenario.meeting_id)
    replayed: Meeting | None = None
    for event in app.events.get(scenario.meeting_id):
        replayed = event.mutate(replayed)
    assert replayed is not None
    assert state(from_snapshot) == state(replayed)
    assert len(from_snapshot.points) == 122


def test_each_snapshot_holds_the_state_replayed_to_its_version(
    app: Steerlog,
) -> None:
    scenario = open_meeting(app)
    for number in range(110):
        app.add_connection_point(
            scenario.meeting_id, actor=ACTOR, name=f"xã số {number}", level="commune"
        )
    conclude(app, scenario)  # one save of several events, whatever the interval
    assert app.snapshots is not None
    snapshots = list(app.snapshots.get(scenario.meeting_id))
    versions = [snapshot.originator_version for snapshot in snapshots]
    assert len(versions) == app.load(Meeting, scenario.meeting_id).version // 50
    for snapshot in snapshots:
        at_version = app.repository.get(
            scenario.meeting_id, version=snapshot.originator_version
        )
        replayed: Meeting | None = None
        for event in app.events.get(
            scenario.meeting_id, lte=snapshot.originator_version
        ):
            replayed = event.mutate(replayed)
        assert replayed is not None
        assert state(at_version) == state(replayed)


def test_a_rejected_save_takes_no_snapshot(settings: Settings) -> None:
    first, second = build_application(settings), build_application(settings)
    try:
        scenario = open_meeting(first)
        stale = second.load(Meeting, scenario.meeting_id)
        for number in range(60):
            first.add_connection_point(
                scenario.meeting_id, actor=ACTOR, name=f"xã {number}", level="commune"
            )
        assert first.snapshots is not None
        before = list(first.snapshots.get(scenario.meeting_id))
        for number in range(60):
            stale.add_agenda_item(actor=ACTOR, title=f"Nội dung {number}")
        with pytest.raises(ConcurrencyConflictError):
            second.commit(stale)
        assert list(first.snapshots.get(scenario.meeting_id)) == before
    finally:
        first.close()
        second.close()


def test_a_viewed_aggregate_never_changes_under_its_reader(app: Steerlog) -> None:
    scenario = open_meeting(app)
    viewed = app.view(Meeting, scenario.meeting_id)
    before = state(viewed)
    app.add_agenda_item(scenario.meeting_id, actor=ACTOR, title="Nội dung mới")
    assert state(viewed) == before
    current = app.view(Meeting, scenario.meeting_id)
    assert current.version == viewed.version + 1
    assert current.agenda[-1].title == "Nội dung mới"
    assert app.view(Meeting, scenario.meeting_id) is current  # nothing new: no copy


def test_a_loaded_aggregate_is_the_callers_own_copy(app: Steerlog) -> None:
    scenario = open_meeting(app)
    loaded = app.load(Meeting, scenario.meeting_id)
    loaded.add_agenda_item(actor=ACTOR, title="Chưa lưu")
    assert app.view(Meeting, scenario.meeting_id).agenda == []
    assert app.load(Meeting, scenario.meeting_id).agenda == []


def test_views_see_writes_of_another_process(settings: Settings) -> None:
    reader, writer = build_application(settings), build_application(settings)
    try:
        scenario = open_meeting(writer)
        assert reader.view(Meeting, scenario.meeting_id).agenda == []
        writer.add_agenda_item(scenario.meeting_id, actor=ACTOR, title="Báo cáo")
        assert [a.title for a in reader.view(Meeting, scenario.meeting_id).agenda] == [
            "Báo cáo"
        ]
    finally:
        reader.close()
        writer.close()


def test_threads_reading_while_others_write_always_see_a_whole_version(
    app: Steerlog,
) -> None:
    scenario = open_meeting(app)
    base = app.view(Meeting, scenario.meeting_id)
    items_at_base, version_at_base = len(base.agenda), base.version
    torn: list[tuple[int, int]] = []
    done = threading.Event()

    def write() -> None:
        for number in range(40):
            app.add_agenda_item(scenario.meeting_id, actor=ACTOR, title=f"Mục {number}")
        done.set()

    def read() -> None:
        while not done.is_set():
            seen = app.view(Meeting, scenario.meeting_id)
            agenda = list(seen.agenda)
            if len(agenda) - items_at_base != seen.version - version_at_base:
                torn.append((seen.version, len(agenda)))

    threads = [threading.Thread(target=read) for _ in range(3)]
    threads.append(threading.Thread(target=write))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert torn == []
    final = app.view(Meeting, scenario.meeting_id)
    assert len(final.agenda) == items_at_base + 40


def test_a_failed_snapshot_does_not_fail_the_write_it_follows(
    app: Steerlog, monkeypatch: pytest.MonkeyPatch
) -> None:
    scenario = open_meeting(app)
    assert app.snapshots is not None

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise OperationalError("snapshot store unavailable")

    monkeypatch.setattr(app.snapshots, "put", refuse)
    version = app.load(Meeting, scenario.meeting_id).version
    for number in range(50):  # crosses a snapshot interval
        app.add_agenda_item(scenario.meeting_id, actor=ACTOR, title=f"Mục {number}")
    assert app.load(Meeting, scenario.meeting_id).version == version + 50


def test_history_lists_every_event_with_actor_and_time(app: Steerlog) -> None:
    scenario = open_meeting(app)
    history = app.history(scenario.meeting_id)
    assert [h.event for h in history][:2] == ["Scheduled", "ConnectionPointAdded"]
    assert all(h.actor == ACTOR for h in history)
    assert [h.version for h in history] == list(range(1, len(history) + 1))
    assert history[0].data["starts_at"] == MEETING_DAY.isoformat()
    assert all(h.recorded_at.tzinfo is not None for h in history)


def test_get_as_of_returns_the_past_state(app: Steerlog) -> None:
    scenario = open_meeting(app)
    middle = datetime.now(UTC)
    app.add_agenda_item(scenario.meeting_id, actor=ACTOR, title="Mục sau")
    then = app.get_as_of(scenario.meeting_id, middle)
    assert isinstance(then, Meeting)
    assert then.agenda == []
    assert len(app.load(Meeting, scenario.meeting_id).agenda) == 1
    with pytest.raises(NotFoundError):
        app.get_as_of(scenario.meeting_id, middle - timedelta(days=3650))


def test_history_of_unknown_aggregate_is_not_found(app: Steerlog) -> None:
    with pytest.raises(NotFoundError):
        app.history(uuid4())


def test_every_aggregate_kind_round_trips_through_a_snapshot(app: Steerlog) -> None:
    scenario = open_meeting(app)
    speech_id, assignment_ids = conclude(app, scenario)
    app.correct_speech(
        scenario.meeting_id, speech_id, actor=ACTOR, reason="đính chính", text="Sửa lời"
    )
    app.amend_conclusion_item(
        scenario.meeting_id,
        "1",
        actor=ACTOR,
        text="Mục 1 đã sửa",
        reason="sai chính tả",
    )
    app.record_approval(
        scenario.meeting_id,
        actor=ACTOR,
        title="Kế hoạch CĐS 2022",
        document=DocumentRef("Kế hoạch", "55/KH-UBND", date(2022, 4, 12)),
    )
    app.report_progress(
        assignment_ids[1],
        actor=ACTOR,
        agency_id=scenario.department_id,
        note="đang làm",
    )
    app.request_extension(
        assignment_ids[1],
        actor=ACTOR,
        agency_id=scenario.department_id,
        deadline=date(2022, 3, 1),
        reason="chờ",
    )
    app.complete(
        assignment_ids[0],
        actor=ACTOR,
        agency_id=scenario.district_a_id,
        evidence="Kế hoạch số 12/KH-UBND",
    )
    app.change_title(
        scenario.chair_id,
        actor=ACTOR,
        title="Chủ tịch UBND tỉnh",
        effective_on=MEETING_DAY.date(),
    )
    app.appoint_member(
        scenario.committee_id, actor=ACTOR, person_id=scenario.chair_id, role="head"
    )
    for aggregate_id in (
        scenario.meeting_id,
        scenario.committee_id,
        scenario.districts_id,
        scenario.chair_id,
        *assignment_ids,
    ):
        app.take_snapshot(aggregate_id)
        current = app.get(aggregate_id)
        snapshot = next(iter(app.snapshots.get(aggregate_id, desc=True, limit=1)))
        restored = snapshot.mutate(None)
        assert vars(restored) == vars(current) | {"_pending_events": []}


def test_cached_aggregates_see_other_processes_writes(settings: Settings) -> None:
    first, second = build_application(settings), build_application(settings)
    try:
        scenario = open_meeting(first)
        assert first.load(Meeting, scenario.meeting_id).agenda == []  # now cached
        second.add_agenda_item(scenario.meeting_id, actor=ACTOR, title="Mục mới")
        assert [a.title for a in first.load(Meeting, scenario.meeting_id).agenda] == [
            "Mục mới"
        ]
    finally:
        first.close()
        second.close()


def test_changing_a_loaded_aggregate_leaves_the_cache_untouched(app: Steerlog) -> None:
    scenario = open_meeting(app)
    loaded = app.load(Meeting, scenario.meeting_id)
    loaded.add_agenda_item(actor=ACTOR, title="chưa lưu")
    loaded.points.clear()
    again = app.load(Meeting, scenario.meeting_id)
    assert again.agenda == [] and len(again.points) == 2
    assert again.version == loaded.version - 1
