"""The Assignment aggregate: its rules, and its status on a given day."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from uuid import UUID, uuid4

import pytest

from domain.assignment import Assignment
from domain.errors import (
    AlreadyCompletedError,
    AssignmentClosedError,
    DeadlineAfterParentError,
    InvalidValueError,
    NotAssigneeError,
    NotCompletedError,
)
from domain.ids import assignment_id
from domain.values import AssignmentStatus, Authority, DocumentRef, Origin
from tests.scenario import ACTOR, ICT

LEAD, OTHER, HELPER = uuid4(), uuid4(), uuid4()
AT = datetime(2022, 1, 5, 9, 0, tzinfo=ICT)
# When the reports below are received: after every day they name.
NOW = datetime(2022, 6, 1, 9, 0, tzinfo=ICT)
BY_MEETING = Authority(meeting_id=uuid4(), item_number="3")


def issued(
    deadline: date | None = date(2022, 1, 15), tracked: list[UUID] | None = None
) -> Assignment:
    origin = Origin(committee_id=uuid4(), meeting_id=uuid4(), item_number="2")
    return Assignment.issue(
        id=assignment_id(origin),
        actor=ACTOR,
        origin=origin,
        title="xây dựng Kế hoạch công tác năm 2022",
        lead=[LEAD],
        tracked=tracked or [LEAD],
        coordinating=[HELPER],
        issued_on=date(2021, 12, 10),
        deadline=deadline,
        deadline_text="trước ngày 15/01/2022",
        documents=[
            DocumentRef("Quyết định", "1969/QĐ-UBND"),
            DocumentRef("Quyết định", "1969/qđ-ubnd"),
        ],
    )


def test_deadline_before_issue_date_is_rejected_naming_deadline() -> None:
    with pytest.raises(InvalidValueError) as error:
        issued(deadline=date(2021, 12, 1))
    assert error.value.field == "deadline"


def test_issue_needs_a_lead_agency() -> None:
    origin = Origin(committee_id=uuid4(), meeting_id=uuid4(), item_number="1")
    with pytest.raises(InvalidValueError) as error:
        Assignment.issue(
            id=uuid4(),
            actor=ACTOR,
            origin=origin,
            title="x",
            lead=[],
            tracked=[],
            issued_on=date(2022, 1, 1),
        )
    assert error.value.field == "lead"


def test_cited_documents_are_deduplicated_by_number() -> None:
    assert [d.key for d in issued().documents] == ["1969/QĐ-UBND"]


def test_id_derives_from_origin() -> None:
    origin = Origin(committee_id=uuid4(), meeting_id=uuid4(), item_number="2")
    again = Origin(
        committee_id=origin.committee_id, meeting_id=origin.meeting_id, item_number="2"
    )
    assert assignment_id(origin) == assignment_id(again)
    other_task = Origin(
        committee_id=origin.committee_id,
        meeting_id=origin.meeting_id,
        item_number="2",
        task_number=2,
    )
    assert assignment_id(other_task) != assignment_id(origin)


def test_status_in_progress_then_overdue() -> None:
    assignment = issued()
    assert assignment.status_on(date(2022, 1, 15)) is AssignmentStatus.IN_PROGRESS
    assert assignment.status_on(date(2022, 1, 16)) is AssignmentStatus.OVERDUE


def test_without_deadline_never_overdue() -> None:
    assert (
        issued(deadline=None).status_on(date(2030, 1, 1))
        is AssignmentStatus.IN_PROGRESS
    )


def test_done_on_time_and_done_late() -> None:
    on_time = issued()
    on_time.complete(
        actor=ACTOR,
        agency_id=LEAD,
        completed_on=date(2022, 1, 14),
        evidence="KH 1",
        now=NOW,
    )
    assert on_time.status_on(date(2022, 3, 1)) is AssignmentStatus.DONE_ON_TIME
    late = issued()
    late.complete(
        actor=ACTOR,
        agency_id=LEAD,
        completed_on=date(2022, 1, 20),
        evidence="KH 1",
        now=NOW,
    )
    assert late.status_on(date(2022, 3, 1)) is AssignmentStatus.DONE_LATE


def test_late_is_judged_against_the_extended_deadline() -> None:
    assignment = issued()
    assignment.extend_deadline(
        actor=ACTOR,
        deadline=date(2022, 2, 28),
        authority=BY_MEETING,
        reason="xin gia hạn",
    )
    assignment.complete(
        actor=ACTOR,
        agency_id=LEAD,
        completed_on=date(2022, 2, 1),
        evidence="KH 1",
        now=NOW,
    )
    assert assignment.status_on(date(2022, 3, 1)) is AssignmentStatus.DONE_ON_TIME
    assert assignment.original_deadline == date(2022, 1, 15)
    assert assignment.deadline == date(2022, 2, 28)
    assert assignment.extensions[0].authority == BY_MEETING
    assert assignment.extensions[0].previous == date(2022, 1, 15)


def test_extension_must_move_the_deadline_later() -> None:
    assignment = issued()
    with pytest.raises(InvalidValueError) as error:
        assignment.extend_deadline(
            actor=ACTOR, deadline=date(2022, 1, 10), authority=BY_MEETING, reason="x"
        )
    assert error.value.field == "deadline"


def test_extension_request_then_grant_clears_the_request() -> None:
    assignment = issued()
    assignment.request_extension(
        actor=ACTOR, agency_id=LEAD, deadline=date(2022, 2, 15), reason="chờ kinh phí"
    )
    assert assignment.pending_extension is not None
    assignment.extend_deadline(
        actor=ACTOR, deadline=date(2022, 2, 15), authority=BY_MEETING, reason="đồng ý"
    )
    assert assignment.pending_extension is None


def test_only_tracked_lead_agencies_complete_or_ask_for_time() -> None:
    assignment = issued()
    with pytest.raises(NotAssigneeError):
        assignment.complete(
            actor=ACTOR,
            agency_id=HELPER,
            completed_on=date(2022, 1, 1),
            evidence="x",
            now=NOW,
        )
    with pytest.raises(NotAssigneeError):
        assignment.request_extension(
            actor=ACTOR, agency_id=OTHER, deadline=date(2022, 3, 1), reason="x"
        )


def test_coordinating_agency_may_report_progress_and_acknowledge() -> None:
    assignment = issued()
    assignment.acknowledge(actor=ACTOR, agency_id=HELPER, at=AT)
    assignment.report_progress(
        actor=ACTOR, agency_id=HELPER, note="đã góp ý", at=AT, percent=30, now=NOW
    )
    assert assignment.progress[0].note == "đã góp ý"
    with pytest.raises(InvalidValueError) as error:
        assignment.report_progress(
            actor=ACTOR, agency_id=LEAD, note="x", at=AT, percent=130, now=NOW
        )
    assert error.value.field == "percent"


def test_group_task_is_done_when_every_member_has_completed() -> None:
    first, second = uuid4(), uuid4()
    assignment = issued(tracked=[first, second])
    assignment.complete(
        actor=ACTOR,
        agency_id=first,
        completed_on=date(2022, 1, 10),
        evidence="a",
        now=NOW,
    )
    assert assignment.status_on(date(2022, 1, 12)) is AssignmentStatus.IN_PROGRESS
    assert (
        assignment.agency_status_on(first, date(2022, 1, 12))
        is AssignmentStatus.DONE_ON_TIME
    )
    assert (
        assignment.agency_status_on(second, date(2022, 1, 20))
        is AssignmentStatus.OVERDUE
    )
    assignment.complete(
        actor=ACTOR,
        agency_id=second,
        completed_on=date(2022, 1, 18),
        evidence="b",
        now=NOW,
    )
    assert assignment.status_on(date(2022, 1, 20)) is AssignmentStatus.DONE_LATE


def test_completion_twice_is_rejected_until_reopened() -> None:
    assignment = issued()
    assignment.complete(
        actor=ACTOR,
        agency_id=LEAD,
        completed_on=date(2022, 1, 10),
        evidence="a",
        now=NOW,
    )
    with pytest.raises(AlreadyCompletedError):
        assignment.complete(
            actor=ACTOR,
            agency_id=LEAD,
            completed_on=date(2022, 1, 11),
            evidence="a",
            now=NOW,
        )
    assignment.reopen(actor=ACTOR, reason="chưa đạt yêu cầu")
    assert assignment.status_on(date(2022, 1, 12)) is AssignmentStatus.IN_PROGRESS
    with pytest.raises(NotCompletedError):
        assignment.reopen(actor=ACTOR, reason="again")


def test_cancelled_and_superseded_take_no_more_commands() -> None:
    cancelled = issued()
    cancelled.cancel(actor=ACTOR, authority=BY_MEETING, reason="không còn phù hợp")
    assert cancelled.status_on(date(2022, 3, 1)) is AssignmentStatus.CANCELLED
    with pytest.raises(AssignmentClosedError):
        cancelled.report_progress(actor=ACTOR, agency_id=LEAD, note="x", at=AT, now=NOW)
    superseded = issued()
    replacement = uuid4()
    superseded.supersede(
        actor=ACTOR,
        by_assignment_id=replacement,
        authority=BY_MEETING,
        reason="thay thế",
    )
    assert superseded.status_on(date(2022, 3, 1)) is AssignmentStatus.SUPERSEDED
    assert superseded.superseded_by == replacement
    with pytest.raises(AssignmentClosedError):
        superseded.extend_deadline(
            actor=ACTOR, deadline=date(2022, 6, 1), authority=BY_MEETING, reason="x"
        )


def test_reassign_moves_the_task_and_keeps_relevant_completions() -> None:
    assignment = issued()
    assignment.reassign(
        actor=ACTOR,
        lead=[OTHER],
        tracked=[OTHER],
        authority=BY_MEETING,
        reason="điều chỉnh",
    )
    assert assignment.lead == [OTHER]
    assert assignment.tracked == [OTHER]


def test_authority_needs_a_meeting_or_a_document() -> None:
    with pytest.raises(InvalidValueError) as error:
        Authority()
    assert error.value.field == "authority"


def test_completion_before_issue_is_rejected() -> None:
    assignment = issued()
    with pytest.raises(InvalidValueError) as error:
        assignment.complete(
            actor=ACTOR,
            agency_id=LEAD,
            completed_on=date(2021, 1, 1),
            evidence="x",
            now=NOW,
        )
    assert error.value.field == "completed_on"


def test_status_is_evaluated_on_any_day() -> None:
    assignment = issued()
    day = date(2022, 1, 15)
    assert assignment.status_on(day + timedelta(days=1)) is AssignmentStatus.OVERDUE


def test_delegated_deadline_may_not_be_after_the_parents() -> None:
    parent = issued(deadline=date(2022, 1, 15))
    parent.check_delegated_deadline(date(2022, 1, 15))
    parent.check_delegated_deadline(None)
    with pytest.raises(DeadlineAfterParentError) as error:
        parent.check_delegated_deadline(date(2022, 1, 16))
    assert error.value.field == "deadline"
    assert error.value.details["reason"] == "after the parent's deadline"
    assert error.value.details["parent_deadline"] == date(2022, 1, 15)
    assert isinstance(error.value, InvalidValueError)


def test_a_parent_without_deadline_takes_any_delegated_deadline() -> None:
    issued(deadline=None).check_delegated_deadline(date(2030, 1, 1))
