"""The projector: exactly once through crashes, rebuilds identical to increments."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any
from uuid import uuid4

import pytest

from domain.meeting import Meeting
from domain.values import Authority
from service.readmodel.changes import Change, Changes
from service.readmodel.projections import PROJECTIONS
from service.readmodel.projections.core import Projection
from service.readmodel.projector import Projector
from service.readmodel.readside import ReadSide
from service.run.composition import build_read_model
from service.run.demo import load_demo
from service.settings import Settings
from service.usecases.steerlog import Steerlog
from tests.scenario import ACTOR, MEETING_DAY, conclude, open_meeting

# Events no read model needs (they stay in each aggregate's history).
NOT_PROJECTED = {
    "Acknowledged",
    "AgendaItemAdded",
    "ChairAssigned",
    "MemberAppointed",
    "MemberRelieved",
    "ProgressReported",
}


@pytest.fixture
def read_side(settings: Settings) -> Iterator[ReadSide]:
    model = build_read_model(settings)
    yield ReadSide(model)
    model.close()


def dumps(read_side: ReadSide) -> dict[str, Any]:
    """Every row of every projection, in a stable order."""
    return {name: read_side.read_model.dump(name) for name in PROJECTIONS}


def test_every_stored_event_is_projected_or_deliberately_not(app: Steerlog) -> None:
    load_demo(app)
    topics = {n.topic for n in app.recorder.select_notifications(1, 100_000)}
    handled = set().union(*(p.handlers for p in PROJECTIONS.values()))
    missing = {t for t in topics - handled if t.rsplit(".", 1)[-1] not in NOT_PROJECTED}
    assert missing == set()


def test_rebuild_gives_identical_tables(app: Steerlog, read_side: ReadSide) -> None:
    load_demo(app)
    projector = Projector(app, read_side.read_model, batch_size=37)
    projector.catch_up()
    incremental = dumps(read_side)
    assert incremental["tracker"]["assignments"]
    for name in PROJECTIONS:
        projector.rebuild(name)
    assert dumps(read_side) == incremental


class CrashingProjection(Projection[Any]):
    """Wraps a projection and fails after some events, as a crash mid-batch would."""

    def __init__(self, inner: Projection[Any], fail_after: int) -> None:
        super().__init__(inner.name, inner.changes)
        self.handlers, self.left = inner.handlers, fail_after

    def handle(self, topic: str, event: Any, out: Changes) -> None:
        self.left -= 1
        if self.left < 0:
            raise RuntimeError("projector died mid-batch")
        super().handle(topic, event, out)


def test_a_projection_that_keeps_failing_holds_back_no_other(
    app: Steerlog, read_side: ReadSide
) -> None:
    load_demo(app)
    # It fails at its 11th event, and every time it is retried.
    poisoned = CrashingProjection(PROJECTIONS["tracker"], 10)
    others = [p for name, p in PROJECTIONS.items() if name != "tracker"]
    projector = Projector(app, read_side.read_model, [poisoned, *others])
    stop = threading.Event()
    follower = threading.Thread(target=projector.run, args=(stop, 0.01))
    follower.start()
    head = app.recorder.max_notification_id()
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            positions = read_side.read_model.positions()
            if all(positions[p.name] == head for p in others):
                break
            time.sleep(0.05)
    finally:
        stop.set()
        follower.join(timeout=30)
    positions = read_side.read_model.positions()
    assert {p.name: positions[p.name] for p in others} == {p.name: head for p in others}
    assert positions["tracker"] < head


def test_crash_mid_batch_applies_nothing_and_a_restart_catches_up(
    app: Steerlog, read_side: ReadSide
) -> None:
    load_demo(app)
    tracker = PROJECTIONS["tracker"]
    crashing = Projector(app, read_side.read_model, [CrashingProjection(tracker, 10)])
    with pytest.raises(RuntimeError):
        crashing.run_once()
    assert read_side.read_model.position("tracker") == 0
    assert read_side.read_model.dump("tracker")["assignments"] == []
    Projector(app, read_side.read_model).catch_up()
    after_crash = dumps(read_side)
    for name in PROJECTIONS:
        Projector(app, read_side.read_model).rebuild(name)
    assert dumps(read_side) == after_crash


def test_two_projectors_never_apply_an_event_twice(
    app: Steerlog, read_side: ReadSide, settings: Settings
) -> None:
    load_demo(app)
    other_model = build_read_model(settings)
    try:
        first = Projector(app, read_side.read_model, batch_size=25)
        second = Projector(app, other_model, batch_size=25)
        while first.run_once() + second.run_once():
            pass
        raced = dumps(read_side)
        for name in PROJECTIONS:
            first.rebuild(name)
        assert dumps(read_side) == raced
    finally:
        other_model.close()


def backlog(app: Steerlog, speeches: int) -> None:
    """A long meeting saved in a few large writes: thousands of notifications."""
    scenario = open_meeting(app)
    meeting = app.load(Meeting, scenario.meeting_id)
    for number in range(speeches):
        meeting.record_speech(
            actor=ACTOR,
            speech_id=uuid4(),
            speaker_id=scenario.chair_id,
            speaker_name="Hồ Quang Bửu",
            speaker_title=None,
            kind="discussion",
            spoken_at=MEETING_DAY + timedelta(seconds=number),
            text=f"Ý kiến số {number} về chuyển đổi số",
        )
        if number % 500 == 499:
            app.commit(meeting)
    app.commit(meeting)


def test_killed_projector_process_resumes_exactly_once(
    app: Steerlog, read_side: ReadSide, settings: Settings
) -> None:
    backlog(app, 4000)
    load_demo(app)
    environment = {**os.environ, "STEERLOG_DATABASE_URL": settings.database.url}
    command = [sys.executable, "-m", "service.run.cli", "project"]
    process = subprocess.Popen(command, env=environment)
    try:
        while read_side.read_model.position("search") == 0:  # it is mid-way now
            time.sleep(0.01)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    finished = subprocess.run([*command, "--once"], env=environment, check=True)
    assert finished.returncode == 0
    assert read_side.position() == app.recorder.max_notification_id()
    resumed = dumps(read_side)
    for name in PROJECTIONS:
        Projector(app, read_side.read_model).rebuild(name)
    assert dumps(read_side) == resumed


def follow_up_story(app: Steerlog) -> None:
    """Tasks completed, reopened, reassigned, extended and completed again."""
    scenario = open_meeting(app)
    _, (group_task, guide, _) = conclude(app, scenario)
    authority = Authority(meeting_id=scenario.meeting_id, item_number="2")
    app.complete(
        group_task, actor=ACTOR, agency_id=scenario.district_a_id, evidence="BC 1"
    )
    app.complete(guide, actor=ACTOR, agency_id=scenario.department_id, evidence="x")
    app.reopen(guide, actor=ACTOR, reason="chưa đạt")
    app.request_extension(
        guide,
        actor=ACTOR,
        agency_id=scenario.department_id,
        deadline=date(2022, 2, 28),
        reason="chờ",
    )
    app.extend_deadline(
        guide,
        actor=ACTOR,
        deadline=date(2022, 2, 28),
        authority=authority,
        reason="đồng ý",
    )
    app.reassign(
        group_task,
        actor=ACTOR,
        lead=[scenario.district_b_id],
        authority=authority,
        reason="điều chỉnh",
    )
    app.complete(
        group_task, actor=ACTOR, agency_id=scenario.district_b_id, evidence="BC 2"
    )
    app.complete(guide, actor=ACTOR, agency_id=scenario.department_id, evidence="y")
    app.reopen(guide, actor=ACTOR, reason="thiếu")
    app.reassign(
        guide,
        actor=ACTOR,
        lead=[scenario.finance_id],
        authority=authority,
        reason="điều chỉnh",
    )
    app.complete(guide, actor=ACTOR, agency_id=scenario.finance_id, evidence="z")


def test_grouped_statements_give_the_tables_of_one_event_at_a_time(
    app: Steerlog, read_side: ReadSide
) -> None:
    # One notification per batch applies statements in the order events came;
    # one batch for everything groups them by statement, around barriers.
    follow_up_story(app)
    Projector(app, read_side.read_model, batch_size=1).catch_up()
    one_by_one = dumps(read_side)
    assert any(row["completed_on"] for row in one_by_one["tracker"]["assignments"])
    whole = Projector(app, read_side.read_model, batch_size=100_000)
    for name in PROJECTIONS:
        whole.rebuild(name)
    assert dumps(read_side) == one_by_one


class DoublingProjection(Projection[Any]):
    """Wraps a projection and writes each event's rows twice: a key is repeated."""

    def __init__(self, inner: Projection[Any]) -> None:
        super().__init__(inner.name, inner.changes)
        self.handlers = inner.handlers

    def handle(self, topic: str, event: Any, out: Changes) -> None:
        super().handle(topic, event, out)
        super().handle(topic, event, out)


