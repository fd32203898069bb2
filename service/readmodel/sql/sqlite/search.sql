-- name: search
-- :query is FTS5's: each folded word quoted, all of them required. Scoped to
-- committees, a speech or item is its meeting's.
SELECT s.key, s.kind, s.meeting_id, s.title, s.body, bm25(search_documents) AS rank
FROM search_documents s
WHERE search_documents MATCH :query
  AND (:committees IS NULL OR COALESCE(s.committee_id,
    (SELECT m.committee_id FROM meetings m WHERE m.id = s.meeting_id))
    IN (SELECT value FROM json_each(:committees)))
ORDER BY rank, s.key
LIMIT :limit;
