"""Load a meeting export into this steerlog, through the use cases, ids kept.

The export is checked against its JSON Schema and its ids against the ones
names derive here before anything is written; then each step of
``meeting_replay`` records only what is missing, so importing twice adds
nothing and an import cut short is finished by running it again.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from jsonschema import Draft202012Validator, FormatChecker

from domain import ids
from domain.agency import Agency
from domain.assignment import Assignment
from domain.committee import Committee
from domain.errors import InvalidValueError
from domain.meeting import Meeting
from domain.person import Person
from domain.text import fold
from domain.values import Authority
from service.documents import meeting_replay as replay
from service.documents.export import export_schema
from service.errors import AlreadyExistsError, NotFoundError
from service.eventstore.application import Written
from service.usecases.steerlog import Steerlog


@dataclass(frozen=True)
class Imported:
    """What an import did: the meeting, how many writes, what it could not carry."""

    meeting: Written
    writes: int
    skipped: list[str]


def check_export(data: Any) -> dict[str, Any]:
    """The export if it is valid; else ``InvalidValueError`` naming the place."""
    validator = Draft202012Validator(export_schema(), format_checker=FormatChecker())
    error = min(validator.iter_errors(data), key=lambda e: list(e.path), default=None)
    if error is not None:
        place = ".".join(str(part) for part in error.absolute_path) or "_schema"
        raise InvalidValueError(field=place, reason=error.message[:300])
    checked: dict[str, Any] = data
    return checked


def _invalid(field: str, reason: str) -> InvalidValueError:
    return InvalidValueError(field=field, reason=reason)


def check_references(data: dict[str, Any]) -> None:
    """Ids derived from names must derive the same here; people must be listed."""
    committee = committee_of(data)
    if founding_name(committee) is None:
        raise _invalid("organizations", "the committee's id is not its name's")
    for agency in agencies_of(data):
        if founding_name(agency) is None:
            raise _invalid("organizations", f"{agency['name']}: not its name's id")
    event = data["events"][0]
    meeting_id = UUID(event["id"])
    for point in event["steerlog:points"]:
        if UUID(point["id"]) != ids.connection_point_id(meeting_id, point["name"]):
            raise _invalid("events.0.steerlog:points", f"{point['name']}: not its id")
    known = {p["id"] for p in data["persons"]}
    named = {s["creator_id"] for s in data["speeches"]}
    named |= {c["person_id"] for c in event["steerlog:chairs"]}
    if not named <= known:
        raise _invalid("persons", "a speaker or chair is not among the persons")
    if event["organization_id"] != committee["id"]:
        raise _invalid("events.0.organization_id", "not the exported committee")


def committee_of(data: dict[str, Any]) -> dict[str, Any]:
    """The one committee among the organizations."""
    found = [o for o in data["organizations"] if o["classification"] == "committee"]
    if len(found) != 1:
        raise _invalid("organizations", "exactly one committee")
    committee: dict[str, Any] = found[0]
    return committee


def founding_name(organization: dict[str, Any]) -> str | None:
    """The name its id derives from, the one it was established or registered
    under: its name, or one it had before it was renamed (``other_names``)."""
    jurisdiction = organization.get("steerlog:jurisdiction")
    wanted = UUID(organization["id"])
    names: list[str] = [organization["name"], *other_names(organization)]
    for name in names:
        derived = (
            ids.agency_id(name)
            if jurisdiction is None
            else ids.committee_id(name, jurisdiction)
        )
        if derived == wanted:
            return name
    return None


def other_names(organization: dict[str, Any]) -> list[str]:
    """A committee's former names, an agency's aliases (old names among them)."""
    return [other["name"] for other in organization.get("other_names", [])]


def agencies_of(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The agencies among the organizations, members before their groups."""
    return [o for o in data["organizations"] if o["classification"] == "agency"]


IMPORT_PHASES = 6  # directory, schedule, before opening, while open, closing, tasks


def import_meeting(
    app: Steerlog,
    data: Any,
    actor: str,
    phase_done: Callable[[], None] = lambda: None,
) -> Imported:
    """Import one meeting's export; nothing already here is recorded again.

    ``phase_done`` is called after each of the ``IMPORT_PHASES`` (progress)."""
    export = check_export(data)
    check_references(export)
    event = export["events"][0]
    steps = replay.Steps(app, actor, UUID(event["id"]))
    items = [m for m in export["motions"] if m["classification"] != "approval"]
    phases: list[Callable[[], None]] = [
        lambda: directory(steps, export),
        lambda: replay.schedule(steps, event),
        lambda: replay.before_opening(steps, event),
        lambda: replay.while_open(steps, export),
        lambda: replay.closing(steps, event),
        lambda: follow_up(steps, items),
    ]
    for phase in phases:
        phase()
        phase_done()
    meeting = app.view(Meeting, steps.meeting_id)
    position = app.recorder.max_notification_id() or 0
    return Imported(
        Written(meeting.id, meeting.version, position), steps.writes, steps.skipped
    )


