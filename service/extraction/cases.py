"""Confirmed conclusions as scoring cases: the development set grows from real use.

A secretary's confirmed conclusion (the body of ``POST /meetings/{id}/conclusion``,
agencies given by name) and the text it was read from become a case in the scoring
format: ``NAME.txt`` (a ``# source:`` line, then the text) and ``expected/NAME.json``
(the shape of ``shared/seeds/expected``), so :func:`score_directory` and the shared
script can score the extractor on it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from domain.text import nfc

_SOURCE_LINE = re.compile(r"\s*#\s*source\s*:", re.IGNORECASE)


@dataclass(frozen=True)
class Case:
    """One scoring case: a file name, the text as saved and its hand reading."""

    name: str
    text: str
    expected: dict[str, Any]


def case_from_conclusion(
    name: str,
    source: str,
    text: str,
    conclusion: Mapping[str, Any],
    meeting: Mapping[str, Any] | None = None,
) -> Case:
    """The case of a confirmed conclusion read from ``text``.

    ``conclusion`` has ``items`` (``number``, ``text``, ``tasks``); each task has
    ``title``, ``lead`` and ``coordinating`` (agency names), ``kind``, ``deadline``
    (a date or ISO string), ``deadline_text``, ``report_to`` and ``report_via``
    (names or None) and ``documents`` (``kind``, ``number``, ``date``). ``meeting``
    may give what the secretary confirmed of the meeting itself (``title``,
    ``date``, ``chair`` as ``{name, title}``, ``connection_points``, ``speeches``);
    fields it leaves out are read as absent, so score such cases on tasks only.
    """
    body = nfc(text)
    if not _SOURCE_LINE.match(body):
        body = f"# source: {_one_line(source)}\n{body}"
    return Case(slug(name), body, expected_reading(conclusion, meeting))


def with_agency_names(
    conclusion: Mapping[str, Any], name_of: Callable[[str], str]
) -> dict[str, Any]:
    """A conclusion body with agencies by id (``lead``, ``coordinating``,
    ``report_to``, ``report_via`` of every task) turned into one by name."""
    items = []
    for item in conclusion.get("items") or []:
        tasks = []
        for task in item.get("tasks") or []:
            named = dict(task)
            for key in ("lead", "coordinating"):
                named[key] = [name_of(str(a)) for a in task.get(key) or []]
            for key in ("report_to", "report_via"):
                named[key] = name_of(str(task[key])) if task.get(key) else None
            tasks.append(named)
        items.append({**item, "tasks": tasks})
    return {**conclusion, "items": items}


def expected_reading(
    conclusion: Mapping[str, Any], meeting: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The hand reading (scoring JSON) a confirmed conclusion stands for."""
    m = meeting or {}
    assignments: list[dict[str, Any]] = []
    documents: dict[str, dict[str, Any]] = {}
    for item in conclusion.get("items") or []:
        for task in item.get("tasks") or []:
            assignments.append(_assignment(str(item.get("number") or ""), task))
            for doc in task.get("documents") or []:
                documents.setdefault(str(doc.get("number")), _document(doc))
    return {
        "meeting": {
            "title": m.get("title"),
            "date": _iso(m.get("date")),
            "chair": _chair(m.get("chair")),
            "connection_points": list(m.get("connection_points") or []),
        },
        "speeches": [dict(s) for s in m.get("speeches") or []],
        "assignments": assignments,
        "documents_cited": list(documents.values()),
    }


def _assignment(item: str, task: Mapping[str, Any]) -> dict[str, Any]:
    """One task in the scoring shape."""
    out: dict[str, Any] = {
        "item": item,
        "assignees_lead": _names(task.get("lead")),
        "assignees_coordinating": _names(task.get("coordinating")),
        "deadline": _iso(task.get("deadline")),
        "deadline_text": task.get("deadline_text"),
        "summary": str(task.get("title") or ""),
    }
    report, via = task.get("report_to"), task.get("report_via")
    if report:
        out["report_to"] = f"{report} (qua {via})" if via else str(report)
    if task.get("kind") == "request":
        out["kind"] = "request"
    return out


def _document(doc: Mapping[str, Any]) -> dict[str, Any]:
    """A cited document in the scoring shape."""
    return {
        "kind": doc.get("kind"),
        "number": doc.get("number"),
        "date": _iso(doc.get("date")),
    }


def _chair(chair: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The chair as ``{name, title}``, or None."""
    if not chair or not chair.get("name"):
        return None
    return {"name": chair["name"], "title": chair.get("title") or ""}


def _names(values: Sequence[Any] | None) -> list[str]:
    """Agency names as strings."""
    return [str(v) for v in values or [] if str(v).strip()]


def _iso(value: object) -> str | None:
    """A date (or ISO string) as ISO text, or None."""
    if isinstance(value, date):
        return value.isoformat()
    return str(value) if value else None


def _one_line(text: str) -> str:
    """A source on one line."""
    return " ".join(str(text).split()) or "unknown"


def slug(name: str) -> str:
    """A file name from any name: ASCII lower case, words joined by ``-``."""
    folded = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    words = re.findall(r"[a-z0-9]+", ascii_only)
    return "-".join(words)[:80] or "case"


def write_case(case: Case, directory: Path | str) -> tuple[Path, Path]:
    """Write ``NAME.txt`` and ``expected/NAME.json`` under ``directory``."""
    root = Path(directory)
    (root / "expected").mkdir(parents=True, exist_ok=True)
    text_path = root / f"{case.name}.txt"
    json_path = root / "expected" / f"{case.name}.json"
    body = case.text if case.text.endswith("\n") else case.text + "\n"
    text_path.write_text(body, encoding="utf-8")
    json_path.write_text(
        json.dumps(case.expected, ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    return text_path, json_path


def export_cases(cases: Iterable[Case], directory: Path | str) -> list[Path]:
    """Write every case under ``directory``; two cases never share a name."""
    written, seen = [], set()
    for case in cases:
        name, n = case.name, 1
        while name in seen:
            n += 1
            name = f"{case.name}-{n}"
        seen.add(name)
        text_path, _ = write_case(Case(name, case.text, case.expected), directory)
        written.append(text_path)
    return written
