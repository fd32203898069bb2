"""A valid request as a client sends it, given what the seeded app holds.

The OpenAPI document says what a request must look like; some rules are about
what is stored (the deadline of the task a request extends, whether an agency
is a group), or compare two fields (a deadline and an issue date), which JSON
Schema cannot say. A client reads what it writes to first, and then sends a
request that keeps those rules: so does the conformance test, through the API.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import schemathesis

from domain.text import fold
from tests.functional.support import Api

# Which seeded aggregate a reference in a body names, by the field's name.
_REFERENCES = {
    "person": "person_id",
    "speaker": "person_id",
    "presenter": "person_id",
    "chair": "person_id",
    "member": "person_id",
    "agency": "agency_id",
    "by_agency": "agency_id",
    "lead": "agency_id",
    "support": "agency_id",
    "coordinating": "agency_id",
    "report_via": "agency_id",
    "report_to": "agency_id",
    "department": "agency_id",
    "lead_agency": "agency_id",
    "support_agency": "agency_id",
    "committee": "committee_id",
    "meeting": "meeting_id",
    "assignment": "assignment_id",
    "parent": "assignment_id",
    "by_assignment": "assignment_id",
    "predecessor": "committee_id",
    "account": "account_id",
    "point": "point_id",
    "speech": "speech_id",
    # An authority's item is one of the seeded meeting's conclusion items.
    "item_number": "number",
}

# How much later a client asks an extension for, at most: weeks or months, so
# that however many extensions a run grants, a later deadline stays possible
# (a deadline's year is at most 2200).
EXTENSION_WINDOW = timedelta(days=90)


@dataclass(frozen=True)
class Facts:
    """The ids of what the seeded app holds, and an admin's client to read it."""

    ids: dict[str, str]
    api: Api

    def read(self, path: str) -> dict[str, Any] | None:
        """What the API answers at ``path`` now (None unless a 200)."""
        response = self.api.get(path)
        result: dict[str, Any] | None = (
            response.get_json() if response.status_code == 200 else None
        )
        return result


def with_known_facts(
    case: schemathesis.Case, facts: Facts, linked: frozenset[str] = frozenset()
) -> None:
    """A valid request as a client sends it: references name seeded aggregates,
    what only an earlier answer gives (a version for If-Match, a cursor, a log
    position to wait for) is left out rather than made up, unless a link took it
    from an answer (``linked``), and the rules on stored facts are kept."""
    references = {kind: facts.ids[name] for kind, name in _REFERENCES.items()}
    if case.operation.path.startswith("/api/v1/agencies"):
        # A group's members, and an agency's parent, are agencies.
        references.update(member=facts.ids["agency_id"], parent=facts.ids["agency_id"])
    case.body = _with_known_references(case.body, references)
    for values, names in (
        (case.query, ("cursor", "after")),
        (case.headers, ("If-Match", "X-Steerlog-After")),
    ):
        for name in names:
            if values is not None and name not in linked:
                values.pop(name, None)
    keep_the_rules = _RULES_ON_FACTS.get(case.operation.label)
    # An invalid request (the stateful run mixes some in) stays invalid.
    if keep_the_rules is not None and _is_positive(case):
        keep_the_rules(case, facts)


def _is_positive(case: schemathesis.Case) -> bool:
    return case.meta is None or case.meta.generation.mode.is_positive


def _known(name: str, value: Any, references: dict[str, str]) -> Any:
    """``value`` with the seeded aggregate its field names, if it names one."""
    for suffix in ("_ids", "_id", ""):
        kind = name.removesuffix(suffix) if suffix else name
        if (not suffix or name.endswith(suffix)) and kind in references:
            if isinstance(value, list):
                return [references[kind] for _ in value[:1]]
            return references[kind] if isinstance(value, str) else value
    return _with_known_references(value, references)


def _with_known_references(value: Any, references: dict[str, str]) -> Any:
    if isinstance(value, dict):
        if isinstance(value.get("recipient_kind"), str):
            recipient = references.get(value["recipient_kind"], "")
            references = {**references, "recipient": recipient}
        return {key: _known(key, part, references) for key, part in value.items()}
    if isinstance(value, list):
        return [_with_known_references(part, references) for part in value]
    return value


# -- the rules on stored facts, by operation ---------------------------------


def _day(text: Any) -> date | None:
    return date.fromisoformat(text) if isinstance(text, str) else None


def _assignment(case: schemathesis.Case, facts: Facts) -> dict[str, Any] | None:
    """The assignment the path names, as it stands."""
    return facts.read(f"/api/v1/assignments/{case.path_parameters['assignment_id']}")


def _yesterday() -> date:
    """A day that is past in every zone (today in UTC may be tomorrow's there)."""
    return datetime.now(UTC).date() - timedelta(days=1)


