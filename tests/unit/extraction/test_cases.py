"""A confirmed conclusion becomes a scoring case (texts and names invented)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from service.extraction.cases import (
    Case,
    case_from_conclusion,
    export_cases,
    slug,
    write_case,
)
from service.extraction.scoring import extract_reading, score_directory

TEXT = (
    "Ngày 10/3/2022, UBND tỉnh họp Ban Chỉ đạo chuyển đổi số.\n"
    "1. Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính xây dựng đề án y tế số, "
    "báo cáo UBND tỉnh (qua Sở Nội vụ) trong tháng 5.\n"
    "2. Đề nghị Tập đoàn Viettel hỗ trợ hạ tầng theo Nghị quyết số 04-NQ/TU.\n"
)
CONCLUSION: dict[str, Any] = {
    "items": [
        {
            "number": "1",
            "text": "Giao Sở Y tế ...",
            "tasks": [
                {
                    "title": "xây dựng đề án y tế số",
                    "lead": ["Sở Y tế"],
                    "coordinating": ["Sở Tài chính"],
                    "kind": "task",
                    "deadline": date(2022, 5, 31),
                    "deadline_text": "trong tháng 5",
                    "report_to": "UBND tỉnh",
                    "report_via": "Sở Nội vụ",
                    "documents": [],
                }
            ],
        },
        {
            "number": "2",
            "text": "Đề nghị Tập đoàn Viettel ...",
            "tasks": [
                {
                    "title": "hỗ trợ hạ tầng",
                    "lead": ["Tập đoàn Viettel"],
                    "coordinating": [],
                    "kind": "request",
                    "deadline": None,
                    "deadline_text": None,
                    "report_to": None,
                    "report_via": None,
                    "documents": [
                        {"kind": "Nghị quyết", "number": "04-NQ/TU", "date": None}
                    ],
                }
            ],
        },
    ]
}
MEETING = {"date": "2022-03-10", "chair": None, "connection_points": []}


def test_a_case_starts_with_its_source_line() -> None:
    case = case_from_conclusion("Họp BCĐ tỉnh", "steerlog:meeting/42", TEXT, CONCLUSION)
    assert case.name == "hop-bcd-tinh"
    assert case.text.startswith("# source: steerlog:meeting/42\n")


def test_tasks_become_assignments_in_the_scoring_shape() -> None:
    case = case_from_conclusion("x", "s", TEXT, CONCLUSION, MEETING)
    first, second = case.expected["assignments"]
    assert first == {
        "item": "1",
        "assignees_lead": ["Sở Y tế"],
        "assignees_coordinating": ["Sở Tài chính"],
        "deadline": "2022-05-31",
        "deadline_text": "trong tháng 5",
        "summary": "xây dựng đề án y tế số",
        "report_to": "UBND tỉnh (qua Sở Nội vụ)",
    }
    assert second["kind"] == "request"
    assert case.expected["documents_cited"] == [
        {"kind": "Nghị quyết", "number": "04-NQ/TU", "date": None}
    ]
    assert case.expected["meeting"]["date"] == "2022-03-10"


def test_a_written_case_is_scored_like_the_dev_set(tmp_path: Path) -> None:
    case = case_from_conclusion("x", "s", TEXT, CONCLUSION, MEETING)
    text_path, json_path = write_case(case, tmp_path)
    assert json.loads(json_path.read_text(encoding="utf-8")) == case.expected
    scores = score_directory(tmp_path, tmp_path / "expected")
    assert scores.failed == 0
    assert scores.figures()["assignments"] == 1.0
    assert scores.figures()["documents"] == 1.0
    assert extract_reading(text_path.read_text(encoding="utf-8"))["assignments"]


def test_a_text_that_has_its_source_line_keeps_only_that_one() -> None:
    case = case_from_conclusion("x", "s", "# source: http://a.vn\nBody.", CONCLUSION)
    assert case.text.count("# source:") == 1


def test_exported_cases_never_share_a_name(tmp_path: Path) -> None:
    cases = [Case("same", "a\n", {}), Case("same", "b\n", {})]
    written = export_cases(cases, tmp_path)
    assert [p.name for p in written] == ["same.txt", "same-2.txt"]


def test_a_slug_is_ascii() -> None:
    assert slug("Đề án 06: Hội nghị tỉnh Đắk Lắk") == "de-an-06-hoi-nghi-tinh-dak-lak"
