-- What people read, in PostgreSQL. A collection parameter (:committees, :ids)
-- is a text array, or NULL for "all"; NULL folds away when the plan is made.
-- The status on :day is Assignment.status_on's rule ("late" against the current
-- deadline); per agency, a tracked agency is judged by its own completion.

-- name: meetings
SELECT m.id, m.committee_id, m.title, m.format, m.status, m.starts_at, m.location,
    m.opened_at, m.closed_at, m.notice_number,
    (SELECT COUNT(*) FROM connection_points p WHERE p.meeting_id = m.id) AS point_count,
    (SELECT COUNT(*) FROM speeches s WHERE s.meeting_id = m.id) AS speech_count,
    (SELECT COUNT(*) FROM conclusion_items i WHERE i.meeting_id = m.id) AS item_count
FROM meetings m
WHERE (:committee_id IS NULL OR m.committee_id = :committee_id)
  AND (CAST(:committees AS TEXT[]) IS NULL OR m.committee_id = ANY(CAST(:committees AS TEXT[])))
  AND (:status IS NULL OR m.status = :status)
  AND (:format IS NULL OR m.format = :format)
  AND (:starts_from IS NULL OR m.starts_at >= :starts_from)
  AND (:starts_before IS NULL OR m.starts_at < :starts_before)
  AND (:after_key IS NULL OR (m.starts_at, m.id) < (:after_key, :after_id))
ORDER BY m.starts_at DESC, m.id DESC
LIMIT :limit;

-- name: assignments
SELECT a.id, a.title, a.kind, a.committee_id, a.meeting_id, a.item_number,
    a.task_number, a.speech_id, a.speaker_id, a.point_id, a.parent_id, a.issued_on,
    a.original_deadline, a.deadline, a.deadline_text, a.extension_requested,
    a.completed_on, a.closed, a.superseded_by,
    CASE WHEN a.closed IS NOT NULL THEN a.closed
        WHEN a.completed_on IS NOT NULL AND a.completed_on <= :day THEN
            CASE WHEN a.deadline IS NULL OR a.completed_on <= a.deadline
            THEN 'done_on_time' ELSE 'done_late' END
        WHEN a.deadline IS NOT NULL AND a.deadline < :day THEN 'overdue'
        ELSE 'in_progress' END AS status,
    a.due
FROM assignments a
WHERE (:committee_id IS NULL OR a.committee_id = :committee_id)
  AND (CAST(:committees AS TEXT[]) IS NULL OR a.committee_id = ANY(CAST(:committees AS TEXT[])))
  AND (:meeting_id IS NULL OR a.meeting_id = :meeting_id)
  AND (:speaker_id IS NULL OR a.speaker_id = :speaker_id)
  AND (:due_from IS NULL OR a.due >= :due_from)
  AND (:due_to IS NULL OR a.due <= :due_to)
  AND (NOT :extension_requested OR a.extension_requested IS NOT NULL)
  AND (:status IS NULL OR CASE WHEN a.closed IS NOT NULL THEN a.closed
        WHEN a.completed_on IS NOT NULL AND a.completed_on <= :day THEN
            CASE WHEN a.deadline IS NULL OR a.completed_on <= a.deadline
            THEN 'done_on_time' ELSE 'done_late' END
        WHEN a.deadline IS NOT NULL AND a.deadline < :day THEN 'overdue'
        ELSE 'in_progress' END = :status)
  AND (:after_key IS NULL OR (a.due, a.id) > (:after_key, :after_id))
ORDER BY a.due, a.id
LIMIT :limit;

-- name: assignments_of_agency
-- An agency's own tasks first, then the rest of the filters: an IN nested in
-- an OR would make the planner test every assignment against the agency's.
WITH mine AS MATERIALIZED (
    SELECT aa.assignment_id FROM assignment_agencies aa WHERE aa.agency_id = :agency_id
    UNION
    SELECT aa.assignment_id FROM group_members g
    JOIN assignment_agencies aa ON aa.agency_id = g.member_id
    WHERE g.group_id = :agency_id
)
SELECT a.id, a.title, a.kind, a.committee_id, a.meeting_id, a.item_number,
    a.task_number, a.speech_id, a.speaker_id, a.point_id, a.parent_id, a.issued_on,
    a.original_deadline, a.deadline, a.deadline_text, a.extension_requested,
    a.completed_on, a.closed, a.superseded_by,
    CASE WHEN a.closed IS NOT NULL THEN a.closed
        WHEN a.completed_on IS NOT NULL AND a.completed_on <= :day THEN
            CASE WHEN a.deadline IS NULL OR a.completed_on <= a.deadline
            THEN 'done_on_time' ELSE 'done_late' END
        WHEN a.deadline IS NOT NULL AND a.deadline < :day THEN 'overdue'
        ELSE 'in_progress' END AS status,
    a.due
