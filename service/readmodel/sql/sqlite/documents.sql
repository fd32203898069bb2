-- The document registry: every document the system knows (cited, issuing,
-- authorising, approved, published as a notice, given as evidence), and what
-- links to it. A link's committee is its assignment's or its meeting's.

-- name: registry
-- Scoped to committees: the documents linked to their assignments or meetings
-- (or cited by their assignments); the citing count is theirs too.
SELECT d.key, d.kind, d.number, d.date, d.issuer, d.title,
    (SELECT COUNT(*) FROM citations c WHERE c.document_key = d.key
       AND ((:committees IS NULL) OR EXISTS (
         SELECT 1 FROM assignments a WHERE a.id = c.assignment_id
           AND a.committee_id IN (SELECT value FROM json_each(:committees))))) AS citing
FROM documents d
WHERE (:after_key IS NULL OR d.key > :after_key)
  AND ((:committees IS NULL)
    OR EXISTS (
      SELECT 1 FROM document_links l
      LEFT JOIN assignments a ON l.subject_kind = 'assignment' AND a.id = l.subject_id
      LEFT JOIN meetings m ON l.subject_kind = 'meeting' AND m.id = l.subject_id
      WHERE l.document_key = d.key
        AND COALESCE(a.committee_id, m.committee_id) IN (SELECT value FROM json_each(:committees)))
    OR EXISTS (
      SELECT 1 FROM citations c JOIN assignments a ON a.id = c.assignment_id
      WHERE c.document_key = d.key AND a.committee_id IN (SELECT value FROM json_each(:committees))))
ORDER BY d.key
LIMIT :limit;

-- name: document_link_counts
-- How many links each of the listed documents has, by relation, in scope.
SELECT l.document_key, l.relation, COUNT(*) AS links
FROM document_links l
LEFT JOIN assignments a ON l.subject_kind = 'assignment' AND a.id = l.subject_id
LEFT JOIN meetings m ON l.subject_kind = 'meeting' AND m.id = l.subject_id
WHERE l.document_key IN (SELECT value FROM json_each(:keys))
  AND ((:committees IS NULL) OR COALESCE(a.committee_id, m.committee_id) IN (SELECT value FROM json_each(:committees)))
GROUP BY l.document_key, l.relation
ORDER BY l.document_key, l.relation;

-- name: document_links
-- What links to one document, by relation, oldest first; an assignment with its
-- status on :day.
SELECT l.relation, l.subject_kind, l.subject_id,
    COALESCE(a.title, m.title) AS title, COALESCE(a.committee_id, m.committee_id) AS committee_id,
    CASE WHEN a.id IS NULL THEN NULL
        WHEN a.closed IS NOT NULL THEN a.closed
        WHEN a.completed_on IS NOT NULL AND a.completed_on <= :day THEN
            CASE WHEN a.deadline IS NULL OR a.completed_on <= a.deadline
            THEN 'done_on_time' ELSE 'done_late' END
        WHEN a.deadline IS NOT NULL AND a.deadline < :day THEN 'overdue'
        ELSE 'in_progress' END AS status,
    l.detail
FROM document_links l
LEFT JOIN assignments a ON l.subject_kind = 'assignment' AND a.id = l.subject_id
LEFT JOIN meetings m ON l.subject_kind = 'meeting' AND m.id = l.subject_id
WHERE l.document_key = :key
  AND ((:committees IS NULL) OR COALESCE(a.committee_id, m.committee_id) IN (SELECT value FROM json_each(:committees)))
ORDER BY l.relation, l.at, l.subject_id, l.detail;
