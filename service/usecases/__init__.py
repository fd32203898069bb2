"""Use cases, one method each, grouped by the aggregate they mostly change."""