FROM mine JOIN assignments a ON a.id = mine.assignment_id
WHERE (:committee_id IS NULL OR a.committee_id = :committee_id)
  AND (CAST(:committees AS TEXT[]) IS NULL OR a.committee_id = ANY(CAST(:committees AS TEXT[])))
  AND (:meeting_id IS NULL OR a.meeting_id = :meeting_id)
  AND (:speaker_id IS NULL OR a.speaker_id = :speaker_id)
  AND (:due_from IS NULL OR a.due >= :due_from)
  AND (:due_to IS NULL OR a.due <= :due_to)
  AND (NOT :extension_requested OR a.extension_requested IS NOT NULL)
  AND (:status IS NULL OR CASE WHEN a.closed IS NOT NULL THEN a.closed
        WHEN a.completed_on IS NOT NULL AND a.completed_on <= :day THEN
            CASE WHEN a.deadline IS NULL OR a.completed_on <= a.deadline
            THEN 'done_on_time' ELSE 'done_late' END
        WHEN a.deadline IS NOT NULL AND a.deadline < :day THEN 'overdue'
        ELSE 'in_progress' END = :status)
  AND (:after_key IS NULL OR (a.due, a.id) > (:after_key, :after_id))
ORDER BY a.due, a.id
LIMIT :limit;

-- name: assignment_agencies
SELECT t.assignment_id, t.agency_id, t.role, g.name, c.completed_on
FROM assignment_agencies t
LEFT JOIN agencies g ON g.id = t.agency_id
LEFT JOIN assignment_completions c
  ON c.assignment_id = t.assignment_id AND c.agency_id = t.agency_id
WHERE t.assignment_id = ANY(CAST(:ids AS TEXT[]))
ORDER BY t.assignment_id, t.role, g.name;

-- name: agency_statistics
-- From the tracked parts alone: a committee's are one range of their index.
SELECT x.agency_id AS key, g.name AS name, x.status, x.n
FROM (
    SELECT p.agency_id,
        CASE WHEN p.closed IS NOT NULL THEN p.closed
            WHEN p.completed_on IS NOT NULL AND p.completed_on <= :day THEN
                CASE WHEN p.deadline IS NULL OR p.completed_on <= p.deadline
                THEN 'done_on_time' ELSE 'done_late' END
            WHEN p.deadline IS NOT NULL AND p.deadline < :day THEN 'overdue'
            ELSE 'in_progress' END AS status,
        COUNT(*) AS n
    FROM tracked_parts p
    WHERE (:committee_id IS NULL OR p.committee_id = :committee_id)
      AND (CAST(:committees AS TEXT[]) IS NULL OR p.committee_id = ANY(CAST(:committees AS TEXT[])))
    GROUP BY 1, 2
) x
LEFT JOIN agencies g ON g.id = x.agency_id
ORDER BY g.name, x.agency_id;

-- name: committee_statistics
SELECT x.committee_id AS key, m.name AS name, x.status, COUNT(*) AS n
FROM (
    SELECT a.committee_id,
        CASE WHEN a.closed IS NOT NULL THEN a.closed
            WHEN a.completed_on IS NOT NULL AND a.completed_on <= :day THEN
                CASE WHEN a.deadline IS NULL OR a.completed_on <= a.deadline
                THEN 'done_on_time' ELSE 'done_late' END
            WHEN a.deadline IS NOT NULL AND a.deadline < :day THEN 'overdue'
            ELSE 'in_progress' END AS status
    FROM assignments a
    WHERE (:committee_id IS NULL OR a.committee_id = :committee_id)
      AND (CAST(:committees AS TEXT[]) IS NULL OR a.committee_id = ANY(CAST(:committees AS TEXT[])))
) x
LEFT JOIN committees m ON m.id = x.committee_id
GROUP BY x.committee_id, m.name, x.status
ORDER BY m.name, x.committee_id;

-- name: documents
-- Scoped to committees: the documents their assignments cite, counted so.
SELECT d.key, d.kind, d.number, d.date, d.issuer, d.title,
    (SELECT COUNT(*) FROM citations c WHERE c.document_key = d.key
       AND (CAST(:committees AS TEXT[]) IS NULL OR EXISTS (
         SELECT 1 FROM assignments a WHERE a.id = c.assignment_id
           AND a.committee_id = ANY(CAST(:committees AS TEXT[]))))) AS citing
