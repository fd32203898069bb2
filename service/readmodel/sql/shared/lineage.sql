-- Lineage walks follow edges from what came later to what it came from ("up"),
-- or back ("down"), returning each edge they take, the node it reached (with its
-- committee, or its meeting's) and, for an assignment, its status on :day.
-- :depth bounds the walk and :limit its rows (no GROUP BY: the database may stop
-- walking at the limit). The first row spells out the walk's column types.

-- name: lineage_up
WITH RECURSIVE walk(key, depth, src, dst, edge, at) AS (
    SELECT CAST(:start AS TEXT), 0, CAST(NULL AS TEXT), CAST(NULL AS TEXT),
        CAST(NULL AS TEXT), CAST(NULL AS TIMESTAMPTZ)
    UNION
    SELECT e.dst, w.depth + 1, e.src, e.dst, e.edge, e.at
    FROM lineage_edges e JOIN walk w ON e.src = w.key
    WHERE w.depth < :depth
),
reached AS (SELECT key, depth, src, dst, edge, at FROM walk LIMIT :limit)
SELECT r.key, r.depth, r.src, r.dst, r.edge, r.at, n.kind, n.label,
    COALESCE(n.committee_id, mn.committee_id) AS committee_id,
    CASE WHEN a.id IS NULL THEN NULL
        WHEN a.closed IS NOT NULL THEN a.closed
        WHEN a.completed_on IS NOT NULL AND a.completed_on <= :day THEN
            CASE WHEN a.deadline IS NULL OR a.completed_on <= a.deadline
            THEN 'done_on_time' ELSE 'done_late' END
        WHEN a.deadline IS NOT NULL AND a.deadline < :day THEN 'overdue'
        ELSE 'in_progress' END AS status,
    a.deadline
FROM reached r
LEFT JOIN lineage_nodes n ON n.key = r.key
LEFT JOIN lineage_nodes mn ON mn.key = n.meeting_key
LEFT JOIN assignments a ON a.id = CASE WHEN substr(r.key, 1, 11) = 'assignment:'
    THEN substr(r.key, 12) END;

-- name: lineage_down
WITH RECURSIVE walk(key, depth, src, dst, edge, at) AS (
    SELECT CAST(:start AS TEXT), 0, CAST(NULL AS TEXT), CAST(NULL AS TEXT),
        CAST(NULL AS TEXT), CAST(NULL AS TIMESTAMPTZ)
    UNION
    SELECT e.src, w.depth + 1, e.src, e.dst, e.edge, e.at
    FROM lineage_edges e JOIN walk w ON e.dst = w.key
    WHERE w.depth < :depth
),
reached AS (SELECT key, depth, src, dst, edge, at FROM walk LIMIT :limit)
SELECT r.key, r.depth, r.src, r.dst, r.edge, r.at, n.kind, n.label,
    COALESCE(n.committee_id, mn.committee_id) AS committee_id,
    CASE WHEN a.id IS NULL THEN NULL
        WHEN a.closed IS NOT NULL THEN a.closed
        WHEN a.completed_on IS NOT NULL AND a.completed_on <= :day THEN
            CASE WHEN a.deadline IS NULL OR a.completed_on <= a.deadline
            THEN 'done_on_time' ELSE 'done_late' END
        WHEN a.deadline IS NOT NULL AND a.deadline < :day THEN 'overdue'
        ELSE 'in_progress' END AS status,
    a.deadline
FROM reached r
LEFT JOIN lineage_nodes n ON n.key = r.key
LEFT JOIN lineage_nodes mn ON mn.key = n.meeting_key
LEFT JOIN assignments a ON a.id = CASE WHEN substr(r.key, 1, 11) = 'assignment:'
    THEN substr(r.key, 12) END;
