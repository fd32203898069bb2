"""Which tables each projection owns (names only; the SQL is per database)."""

from __future__ import annotations

PROJECTIONS: dict[str, tuple[str, ...]] = {
    "directory": ("committees", "agencies", "agency_names", "group_members", "people"),
    "meetings": (
        "meetings",
        "connection_points",
        "attendance",
        "speeches",
        "conclusion_items",
    ),
    "tracker": (
        "assignments",
        "assignment_agencies",
        "assignment_completions",
        "tracked_parts",
        "assignment_changes",
        "documents",
        "citations",
        "document_links",
    ),
    "lineage": ("lineage_nodes", "lineage_edges"),
    "search": ("search_documents",),
    "digests": ("digests", "digest_subscriptions"),
}
