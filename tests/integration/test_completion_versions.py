"""A completion stored before it could name a document (Completed v1) still loads,
replays and projects: it reads as one without a document."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from domain.assignment import Assignment
from service.readmodel.base import AssignmentFilter, Page
from service.readmodel.projector import Projector
from service.readmodel.readside import ReadSide
from service.run.composition import build_application, build_read_model
from service.settings import Settings
from service.usecases.steerlog import Steerlog
from tests.scenario import ACTOR, conclude, open_meeting

RELEASED_TOPIC = "domain.assignment:Assignment.Completed"


def store_version_1_completion(app: Steerlog, task: Assignment, agency: UUID) -> None:
    """Write a completion as version 1 wrote it: no document, no class_version."""
    state = {
        "timestamp": datetime(2021, 12, 21, 2, 0, tzinfo=UTC),
        "actor": ACTOR,
        "agency_id": agency,
        "completed_on": date(2021, 12, 20),
        "evidence": "Báo cáo số 12/BC-STTTT",
    }
    mapper = app.mapper
    data = mapper.transcoder.encode(state)
    if mapper.compressor:
        data = mapper.compressor.compress(data)
    if mapper.cipher:
        data = mapper.cipher.encrypt(data)
    stored = StoredEvent(task.id, task.version + 1, RELEASED_TOPIC, data)
    app.recorder.insert_events([stored])


def test_a_version_1_completion_loads_and_projects_without_a_document(
    app: Steerlog, settings: Settings
) -> None:
    scenario = open_meeting(app)
    _, task_ids = conclude(app, scenario)
    tasks = [app.load(Assignment, task_id) for task_id in task_ids]
    # One agency's task: its one completion completes it.
    task = next(task for task in tasks if len(task.tracked) == 1)
    [agency] = task.tracked
    store_version_1_completion(app, task, agency)
    fresh = build_application(settings)  # nothing cached from before the insert
    try:
        loaded = fresh.load(Assignment, task.id)
        model = build_read_model(settings)
        try:
            Projector(fresh, model).catch_up()
            listed = ReadSide(model).assignments(
                AssignmentFilter(
                    day=date(2022, 1, 1), committee_id=scenario.committee_id
                ),
                Page(),
            )
        finally:
            model.close()
    finally:
        fresh.close()
    completion = loaded.completions[agency]
    assert (completion.completed_on, completion.document) == (date(2021, 12, 20), None)
    assert completion.evidence == "Báo cáo số 12/BC-STTTT"
    [row] = [row for row in listed.items if row.id == str(task.id)]
    assert (row.completed_on, row.status) == ("2021-12-20", "done_on_time")