def _due_after_issue(case: schemathesis.Case, facts: Facts) -> None:
    """``POST /assignments``: a task is issued by now (a client records what was
    decided; progress on it can then be reported) and not due before that day."""
    task = case.body["task"]
    if (_day(case.body["issued_on"]) or date.min) > _yesterday():
        case.body["issued_on"] = _yesterday().isoformat()
    issued, deadline = _day(case.body["issued_on"]), _day(task.get("deadline"))
    if issued and deadline and deadline < issued:
        case.body["issued_on"], task["deadline"] = (
            task["deadline"],
            case.body["issued_on"],
        )


def _within_the_parent(case: schemathesis.Case, facts: Facts) -> None:
    """Delegations: the task passed on is issued while its parent runs, and due
    between that day and the parent's deadline."""
    parent, task = _assignment(case, facts), case.body["task"]
    issued, deadline = _day(case.body["issued_on"]), _day(task.get("deadline"))
    if parent is None or issued is None or deadline is None:
        return
    issued = min(issued, _yesterday())
    last = _day(parent["deadline"])
    if last is not None:
        issued = min(max(issued, _day(parent["issued_on"]) or issued), last)
    deadline = max(deadline, issued)
    deadline = min(deadline, last) if last is not None else deadline
    case.body["issued_on"], task["deadline"] = issued.isoformat(), deadline.isoformat()


def _after_the_deadline(case: schemathesis.Case, facts: Facts) -> None:
    """Extensions, asked or granted: a deadline after the current one (without
    one, after the issue), a few weeks or months later."""
    assignment, deadline = _assignment(case, facts), _day(case.body["deadline"])
    if assignment is None or deadline is None:
        return
    floor = _day(assignment["deadline"] or assignment["issued_on"])
    assert floor is not None
    if not floor < deadline <= floor + EXTENSION_WINDOW:
        later = timedelta(days=1 + deadline.toordinal() % EXTENSION_WINDOW.days)
        case.body["deadline"] = (floor + later).isoformat()


def _reported_by_now(case: schemathesis.Case, facts: Facts) -> None:
    """Progress and completion: dated between the task's issue and now, as a
    report is; a date outside that is left out for the default (now, today)."""
    assignment = _assignment(case, facts)
    issued = _day(assignment["issued_on"]) if assignment else None
    if issued is None:
        return
    window = (issued + timedelta(days=1), _yesterday())  # a day's margin: zones
    if isinstance(at := case.body.get("at"), str):
        try:
            day = datetime.fromisoformat(at).date()
        except ValueError:
            return
        if not window[0] <= day <= window[1]:
            del case.body["at"]
    if isinstance(case.body.get("completed_on"), str):
        completed = _day(case.body["completed_on"])
        if completed is not None and not window[0] <= completed <= window[1]:
            del case.body["completed_on"]


def _a_group(case: schemathesis.Case, facts: Facts) -> None:
    """A group's members: the agency addressed is a group (the seeded one, unless
    a link led to another group)."""
    agency = facts.read(f"/api/v1/agencies/{case.path_parameters['agency_id']}")
    if agency is not None and agency["kind"] != "group":
        case.path_parameters["agency_id"] = facts.ids["group_id"]


def _new_points(case: schemathesis.Case, facts: Facts) -> None:
    """A batch of points: each a name the meeting has not got yet (folded), and
    no second host."""
    meeting = facts.read(f"/api/v1/meetings/{case.path_parameters['meeting_id']}")
    if meeting is None:
        return
    taken = {fold(point["name"].strip()) for point in meeting["points"]}
    hosted = any(point["is_host"] for point in meeting["points"])
    for point in case.body["points"]:
        number = len(taken)
        while fold(point["name"].strip()) in taken:
            number += 1
            point["name"] = f"Điểm cầu số {number}"
        taken.add(fold(point["name"].strip()))
        if point.get("is_host") and hosted:  # a meeting has one host point
            point["is_host"] = False
        hosted = hosted or bool(point.get("is_host"))


def _an_export(case: schemathesis.Case, facts: Facts) -> None:
    """An import: what another steerlog's export answered, here the seeded
    meeting's (importing what is already here records nothing)."""
    case.body = facts.read(f"/api/v1/meetings/{facts.ids['meeting_id']}/export")


_RULES_ON_FACTS: dict[str, Callable[[schemathesis.Case, Facts], None]] = {
    "POST /api/v1/assignments": _due_after_issue,
    "POST /api/v1/assignments/{assignment_id}/delegations": _within_the_parent,
    "POST /api/v1/assignments/{assignment_id}/extension-requests": _after_the_deadline,
    "POST /api/v1/assignments/{assignment_id}/extensions": _after_the_deadline,
    "POST /api/v1/assignments/{assignment_id}/acknowledgements": _reported_by_now,
    "POST /api/v1/assignments/{assignment_id}/progress": _reported_by_now,
    "POST /api/v1/assignments/{assignment_id}/completions": _reported_by_now,
    "PUT /api/v1/agencies/{agency_id}/members": _a_group,
    "POST /api/v1/meetings/import": _an_export,
    "POST /api/v1/meetings/{meeting_id}/points/batch": _new_points,
}