def test_one_process_commits_every_projection_of_a_batch_or_none(
    app: Steerlog, read_side: ReadSide
) -> None:
    load_demo(app)
    projections = [
        PROJECTIONS["meetings"],
        DoublingProjection(PROJECTIONS["directory"]),
        PROJECTIONS["tracker"],
    ]
    projector = Projector(app, read_side.read_model, projections)
    with pytest.raises(Exception, match=r"(?i)unique|duplicate"):
        projector.catch_up()
    positions = read_side.read_model.positions()
    assert [positions[p.name] for p in projections] == [0, 0, 0]
    assert read_side.read_model.dump("meetings")["meetings"] == []
    assert read_side.read_model.dump("tracker")["assignments"] == []


def test_projectors_catching_up_together_apply_each_event_once(
    app: Steerlog, read_side: ReadSide, settings: Settings
) -> None:
    # Each commits a batch while it prepares the next; a batch prepared on
    # positions another projector moved is dropped.
    load_demo(app)
    other_model = build_read_model(settings)
    try:
        projectors = [
            Projector(app, model, batch_size=20)
            for model in (read_side.read_model, other_model)
        ]
        threads = [threading.Thread(target=p.catch_up) for p in projectors]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert read_side.position() == app.recorder.max_notification_id()
        raced = dumps(read_side)
        for name in PROJECTIONS:
            projectors[0].rebuild(name)
        assert dumps(read_side) == raced
    finally:
        other_model.close()


