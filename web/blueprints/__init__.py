"""The API's blueprints, one per resource, in the order the document lists them."""

from __future__ import annotations

from web.blueprints import (
    accounts,
    agencies,
    assignments,
    calendars,
    committees,
    conclusion_drafts,
    digest_subscriptions,
    digests,
    documents,
    downloads,
    health,
    history,
    lineage,
    meeting_exports,
    meeting_points,
    meeting_record,
    meetings,
    people,
    search,
    statistics,
)

BLUEPRINTS = [
    committees.blp,
    agencies.blp,
    people.blp,
    meetings.blp,
    meeting_points.blp,
    meeting_record.blp,
    conclusion_drafts.blp,
    assignments.blp,
    statistics.blp,
    documents.blp,
    lineage.blp,
    search.blp,
    digests.blp,
    digest_subscriptions.blp,
    history.blp,
    downloads.blp,
    calendars.blp,
    meeting_exports.blp,
    accounts.blp,
    health.blp,
]
