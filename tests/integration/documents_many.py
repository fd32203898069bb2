"""Many tasks of one committee, issued by a document (no meeting needed)."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID, uuid4

from domain.values import DocumentRef
from service.usecases.assignments import TaskDraft
from service.usecases.steerlog import Steerlog


def many_tasks(app: Steerlog, count: int) -> UUID:
    """A committee with ``count`` tasks of one agency; the committee's id."""
    token = uuid4().hex[:8]
    committee_id = app.establish_committee(
        actor="test", name=f"Ban Chỉ đạo {token}", jurisdiction="tỉnh Thử Nghiệm"
    ).id
    agency_id = app.register_agency(actor="test", name=f"Sở Thử Nghiệm {token}").id
    plan = DocumentRef(kind="Kế hoạch", number=f"{token}/KH-UBND")
    for number in range(1, count + 1):
        app.issue_assignment(
            actor="test",
            committee_id=committee_id,
            task=TaskDraft(
                title=f"Nhiệm vụ số {number}",
                lead=[agency_id],
                deadline=date(2022, 1, 1) + timedelta(days=number),
            ),
            issued_on=date(2021, 12, 1),
            document=plan,
            item_number=str(number),
        )
    return committee_id
