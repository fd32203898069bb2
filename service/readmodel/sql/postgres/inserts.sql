-- Inserts and the most frequent updates, many rows a statement: a batch runs
-- each run of one through psycopg2.extras.execute_values, with the row template
-- named <name>_row. A VALUES list is typed by its rows: casts name the types.

-- name: committee_established*!
INSERT INTO committees (id, name, jurisdiction, time_zone, predecessor_id)
VALUES %s;

-- name: committee_established_row!
(:id, :name, :jurisdiction, :time_zone, :predecessor_id)

-- name: agency_registered*!
INSERT INTO agencies (id, name, kind, short_name, parent_id)
VALUES %s;

-- name: agency_registered_row!
(:id, :name, :kind, :short_name, :parent_id)

-- name: agency_name_added*!
INSERT INTO agency_names (agency_id, folded, name) VALUES %s
ON CONFLICT (agency_id, folded) DO NOTHING;

-- name: agency_name_added_row!
(:agency_id, :folded, :name)

-- name: group_member_added*!
INSERT INTO group_members (group_id, member_id) VALUES %s;

-- name: group_member_added_row!
(:group_id, :member_id)

-- name: person_registered*!
INSERT INTO people (id, full_name, title, agency_id)
VALUES %s;

-- name: person_registered_row!
(:id, :full_name, :title, :agency_id)

-- name: meeting_scheduled*!
INSERT INTO meetings (id, committee_id, title, format, status, starts_at, location)
VALUES %s;

-- name: meeting_scheduled_row!
(:id, :committee_id, :title, :format, 'scheduled', :starts_at, :location)

-- name: point_added*!
INSERT INTO connection_points
    (id, meeting_id, name, level, is_host, agency_id, connected, position)
VALUES %s;

-- name: point_added_row!
(:id, :meeting_id, :name, :level, :is_host, :agency_id, FALSE, :position)

-- name: attendee_added*!
INSERT INTO attendance (point_id, person_id, meeting_id)
VALUES %s;

-- name: attendee_added_row!
(:point_id, :person_id, :meeting_id)

-- name: speech_recorded*!
INSERT INTO speeches (id, meeting_id, speaker_name, speaker_title)
VALUES %s;

-- name: speech_recorded_row!
(:id, :meeting_id, :speaker_name, :speaker_title)

-- name: item_issued*!
INSERT INTO conclusion_items (meeting_id, number) VALUES %s;

-- name: item_issued_row!
(:meeting_id, :number)

-- name: assignment_issued*!
INSERT INTO assignments (id, committee_id, meeting_id, item_number, task_number,
    speech_id, speaker_id, point_id, origin_document, parent_id, kind, title,
    issued_on, original_deadline, deadline, due, deadline_text, report_to, report_via)
VALUES %s;

-- name: assignment_issued_row!
(:id, :committee_id, :meeting_id, :item_number, :task_number,
    :speech_id, :speaker_id, :point_id, :origin_document, :parent_id, :kind, :title,
    :issued_on, :deadline, :deadline, :due, :deadline_text, :report_to, :report_via)

-- name: assignment_agency*!
INSERT INTO assignment_agencies (assignment_id, agency_id, role)
VALUES %s;

-- name: assignment_agency_row!
(:assignment_id, :agency_id, :role)

-- name: document_seen*!
INSERT INTO documents (key, kind, number, date, issuer, title)
VALUES %s
ON CONFLICT (key) DO UPDATE SET
    date = COALESCE(documents.date, excluded.date),
    issuer = COALESCE(documents.issuer, excluded.issuer),
    title = COALESCE(documents.title, excluded.title);

-- name: document_seen_row!
(:key, :kind, :number, :date, :issuer, :title)

-- name: citation*!
INSERT INTO citations (assignment_id, document_key) VALUES %s
ON CONFLICT (assignment_id, document_key) DO NOTHING;

-- name: citation_row!
(:assignment_id, :document_key)

-- name: document_linked*!
INSERT INTO document_links (document_key, relation, subject_kind, subject_id, detail, at)
VALUES %s
ON CONFLICT (document_key, relation, subject_id, detail) DO NOTHING;

-- name: document_linked_row!
(:document_key, :relation, :subject_kind, :subject_id, :detail, :at)

-- name: completion_recorded*!
INSERT INTO assignment_completions (assignment_id, agency_id, completed_on)
VALUES %s;

-- name: completion_recorded_row!
(:assignment_id, :agency_id, :completed_on)

-- name: node*!
INSERT INTO lineage_nodes (key, kind, label, committee_id, meeting_key)
VALUES %s
ON CONFLICT (key) DO UPDATE SET label = excluded.label;

-- name: node_row!
(:key, :kind, :label, :committee_id, :meeting_key)

