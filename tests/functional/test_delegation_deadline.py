"""The delegation deadline rule, now the aggregate's, answers as it always did."""

from __future__ import annotations

from tests.functional.support import Api, problem
from tests.functional.test_assignments import BASE, issue


def test_delegated_deadline_after_the_parents_is_a_422_on_deadline(api: Api) -> None:
    lead = api.agency("Sở Xây dựng")
    unit = api.agency("Phòng Quản lý nhà")
    parent = issue(api, [lead], deadline="2099-06-30")
    task = {"title": "Rà soát nhà ở", "lead": [unit], "deadline": "2099-07-01"}
    body = {"by_agency_id": lead, "issued_on": "2021-12-22", "task": task}
    answer = problem(api.post(f"{BASE}/{parent}/delegations", body), 422)
    assert answer == {
        "type": "urn:steerlog:problem:invalid_value",
        "title": "Invalid value",
        "status": 422,
        "detail": "deadline: after the parent's deadline",
        "errors": {"deadline": ["after the parent's deadline"]},
    }
