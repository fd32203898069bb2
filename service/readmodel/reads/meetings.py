"""Reads of the directory and of meetings."""

from __future__ import annotations

from uuid import UUID

from service.readmodel import assemble
from service.readmodel.paging import (
    Committees,
    MeetingFilter,
    Page,
    PageOf,
    decode_cursor,
)
from service.readmodel.rows import (
    AgencyNames,
    CommitteeZone,
    ConnectionPointRow,
    MeetingSummary,
    PersonRow,
)
from service.readmodel.store import Store, filters_of, page_of


class MeetingReads(Store):
    """Agencies and committees, meetings and their connection points."""

    def agency_directory(self) -> list[AgencyNames]:
        """Every agency with the other names it is known by (for matching text)."""
        return assemble.agency_names(self.select("agency_directory"))

    def people(self) -> list[PersonRow]:
        """Every official of the directory, by name."""
        return [PersonRow(*row) for row in self.select("people")]

    def committees_with_zones(self) -> list[CommitteeZone]:
        """Every committee with the time zone its deadlines are dates in."""
        return [CommitteeZone(*row) for row in self.select("committees_with_zones")]

    def meetings(
        self, where: MeetingFilter, page: Page, committees: Committees = None
    ) -> PageOf[MeetingSummary]:
        """Meetings, newest first, filtered by committee, dates, status, format."""
        after_key, after_id = decode_cursor(page.cursor, 2)
        rows = self.select(
            "meetings",
            **filters_of(where),
            committees=self.collection(committees),
            after_key=after_key,
            after_id=after_id,
            limit=page.size + 1,
        )
        return page_of(rows, page, lambda row: (row[5], row[0]), MeetingSummary)

    def connection_points(self, meeting_id: str | UUID) -> list[ConnectionPointRow]:
        """A meeting's connection points in the order they were registered."""
        rows = self.select("meeting_points", meeting_id=str(meeting_id))
        return [assemble.point(row) for row in rows]
