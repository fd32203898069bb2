"""Status on a day, the one definition the aggregate and the read side's SQL share."""

from __future__ import annotations

from datetime import date

import pytest

from domain.assignment_status import status_on_day
from domain.values import AssignmentStatus

DEADLINE = date(2022, 1, 15)


@pytest.mark.parametrize(
    ("day", "deadline", "completed_on", "expected"),
    [
        (date(2022, 1, 15), DEADLINE, None, AssignmentStatus.IN_PROGRESS),
        (date(2022, 1, 16), DEADLINE, None, AssignmentStatus.OVERDUE),
        (date(2030, 1, 1), None, None, AssignmentStatus.IN_PROGRESS),
        (date(2022, 1, 20), DEADLINE, date(2022, 1, 15), AssignmentStatus.DONE_ON_TIME),
        (date(2022, 1, 20), DEADLINE, date(2022, 1, 16), AssignmentStatus.DONE_LATE),
        (date(2022, 1, 20), None, date(2022, 1, 19), AssignmentStatus.DONE_ON_TIME),
        # Completed after the day asked about: as it stood that day.
        (date(2022, 1, 10), DEADLINE, date(2022, 1, 12), AssignmentStatus.IN_PROGRESS),
        (date(2022, 1, 17), DEADLINE, date(2022, 1, 18), AssignmentStatus.OVERDUE),
    ],
)
def test_status_on_a_day_follows_deadline_and_completion(
    day: date,
    deadline: date | None,
    completed_on: date | None,
    expected: AssignmentStatus,
) -> None:
    assert status_on_day(day, deadline=deadline, completed_on=completed_on) is expected


@pytest.mark.parametrize(
    "closed", [AssignmentStatus.CANCELLED, AssignmentStatus.SUPERSEDED]
)
def test_a_closed_assignment_is_closed_whatever_its_dates(
    closed: AssignmentStatus,
) -> None:
    for completed_on in (None, date(2022, 1, 10), date(2022, 2, 1)):
        status = status_on_day(
            date(2022, 3, 1),
            deadline=DEADLINE,
            completed_on=completed_on,
            closed=closed,
        )
        assert status is closed
