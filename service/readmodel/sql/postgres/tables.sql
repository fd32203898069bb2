-- The read models' tables in PostgreSQL, one script per projection (and positions).

-- name: create_positions#
CREATE TABLE IF NOT EXISTS projection_positions (
    name TEXT PRIMARY KEY,
    position BIGINT NOT NULL
);

-- name: create_directory#
CREATE TABLE IF NOT EXISTS committees (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, jurisdiction TEXT NOT NULL,
    time_zone TEXT NOT NULL, predecessor_id TEXT
);
CREATE TABLE IF NOT EXISTS agencies (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
    short_name TEXT, parent_id TEXT
);
CREATE TABLE IF NOT EXISTS agency_names (
    agency_id TEXT NOT NULL, folded TEXT NOT NULL, name TEXT NOT NULL,
    PRIMARY KEY (agency_id, folded)
);
CREATE INDEX IF NOT EXISTS agency_names_by_folded ON agency_names (folded);
CREATE TABLE IF NOT EXISTS group_members (
    group_id TEXT NOT NULL, member_id TEXT NOT NULL, PRIMARY KEY (group_id, member_id)
);
CREATE TABLE IF NOT EXISTS people (
    id TEXT PRIMARY KEY, full_name TEXT NOT NULL, title TEXT, agency_id TEXT
);