def test_processes_starting_together_create_the_tables_once(
    settings: Settings,
) -> None:
    # Each projector process builds its read model, creating every table.
    models = [build_read_model(settings)]
    for name in PROJECTIONS:
        models[0].drop(name)
    models += [build_read_model(settings) for _ in range(3)]
    failures: list[Exception] = []

    def create(model: Any) -> None:
        try:
            model.create()
        except Exception as error:  # a deadlock, say
            failures.append(error)

    try:
        threads = [threading.Thread(target=create, args=(m,)) for m in models]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        assert set(models[0].positions().values()) == {0}
    finally:
        for model in models:
            model.close()


def test_creating_tables_while_a_batch_commits_waits_for_it(
    postgres_settings: Settings,
) -> None:
    """A process starting (it creates every table) while a projector commits:
    the start waits for the batch instead of deadlocking with its row locks."""
    model = build_read_model(postgres_settings)
    starting = build_read_model(postgres_settings)
    outcome: dict[str, str] = {}

    def start() -> None:
        try:
            starting.create()
            outcome["create"] = "ok"
        except Exception as error:
            outcome["create"] = repr(error)

    try:
        with model.transaction() as cursor:
            # A batch as ReadModel.commit runs it: set up, positions, then rows.
            model.prepare_batch(cursor)
            for name in sorted(PROJECTIONS):
                moved = {"name": name, "expected": 0, "new": 10}
                model.execute(cursor, "position_move", moved)
            thread = threading.Thread(target=start)
            thread.start()
            time.sleep(0.5)  # the start is now waiting, wherever it waits
            name = {"agency_id": str(uuid4()), "folded": "so tttt", "name": "Sở TTTT"}
            model.apply(cursor, model.render([Change("agency_name_added", name)], {}))
        thread.join(timeout=30)
        assert outcome == {"create": "ok"}
        assert set(model.positions().values()) == {10}
    finally:
        model.close()
        starting.close()
