"""Reads of digests (bản tin): issued ones, subscriptions, what they say."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime
from uuid import UUID

from service.readmodel import assemble
from service.readmodel.changes import value
from service.readmodel.paging import (
    Committees,
    Page,
    PageOf,
    decode_cursor,
)
from service.readmodel.rows import (
    AgencyTask,
    Decision,
    DigestSummary,
    Subscription,
    TrackedPart,
)
from service.readmodel.store import Store, page_of


class DigestReads(Store):
    """Issued digests and their delivery, subscriptions, a digest's content."""

    def digests(
        self,
        page: Page,
        committee_id: str | UUID | None = None,
        recipient_id: str | UUID | None = None,
        kind: str | None = None,
        state: str | None = None,
        committees: Committees = None,
    ) -> PageOf[DigestSummary]:
        """Issued digests, newest first, with their counts and delivery state."""
        after_key, after_id = decode_cursor(page.cursor, 2)
        rows = self.select(
            "digests",
            committee_id=value(committee_id),
            recipient_id=value(recipient_id),
            kind=kind,
            state=state,
            committees=self.collection(committees),
            after_key=after_key,
            after_id=after_id,
            limit=page.size + 1,
        )
        return page_of(rows, page, lambda row: (row[7], row[0]), assemble.digest)

    def subscriptions(
        self, committee_id: str | UUID, recipient_kind: str
    ) -> list[Subscription]:
        """The active subscriptions of one kind of recipient to a committee."""
        rows = self.select(
            "digest_subscriptions",
            committee_id=str(committee_id),
            recipient_kind=recipient_kind,
        )
        return [assemble.subscription(row) for row in rows]

    def issued_digests(self, ids: Sequence[str | UUID]) -> set[str]:
        """Which of these digests the read model has seen issued."""
        if not ids:
            return set()
        rows = self.select("digests_existing", ids=self.collection(ids))
        return {row[0] for row in rows}

    def digests_to_deliver(
        self, now: datetime, stale: datetime, limit: int
    ) -> list[UUID]:
        """Digests never attempted, due for a retry, or whose sender went quiet."""
        rows = self.select(
            "digests_to_deliver", now=value(now), stale=value(stale), limit=limit
        )
        return [UUID(row[0]) for row in rows]

    def agency_tasks(
        self,
        committee_id: str | UUID,
        agency_id: str | UUID,
        since: date,
        with_closed: bool = False,
    ) -> list[AgencyTask]:
        """An agency's open tasks in a committee, and those it finished since
        (``with_closed``: those cancelled or superseded too)."""
        rows = self.select(
            "agency_tasks",
            agency_id=str(agency_id),
            committee_id=str(committee_id),
            since=since.isoformat(),
            with_closed=with_closed,
        )
        return [assemble.agency_task(row) for row in rows]

    def overdue_candidates(
        self, committee_id: str | UUID, day: date, batch: int = 200
    ) -> Iterator[tuple[date, UUID]]:
        """Tasks of a committee that may have been overdue on ``day`` whatever
        happened since, with their first deadline, earliest first (a walk)."""
        after: tuple[str | None, str | None] = (None, None)
        while True:
            rows = self.select(
                "overdue_candidates",
                committee_id=str(committee_id),
                day=day.isoformat(),
                after_key=after[0],
                after_id=after[1],
                limit=batch,
            )
            for row in rows:
                if (first := assemble.day(row[1])) is not None:
                    yield first, UUID(row[0])
            if len(rows) < batch:
                return
            after = (str(rows[-1][1])[:10], rows[-1][0])

    def changed_since(self, committee_id: str | UUID, since: datetime) -> list[UUID]:
        """A committee's assignments changed after ``since``, in the tracker's eyes."""
        rows = self.select(
            "assignments_changed_since",
            committee_id=str(committee_id),
            since=value(since),
        )
        return [UUID(row[0]) for row in rows]

    def tracked_parts_of(self, ids: Sequence[str | UUID]) -> list[TrackedPart]:
        """These assignments' tracked parts, as the per-agency statistics count them."""
        if not ids:
            return []
        rows = self.select("tracked_parts_of", ids=self.collection(ids))
        return [assemble.tracked_part(row) for row in rows]

    def decisions(
        self, committee_id: str | UUID, period: tuple[date, date], limit: int
    ) -> list[Decision]:
        """A committee's decisions issued in ``period``, with where they came from."""
        rows = self.select(
            "decisions",
            committee_id=str(committee_id),
            start=period[0].isoformat(),
            end=period[1].isoformat(),
            limit=limit,
        )
        return [assemble.decision(row) for row in rows]
