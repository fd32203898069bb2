"""The command line: ``python -m service.extraction FILE [--format] [--spans]``."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from service.extraction.__main__ import main

from .helpers import SEEDS


def test_json_output_is_the_scorer_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEEDS / "quang-nam-2021-12-10-conclusion.txt")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"meeting", "speeches", "assignments", "documents_cited"}
    assert data["meeting"]["date"] == "2021-12-10"


def test_json_keeps_vietnamese_letters_unescaped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main([str(SEEDS / "quang-nam-2021-12-10-conclusion.txt"), "--format", "json"])
    assert "Sở Thông tin và Truyền thông" in capsys.readouterr().out


def test_spans_flag_adds_spans(capsys: pytest.CaptureFixture[str]) -> None:
    main([str(SEEDS / "quang-nam-2021-12-10-conclusion.txt"), "--spans"])
    data = json.loads(capsys.readouterr().out)
    assert "spans" in data["assignments"][0]


def test_text_format_is_readable(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main([str(SEEDS / "quang-nam-2021-12-10-conclusion.txt"), "--format", "text"])
        == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("Meeting: ")
    assert "deadline: 2021-12-31" in out


def test_dash_reads_standard_input_with_a_bom(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = "\ufeffGiao Sở Y tế rà soát thủ tục trước ngày 30/6/2024.".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["-"]) == 0
    found = json.loads(capsys.readouterr().out)["assignments"]
    assert found[0]["assignees_lead"] == ["Sở Y tế"]


def test_invalid_utf8_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Sở Y tế".encode("utf-16"))
    assert main([str(path)]) == 2
    err = capsys.readouterr().err
    assert "not UTF-8" in err and err.count("\n") == 1


def test_missing_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "nope.txt")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_binary_file_is_refused_with_exit_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "zeros.bin"
    path.write_bytes(b"\x00" * 100)
    assert main([str(path)]) == 2
    assert "NUL" in capsys.readouterr().err
