-- Inserts, and updates PostgreSQL runs for many rows at once: one row a
-- statement here, a batch runs each run of one with executemany.

-- name: committee_established!
INSERT INTO committees (id, name, jurisdiction, time_zone, predecessor_id)
VALUES (:id, :name, :jurisdiction, :time_zone, :predecessor_id);

-- name: agency_registered!
INSERT INTO agencies (id, name, kind, short_name, parent_id)
VALUES (:id, :name, :kind, :short_name, :parent_id);

-- name: agency_name_added!
INSERT INTO agency_names (agency_id, folded, name) VALUES (:agency_id, :folded, :name)
ON CONFLICT (agency_id, folded) DO NOTHING;

-- name: group_member_added!
INSERT INTO group_members (group_id, member_id) VALUES (:group_id, :member_id);

-- name: person_registered!
INSERT INTO people (id, full_name, title, agency_id)
VALUES (:id, :full_name, :title, :agency_id);

-- name: meeting_scheduled!
INSERT INTO meetings (id, committee_id, title, format, status, starts_at, location)
VALUES (:id, :committee_id, :title, :format, 'scheduled', :starts_at, :location);

-- name: point_added!
INSERT INTO connection_points
    (id, meeting_id, name, level, is_host, agency_id, connected, position)
VALUES (:id, :meeting_id, :name, :level, :is_host, :agency_id, FALSE, :position);

-- name: attendee_added!
INSERT INTO attendance (point_id, person_id, meeting_id)
VALUES (:point_id, :person_id, :meeting_id);

-- name: speech_recorded!
INSERT INTO speeches (id, meeting_id, speaker_name, speaker_title)
VALUES (:id, :meeting_id, :speaker_name, :speaker_title);

-- name: item_issued!
INSERT INTO conclusion_items (meeting_id, number) VALUES (:meeting_id, :number);

-- name: assignment_issued!
INSERT INTO assignments (id, committee_id, meeting_id, item_number, task_number,
    speech_id, speaker_id, point_id, origin_document, parent_id, kind, title,
    issued_on, original_deadline, deadline, due, deadline_text, report_to, report_via)
VALUES (:id, :committee_id, :meeting_id, :item_number, :task_number,
    :speech_id, :speaker_id, :point_id, :origin_document, :parent_id, :kind, :title,
    :issued_on, :deadline, :deadline, :due, :deadline_text, :report_to, :report_via);

-- name: assignment_agency!
INSERT INTO assignment_agencies (assignment_id, agency_id, role)
VALUES (:assignment_id, :agency_id, :role);

-- name: document_seen!
INSERT INTO documents (key, kind, number, date, issuer, title)
VALUES (:key, :kind, :number, :date, :issuer, :title)
ON CONFLICT (key) DO UPDATE SET
    date = COALESCE(documents.date, excluded.date),
    issuer = COALESCE(documents.issuer, excluded.issuer),
    title = COALESCE(documents.title, excluded.title);

-- name: citation!
INSERT INTO citations (assignment_id, document_key) VALUES (:assignment_id, :document_key)
ON CONFLICT (assignment_id, document_key) DO NOTHING;

-- name: document_linked!
INSERT INTO document_links (document_key, relation, subject_kind, subject_id, detail, at)
VALUES (:document_key, :relation, :subject_kind, :subject_id, :detail, :at)
ON CONFLICT (document_key, relation, subject_id, detail) DO NOTHING;

-- name: completion_recorded!
INSERT INTO assignment_completions (assignment_id, agency_id, completed_on)
VALUES (:assignment_id, :agency_id, :completed_on);

-- name: node!
INSERT INTO lineage_nodes (key, kind, label, committee_id, meeting_key)
VALUES (:key, :kind, :label, :committee_id, :meeting_key)
ON CONFLICT (key) DO UPDATE SET label = excluded.label;

-- name: edge!
INSERT INTO lineage_edges (src, dst, edge, at) VALUES (:src, :dst, :edge, :at)
ON CONFLICT (src, edge, dst) DO NOTHING;

-- name: search_indexed!
INSERT INTO search_documents (key, kind, meeting_id, committee_id, title, body,
    folded_title, folded_body)
VALUES (:key, :kind, :meeting_id, :committee_id, :title, :body,
    :folded_title, :folded_body);

-- name: search_body_updated!
UPDATE search_documents SET body = :body, folded_body = :folded_body WHERE key = :key;

-- name: digest_issued!
INSERT INTO digests (id, kind, committee_id, recipient_kind, recipient_id,
    period_start, period_end, issued_at, late, counts, state, attempts)
VALUES (:id, :kind, :committee_id, :recipient_kind, :recipient_id,
    :period_start, :period_end, :issued_at, :late, :counts, 'pending', 0);

-- name: digest_subscribed!
INSERT INTO digest_subscriptions (id, committee_id, recipient_kind, recipient_id,
    addresses, active)
VALUES (:id, :committee_id, :recipient_kind, :recipient_id, :addresses, TRUE);

-- name: point_connection!
UPDATE connection_points SET connected = :connected WHERE id = :id;

-- name: point_attendance!
UPDATE connection_points SET attendee_count = :count WHERE id = :id;

-- name: assignment_completion_refreshed!
-- Done when every tracked agency has completed: the last completion's day.
UPDATE assignments SET completed_on = (
    SELECT CASE WHEN COUNT(c.agency_id) = COUNT(*) THEN MAX(c.completed_on) END
    FROM assignment_agencies t
    LEFT JOIN assignment_completions c
      ON c.assignment_id = t.assignment_id AND c.agency_id = t.agency_id
    WHERE t.assignment_id = :id AND t.role = 'tracked'
) WHERE id = :id;

-- name: tracked_parts_refreshed!
-- Each tracked agency's part, as its assignment and its completion now stand.
INSERT INTO tracked_parts (assignment_id, agency_id, committee_id, deadline, closed,
    completed_on)
SELECT t.assignment_id, t.agency_id, a.committee_id, a.deadline, a.closed,
    c.completed_on
FROM assignment_agencies t
JOIN assignments a ON a.id = t.assignment_id
LEFT JOIN assignment_completions c
  ON c.assignment_id = t.assignment_id AND c.agency_id = t.agency_id
WHERE t.assignment_id = :id AND t.role = 'tracked'
ON CONFLICT (assignment_id, agency_id) DO UPDATE SET deadline = excluded.deadline,
    closed = excluded.closed, completed_on = excluded.completed_on;

-- name: assignment_changed!
-- The last time the assignment changed.
INSERT INTO assignment_changes (assignment_id, committee_id, changed_at)
SELECT a.id, a.committee_id, :changed_at FROM assignments a WHERE a.id = :id
ON CONFLICT (assignment_id) DO UPDATE SET changed_at = excluded.changed_at
WHERE assignment_changes.changed_at < excluded.changed_at;
