"""Every field says which rule set it and the words it read (texts invented)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.extraction import extract
from service.extraction.__main__ import main
from service.extraction.explain import explain, render_explanation

TEXT = (
    "Ngày 10/3/2022, UBND tỉnh họp Ban Chỉ đạo chuyển đổi số. Phó Chủ tịch UBND "
    "tỉnh Hồ Văn Bình chủ trì cuộc họp.\n"
    "Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính xây dựng đề án, báo cáo UBND "
    "tỉnh trong tháng 5."
)


def test_spans_carry_the_rule_and_anchor_of_each_task() -> None:
    (task,) = extract(TEXT).to_dict(spans=True)["assignments"]
    assert task["rules"]["task"] == "task.directive-verb"
    start, end = task["spans"]["anchor"]
    assert TEXT[start:end] == "Giao Sở Y tế"
    assert task["rules"]["deadline"] == "deadline.month_end (year of the text's date)"


def test_spans_carry_the_rules_of_the_meeting_fields() -> None:
    meeting = extract(TEXT).to_dict(spans=True)["meeting"]
    assert meeting["rules"]["chair"] == "chair.chu-tri"
    assert meeting["rules"]["date"] == "date.opening (year written)"


def test_each_field_traces_to_the_words_it_read() -> None:
    traces = {t.field: t for t in explain(extract(TEXT), TEXT)}
    lead = traces["assignment 1 (item 1).lead"]
    assert (lead.value, lead.rule, lead.read) == (
        "Sở Y tế",
        "task.directive-verb",
        "Sở Y tế",
    )
    helper = traces["assignment 1 (item 1).coordinating"]
    assert helper.read == "Sở Tài chính"
    deadline = traces["assignment 1 (item 1).deadline"]
    assert (deadline.value, deadline.read) == ("2022-05-31", "trong tháng 5")
    assert traces["meeting.chair"].value == "Hồ Văn Bình"


def test_the_explanation_renders_one_rule_line_per_field() -> None:
    out = render_explanation(explain(extract(TEXT), TEXT))
    assert "assignment 1 (item 1).lead: Sở Y tế" in out
    assert "rule task.directive-verb" in out


def test_cli_explain_prints_rules_after_the_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "note.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main([str(path), "--format", "text", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "Why:" in out
    assert "rule deadline.month_end" in out


def test_cli_explain_in_json_lists_traces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "note.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main([str(path), "--explain"]) == 0
    data = json.loads(capsys.readouterr().out)
    fields = {t["field"]: t for t in data["explain"]}
    assert fields["assignment 1 (item 1).lead"]["read"] == "Sở Y tế"
    assert "spans" in data["assignments"][0]