FROM documents d
WHERE (:after_key IS NULL OR d.key > :after_key)
  AND (CAST(:committees AS TEXT[]) IS NULL OR EXISTS (
    SELECT 1 FROM citations c JOIN assignments a ON a.id = c.assignment_id
    WHERE c.document_key = d.key AND a.committee_id = ANY(CAST(:committees AS TEXT[]))))
ORDER BY d.key
LIMIT :limit;

-- name: citing
SELECT a.id, a.title, a.kind, a.committee_id, a.meeting_id, a.item_number,
    a.task_number, a.speech_id, a.speaker_id, a.point_id, a.parent_id, a.issued_on,
    a.original_deadline, a.deadline, a.deadline_text, a.extension_requested,
    a.completed_on, a.closed, a.superseded_by,
    CASE WHEN a.closed IS NOT NULL THEN a.closed
        WHEN a.completed_on IS NOT NULL AND a.completed_on <= :day THEN
            CASE WHEN a.deadline IS NULL OR a.completed_on <= a.deadline
            THEN 'done_on_time' ELSE 'done_late' END
        WHEN a.deadline IS NOT NULL AND a.deadline < :day THEN 'overdue'
        ELSE 'in_progress' END AS status
FROM citations c JOIN assignments a ON a.id = c.assignment_id
WHERE c.document_key = :key
  AND (CAST(:committees AS TEXT[]) IS NULL OR a.committee_id = ANY(CAST(:committees AS TEXT[])))
ORDER BY a.due, a.id;

-- name: digests
SELECT d.id, d.kind, d.committee_id, d.recipient_kind, d.recipient_id,
    d.period_start, d.period_end, d.issued_at, d.late, d.counts, d.state,
    d.attempts, d.last_error, d.next_retry_at, d.delivered_at, d.message_id
FROM digests d
WHERE (:committee_id IS NULL OR d.committee_id = :committee_id)
  AND (CAST(:committees AS TEXT[]) IS NULL OR d.committee_id = ANY(CAST(:committees AS TEXT[])))
  AND (:recipient_id IS NULL OR d.recipient_id = :recipient_id)
  AND (:kind IS NULL OR d.kind = :kind)
  AND (:state IS NULL OR d.state = :state)
  AND (:after_key IS NULL OR (d.issued_at, d.id) < (:after_key, :after_id))
ORDER BY d.issued_at DESC, d.id DESC
LIMIT :limit;

-- name: digests_existing
SELECT d.id FROM digests d WHERE d.id = ANY(CAST(:ids AS TEXT[]));

-- name: lineage_children
-- One page of what came directly of :start (a walk down of one step), by
-- relation and then in the order it came: lineage_edges_down's order, so a page
-- is read off the index however many there are. Nodes of committees outside
-- :committees (when given) are left out; a node with none is everyone's.
-- Rows have the walks' shape (depth 1).
SELECT e.src AS key, 1 AS depth, e.src, e.dst, e.edge, e.at, n.kind, n.label,
    COALESCE(n.committee_id, mn.committee_id) AS committee_id,
    CASE WHEN a.id IS NULL THEN NULL
        WHEN a.closed IS NOT NULL THEN a.closed
        WHEN a.completed_on IS NOT NULL AND a.completed_on <= :day THEN
            CASE WHEN a.deadline IS NULL OR a.completed_on <= a.deadline
            THEN 'done_on_time' ELSE 'done_late' END
        WHEN a.deadline IS NOT NULL AND a.deadline < :day THEN 'overdue'
        ELSE 'in_progress' END AS status,
    a.deadline
FROM lineage_edges e
JOIN lineage_nodes n ON n.key = e.src
LEFT JOIN lineage_nodes mn ON mn.key = n.meeting_key
LEFT JOIN assignments a ON a.id = CASE WHEN substr(e.src, 1, 11) = 'assignment:'
    THEN substr(e.src, 12) END
WHERE e.dst = :start
  AND (CAST(:committees AS TEXT[]) IS NULL
    OR COALESCE(n.committee_id, mn.committee_id) IS NULL
    OR COALESCE(n.committee_id, mn.committee_id) = ANY(CAST(:committees AS TEXT[])))
ORDER BY e.edge, e.at, e.src
LIMIT :limit OFFSET :offset;

-- name: tracked_parts_of
-- These assignments' tracked parts: each agency's deadline, closing, completion.
SELECT p.agency_id, p.deadline, p.closed, p.completed_on
FROM tracked_parts p
WHERE p.assignment_id = ANY(CAST(:ids AS TEXT[]));
