-- Every row of a table in a stable order: rebuilt tables are compared with
-- incrementally built ones (checks and tests, not requests).

-- name: dump_committees
SELECT * FROM committees ORDER BY id;

-- name: dump_agencies
SELECT * FROM agencies ORDER BY id;

-- name: dump_agency_names
SELECT * FROM agency_names ORDER BY agency_id, folded;

-- name: dump_group_members
SELECT * FROM group_members ORDER BY group_id, member_id;

-- name: dump_people
SELECT * FROM people ORDER BY id;

-- name: dump_meetings
SELECT * FROM meetings ORDER BY id;

-- name: dump_connection_points
SELECT * FROM connection_points ORDER BY id;

-- name: dump_attendance
SELECT * FROM attendance ORDER BY point_id, person_id;

-- name: dump_speeches
SELECT * FROM speeches ORDER BY id;

-- name: dump_conclusion_items
SELECT * FROM conclusion_items ORDER BY meeting_id, number;

-- name: dump_assignments
SELECT * FROM assignments ORDER BY id;

-- name: dump_assignment_agencies
SELECT * FROM assignment_agencies ORDER BY assignment_id, role, agency_id;

-- name: dump_assignment_completions
SELECT * FROM assignment_completions ORDER BY assignment_id, agency_id;

-- name: dump_tracked_parts
SELECT * FROM tracked_parts ORDER BY assignment_id, agency_id;

-- name: dump_assignment_changes
SELECT * FROM assignment_changes ORDER BY assignment_id;

-- name: dump_documents
SELECT * FROM documents ORDER BY key;

-- name: dump_citations
SELECT * FROM citations ORDER BY assignment_id, document_key;

-- name: dump_document_links
SELECT * FROM document_links ORDER BY document_key, relation, subject_id, detail;

-- name: dump_lineage_nodes
SELECT * FROM lineage_nodes ORDER BY key;

-- name: dump_lineage_edges
SELECT * FROM lineage_edges ORDER BY src, edge, dst;

-- name: dump_digests
SELECT * FROM digests ORDER BY id;

-- name: dump_digest_subscriptions
SELECT * FROM digest_subscriptions ORDER BY id;
