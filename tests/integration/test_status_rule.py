"""The status on a day, as SQL judges it, is the domain's: on both databases.

Random assignments are told through the domain's own commands (completions by
either tracked agency, reopening, extensions, reassignment to other agencies,
cancellation, supersession), their
events projected as the tracker projects them, and the read model's status on
many days compared with ``Assignment.status_on`` and ``agency_status_on``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from eventsourcing.utils import get_topic
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.assignment import Assignment
from domain.errors import DomainError
from domain.values import AssignmentStatus, Authority, Origin
from service.readmodel.base import AssignmentFilter, Page, ReadModel
from service.readmodel.projections.tracker import tracker
from service.run.composition import build_read_model
from service.settings import Settings
from tests.scenario import ICT

START = date(2022, 1, 1)
# When the completions are reported: after every day a story names.
NOW = datetime(2023, 1, 1, tzinfo=ICT)
Step = tuple[str, int, int]  # what, which agency, days after issue


@pytest.fixture
def read_model(settings: Settings) -> Iterator[ReadModel]:
    model = build_read_model(settings)
    yield model
    model.close()


steps = st.lists(
    st.tuples(
        st.sampled_from(
            ["complete", "reopen", "extend", "reassign", "cancel", "supersede"]
        ),
        st.integers(0, 1),
        st.integers(0, 90),
    ),
    max_size=6,
)


def told(deadline_days: int | None, story: list[Step]) -> Assignment:
    """An assignment to two of three agencies, and what happened to it (refused
    steps are left out, as the domain refuses them)."""
    agencies = [uuid4(), uuid4(), uuid4()]
    leads = agencies[:2]
    authority = Authority(meeting_id=uuid4(), item_number="1")
    task = Assignment.issue(
        id=uuid4(),
        actor="test",
        origin=Origin(committee_id=uuid4()),
        title="Xây dựng kế hoạch chuyển đổi số",
        lead=leads,
        tracked=leads,
        issued_on=START,
        deadline=None if deadline_days is None else START + timedelta(deadline_days),
    )
    for what, agency, days in story:
        on = START + timedelta(days)
        try:
            if what == "complete":
                task.complete(
                    actor="test",
                    agency_id=task.tracked[agency % len(task.tracked)],
                    completed_on=on,
                    evidence="x",
                    now=NOW,
                )
            elif what == "reopen":
                task.reopen(actor="test", reason="chưa đạt")
            elif what == "extend":
                task.extend_deadline(
                    actor="test", deadline=on, authority=authority, reason="gia hạn"
                )
            elif what == "reassign":
                task.reassign(
                    actor="test",
                    lead=[agencies[agency], agencies[2]],
                    tracked=[agencies[agency], agencies[2]],
                    authority=authority,
                    reason="điều chỉnh",
                )
            elif what == "cancel":
                task.cancel(actor="test", authority=authority, reason="hủy")
            else:
                task.supersede(
                    actor="test",
                    by_assignment_id=uuid4(),
                    authority=authority,
                    reason="thay thế",
                )
        except DomainError:
            continue
    return task


def project(read_model: ReadModel, task: Assignment) -> None:
    """The assignment's events as the tracker projects them, in one batch."""
    changes = tracker.changes()
    for event in task.collect_events():
        tracker.handle(get_topic(type(event)), event, changes)
    ordered = tracker.ordered(changes.items)
    with read_model.transaction() as cursor:
        read_model.apply(cursor, read_model.render(ordered, tracker.changes.keyed))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(deadline_days=st.none() | st.integers(0, 60), story=steps)
def test_sql_status_on_a_day_is_the_domains(
    read_model: ReadModel, deadline_days: int | None, story: list[Step]
) -> None:
    task = told(deadline_days, story)
    project(read_model, task)
    committee: UUID = task.origin.committee_id
    for days in range(-1, 100, 7):
        day = START + timedelta(days)
        expected = task.status_on(day)
        [row] = read_model.assignments(
            AssignmentFilter(day=day, committee_id=committee), Page()
        ).items
        assert row.status is expected
        for status in AssignmentStatus:
            listed = read_model.assignments(
                AssignmentFilter(day=day, committee_id=committee, status=status),
                Page(),
            ).items
            assert len(listed) == (status is expected)
        [whole] = read_model.statistics(day, "committee", committee)
        assert getattr(whole, expected.value) == 1 and whole.total == 1
        per_agency = {
            UUID(counts.id): counts
            for counts in read_model.statistics(day, "agency", committee)
        }
        assert set(per_agency) == set(task.tracked)
        for agency_id in task.tracked:
            own = task.agency_status_on(agency_id, day)
            assert getattr(per_agency[agency_id], own.value) == 1
            assert per_agency[agency_id].total == 1
