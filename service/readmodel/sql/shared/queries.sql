-- What people read, alike in both databases.

-- name: agency_directory
SELECT g.id, g.name, n.name AS alias
FROM agencies g
LEFT JOIN agency_names n ON n.agency_id = g.id AND n.name <> g.name
ORDER BY g.name, g.id, n.name;

-- name: meeting_points
SELECT p.id, p.name, p.level, p.is_host, p.agency_id, p.connected, p.attendee_count,
    (SELECT COUNT(*) FROM attendance t WHERE t.point_id = p.id) AS named_attendees
FROM connection_points p
WHERE p.meeting_id = :meeting_id
ORDER BY p.position;

-- name: document
SELECT d.key, d.kind, d.number, d.date, d.issuer, d.title
FROM documents d WHERE d.key = :key;

-- name: people
SELECT p.id, p.full_name, p.title, p.agency_id FROM people p ORDER BY p.full_name, p.id;

-- name: committees_with_zones
SELECT m.id, m.name, m.time_zone FROM committees m ORDER BY m.id;

-- name: digest_subscriptions
SELECT s.id, s.committee_id, s.recipient_kind, s.recipient_id, s.addresses
FROM digest_subscriptions s
WHERE s.committee_id = :committee_id AND s.recipient_kind = :recipient_kind
  AND s.active
ORDER BY s.recipient_id;

-- name: agency_tasks
-- The open work of one agency in one committee, and what it finished on :since
-- or later: the agency's own completion if it is tracked, the whole
-- assignment's if it only coordinates. With :with_closed, cancelled and
-- superseded tasks too (a digest of a past day: they may have been open then).
SELECT x.id, x.title, x.deadline, x.issued_on, x.extension_requested, x.role, x.done_on
FROM (
    SELECT a.id, a.title, a.deadline, a.issued_on, a.extension_requested, t.role,
        CASE WHEN t.role = 'tracked' THEN c.completed_on
        ELSE a.completed_on END AS done_on
    FROM assignment_agencies t
    JOIN assignments a ON a.id = t.assignment_id
    LEFT JOIN assignment_completions c
      ON c.assignment_id = t.assignment_id AND c.agency_id = t.agency_id
    WHERE t.agency_id = :agency_id AND t.role IN ('tracked', 'coordinating')
      AND a.committee_id = :committee_id AND (a.closed IS NULL OR :with_closed)
) x
WHERE x.done_on IS NULL OR x.done_on >= :since OR x.issued_on >= :since
ORDER BY x.deadline, x.id;

-- name: overdue_candidates
-- A committee's tasks that may have been overdue on :day, whatever became of
-- them since (closed, extended, completed later), by their first deadline: a
-- deadline only ever moves later, so what comes after cannot have been due sooner.
SELECT a.id, COALESCE(a.original_deadline, a.deadline) AS first_deadline
FROM assignments a
WHERE a.committee_id = :committee_id AND a.issued_on <= :day
  AND COALESCE(a.original_deadline, a.deadline) < :day
  AND (a.completed_on IS NULL OR a.completed_on >= :day)
  AND (:after_key IS NULL
       OR (COALESCE(a.original_deadline, a.deadline), a.id) > (:after_key, :after_id))
ORDER BY COALESCE(a.original_deadline, a.deadline), a.id
LIMIT :limit;

-- name: decisions
SELECT a.id, a.title, a.deadline, a.issued_on, a.item_number, a.origin_document,
    m.title AS meeting, s.speaker_name AS speaker, s.speaker_title
FROM assignments a
LEFT JOIN meetings m ON m.id = a.meeting_id
LEFT JOIN speeches s ON s.id = a.speech_id
WHERE a.committee_id = :committee_id AND a.parent_id IS NULL
  AND a.issued_on >= :start AND a.issued_on <= :end
ORDER BY a.issued_on, a.meeting_id, a.item_number, a.task_number, a.id
LIMIT :limit;

-- name: digests_to_deliver
SELECT d.id FROM digests d
WHERE (d.state = 'pending')
   OR (d.state = 'retrying' AND d.next_retry_at <= :now)
   OR (d.state = 'sending' AND d.sending_since <= :stale)
ORDER BY d.issued_at, d.id
LIMIT :limit;

-- name: assignments_changed_since
-- A committee's assignments changed after :since (a late digest reads them again).
SELECT c.assignment_id FROM assignment_changes c
WHERE c.committee_id = :committee_id AND c.changed_at > :since
ORDER BY c.changed_at, c.assignment_id;
