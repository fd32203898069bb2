-- name: search
-- Broad words match hundreds of thousands of documents: rank the first 500
-- matches rather than every one of them. The query is written out where it is
-- used, not in a CTE, so the planner sees how common its words are: for a broad
-- word, reading the table until enough rows match beats collecting every match
-- from the index first (that took some 40 ms). Scoped to committees, a speech
-- or item is its meeting's.
SELECT h.key, h.kind, h.meeting_id, h.title, h.body,
    ts_rank(h.folded, plainto_tsquery('simple', :query)) AS rank
FROM (
    SELECT s.key, s.kind, s.meeting_id, s.title, s.body, s.folded
    FROM search_documents s
    WHERE s.folded @@ plainto_tsquery('simple', :query)
      AND (CAST(:committees AS TEXT[]) IS NULL OR COALESCE(s.committee_id,
        (SELECT m.committee_id FROM meetings m WHERE m.id = s.meeting_id))
        = ANY(CAST(:committees AS TEXT[])))
    LIMIT 500
) h
ORDER BY rank DESC, h.key
LIMIT :limit;
