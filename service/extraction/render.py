"""A readable plain-text rendering of an extraction, for people at a terminal."""

from __future__ import annotations

from typing import Any


def render_text(data: dict[str, Any]) -> str:
    """Render the JSON shape of an extraction as indented plain text."""
    meeting = data["meeting"]
    lines = [f"Meeting: {meeting['title'] or '(no title)'}"]
    lines.append(f"  date: {meeting['date'] or 'not stated'}")
    chair = meeting["chair"]
    lines.append(
        f"  chair: {_named(chair['name'], chair['title'], ' ({})')}"
        if chair
        else "  chair: -"
    )
    if meeting["connection_points"]:
        count = meeting["connection_point_count"]
        lines.append(
            f"  connection points ({count or len(meeting['connection_points'])}):"
        )
        lines.extend(f"    - {p}" for p in meeting["connection_points"])
    lines.append("Speeches:")
    lines.extend(
        f"  - {_named(s['speaker'], s['title'], ', {}')}: {s['kind']}"
        for s in data["speeches"]
    )
    lines.append("Approvals:")
    lines.extend(f"  - {a}" for a in data["approvals"])
    lines.append("Assignments:")
    for a in data["assignments"]:
        lines.extend(_assignment(a))
    lines.append("Documents cited:")
    lines.extend(
        f"  - {d['kind']} {d['number']}" + (f" ({d['date']})" if d["date"] else "")
        for d in data["documents_cited"]
    )
    if data["agencies_proposed"]:
        lines.append("New agencies proposed:")
        lines.extend(f"  - {name}" for name in data["agencies_proposed"])
    return "\n".join(lines) + "\n"


def _assignment(a: dict[str, Any]) -> list[str]:
    """Lines of one assignment."""
    head = f"  [{a['item']}] " + "; ".join(a["assignees_lead"])
    if a["kind"] == "request":
        head += " (request)"
    lines = [head, f"      {a['summary']}"]
    if a["assignees_coordinating"]:
        lines.append("      with: " + "; ".join(a["assignees_coordinating"]))
    if a["deadline_text"]:
        lines.append(f"      deadline: {a['deadline'] or '?'} ({a['deadline_text']})")
    if a["report_to"]:
        lines.append(f"      report to: {a['report_to']}")
    return lines


def _named(name: str, title: str | None, shape: str) -> str:
    """A person's name, with the title in ``shape`` when the text gives one."""
    return name + shape.format(title) if title else name