def directory(steps: replay.Steps, data: dict[str, Any]) -> None:
    """The committee, the agencies (members first), the people, their roles."""
    app, actor = steps.app, steps.actor
    committee = committee_of(data)
    with suppress(AlreadyExistsError):  # established here before
        steps.did(
            app.establish_committee(
                actor=actor,
                name=str(founding_name(committee)),
                jurisdiction=committee["steerlog:jurisdiction"],
                time_zone=committee["steerlog:time_zone"],
            )
        )
    for name in [*other_names(committee), committee["name"]]:  # renamed since
        here = app.view(Committee, UUID(committee["id"]))
        if name not in (here.name, *here.former_names):
            steps.did(app.rename_committee(here.id, actor=actor, name=name))
    for agency in agencies_of(data):
        register_agency(steps, agency)
    for person in data["persons"]:
        register_person(steps, person)
    committee_id = UUID(committee["id"])
    for membership in data["memberships"]:
        person_id = UUID(membership["person_id"])
        if person_id not in app.view(Committee, committee_id).members:
            steps.did(
                app.appoint_member(
                    committee_id,
                    actor=actor,
                    person_id=person_id,
                    role=membership["role"],
                )
            )


def register_agency(steps: replay.Steps, agency: dict[str, Any]) -> None:
    """Register an agency under the name its id derives from, then give it its
    exported name, unless it is known here by that name already."""
    app, actor, founding = steps.app, steps.actor, str(founding_name(agency))
    with suppress(AlreadyExistsError):  # registered here before
        steps.did(
            app.register_agency(
                actor=actor,
                name=founding,
                kind=agency["steerlog:kind"],
                short_name=agency["steerlog:short_name"],
                aliases=[n for n in other_names(agency) if n != founding],
                member_ids=[UUID(m) for m in agency["steerlog:member_ids"]],
            )
        )
    here = app.view(Agency, UUID(agency["id"]))
    if fold(agency["name"]) not in {fold(n) for n in (here.name, *here.aliases)}:
        steps.did(app.rename_agency(here.id, actor=actor, name=agency["name"]))


def register_person(steps: replay.Steps, person: dict[str, Any]) -> None:
    """Register an official under their exported id, unless they are here."""
    person_id = UUID(person["id"])
    try:
        steps.app.view(Person, person_id)
    except NotFoundError:
        steps.did(
            steps.app.register_person(
                actor=steps.actor,
                person_id=person_id,
                full_name=person["name"],
                title=person["steerlog:title"],
                agency_id=replay.uuid_or_none(person["steerlog:agency_id"]),
            )
        )


def follow_up(steps: replay.Steps, items: list[dict[str, Any]]) -> None:
    """Deadline extensions and completions of each task, where they are missing.

    An extension authorised by another meeting, which this steerlog does not
    hold, cannot be recorded here: it is skipped and named in the result.
    """
    for item in items:
        for task in item["steerlog:tasks"]:
            assignment_id = UUID(task["id"])
            for extension in task["extensions"][
                len(steps.app.view(Assignment, assignment_id).extensions) :
            ]:
                if not extend(steps, assignment_id, extension):
                    break
            completed = steps.app.view(Assignment, assignment_id).completions
            for completion in task["completions"]:
                if UUID(completion["agency_id"]) in completed:
                    continue
                steps.did(
                    steps.app.complete(
                        assignment_id,
                        actor=steps.actor,
                        agency_id=UUID(completion["agency_id"]),
                        evidence=completion["evidence"],
                        completed_on=date.fromisoformat(completion["completed_on"]),
                    )
                )


def extend(steps: replay.Steps, assignment_id: UUID, extension: dict[str, Any]) -> bool:
    """Record one extension; False when its authorising meeting is not here."""
    given = extension["authority"]
    authority = Authority(
        meeting_id=replay.uuid_or_none(given["meeting_id"]),
        item_number=given["item_number"],
        document=replay.document(given["document"]),
    )
    try:
        steps.did(
            steps.app.extend_deadline(
                assignment_id,
                actor=steps.actor,
                deadline=date.fromisoformat(extension["deadline"]),
                authority=authority,
                reason=extension["reason"],
            )
        )
    except NotFoundError:
        steps.skipped.append(f"extension of {assignment_id}: meeting not here")
        return False
    return True
