"""Why the draft says what it says: every field with the rule and the words it read.

``explain(result, text)`` lists one :class:`Trace` per field (a task's lead, its
deadline, the meeting's chair ...), so a wrong field can be traced to its rule;
``render_explanation`` prints them for a terminal (``--explain``). Rule names are
listed in ``docs/extraction.md``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from .model import Assignment, Extraction, Meeting, Span


@dataclass(frozen=True)
class Trace:
    """One field of the draft: its value, the rule that set it, the words it read."""

    field: str
    value: str
    rule: str
    span: Span | None
    read: str

    def to_dict(self) -> dict[str, Any]:
        """The trace as JSON-ready data."""
        data = asdict(self)
        data["span"] = list(self.span) if self.span else None
        return data


def explain(result: Extraction, text: str) -> list[Trace]:
    """Every field of ``result`` with its rule and the span of ``text`` it read.

    ``text`` is the NFC text the spans index (the input itself unless
    ``result.normalized``).
    """
    traces = _meeting(result.meeting, text)
    for s in result.speeches:
        traces.append(
            _trace(
                text,
                f"speech {s.person.name}",
                s.kind,
                s.rule,
                _cover(s.person.name_span, s.verb_span),
            )
        )
    for number, a in enumerate(result.assignments, 1):
        traces.extend(_assignment(a, number, text))
    for d in result.documents:
        traces.append(_trace(text, "document", f"{d.kind} {d.number}", d.rule, d.span))
    return traces


def _meeting(m: Meeting, text: str) -> list[Trace]:
    """Traces of the meeting's title, date, chair and points."""
    traces = []
    if m.title:
        traces.append(
            _trace(text, "meeting.title", m.title, m.title_rule, m.title_span)
        )
    if m.date:
        traces.append(
            _trace(text, "meeting.date", m.date.isoformat(), m.date_rule, m.date_span)
        )
    if m.chair:
        span = _cover(m.chair.title_span, m.chair.name_span)
        traces.append(_trace(text, "meeting.chair", m.chair.name, m.chair_rule, span))
    for p in m.connection_points:
        traces.append(_trace(text, "meeting.connection_point", p.name, p.rule, p.span))
    return traces


def _assignment(a: Assignment, number: int, text: str) -> list[Trace]:
    """Traces of one task: the task itself, its lead, helpers, deadline, report."""
    label = f"assignment {number} (item {a.item})"
    traces = [
        _trace(text, label, a.summary, a.rule, a.anchor_span or a.text_span),
    ]
    for m in a.lead:
        traces.append(_trace(text, f"{label}.lead", m.text, a.rule, m.span))
    for m in a.coordinating:
        traces.append(
            _trace(text, f"{label}.coordinating", m.text, "task.phoi-hop", m.span)
        )
    if a.deadline:
        value = a.deadline.date.isoformat() if a.deadline.date else "(no date)"
        traces.append(
            _trace(text, f"{label}.deadline", value, a.deadline.rule, a.deadline.span)
        )
    if a.report_to:
        traces.append(
            _trace(
                text,
                f"{label}.report_to",
                a.report_to.text,
                "task.bao-cao",
                a.report_to.span,
            )
        )
    if a.kind == "request":
        traces.append(
            _trace(text, f"{label}.kind", "request", "task.outside-party", a.text_span)
        )
    return traces


def _trace(text: str, field: str, value: str, rule: str, span: Span | None) -> Trace:
    """A trace with the words of ``span``, spaces collapsed."""
    read = " ".join(text[span[0] : span[1]].split()) if span else ""
    return Trace(field, value, rule or "(none)", span, read)


def _cover(*spans: Span | None) -> Span | None:
    """The smallest span holding every given span."""
    present = [s for s in spans if s]
    if not present:
        return None
    return min(s[0] for s in present), max(s[1] for s in present)


def render_explanation(traces: list[Trace]) -> str:
    """The traces as lines for a terminal: field, value, rule and the words read."""
    lines = []
    for t in traces:
        where = f"[{t.span[0]}:{t.span[1]}]" if t.span else "[-]"
        lines.append(f"{t.field}: {t.value}")
        lines.append(f"    rule {t.rule}  read {where} «{_short(t.read)}»")
    return "\n".join(lines) + "\n"


def _short(read: str, limit: int = 120) -> str:
    """The words read, cut to a line."""
    return read if len(read) <= limit else read[: limit - 1] + "…"
