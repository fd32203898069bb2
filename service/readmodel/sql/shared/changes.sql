-- Row changes that both databases write alike (updates and deletes; the
-- inserts, batched differently, are in each database's inserts.sql).

-- name: committee_renamed!
UPDATE committees SET name = :name WHERE id = :id;

-- name: agency_renamed!
UPDATE agencies SET name = :name WHERE id = :id;

-- name: group_members_cleared!
DELETE FROM group_members WHERE group_id = :group_id;

-- name: person_title_changed!
UPDATE people SET title = :title, agency_id = :agency_id WHERE id = :id;

-- name: meeting_rescheduled!
UPDATE meetings SET starts_at = :starts_at, location = :location WHERE id = :id;

-- name: meeting_status!
UPDATE meetings SET status = :status WHERE id = :id;

-- name: meeting_opened!
UPDATE meetings SET status = 'open', opened_at = :at WHERE id = :id;

-- name: meeting_closed!
UPDATE meetings SET status = 'closed', closed_at = :at WHERE id = :id;

-- name: meeting_notice!
UPDATE meetings SET notice_number = :number WHERE id = :id;

-- name: attendance_cleared!
DELETE FROM attendance WHERE point_id = :point_id;

-- name: speaker_title_corrected!
UPDATE speeches SET speaker_title = :speaker_title WHERE id = :id;

-- name: assignment_agencies_cleared!
DELETE FROM assignment_agencies WHERE assignment_id = :assignment_id;

-- name: tracked_parts_cleared!
DELETE FROM tracked_parts WHERE assignment_id = :assignment_id;

-- name: extension_requested!
UPDATE assignments SET extension_requested = :deadline WHERE id = :id;

-- name: deadline_extended!
UPDATE assignments SET deadline = :deadline, due = :deadline, extension_requested = NULL
WHERE id = :id;

-- name: completions_cleared!
DELETE FROM assignment_completions WHERE assignment_id = :assignment_id;

-- name: completions_of_untracked_cleared!
DELETE FROM assignment_completions
WHERE assignment_id = :assignment_id
  AND agency_id NOT IN (
    SELECT agency_id FROM assignment_agencies
    WHERE assignment_id = :assignment_id AND role = 'tracked'
  );

-- name: assignment_closed!
UPDATE assignments SET closed = :closed, superseded_by = :superseded_by WHERE id = :id;

-- name: digest_attempted!
UPDATE digests SET state = 'sending', attempts = :attempt, sending_since = :at,
    message_id = :message_id
WHERE id = :id;

-- name: digest_failed!
UPDATE digests SET state = :state, sending_since = NULL, last_error = :error,
    next_retry_at = :next_retry_at
WHERE id = :id;

-- name: digest_delivered!
UPDATE digests SET state = 'delivered', sending_since = NULL, next_retry_at = NULL,
    delivered_at = :at, message_id = :message_id
WHERE id = :id;

-- name: digest_subscription_changed!
UPDATE digest_subscriptions SET addresses = COALESCE(:addresses, addresses),
    active = :active
WHERE id = :id;
