"""An assignment's rules of fact: an authority that exists, reports dated in the past
(not before the task), whole percents, and the document a completion names."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest

from domain.assignment import Assignment
from domain.assignment_authority import check_authority
from domain.errors import InvalidValueError
from domain.meeting import Meeting
from domain.values import Authority, ConclusionItem, DocumentRef, Origin
from tests.scenario import ACTOR, ICT
from tests.unit.domain.test_meeting import opened, speak

LEAD = uuid4()
ISSUED_ON = date(2021, 12, 10)
NOW = datetime(2022, 3, 1, 10, 0, tzinfo=ICT)
REPORT = DocumentRef("Báo cáo", "15/BC-STTTT", date(2022, 2, 20))


def task() -> Assignment:
    origin = Origin(committee_id=uuid4(), meeting_id=uuid4(), item_number="1")
    return Assignment.issue(
        id=uuid4(),
        actor=ACTOR,
        origin=origin,
        title="Xây dựng Kế hoạch chuyển đổi số năm 2022",
        lead=[LEAD],
        tracked=[LEAD],
        issued_on=ISSUED_ON,
        deadline=date(2022, 6, 30),
    )


def concluded(*numbers: str) -> Meeting:
    meeting, _ = opened()
    items = [ConclusionItem(number, f"Nội dung {number}") for number in numbers]
    meeting.issue_conclusion(actor=ACTOR, speech_id=speak(meeting), items=items)
    return meeting


def refused_field(error: pytest.ExceptionInfo[InvalidValueError]) -> str | None:
    return error.value.field


def test_authority_names_an_item_the_meeting_concluded() -> None:
    meeting = concluded("1", "2", "3")
    check_authority(Authority(meeting_id=meeting.id, item_number="2"), meeting)
    with pytest.raises(InvalidValueError) as error:
        check_authority(Authority(meeting_id=meeting.id, item_number="9"), meeting)
    assert refused_field(error) == "authority.item_number"
    assert "items: 1, 2, 3" in error.value.details["reason"]


def test_authority_of_a_meeting_without_a_conclusion_is_refused() -> None:
    meeting, _ = opened()
    with pytest.raises(InvalidValueError) as error:
        check_authority(Authority(meeting_id=meeting.id, item_number="1"), meeting)
    assert "items: none" in error.value.details["reason"]


def test_meeting_without_an_item_needs_a_document_beside_it() -> None:
    meeting = concluded("1")
    with pytest.raises(InvalidValueError) as error:
        check_authority(Authority(meeting_id=meeting.id), meeting)
    assert refused_field(error) == "authority.item_number"
    check_authority(Authority(meeting_id=meeting.id, document=REPORT), meeting)


def test_document_alone_is_an_authority() -> None:
    check_authority(Authority(document=REPORT), None)


def test_authority_must_come_with_the_meeting_it_names() -> None:
    meeting = concluded("1")
    with pytest.raises(InvalidValueError) as error:
        check_authority(Authority(meeting_id=uuid4(), item_number="1"), meeting)
    assert refused_field(error) == "authority.meeting_id"


def test_completion_dated_in_the_future_is_refused_and_the_real_one_recorded() -> None:
    assignment = task()
    with pytest.raises(InvalidValueError) as error:
        assignment.complete(
            actor=ACTOR,
            agency_id=LEAD,
            completed_on=date(2023, 3, 1),
            evidence="Báo cáo",
            now=NOW,
        )
    assert refused_field(error) == "completed_on"
    assert not assignment.completions and assignment.version == 1
    assignment.complete(
        actor=ACTOR, agency_id=LEAD, completed_on=NOW.date(), evidence="x", now=NOW
    )
    assert assignment.completed_on == NOW.date()


def test_completion_today_is_judged_on_the_committee_calendar() -> None:
    # 23:30 in Hà Nội is still the day before in UTC: today is the committee's.
    late_evening = datetime(2022, 3, 1, 23, 30, tzinfo=ICT)
    assignment = task()
    assignment.complete(
        actor=ACTOR,
        agency_id=LEAD,
        completed_on=date(2022, 3, 1),
        evidence="x",
        now=late_evening,
    )
    assert assignment.completed_on == date(2022, 3, 1)


def test_completion_before_the_task_was_issued_is_refused() -> None:
    with pytest.raises(InvalidValueError) as error:
        task().complete(
            actor=ACTOR,
            agency_id=LEAD,
            completed_on=ISSUED_ON - timedelta(days=1),
            evidence="x",
            now=NOW,
        )
    assert error.value.details == {
        "field": "completed_on",
        "reason": "before the issue date",
    }


def test_completion_keeps_the_report_that_proves_it() -> None:
    assignment = task()
    assignment.complete(
        actor=ACTOR,
        agency_id=LEAD,
        completed_on=date(2022, 2, 20),
        evidence="Đã ban hành Kế hoạch",
        now=NOW,
        document=REPORT,
    )
    assert assignment.completions[LEAD].document == REPORT


@pytest.mark.parametrize(
    ("at", "reason"),
    [
        (NOW + timedelta(minutes=1), "in the future"),
        (datetime(2021, 12, 9, 23, 0, tzinfo=ICT), "before the issue date"),
    ],
)
def test_progress_time_is_between_the_issue_and_now(at: datetime, reason: str) -> None:
    with pytest.raises(InvalidValueError) as error:
        task().report_progress(
            actor=ACTOR, agency_id=LEAD, note="x", at=at, now=NOW, percent=10
        )
    assert error.value.details == {"field": "at", "reason": reason}


def test_progress_on_the_issue_day_in_the_committee_zone_is_accepted() -> None:
    # 18:00 UTC on the 9th is 01:00 on the 10th in Hà Nội: the issue day.
    at = datetime(2021, 12, 9, 18, 0, tzinfo=UTC)
    assignment = task()
    assignment.report_progress(actor=ACTOR, agency_id=LEAD, note="x", at=at, now=NOW)
    assert assignment.progress[0].at == at


@pytest.mark.parametrize("percent", [50.7, 50.0, "50", True, -1, 101])
def test_percent_is_a_whole_number_from_0_to_100(percent: object) -> None:
    with pytest.raises(InvalidValueError) as error:
        task().report_progress(
            actor=ACTOR,
            agency_id=LEAD,
            note="x",
            at=NOW,
            now=NOW,
            percent=percent,  # type: ignore[arg-type]
        )
    assert refused_field(error) == "percent"


def test_reports_need_a_time_with_an_offset() -> None:
    with pytest.raises(InvalidValueError) as error:
        task().report_progress(
            actor=ACTOR, agency_id=LEAD, note="x", at=NOW, now=NOW.replace(tzinfo=None)
        )
    assert refused_field(error) == "now"