-- name: edge*!
INSERT INTO lineage_edges (src, dst, edge, at) VALUES %s
ON CONFLICT (src, edge, dst) DO NOTHING;

-- name: edge_row!
(:src, :dst, :edge, :at)

-- name: search_indexed*!
INSERT INTO search_documents (key, kind, meeting_id, committee_id, title, body,
    folded_title, folded)
VALUES %s;

-- name: search_indexed_row!
(:key, :kind, :meeting_id, :committee_id, :title, :body, :folded_title,
    to_tsvector('simple', :folded_title || ' ' || :folded_body))

-- name: search_body_updated!
UPDATE search_documents SET body = :body,
    folded = to_tsvector('simple', folded_title || ' ' || :folded_body)
WHERE key = :key;

-- name: digest_issued*!
INSERT INTO digests (id, kind, committee_id, recipient_kind, recipient_id,
    period_start, period_end, issued_at, late, counts, state, attempts)
VALUES %s;

-- name: digest_issued_row!
(:id, :kind, :committee_id, :recipient_kind, :recipient_id,
    :period_start, :period_end, :issued_at, :late, :counts, 'pending', 0)

-- name: digest_subscribed*!
INSERT INTO digest_subscriptions (id, committee_id, recipient_kind, recipient_id,
    addresses, active)
VALUES %s;

-- name: digest_subscribed_row!
(:id, :committee_id, :recipient_kind, :recipient_id, :addresses, TRUE)

-- name: point_connection*!
-- A point connected twice in one run is cut into two statements (its key).
UPDATE connection_points p SET connected = v.connected
FROM (VALUES %s) AS v (id, connected) WHERE p.id = v.id;

-- name: point_connection_row!
(:id, CAST(:connected AS BOOLEAN))

-- name: point_attendance*!
UPDATE connection_points p SET attendee_count = v.count
FROM (VALUES %s) AS v (id, count) WHERE p.id = v.id;

-- name: point_attendance_row!
(:id, CAST(:count AS INTEGER))

-- name: assignment_completion_refreshed*!
-- Done when every tracked agency has completed: the last completion's day.
-- An id repeated in one run is refreshed once: all would read the same tables.
UPDATE assignments a SET completed_on = r.completed_on
FROM (
    SELECT v.id, (
        SELECT CASE WHEN COUNT(c.agency_id) = COUNT(*) THEN MAX(c.completed_on) END
        FROM assignment_agencies t
        LEFT JOIN assignment_completions c
          ON c.assignment_id = t.assignment_id AND c.agency_id = t.agency_id
        WHERE t.assignment_id = v.id AND t.role = 'tracked'
    ) AS completed_on
    FROM (SELECT DISTINCT id FROM (VALUES %s) AS given (id)) AS v
) r
WHERE a.id = r.id;

-- name: assignment_completion_refreshed_row!
(:id)

-- name: tracked_parts_refreshed*!
-- Each tracked agency's part, as its assignment and its completion now stand. An
-- id repeated in one run is refreshed once: all would read the same tables.
INSERT INTO tracked_parts (assignment_id, agency_id, committee_id, deadline, closed,
    completed_on)
SELECT t.assignment_id, t.agency_id, a.committee_id, a.deadline, a.closed,
    c.completed_on
FROM (SELECT DISTINCT id FROM (VALUES %s) AS given (id)) AS v
JOIN assignment_agencies t ON t.assignment_id = v.id AND t.role = 'tracked'
JOIN assignments a ON a.id = t.assignment_id
LEFT JOIN assignment_completions c
  ON c.assignment_id = t.assignment_id AND c.agency_id = t.agency_id
ON CONFLICT (assignment_id, agency_id) DO UPDATE SET deadline = excluded.deadline,
    closed = excluded.closed, completed_on = excluded.completed_on
WHERE (tracked_parts.deadline, tracked_parts.closed, tracked_parts.completed_on)
    IS DISTINCT FROM (excluded.deadline, excluded.closed, excluded.completed_on);

-- name: tracked_parts_refreshed_row!
(:id)

-- name: assignment_changed*!
-- The last time each assignment changed (a run's latest, for an id repeated).
INSERT INTO assignment_changes (assignment_id, committee_id, changed_at)
SELECT a.id, a.committee_id, v.changed_at
FROM (
    SELECT id, MAX(changed_at) AS changed_at FROM (VALUES %s) AS given (id, changed_at)
    GROUP BY id
) v
JOIN assignments a ON a.id = v.id
ON CONFLICT (assignment_id) DO UPDATE SET changed_at = excluded.changed_at
WHERE assignment_changes.changed_at < excluded.changed_at;

-- name: assignment_changed_row!
(:id, CAST(:changed_at AS TIMESTAMPTZ))
