"""Load one demo file (a seed meeting) through the use cases, never as raw events."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID, uuid5

from domain import ids
from service.errors import AlreadyExistsError
from service.run.demo.follow_up import FollowUp, document
from service.usecases.assignments import TaskDraft
from service.usecases.record import ItemDraft
from service.usecases.steerlog import Steerlog

DEMO = uuid5(ids.NAMESPACE, "demo")


@dataclass
class Loaded:
    """What one demo file produced: meetings, assignments, or nothing new."""

    source: str
    meeting_ids: list[UUID] = field(default_factory=list)
    assignment_ids: list[UUID] = field(default_factory=list)
    already_loaded: bool = False


class DemoLoader:
    """Registers a seed's committee, agencies and people, then replays its meeting."""

    def __init__(self, app: Steerlog, data: dict[str, Any], actor: str) -> None:
        self.app, self.data, self.actor = app, data, actor
        self.agencies: dict[str, UUID] = {}
        self.people: dict[str, UUID] = {}
        self.tasks: dict[tuple[str, int], UUID] = {}
        self.loaded = Loaded(data["source"])

    def load(self) -> Loaded:
        """Load the file; a meeting already stored means the file was loaded."""
        committee_id = self.committee(self.data["committee"])
        self.register_agencies()
        self.register_people()
        try:
            if "meeting" in self.data:
                self.meeting(committee_id, self.data["meeting"])
            if "standalone" in self.data:
                self.standalone(committee_id, self.data["standalone"])
            self.delegations()
            if "second_meeting" in self.data:
                second = self.data["second_meeting"]
                self.meeting(self.committee(second["committee"]), second)
        except AlreadyExistsError:
            self.loaded.already_loaded = True
            return self.loaded
        self.follow_up()
        return self.loaded

    def committee(self, data: dict[str, str]) -> UUID:
        try:
            return self.app.establish_committee(
                actor=self.actor, name=data["name"], jurisdiction=data["jurisdiction"]
            ).id
        except AlreadyExistsError as exists:
            return exists.id

    def register_agencies(self) -> None:
        ordered = sorted(self.data["agencies"], key=lambda a: bool(a.get("members")))
        for agency in ordered:
            members = [self.agencies[name] for name in agency.get("members", [])]
            try:
                agency_id = self.app.register_agency(
                    actor=self.actor,
                    name=agency["name"],
                    kind=agency["kind"],
                    aliases=agency.get("aliases"),
                    member_ids=members,
                ).id
            except AlreadyExistsError as exists:
                agency_id = exists.id
            for name in (agency["name"], *agency.get("aliases", [])):
                self.agencies[name] = agency_id

    def register_people(self) -> None:
        for person in self.data["people"]:
            person_id = uuid5(DEMO, person["full_name"])
            with suppress(AlreadyExistsError):
                self.app.register_person(
                    actor=self.actor,
                    person_id=person_id,
                    full_name=person["full_name"],
                    title=person.get("title"),
                )
            self.people[person["full_name"]] = person_id

    def meeting(self, committee_id: UUID, data: dict[str, Any]) -> None:
        app, actor = self.app, self.actor
        meeting_id = uuid5(DEMO, data["id_key"])
        starts_at = datetime.fromisoformat(data["starts_at"])
        app.schedule_meeting(
            actor=actor,
            committee_id=committee_id,
            title=data["title"],
            format=data["format"],
            starts_at=starts_at,
            meeting_id=meeting_id,
        )
        self.loaded.meeting_ids.append(meeting_id)
        points = {
            point["name"]: app.add_connection_point(meeting_id, actor=actor, **point).id
            for point in data.get("points", [])
        }
        if data.get("chair"):
            app.assign_chair(
                meeting_id,
                actor=actor,
                person_id=self.people[data["chair"]],
                point_id=points.get(data.get("chair_point", "")),
            )
        for attendance in data.get("attendance", []):
            app.record_attendance(
                meeting_id,
                points[attendance["point"]],
                actor=actor,
                person_ids=[self.people[name] for name in attendance["people"]],
                attendee_count=attendance["count"],
            )
        app.open_meeting(meeting_id, actor=actor, at=starts_at)
        self.record(meeting_id, data, points, starts_at)

    def record(
        self,
        meeting_id: UUID,
        data: dict[str, Any],
        points: dict[str, UUID],
        at: datetime,
    ) -> None:
        app, actor = self.app, self.actor
        speech_id = None
        for number, speech in enumerate(data.get("speeches", []), start=1):
            speech_id = app.record_speech(
                meeting_id,
                actor=actor,
                speaker_id=self.people[speech["speaker"]],
                speaker_title=speech["title"],
                kind=speech["kind"],
                point_id=points.get(
                    data.get("speech_points", {}).get(speech["speaker"], "")
                ),
                text=speech.get("text", ""),
                spoken_at=at + timedelta(minutes=20 * number),
            ).id
        for approval in data.get("approvals", []):
            app.record_approval(meeting_id, actor=actor, title=approval["title"])
        items = [self.item(item) for item in data["conclusion"]["items"]]
        if speech_id is not None and items:
            written = app.issue_conclusion(
                meeting_id, actor=actor, speech_id=speech_id, items=items
            )
            self.remember(data["conclusion"]["items"], written.assignment_ids)
        app.close_meeting(meeting_id, actor=actor, at=at + timedelta(hours=3))
        if data.get("notice"):
            app.publish_notice(meeting_id, actor=actor, notice=document(data["notice"]))

    def item(self, data: dict[str, Any]) -> ItemDraft:
        return ItemDraft(
            data["number"], data["text"], [self.task(t) for t in data["tasks"]]
        )

    def task(self, data: dict[str, Any]) -> TaskDraft:
        deadline = data.get("deadline")
        return TaskDraft(
            title=data["title"],
            lead=[self.agencies[name] for name in data["lead"]],
            coordinating=[self.agencies[name] for name in data.get("coordinating", [])],
            kind=data.get("kind", "task"),
            deadline=date.fromisoformat(deadline) if deadline else None,
            deadline_text=data.get("deadline_text"),
            report_to=self.agencies.get(data.get("report_to") or ""),
            report_via=self.agencies.get(data.get("report_via") or ""),
            documents=[document(d) for d in data.get("documents", [])],
        )

    def remember(self, items: list[dict[str, Any]], assignment_ids: list[UUID]) -> None:
        keys = [(i["number"], n) for i in items for n in range(1, len(i["tasks"]) + 1)]
        self.tasks.update(zip(keys, assignment_ids, strict=True))
        self.loaded.assignment_ids.extend(assignment_ids)

    def standalone(self, committee_id: UUID, data: dict[str, Any]) -> None:
        plan, issued_on = (
            document(data["document"]),
            date.fromisoformat(data["issued_on"]),
        )
        for item in data["items"]:
            for number, task in enumerate(item["tasks"], start=1):
                written = self.app.issue_assignment(
                    actor=self.actor,
                    committee_id=committee_id,
                    task=self.task(task),
                    issued_on=issued_on,
                    document=plan,
                    item_number=item["number"],
                    task_number=number,
                )
                self.tasks[(item["number"], number)] = written.id
                self.loaded.assignment_ids.append(written.id)

    def delegations(self) -> None:
        for number, delegation in enumerate(self.data.get("delegations", [])):
            parent = self.tasks[(delegation["parent_item"], delegation["parent_task"])]
            child = self.app.delegate(
                parent,
                actor=self.actor,
                by_agency_id=self.agencies[delegation["by"]],
                task=self.task(delegation["task"]),
                issued_on=date.fromisoformat(delegation["issued_on"]),
            )
            self.tasks[("delegation", number)] = child.id
            self.loaded.assignment_ids.append(child.id)

    def follow_up(self) -> None:
        for step in self.data.get("follow_up", []):
            key = (
                ("delegation", step["delegation"])
                if "delegation" in step
                else (
                    step["item"],
                    step["task"],
                )
            )
            FollowUp(self.app, self.actor, self.agencies, self.tasks[key], step).apply()
