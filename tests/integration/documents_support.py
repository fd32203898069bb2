"""Readers the documents' tests share: DOCX by python-docx, PDF by poppler."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import unicodedata
from pathlib import Path
from uuid import UUID, uuid5

import pytest
from docx import Document

from service.run.demo import demo_data
from service.run.demo.loader import DEMO


def seed_meeting_ids() -> list[UUID]:
    """The meetings of the five seed files (the Nghệ An plan has none)."""
    keys = []
    for data in demo_data():
        for part in ("meeting", "second_meeting"):
            if part in data:
                keys.append(data[part]["id_key"])
    return [uuid5(DEMO, key) for key in keys]


QUANG_NAM = uuid5(DEMO, "quang-nam-2021-12-10-conclusion")


def docx_paragraphs(body: bytes) -> list[str]:
    """Every paragraph of a DOCX, the tables' cells included, in reading order."""
    document = Document(io.BytesIO(body))
    texts = []
    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            texts.append(
                "".join(t.text or "" for t in block.iter() if t.tag.endswith("}t"))
            )
        elif block.tag.endswith("}tbl"):
            for paragraph in block.iter():
                if paragraph.tag.endswith("}p"):
                    texts.append(
                        "".join(
                            t.text or ""
                            for t in paragraph.iter()
                            if t.tag.endswith("}t")
                        )
                    )
    return [text for text in texts if text.strip()]


def poppler(tool: str) -> str:
    """A poppler-utils program (``.ci/run`` installs it); CI fails without it."""
    found = shutil.which(tool)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{tool} missing: apt-get install poppler-utils")
        pytest.skip(f"{tool} missing: apt-get install poppler-utils")
    return found


def pdf_text(body: bytes, tmp_path: Path) -> str:
    """The PDF's text as ``pdftotext`` reads it."""
    source = tmp_path / "read.pdf"
    source.write_bytes(body)
    result = subprocess.run(
        [poppler("pdftotext"), "-layout", str(source), "-"],
        check=True,
        capture_output=True,
    )
    return result.stdout.decode("utf-8")


def pdf_fonts(body: bytes, tmp_path: Path) -> list[list[str]]:
    """``pdffonts``' table: one row of columns per font."""
    source = tmp_path / "fonts.pdf"
    source.write_bytes(body)
    result = subprocess.run(
        [poppler("pdffonts"), str(source)], check=True, capture_output=True
    )
    return [line.split() for line in result.stdout.decode().splitlines()[2:]]


def is_nfc(text: str) -> bool:
    """Whether ``text`` is in NFC, the form steerlog stores and writes."""
    return unicodedata.is_normalized("NFC", text)


def flat(text: str) -> str:
    """Text with its line breaks and runs of spaces as single spaces."""
    return " ".join(text.split())
