"""A meeting exported, validated by its JSON Schema, imported into an empty store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from uuid import UUID

import jsonschema
import pytest

from domain.agency import Agency
from domain.assignment import Assignment
from domain.committee import Committee
from domain.errors import InvalidValueError
from domain.meeting import Meeting
from service.documents.export import export_meeting, export_schema
from service.documents.meeting_import import import_meeting
from service.documents.record import meeting_record
from service.readmodel.projector import Projector
from service.readmodel.readside import ReadSide
from service.run.composition import build_application, build_read_model
from service.run.demo import load_demo
from service.settings import Settings
from service.usecases.steerlog import Steerlog
from tests.conftest import sqlite_settings
from tests.integration.documents_support import QUANG_NAM, seed_meeting_ids

DAY = date(2026, 1, 1)


@pytest.fixture
def elsewhere(tmp_path: Path) -> Iterator[tuple[Steerlog, ReadSide]]:
    """Another, empty steerlog (its own SQLite file) and its read side."""
    settings = sqlite_settings(tmp_path / "elsewhere")
    (tmp_path / "elsewhere").mkdir()
    application = build_application(settings)
    model = build_read_model(settings)
    yield application, ReadSide(model)
    model.close()
    application.close()


def lineage(app: Steerlog, read_side: ReadSide, key: str, direction: str) -> set[str]:
    """The nodes a lineage walk reaches, once the projector has run."""
    Projector(app, read_side.read_model).catch_up()
    return {node.key for node in read_side.lineage(key, direction, 12, DAY).nodes}


def test_every_seed_meeting_s_export_is_valid_by_its_json_schema(app: Steerlog) -> None:
    load_demo(app)
    validator = jsonschema.Draft202012Validator(
        export_schema(), format_checker=jsonschema.FormatChecker()
    )
    jsonschema.Draft202012Validator.check_schema(export_schema())
    for meeting_id in seed_meeting_ids():
        export = json.loads(json.dumps(export_meeting(app, meeting_id)))
        assert list(validator.iter_errors(export)) == []
        assert export["events"][0]["id"] == str(meeting_id)


def test_an_import_recreates_the_meeting_with_the_same_lineage_up_and_down(
    app: Steerlog, settings: Settings, elsewhere: tuple[Steerlog, ReadSide]
) -> None:
    load_demo(app)
    model = build_read_model(settings)
    here = ReadSide(model)
    there_app, there = elsewhere
    export = json.loads(json.dumps(export_meeting(app, QUANG_NAM)))
    imported = import_meeting(there_app, export, "importer")
    assert imported.meeting.id == QUANG_NAM and imported.skipped == []
    record = meeting_record(app, QUANG_NAM)
    starts = [f"meeting:{QUANG_NAM}"] + [
        f"assignment:{task.id}" for item in record.items for task in item.tasks
    ]
    for key in starts:
        for direction in ("up", "down"):
            assert lineage(there_app, there, key, direction) == lineage(
                app, here, key, direction
            ), (key, direction)
    model.close()
    copy = there_app.view(Meeting, QUANG_NAM)
    original = app.view(Meeting, QUANG_NAM)
    assert copy.notice == original.notice and copy.status == original.status
    assert list(copy.speeches) == list(original.speeches)
    for item in record.items:
        for task in item.tasks:
            moved = there_app.view(Assignment, task.id)
            assert moved.deadline == task.deadline
            assert moved.status_on(DAY) == task.status_on(DAY)


def test_an_export_of_the_first_format_is_still_imported(
    app: Steerlog, elsewhere: tuple[Steerlog, ReadSide]
) -> None:
    """Version 1 had no committee ``other_names``: it is version 2 without them."""
    load_demo(app)
    there_app, _ = elsewhere
    export = json.loads(json.dumps(export_meeting(app, QUANG_NAM)))
    assert export["format"] == "steerlog-meeting-export/2"
    export["format"] = "steerlog-meeting-export/1"
    del export["organizations"][0]["other_names"]
    imported = import_meeting(there_app, export, "importer")
    assert imported.meeting.id == QUANG_NAM and imported.writes > 0
    export["format"] = "steerlog-meeting-export/3"
    with pytest.raises(InvalidValueError):
        import_meeting(there_app, export, "importer")


def test_importing_twice_adds_nothing(
    app: Steerlog, elsewhere: tuple[Steerlog, ReadSide]
) -> None:
    load_demo(app)
    there_app, _ = elsewhere
    export = export_meeting(app, QUANG_NAM)
    first = import_meeting(there_app, export, "importer")
    end = there_app.recorder.max_notification_id()
    second = import_meeting(there_app, export, "importer")
    assert first.writes > 0 and second.writes == 0
    assert there_app.recorder.max_notification_id() == end
    assert second.meeting == first.meeting


def test_a_malformed_export_is_refused_naming_the_place_and_stores_nothing(
    app: Steerlog, elsewhere: tuple[Steerlog, ReadSide]
) -> None:
    load_demo(app)
    there_app, _ = elsewhere
    export = export_meeting(app, QUANG_NAM)
    export["speeches"][0]["type"] = "shouting"
    with pytest.raises(InvalidValueError) as refused:
        import_meeting(there_app, export, "importer")
    assert refused.value.field == "speeches.0.type"
    forged = export_meeting(app, QUANG_NAM)
    forged["organizations"][0]["id"] = str(UUID(int=7))
    with pytest.raises(InvalidValueError):
        import_meeting(there_app, forged, "importer")
    assert not there_app.recorder.max_notification_id()


def test_a_meeting_whose_committee_and_agency_were_renamed_is_imported_by_its_ids(
    app: Steerlog, elsewhere: tuple[Steerlog, ReadSide]
) -> None:
    """Ids derive from the names given at first; the export lists the names had
    before, so the import finds them, then gives the current names."""
    load_demo(app)
    there_app, _ = elsewhere
    original = meeting_record(app, QUANG_NAM)
    committee_id = original.committee.id
    agency_id = next(iter(original.agency_names))
    for name in ("Ban Chỉ đạo Chuyển đổi số tỉnh", "Ban Chỉ đạo CĐS tỉnh Quảng Nam"):
        app.rename_committee(committee_id, actor="tests", name=name)
    app.rename_agency(agency_id, actor="tests", name="Sở Khoa học và Công nghệ")
    export = json.loads(json.dumps(export_meeting(app, QUANG_NAM)))
    first = import_meeting(there_app, export, "importer")
    assert first.meeting.id == QUANG_NAM
    copy = there_app.view(Committee, committee_id)
    assert (copy.name, copy.former_names) == (
        app.view(Committee, committee_id).name,
        app.view(Committee, committee_id).former_names,
    )
    moved, kept = there_app.view(Agency, agency_id), app.view(Agency, agency_id)
    assert (moved.name, sorted(moved.aliases)) == (kept.name, sorted(kept.aliases))
    assert import_meeting(there_app, export, "importer").writes == 0
