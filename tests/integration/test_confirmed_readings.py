"""Confirmed readings on SQLite and PostgreSQL: keep, export as cases, score them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from uuid import uuid4

import pytest

from domain.errors import InvalidValueError
from domain.values import AssignmentKind, DocumentRef
from service.errors import NotFoundError
from service.extraction import extract
from service.extraction.scoring import score_directory
from service.usecases.steerlog import Steerlog
from tests.scenario import ACTOR, Scenario, open_meeting

TEXT = (
    "THÔNG BÁO KẾT LUẬN\n"
    "1. Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính xây "
    "dựng kế hoạch chuyển đổi số năm 2022, báo cáo UBND tỉnh trước ngày 15/01/2022.\n"
    "2. Sở Tài chính bố trí kinh phí thực hiện theo Nghị quyết số 04-NQ/TU.\n"
)


@pytest.fixture
def scenario(app: Steerlog) -> Scenario:
    return open_meeting(app)


def _confirmed(scenario: Scenario) -> dict[str, object]:
    """The conclusion body as the confirm flows load it: ids, dates, value objects."""
    plan = {
        "title": "xây dựng kế hoạch chuyển đổi số năm 2022",
        "lead": [scenario.department_id],
        "coordinating": [scenario.finance_id],
        "kind": AssignmentKind.TASK,
        "deadline": date(2022, 1, 15),
        "deadline_text": "trước ngày 15/01/2022",
        "report_to": scenario.districts_id,
        "report_via": None,
        "documents": [],
    }
    funds = {
        "title": "bố trí kinh phí thực hiện",
        "lead": [scenario.finance_id],
        "coordinating": [],
        "kind": AssignmentKind.TASK,
        "deadline": None,
        "deadline_text": None,
        "report_to": None,
        "report_via": None,
        "documents": [DocumentRef("Nghị quyết", "04-NQ/TU")],
    }
    return {
        "items": [
            {"number": "1", "text": "Kế hoạch", "tasks": [plan]},
            {"number": "2", "text": "Kinh phí", "tasks": [funds]},
        ]
    }


def test_a_kept_reading_exports_as_a_case_the_extractor_scores_on(
    app: Steerlog, scenario: Scenario, tmp_path: Path
) -> None:
    draft = extract(TEXT).to_dict()
    kept = app.keep_confirmed_reading(
        actor=ACTOR,
        meeting_id=scenario.meeting_id,
        text=TEXT,
        draft=draft,
        confirmed=_confirmed(scenario),
    )
    reading = app.confirmed_reading(scenario.meeting_id, TEXT)
    assert reading.id == kept.id
    assert reading.draft == json.loads(json.dumps(draft))
    assert reading.confirmed["items"][0]["tasks"][0]["deadline"] == "2022-01-15"

    written = app.export_confirmed_readings(tmp_path)
    assert [p.name for p in written] == [
        f"confirmed-{scenario.meeting_id}-" + reading.digest[:8] + ".txt"
    ]
    expected = json.loads(
        (tmp_path / "expected" / written[0].with_suffix(".json").name).read_text(
            encoding="utf-8"
        )
    )
    first = expected["assignments"][0]
    assert first["assignees_lead"] == ["Sở Thông tin và Truyền thông"]
    assert first["assignees_coordinating"] == ["Sở Tài chính"]
    assert first["report_to"] == "UBND các huyện, thị xã, thành phố"
    assert expected["documents_cited"] == [
        {"kind": "Nghị quyết", "number": "04-NQ/TU", "date": None}
    ]
    assert written[0].read_text(encoding="utf-8").startswith("# source: steerlog")

    scores = score_directory(tmp_path, tmp_path / "expected")
    figures = scores.figures()
    assert scores.failed == 0
    assert (figures["assignments"], figures["lead"], figures["deadline"]) == (
        1.0,
        1.0,
        1.0,
    )


def test_confirming_the_same_text_again_keeps_nothing_new(
    app: Steerlog, scenario: Scenario, tmp_path: Path
) -> None:
    body = {"meeting_id": scenario.meeting_id, "text": TEXT, "draft": {}}
    first = app.keep_confirmed_reading(
        actor=ACTOR, confirmed=_confirmed(scenario), **body
    )
    again = app.keep_confirmed_reading(actor=ACTOR, confirmed={"items": []}, **body)
    assert again.id == first.id and again.version == first.version == 1
    assert len(app.history(first.id)) == 1
    assert len(list(app.confirmed_readings())) == 1
    assert len(app.export_confirmed_readings(tmp_path)) == 1


def test_agencies_are_named_as_the_directory_names_them_at_export(
    app: Steerlog, scenario: Scenario, tmp_path: Path
) -> None:
    app.keep_confirmed_reading(
        actor=ACTOR,
        meeting_id=scenario.meeting_id,
        text=TEXT,
        draft={},
        confirmed=_confirmed(scenario),
    )
    app.rename_agency(scenario.finance_id, actor=ACTOR, name="Sở Tài chính tỉnh")
    app.export_confirmed_readings(tmp_path)
    (case,) = (tmp_path / "expected").glob("*.json")
    expected = json.loads(case.read_text(encoding="utf-8"))
    assert expected["assignments"][1]["assignees_lead"] == ["Sở Tài chính tỉnh"]


def test_a_reading_of_an_unknown_meeting_is_refused_and_nothing_kept(
    app: Steerlog,
) -> None:
    with pytest.raises(NotFoundError):
        app.keep_confirmed_reading(
            actor=ACTOR, meeting_id=uuid4(), text=TEXT, draft={}, confirmed={}
        )
    assert list(app.confirmed_readings()) == []


def test_many_readings_are_all_listed_in_the_order_kept(
    app: Steerlog, scenario: Scenario
) -> None:
    texts = [f"Giao Sở Tài chính rà soát hồ sơ số {n}." for n in range(3)]
    for text in texts:
        app.keep_confirmed_reading(
            actor=ACTOR,
            meeting_id=scenario.meeting_id,
            text=text,
            draft={},
            confirmed={"items": []},
        )
    assert [r.text for r in app.confirmed_readings()] == texts


@pytest.mark.parametrize(
    ("draft", "confirmed", "field"),
    [
        ({"x": object()}, {}, "draft"),
        ({}, {"items": [{"tasks": [{"deadline": float("inf")}]}]}, "confirmed"),
    ],
)
def test_a_reading_that_is_not_json_data_is_refused_and_nothing_kept(
    app: Steerlog,
    scenario: Scenario,
    draft: dict[str, object],
    confirmed: dict[str, object],
    field: str,
) -> None:
    with pytest.raises(InvalidValueError) as refused:
        app.keep_confirmed_reading(
            actor=ACTOR,
            meeting_id=scenario.meeting_id,
            text=TEXT,
            draft=draft,
            confirmed=confirmed,
        )
    assert (refused.value.field or "").startswith(field)
    assert list(app.confirmed_readings()) == []