-- name: create_meetings#
CREATE TABLE IF NOT EXISTS meetings (
    id TEXT PRIMARY KEY, committee_id TEXT NOT NULL, title TEXT NOT NULL,
    format TEXT NOT NULL, status TEXT NOT NULL, starts_at TIMESTAMPTZ NOT NULL,
    location TEXT, opened_at TIMESTAMPTZ, closed_at TIMESTAMPTZ, notice_number TEXT
);
CREATE INDEX IF NOT EXISTS meetings_by_committee ON meetings (committee_id, starts_at, id);
CREATE INDEX IF NOT EXISTS meetings_by_start ON meetings (starts_at, id);
CREATE TABLE IF NOT EXISTS connection_points (
    id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, name TEXT NOT NULL,
    level TEXT NOT NULL, is_host BOOLEAN NOT NULL, agency_id TEXT,
    connected BOOLEAN NOT NULL, attendee_count INTEGER, position INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS points_by_meeting ON connection_points (meeting_id, position);
CREATE TABLE IF NOT EXISTS attendance (
    point_id TEXT NOT NULL, person_id TEXT NOT NULL, meeting_id TEXT NOT NULL,
    PRIMARY KEY (point_id, person_id)
);
CREATE TABLE IF NOT EXISTS speeches (
    id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, speaker_name TEXT NOT NULL,
    speaker_title TEXT
);
CREATE INDEX IF NOT EXISTS speeches_by_meeting ON speeches (meeting_id);
CREATE TABLE IF NOT EXISTS conclusion_items (
    meeting_id TEXT NOT NULL, number TEXT NOT NULL, PRIMARY KEY (meeting_id, number)
);

-- name: create_tracker#
CREATE TABLE IF NOT EXISTS assignments (
    id TEXT PRIMARY KEY, committee_id TEXT NOT NULL, meeting_id TEXT,
    item_number TEXT, task_number INTEGER NOT NULL, speech_id TEXT, speaker_id TEXT,
    point_id TEXT, origin_document TEXT, parent_id TEXT, kind TEXT NOT NULL,
    title TEXT NOT NULL, issued_on DATE NOT NULL, original_deadline DATE,
    deadline DATE, due DATE NOT NULL, deadline_text TEXT, report_to TEXT,
    report_via TEXT, extension_requested DATE, completed_on DATE, closed TEXT,
    superseded_by TEXT
);
CREATE INDEX IF NOT EXISTS assignments_by_committee ON assignments (committee_id, due, id);
CREATE INDEX IF NOT EXISTS assignments_by_due ON assignments (due, id);
CREATE INDEX IF NOT EXISTS assignments_by_meeting ON assignments (meeting_id);
CREATE INDEX IF NOT EXISTS assignments_by_speaker ON assignments (speaker_id);
CREATE INDEX IF NOT EXISTS assignments_by_parent ON assignments (parent_id);
-- A committee's decisions of a week; its extension requests waiting (a few).
CREATE INDEX IF NOT EXISTS assignments_by_issue ON assignments (committee_id, issued_on);
CREATE INDEX IF NOT EXISTS assignments_waiting_extension ON assignments (committee_id, due, id)
    WHERE extension_requested IS NOT NULL;
CREATE TABLE IF NOT EXISTS assignment_agencies (
    assignment_id TEXT NOT NULL, agency_id TEXT NOT NULL, role TEXT NOT NULL,
    PRIMARY KEY (assignment_id, role, agency_id)
);
CREATE INDEX IF NOT EXISTS assignment_agencies_by_agency
    ON assignment_agencies (agency_id, role, assignment_id);
CREATE TABLE IF NOT EXISTS assignment_completions (
    assignment_id TEXT NOT NULL, agency_id TEXT NOT NULL, completed_on DATE NOT NULL,
    PRIMARY KEY (assignment_id, agency_id)
);
-- Each tracked agency's part of an assignment: what its status on a day is judged
-- by (the assignment's committee, deadline and closing, the agency's own
-- completion), kept beside the assignment so a committee's parts are one index
-- range: the per-agency statistics read nothing else.
CREATE TABLE IF NOT EXISTS tracked_parts (
    assignment_id TEXT NOT NULL, agency_id TEXT NOT NULL, committee_id TEXT NOT NULL,
    deadline DATE, closed TEXT, completed_on DATE,
    PRIMARY KEY (assignment_id, agency_id)
);
CREATE INDEX IF NOT EXISTS tracked_parts_by_committee
    ON tracked_parts (committee_id, agency_id, closed, completed_on, deadline);
-- When each assignment last changed: a digest issued late reads again, as they
-- then stood, only those changed since it fell due.
CREATE TABLE IF NOT EXISTS assignment_changes (
    assignment_id TEXT PRIMARY KEY, committee_id TEXT NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS assignment_changes_by_committee
    ON assignment_changes (committee_id, changed_at);
CREATE TABLE IF NOT EXISTS documents (
    key TEXT PRIMARY KEY, kind TEXT NOT NULL, number TEXT NOT NULL, date DATE,
    issuer TEXT, title TEXT
);
CREATE TABLE IF NOT EXISTS citations (
    assignment_id TEXT NOT NULL, document_key TEXT NOT NULL,
    PRIMARY KEY (assignment_id, document_key)
);
CREATE INDEX IF NOT EXISTS citations_by_document ON citations (document_key);
-- Everything that links to a document, by relation (cited_by, origin_of,
-- authorised, approved_at, notice_of, evidence_for): an assignment or a meeting;
-- detail is the change authorised, or the agency whose completion it proves.
CREATE TABLE IF NOT EXISTS document_links (
    document_key TEXT NOT NULL, relation TEXT NOT NULL, subject_kind TEXT NOT NULL,
    subject_id TEXT NOT NULL, detail TEXT NOT NULL, at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (document_key, relation, subject_id, detail)
);

-- name: create_lineage#
CREATE TABLE IF NOT EXISTS lineage_nodes (
    key TEXT PRIMARY KEY, kind TEXT NOT NULL, label TEXT NOT NULL,
    committee_id TEXT, meeting_key TEXT
);
CREATE TABLE IF NOT EXISTS lineage_edges (
    src TEXT NOT NULL, dst TEXT NOT NULL, edge TEXT NOT NULL, at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (src, edge, dst)
);
-- Down a step: the edges into a node by relation, then in the order they came
-- (the explorer's pages are ranges of it; lineage_edges_by_dst was this less at).
DROP INDEX IF EXISTS lineage_edges_by_dst;
CREATE INDEX IF NOT EXISTS lineage_edges_down ON lineage_edges (dst, edge, at, src);

-- name: create_search#
-- Text is folded in Python (diacritics, Uỷ/Ủy), so the 'simple' configuration,
-- which neither stems nor drops words, indexes exactly what was folded.
CREATE TABLE IF NOT EXISTS search_documents (
    key TEXT PRIMARY KEY, kind TEXT NOT NULL, meeting_id TEXT, committee_id TEXT,
    title TEXT NOT NULL, body TEXT NOT NULL, folded_title TEXT NOT NULL,
    folded TSVECTOR NOT NULL
);
CREATE INDEX IF NOT EXISTS search_documents_folded ON search_documents USING GIN (folded);

-- name: create_digests#
CREATE TABLE IF NOT EXISTS digests (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, committee_id TEXT NOT NULL,
    recipient_kind TEXT NOT NULL, recipient_id TEXT NOT NULL,
    period_start DATE NOT NULL, period_end DATE NOT NULL,
    issued_at TIMESTAMPTZ NOT NULL, late BOOLEAN NOT NULL, counts TEXT NOT NULL,
    state TEXT NOT NULL, attempts INTEGER NOT NULL, sending_since TIMESTAMPTZ,
    last_error TEXT, next_retry_at TIMESTAMPTZ, delivered_at TIMESTAMPTZ, message_id TEXT
);
CREATE INDEX IF NOT EXISTS digests_by_issue ON digests (issued_at, id);
CREATE INDEX IF NOT EXISTS digests_by_recipient ON digests (recipient_id, issued_at, id);
CREATE INDEX IF NOT EXISTS digests_by_state ON digests (state, next_retry_at);
CREATE TABLE IF NOT EXISTS digest_subscriptions (
    id TEXT PRIMARY KEY, committee_id TEXT NOT NULL, recipient_kind TEXT NOT NULL,
    recipient_id TEXT NOT NULL, addresses TEXT NOT NULL, active BOOLEAN NOT NULL
);
CREATE INDEX IF NOT EXISTS digest_subscriptions_by_committee
    ON digest_subscriptions (committee_id, recipient_kind, recipient_id);

-- name: drop_directory#
DROP TABLE IF EXISTS committees CASCADE;
DROP TABLE IF EXISTS agencies CASCADE;
DROP TABLE IF EXISTS agency_names CASCADE;
DROP TABLE IF EXISTS group_members CASCADE;
DROP TABLE IF EXISTS people CASCADE;

-- name: drop_meetings#
DROP TABLE IF EXISTS meetings CASCADE;
DROP TABLE IF EXISTS connection_points CASCADE;
DROP TABLE IF EXISTS attendance CASCADE;
DROP TABLE IF EXISTS speeches CASCADE;
DROP TABLE IF EXISTS conclusion_items CASCADE;

-- name: drop_tracker#
DROP TABLE IF EXISTS assignments CASCADE;
DROP TABLE IF EXISTS assignment_agencies CASCADE;
DROP TABLE IF EXISTS assignment_completions CASCADE;
DROP TABLE IF EXISTS tracked_parts CASCADE;
DROP TABLE IF EXISTS assignment_changes CASCADE;
DROP TABLE IF EXISTS documents CASCADE;
DROP TABLE IF EXISTS citations CASCADE;
DROP TABLE IF EXISTS document_links CASCADE;

-- name: drop_lineage#
DROP TABLE IF EXISTS lineage_nodes CASCADE;
DROP TABLE IF EXISTS lineage_edges CASCADE;

-- name: drop_search#
DROP TABLE IF EXISTS search_documents CASCADE;

-- name: drop_digests#
DROP TABLE IF EXISTS digests CASCADE;
DROP TABLE IF EXISTS digest_subscriptions CASCADE;
