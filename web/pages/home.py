"""The home page, by role: an officer's tasks by urgency, a leader's committee at a
glance, a secretary's meetings and what waits on them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID

from flask import Blueprint, render_template

from domain.account import Role
from domain.values import AssignmentStatus
from service.readmodel.base import AssignmentFilter, MeetingFilter, Page
from web.http import read_side, steerlog
from web.pages import moments, names
from web.principal import signed_in

bp = Blueprint("home", __name__)
# A home page shows what needs attention first, not everything.
SHOWN = 200
MOST_OVERDUE = 10
SOON = timedelta(days=7)
WEEK = timedelta(days=7)


@dataclass
class AgencyWork:
    """An officer's agency: its tasks grouped as the officer acts on them."""

    agency: str
    overdue: list[Any] = field(default_factory=list)
    due_soon: list[Any] = field(default_factory=list)
    in_progress: list[Any] = field(default_factory=list)
    done: list[Any] = field(default_factory=list)


@dataclass
class CommitteeView:
    """A leader's committee: counts per agency, the most overdue, what waits."""

    committee_id: str
    name: str
    counts: list[Any]
    most_overdue: list[Any]
    extension_requests: list[Any]
    decisions: list[Any]


@dataclass
class SecretaryDesk:
    """A secretary's committee: meetings coming, conclusions and notices waiting."""

    committee_id: str
    name: str
    upcoming: list[Any]
    to_conclude: list[Any]
    to_publish: list[Any]


@bp.route("/", methods=["GET"])
def home() -> str:
    """What the signed-in person does first, for each role they hold."""
    principal = signed_in()
    today = steerlog().clock().astimezone(moments.zone()).date()
    by_role: dict[Role, list[Any]] = defaultdict(list)
    for grant in principal.grants:
        by_role[grant.role].append(grant)
    return render_template(
        "home/home.html",
        today=today,
        greeted=principal.display_name,
        officer=[
            _agency_work(g.agency_id, today) for g in by_role[Role.AGENCY_OFFICER]
        ],
        leader=[_committee_view(g.committee_id, today) for g in by_role[Role.LEADER]],
        secretary=[_desk(g.committee_id, today) for g in by_role[Role.SECRETARY]],
        is_admin=principal.is_admin,
        viewed=[names.committee_name(g.committee_id) for g in by_role[Role.VIEWER]],
    )


def _agency_work(agency_id: UUID | None, today: date) -> AgencyWork:
    """The agency's tasks (groups it belongs to included), by urgency."""
    work = AgencyWork(names.agency_name(agency_id))
    found = read_side().assignments(
        AssignmentFilter(day=today, agency_id=str(agency_id)), Page(limit=SHOWN)
    )
    for task in found.items:
        due = date.fromisoformat(task.deadline) if task.deadline else None
        if task.status is AssignmentStatus.OVERDUE:
            work.overdue.append(task)
        elif task.status is AssignmentStatus.IN_PROGRESS:
            soon = due is not None and due <= today + SOON
            (work.due_soon if soon else work.in_progress).append(task)
        elif task.status in (AssignmentStatus.DONE_ON_TIME, AssignmentStatus.DONE_LATE):
            work.done.append(task)
    return work


def _committee_view(committee_id: UUID | None, today: date) -> CommitteeView:
    """Counts in the four official statuses per agency; what waits on a leader."""
    committee = str(committee_id)
    counts = read_side().statistics(today, "agency", committee)
    overdue = read_side().assignments(
        AssignmentFilter(day=today, committee_id=committee, status="overdue"),
        Page(limit=MOST_OVERDUE),
    )
    waiting = read_side().assignments(
        AssignmentFilter(day=today, committee_id=committee, extension_requested=True),
        Page(limit=SHOWN),
    )
    return CommitteeView(
        committee_id=committee,
        name=names.committee_name(committee_id),
        counts=sorted(counts, key=lambda c: -c.overdue),
        most_overdue=overdue.items,
        extension_requests=waiting.items,
        decisions=read_side().decisions(committee, (today - WEEK, today), SHOWN),
    )


def _desk(committee_id: UUID | None, today: date) -> SecretaryDesk:
    """Today's and coming meetings; held ones without a conclusion or notice."""
    committee = str(committee_id)
    start = datetime.combine(today, time(), moments.zone())
    upcoming = read_side().meetings(
        MeetingFilter(committee_id=committee, starts_from=start), Page(limit=20)
    )
    held = read_side().meetings(
        MeetingFilter(committee_id=committee, starts_before=start + timedelta(days=1)),
        Page(limit=50),
    )
    return SecretaryDesk(
        committee_id=committee,
        name=names.committee_name(committee_id),
        upcoming=sorted(upcoming.items, key=lambda m: m.starts_at),
        to_conclude=[
            m for m in held.items if m.status != "cancelled" and not m.item_count
        ],
        to_publish=[m for m in held.items if m.item_count and not m.notice_number],
    )
