"""The read models in SQLite: their SQL (named ``:parameters``) and connection.

PostgreSQL's module reuses the statements that are the same in both dialects
(translating the parameter style) and overrides the ones that differ.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import groupby
from pathlib import Path
from typing import Any

from service.readmodel.base import ReadModel, Row, plain_value
from service.readmodel.schema import PROJECTIONS

POSITIONS_DDL = (
    "CREATE TABLE IF NOT EXISTS projection_positions"
    " (name TEXT PRIMARY KEY, position BIGINT NOT NULL)",
)

DDL: dict[str, tuple[str, ...]] = {
    "directory": (
        "CREATE TABLE IF NOT EXISTS committees (id TEXT PRIMARY KEY, name TEXT NOT"
        " NULL,"
        " jurisdiction TEXT NOT NULL, time_zone TEXT NOT NULL, predecessor_id TEXT)",
        "CREATE TABLE IF NOT EXISTS agencies (id TEXT PRIMARY KEY, name TEXT NOT NULL,"
        " kind TEXT NOT NULL, short_name TEXT, parent_id TEXT)",
        "CREATE TABLE IF NOT EXISTS agency_names (agency_id TEXT NOT NULL,"
        " folded TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (agency_id, folded))",
        "CREATE INDEX IF NOT EXISTS agency_names_by_folded ON agency_names (folded)",
        "CREATE TABLE IF NOT EXISTS group_members (group_id TEXT NOT NULL,"
        " member_id TEXT NOT NULL, PRIMARY KEY (group_id, member_id))",
        "CREATE TABLE IF NOT EXISTS people (id TEXT PRIMARY KEY,"
        " full_name TEXT NOT NULL, title TEXT, agency_id TEXT)",
    ),
    "meetings": (
        "CREATE TABLE IF NOT EXISTS meetings (id TEXT PRIMARY KEY,"
        " committee_id TEXT NOT NULL, title TEXT NOT NULL, format TEXT NOT NULL,"
        " status TEXT NOT NULL, starts_at TIMESTAMP NOT NULL, location TEXT,"
        " opened_at TIMESTAMP, closed_at TIMESTAMP, notice_number TEXT)",
        "CREATE INDEX IF NOT EXISTS meetings_by_committee"
        " ON meetings (committee_id, starts_at, id)",
        "CREATE INDEX IF NOT EXISTS meetings_by_start ON meetings (starts_at, id)",
        "CREATE TABLE IF NOT EXISTS connection_points (id TEXT PRIMARY KEY,"
        " meeting_id TEXT NOT NULL, name TEXT NOT NULL, level TEXT NOT NULL,"
        " is_host BOOLEAN NOT NULL, agency_id TEXT, connected BOOLEAN NOT NULL,"
        " attendee_count INTEGER, position INTEGER NOT NULL)",
        "CREATE INDEX IF NOT EXISTS points_by_meeting"
        " ON connection_points (meeting_id, position)",
        "CREATE TABLE IF NOT EXISTS attendance (point_id TEXT NOT NULL,"
        " person_id TEXT NOT NULL, meeting_id TEXT NOT NULL,"
        " PRIMARY KEY (point_id, person_id))",
        "CREATE TABLE IF NOT EXISTS speeches (id TEXT PRIMARY KEY,"
        " meeting_id TEXT NOT NULL, speaker_id TEXT NOT NULL,"
        " speaker_name TEXT NOT NULL, speaker_title TEXT, point_id TEXT,"
        " kind TEXT NOT NULL, spoken_at TIMESTAMP NOT NULL, text TEXT NOT NULL,"
        " corrections INTEGER NOT NULL DEFAULT 0)",
        "CREATE INDEX IF NOT EXISTS speeches_by_meeting ON speeches (meeting_id,"
        " spoken_at)",
        "CREATE INDEX IF NOT EXISTS speeches_by_speaker ON speeches (speaker_id)",
        "CREATE TABLE IF NOT EXISTS conclusion_items (meeting_id TEXT NOT NULL,"
        " number TEXT NOT NULL, text TEXT NOT NULL, speech_id TEXT NOT NULL,"
        " amendments INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (meeting_id, number))",
    ),
    "tracker": (
        "CREATE TABLE IF NOT EXISTS assignments (id TEXT PRIMARY KEY,"
        " committee_id TEXT NOT NULL, meeting_id TEXT, item_number TEXT,"
        " task_number INTEGER NOT NULL, speech_id TEXT, speaker_id TEXT,"
        " point_id TEXT, origin_document TEXT, parent_id TEXT, kind TEXT NOT NULL,"
        " title TEXT NOT NULL, issued_on DATE NOT NULL, original_deadline DATE,"
        " deadline DATE, due DATE NOT NULL, deadline_text TEXT, report_to TEXT,"
        " report_via TEXT,"
        " extension_requested DATE, completed_on DATE, closed TEXT,"
        " superseded_by TEXT)",
        "CREATE INDEX IF NOT EXISTS assignments_by_committee"
        " ON assignments (committee_id, due, id)",
        "CREATE INDEX IF NOT EXISTS assignments_by_due ON assignments (due, id)",
        "CREATE INDEX IF NOT EXISTS assignments_by_meeting ON assignments (meeting_id)",
        "CREATE INDEX IF NOT EXISTS assignments_by_speaker ON assignments (speaker_id)",
        "CREATE INDEX IF NOT EXISTS assignments_by_parent ON assignments (parent_id)",
        "CREATE TABLE IF NOT EXISTS assignment_agencies (assignment_id TEXT NOT NULL,"
        " agency_id TEXT NOT NULL, role TEXT NOT NULL,"
        " PRIMARY KEY (assignment_id, role, agency_id))",
        "CREATE INDEX IF NOT EXISTS assignment_agencies_by_agency"
        " ON assignment_agencies (agency_id, role, assignment_id)",
        "CREATE TABLE IF NOT EXISTS assignment_completions (assignment_id TEXT NOT"
        " NULL,"
        " agency_id TEXT NOT NULL, completed_on DATE NOT NULL,"
        " PRIMARY KEY (assignment_id, agency_id))",
        "CREATE TABLE IF NOT EXISTS documents (key TEXT PRIMARY KEY, kind TEXT NOT"
        " NULL,"
        " number TEXT NOT NULL, date DATE, issuer TEXT, title TEXT)",
        "CREATE TABLE IF NOT EXISTS citations (assignment_id TEXT NOT NULL,"
        " document_key TEXT NOT NULL, PRIMARY KEY (assignment_id, document_key))",
        "CREATE INDEX IF NOT EXISTS citations_by_document ON citations (document_key)",
    ),
    "lineage": (
        "CREATE TABLE IF NOT EXISTS lineage_nodes (key TEXT PRIMARY KEY,"
        " kind TEXT NOT NULL, label TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS lineage_edges (src TEXT NOT NULL, dst TEXT NOT"
        " NULL,"
        " edge TEXT NOT NULL, at TIMESTAMP NOT NULL, PRIMARY KEY (src, edge, dst))",
        "CREATE INDEX IF NOT EXISTS lineage_edges_by_dst ON lineage_edges (dst, edge,"
        " src)",
    ),
    "search": (
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_documents USING fts5("
        "key UNINDEXED, kind UNINDEXED, meeting_id UNINDEXED, title UNINDEXED,"
        " body UNINDEXED, folded_title, folded_body,"
        " tokenize = 'unicode61 remove_diacritics 2')",
    ),
}

# Writes, by name: the projection handlers emit (name, parameters).
STATEMENTS: dict[str, str] = {
    "committee_established": (
        "INSERT INTO committees (id, name, jurisdiction, time_zone, predecessor_id)"
        " VALUES (:id, :name, :jurisdiction, :time_zone, :predecessor_id)"
    ),
    "committee_renamed": "UPDATE committees SET name = :name WHERE id = :id",
    "agency_registered": (
        "INSERT INTO agencies (id, name, kind, short_name, parent_id)"
        " VALUES (:id, :name, :kind, :short_name, :parent_id)"
    ),
    "agency_renamed": "UPDATE agencies SET name = :name WHERE id = :id",
    "agency_name_added": (
        "INSERT INTO agency_names (agency_id, folded, name) VALUES (:agency_id,"
        " :folded, :name) ON CONFLICT (agency_id, folded) DO NOTHING"
    ),
    "group_members_cleared": "DELETE FROM group_members WHERE group_id = :group_id",
    "group_member_added": (
        "INSERT INTO group_members (group_id, member_id) VALUES (:group_id, :member_id)"
    ),
    "person_registered": (
        "INSERT INTO people (id, full_name, title, agency_id)"
        " VALUES (:id, :full_name, :title, :agency_id)"
    ),
    "person_title_changed": (
        "UPDATE people SET title = :title, agency_id = :agency_id WHERE id = :id"
    ),
    "meeting_scheduled": (
        "INSERT INTO meetings (id, committee_id, title, format, status, starts_at,"
        " location) VALUES (:id, :committee_id, :title, :format, 'scheduled',"
        " :starts_at, :location)"
    ),
    "meeting_rescheduled": (
        "UPDATE meetings SET starts_at = :starts_at, location = :location WHERE id ="
        " :id"
    ),
    "meeting_status": "UPDATE meetings SET status = :status WHERE id = :id",
    "meeting_opened": (
        "UPDATE meetings SET status = 'open', opened_at = :at WHERE id = :id"
    ),
    "meeting_closed": (
        "UPDATE meetings SET status = 'closed', closed_at = :at WHERE id = :id"
    ),
    "meeting_notice": "UPDATE meetings SET notice_number = :number WHERE id = :id",
    "point_added": (
        "INSERT INTO connection_points (id, meeting_id, name, level, is_host,"
        " agency_id, connected, position) VALUES (:id, :meeting_id, :name, :level,"
        " :is_host, :agency_id, FALSE, :position)"
    ),
    "point_connection": (
        "UPDATE connection_points SET connected = :connected WHERE id = :id"
    ),
    "point_attendance": (
        "UPDATE connection_points SET attendee_count = :count WHERE id = :id"
    ),
    "attendance_cleared": "DELETE FROM attendance WHERE point_id = :point_id",
    "attendee_added": (
        "INSERT INTO attendance (point_id, person_id, meeting_id)"
        " VALUES (:point_id, :person_id, :meeting_id)"
    ),
    "speech_recorded": (
        "INSERT INTO speeches (id, meeting_id, speaker_id, speaker_name,"
        " speaker_title, point_id, kind, spoken_at, text) VALUES (:id, :meeting_id,"
        " :speaker_id, :speaker_name, :speaker_title, :point_id, :kind, :spoken_at,"
        " :text)"
    ),
    "speech_corrected": (
        "UPDATE speeches SET text = COALESCE(:text, text),"
        " speaker_title = COALESCE(:speaker_title, speaker_title),"
        " kind = COALESCE(:kind, kind), corrections = corrections + 1 WHERE id = :id"
    ),
    "item_issued": (
        "INSERT INTO conclusion_items (meeting_id, number, text, speech_id)"
        " VALUES (:meeting_id, :number, :text, :speech_id)"
    ),
    "item_amended": (
        "UPDATE conclusion_items SET text = :text, amendments = amendments + 1"
        " WHERE meeting_id = :meeting_id AND number = :number"
    ),
    "assignment_issued": (
        "INSERT INTO assignments (id, committee_id, meeting_id, item_number,"
        " task_number, speech_id, speaker_id, point_id, origin_document, parent_id,"
        " kind, title, issued_on, original_deadline, deadline, due, deadline_text,"
        " report_to, report_via) VALUES (:id, :committee_id, :meeting_id,"
        " :item_number, :task_number, :speech_id, :speaker_id, :point_id,"
        " :origin_document, :parent_id, :kind, :title, :issued_on, :deadline,"
        " :deadline, :due, :deadline_text, :report_to, :report_via)"
    ),
    "assignment_agency": (
        "INSERT INTO assignment_agencies (assignment_id, agency_id, role)"
        " VALUES (:assignment_id, :agency_id, :role)"
    ),
    "assignment_agencies_cleared": (
        "DELETE FROM assignment_agencies WHERE assignment_id = :assignment_id"
    ),
    "document_seen": (
        "INSERT INTO documents (key, kind, number, date, issuer, title) VALUES (:key,"
        " :kind, :number, :date, :issuer, :title) ON CONFLICT (key) DO UPDATE SET"
        " date = COALESCE(documents.date, excluded.date),"
        " issuer = COALESCE(documents.issuer, excluded.issuer),"
        " title = COALESCE(documents.title, excluded.title)"
    ),
    "citation": (
        "INSERT INTO citations (assignment_id, document_key) VALUES (:assignment_id,"
        " :document_key) ON CONFLICT (assignment_id, document_key) DO NOTHING"
    ),
    "extension_requested": (
        "UPDATE assignments SET extension_requested = :deadline WHERE id = :id"
    ),
    "deadline_extended": (
        "UPDATE assignments SET deadline = :deadline, due = :deadline,"
        " extension_requested = NULL WHERE id = :id"
    ),
    "completion_recorded": (
        "INSERT INTO assignment_completions (assignment_id, agency_id, completed_on)"
        " VALUES (:assignment_id, :agency_id, :completed_on)"
    ),
    "completions_cleared": (
        "DELETE FROM assignment_completions WHERE assignment_id = :assignment_id"
    ),
    "completions_of_untracked_cleared": (
        "DELETE FROM assignment_completions WHERE assignment_id = :assignment_id"
        " AND agency_id NOT IN (SELECT agency_id FROM assignment_agencies"
        " WHERE assignment_id = :assignment_id AND role = 'tracked')"
    ),
    # Done when every tracked agency has completed: the last completion's day.
    "assignment_completion_refreshed": (
        "UPDATE assignments SET completed_on = (SELECT CASE WHEN COUNT(c.agency_id)"
        " = COUNT(*) THEN MAX(c.completed_on) END FROM assignment_agencies t"
        " LEFT JOIN assignment_completions c ON c.assignment_id = t.assignment_id"
        " AND c.agency_id = t.agency_id WHERE t.assignment_id = :id"
        " AND t.role = 'tracked') WHERE id = :id"
    ),
    "assignment_closed": (
        "UPDATE assignments SET closed = :closed, superseded_by = :superseded_by"
        " WHERE id = :id"
    ),
    "node": (
        "INSERT INTO lineage_nodes (key, kind, label) VALUES (:key, :kind, :label)"
        " ON CONFLICT (key) DO UPDATE SET label = excluded.label"
    ),
    "edge": (
        "INSERT INTO lineage_edges (src, dst, edge, at) VALUES (:src, :dst, :edge,"
        " :at) ON CONFLICT (src, edge, dst) DO NOTHING"
    ),
    "search_indexed": (
        "INSERT INTO search_documents (key, kind, meeting_id, title, body,"
        " folded_title, folded_body) VALUES (:key, :kind, :meeting_id, :title, :body,"
        " :folded_title, :folded_body)"
    ),
    "search_body_updated": (
        "UPDATE search_documents SET body = :body, folded_body = :folded_body"
        " WHERE key = :key"
    ),
}

# Status on :day, as Assignment.status_on computes it ("late" against the current
# deadline). The per-agency form judges one tracked agency by its own completion.
STATUS = (
    "CASE WHEN a.closed IS NOT NULL THEN a.closed"
    " WHEN a.completed_on IS NOT NULL AND a.completed_on <= :day THEN"
    " CASE WHEN a.deadline IS NULL OR a.completed_on <= a.deadline"
    " THEN 'done_on_time' ELSE 'done_late' END"
    " WHEN a.deadline IS NOT NULL AND a.deadline < :day THEN 'overdue'"
    " ELSE 'in_progress' END"
)
AGENCY_STATUS = STATUS.replace("a.completed_on", "c.completed_on")

ASSIGNMENT_COLUMNS = (
    "a.id, a.title, a.kind, a.committee_id, a.meeting_id, a.item_number,"
    " a.task_number, a.speech_id, a.speaker_id, a.point_id, a.parent_id,"
    " a.issued_on, a.original_deadline, a.deadline, a.deadline_text,"
    " a.extension_requested, a.completed_on, a.closed, a.superseded_by, a.due"
)

TRACKER_FILTERS = (
    "(:committee_id IS NULL OR a.committee_id = :committee_id)"
    " AND (:meeting_id IS NULL OR a.meeting_id = :meeting_id)"
    " AND (:speaker_id IS NULL OR a.speaker_id = :speaker_id)"
    " AND (:due_from IS NULL OR a.due >= :due_from)"
    " AND (:due_to IS NULL OR a.due <= :due_to)"
    f" AND (:status IS NULL OR {STATUS} = :status)"
    " AND (:after_key IS NULL OR (a.due, a.id) > (:after_key, :after_id))"
)

# What a lineage walk answers, in one round trip: each row it took, with the
# node it reached and, for an assignment, its status on :day.
LINEAGE_ROWS = (
    ", reached AS (SELECT key, depth, src, dst, edge, at FROM walk LIMIT :limit)"
    " SELECT r.key, r.depth, r.src, r.dst, r.edge, r.at, n.kind, n.label,"
    f" CASE WHEN a.id IS NULL THEN NULL ELSE {STATUS} END AS status, a.deadline"
    " FROM reached r LEFT JOIN lineage_nodes n ON n.key = r.key"
    " LEFT JOIN assignments a ON a.id = CASE WHEN r.key LIKE 'assignment:%'"
    " THEN substr(r.key, 12) END"
)

QUERIES: dict[str, str] = {
    "position": "SELECT position FROM projection_positions WHERE name = :name",
    "positions": "SELECT name, position FROM projection_positions",
    "position_start": (
        "INSERT INTO projection_positions (name, position) VALUES (:name, 0)"
        " ON CONFLICT (name) DO NOTHING"
    ),
    "position_move": (
        "UPDATE projection_positions SET position = :new"
        " WHERE name = :name AND position = :expected"
    ),
    "position_reset": "UPDATE projection_positions SET position = 0 WHERE name = :name",
    "meetings": (
        "SELECT m.id, m.committee_id, m.title, m.format, m.status, m.starts_at,"
        " m.location, m.opened_at, m.closed_at, m.notice_number,"
        " (SELECT COUNT(*) FROM connection_points p WHERE p.meeting_id = m.id)"
        " AS point_count, (SELECT COUNT(*) FROM speeches s"
        " WHERE s.meeting_id = m.id) AS speech_count, (SELECT COUNT(*)"
        " FROM conclusion_items i WHERE i.meeting_id = m.id) AS item_count"
        " FROM meetings m"
        " WHERE (:committee_id IS NULL OR m.committee_id = :committee_id)"
        " AND (:status IS NULL OR m.status = :status)"
        " AND (:format IS NULL OR m.format = :format)"
        " AND (:starts_from IS NULL OR m.starts_at >= :starts_from)"
        " AND (:starts_before IS NULL OR m.starts_at < :starts_before)"
        " AND (:after_key IS NULL OR (m.starts_at, m.id) < (:after_key, :after_id))"
        " ORDER BY m.starts_at DESC, m.id DESC LIMIT :limit"
    ),
    "people": "SELECT id, full_name, title, agency_id FROM people ORDER BY full_name, id",
    "agency_directory": (
        "SELECT g.id, g.name, n.name AS alias FROM agencies g"
        " LEFT JOIN agency_names n ON n.agency_id = g.id AND n.name <> g.name"
        " ORDER BY g.name, g.id, n.name"
    ),
    "meeting_points": (
        "SELECT p.id, p.name, p.level, p.is_host, p.agency_id, p.connected,"
        " p.attendee_count, (SELECT COUNT(*) FROM attendance t"
        " WHERE t.point_id = p.id) AS named_attendees FROM connection_points p"
        " WHERE p.meeting_id = :meeting_id ORDER BY p.position"
    ),
    "assignments": (
        f"SELECT {ASSIGNMENT_COLUMNS}, {STATUS} AS status FROM assignments a"
        f" WHERE {TRACKER_FILTERS} ORDER BY a.due, a.id LIMIT :limit"
    ),
    # An agency's own tasks first, then the rest of the filters: an IN nested in
    # an OR would make the planner test every assignment against the agency's.
    "assignments_of_agency": (
        "WITH mine AS MATERIALIZED (SELECT aa.assignment_id FROM assignment_agencies"
        " aa WHERE aa.agency_id = :agency_id UNION SELECT aa.assignment_id"
        " FROM group_members g JOIN assignment_agencies aa ON aa.agency_id ="
        " g.member_id WHERE g.group_id = :agency_id)"
        f" SELECT {ASSIGNMENT_COLUMNS}, {STATUS} AS status FROM mine"
        f" JOIN assignments a ON a.id = mine.assignment_id WHERE {TRACKER_FILTERS}"
        " ORDER BY a.due, a.id LIMIT :limit"
    ),
    "assignment_agencies": (
        "SELECT t.assignment_id, t.agency_id, t.role, g.name, c.completed_on"
        " FROM assignment_agencies t LEFT JOIN agencies g ON g.id = t.agency_id"
        " LEFT JOIN assignment_completions c ON c.assignment_id = t.assignment_id"
        " AND c.agency_id = t.agency_id WHERE t.assignment_id IN ({ids})"
        " ORDER BY t.assignment_id, t.role, g.name"
    ),
    "agency_statistics": (
        "SELECT x.agency_id AS key, g.name AS name, x.status, COUNT(*) AS n FROM"
        f" (SELECT t.agency_id, {AGENCY_STATUS} AS status FROM assignment_agencies t"
        " JOIN assignments a ON a.id = t.assignment_id"
        " LEFT JOIN assignment_completions c ON c.assignment_id = t.assignment_id"
        " AND c.agency_id = t.agency_id WHERE t.role = 'tracked'"
        " AND (:committee_id IS NULL OR a.committee_id = :committee_id)"
        " AND (:agency_id IS NULL OR t.agency_id = :agency_id)) x"
        " LEFT JOIN agencies g ON g.id = x.agency_id"
        " GROUP BY x.agency_id, g.name, x.status ORDER BY g.name, x.agency_id"
    ),
    "committee_statistics": (
        "SELECT x.committee_id AS key, m.name AS name, x.status, COUNT(*) AS n FROM"
        f" (SELECT a.committee_id, {STATUS} AS status FROM assignments a"
        " WHERE (:committee_id IS NULL OR a.committee_id = :committee_id)) x"
        " LEFT JOIN committees m ON m.id = x.committee_id"
        " GROUP BY x.committee_id, m.name, x.status ORDER BY m.name, x.committee_id"
    ),
    "documents": (
        "SELECT d.key, d.kind, d.number, d.date, d.issuer, d.title,"
        " (SELECT COUNT(*) FROM citations c WHERE c.document_key = d.key) AS citing"
        " FROM documents d WHERE (:after_key IS NULL OR d.key > :after_key)"
        " ORDER BY d.key LIMIT :limit"
    ),
    "document": (
        "SELECT d.key, d.kind, d.number, d.date, d.issuer, d.title FROM documents d"
        " WHERE d.key = :key"
    ),
    "citing": (
        f"SELECT {ASSIGNMENT_COLUMNS}, {STATUS} AS status FROM citations c"
        " JOIN assignments a ON a.id = c.assignment_id"
        " WHERE c.document_key = :key ORDER BY a.due, a.id"
    ),
    # Walks follow edges from what came later to what it came from ("up"), or
    # back ("down"), returning each edge they take; :depth bounds the walk and
    # :limit its rows (no GROUP BY: the database may stop walking at the limit).
    "lineage_up": (
        "WITH RECURSIVE walk(key, depth, src, dst, edge, at) AS (SELECT :start, 0,"
        " NULL, NULL, NULL, NULL UNION SELECT e.dst, w.depth + 1, e.src, e.dst,"
        " e.edge, e.at FROM lineage_edges e JOIN walk w ON e.src = w.key"
        " WHERE w.depth < :depth)" + LINEAGE_ROWS
    ),
    "lineage_down": (
        "WITH RECURSIVE walk(key, depth, src, dst, edge, at) AS (SELECT :start, 0,"
        " NULL, NULL, NULL, NULL UNION SELECT e.src, w.depth + 1, e.src, e.dst,"
        " e.edge, e.at FROM lineage_edges e JOIN walk w ON e.dst = w.key"
        " WHERE w.depth < :depth)" + LINEAGE_ROWS
    ),
    "search": (
        "SELECT s.key, s.kind, s.meeting_id, s.title, s.body,"
        " bm25(search_documents) AS rank FROM search_documents s"
        " WHERE search_documents MATCH :query ORDER BY rank, s.key LIMIT :limit"
    ),
}

DROPS: dict[str, tuple[str, ...]] = {
    name: tuple(f"DROP TABLE IF EXISTS {table}" for table in tables)
    for name, tables in PROJECTIONS.items()
}

# A stable order for comparing whole tables (rebuilt against incremental).
DUMP_ORDER: dict[str, str] = {
    "search_documents": "key",
    "lineage_edges": "src, edge, dst",
    "assignment_agencies": "assignment_id, role, agency_id",
    "assignment_completions": "assignment_id, agency_id",
    "citations": "assignment_id, document_key",
    "agency_names": "agency_id, folded",
    "group_members": "group_id, member_id",
    "attendance": "point_id, person_id",
    "conclusion_items": "meeting_id, number",
    "documents": "key",
    "lineage_nodes": "key",
}


# -- digests (bản tin): issued digests, their delivery, and subscriptions ----

DDL["digests"] = (
    "CREATE TABLE IF NOT EXISTS digests (id TEXT PRIMARY KEY, kind TEXT NOT NULL,"
    " committee_id TEXT NOT NULL, recipient_kind TEXT NOT NULL,"
    " recipient_id TEXT NOT NULL, period_start DATE NOT NULL,"
    " period_end DATE NOT NULL, issued_at TIMESTAMP NOT NULL, late BOOLEAN NOT NULL,"
    " counts TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL,"
    " sending_since TIMESTAMP, last_error TEXT, next_retry_at TIMESTAMP,"
    " delivered_at TIMESTAMP, message_id TEXT)",
    "CREATE INDEX IF NOT EXISTS digests_by_issue ON digests (issued_at, id)",
    "CREATE INDEX IF NOT EXISTS digests_by_recipient"
    " ON digests (recipient_id, issued_at, id)",
    "CREATE INDEX IF NOT EXISTS digests_by_state ON digests (state, next_retry_at)",
    "CREATE TABLE IF NOT EXISTS digest_subscriptions (id TEXT PRIMARY KEY,"
    " committee_id TEXT NOT NULL, recipient_kind TEXT NOT NULL,"
    " recipient_id TEXT NOT NULL, addresses TEXT NOT NULL, active BOOLEAN NOT NULL)",
    "CREATE INDEX IF NOT EXISTS digest_subscriptions_by_committee"
    " ON digest_subscriptions (committee_id, recipient_kind, recipient_id)",
)

STATEMENTS.update(
    {
        "digest_issued": (
            "INSERT INTO digests (id, kind, committee_id, recipient_kind, recipient_id,"
            " period_start, period_end, issued_at, late, counts, state, attempts)"
            " VALUES (:id, :kind, :committee_id, :recipient_kind, :recipient_id,"
            " :period_start, :period_end, :issued_at, :late, :counts, 'pending', 0)"
        ),
        "digest_attempted": (
            "UPDATE digests SET state = 'sending', attempts = :attempt,"
            " sending_since = :at, message_id = :message_id WHERE id = :id"
        ),
        "digest_failed": (
            "UPDATE digests SET state = :state, sending_since = NULL,"
            " last_error = :error, next_retry_at = :next_retry_at WHERE id = :id"
        ),
        "digest_delivered": (
            "UPDATE digests SET state = 'delivered', sending_since = NULL,"
            " next_retry_at = NULL, delivered_at = :at, message_id = :message_id"
            " WHERE id = :id"
        ),
        "digest_subscribed": (
            "INSERT INTO digest_subscriptions (id, committee_id, recipient_kind,"
            " recipient_id, addresses, active) VALUES (:id, :committee_id,"
            " :recipient_kind, :recipient_id, :addresses, TRUE)"
        ),
        "digest_subscription_changed": (
            "UPDATE digest_subscriptions SET addresses = COALESCE(:addresses,"
            " addresses), active = :active WHERE id = :id"
        ),
    }
)

# The open work of one agency in one committee, and what it finished on :since
# or later: the agency's own completion if it is tracked, the whole assignment's
# if it only coordinates.
DIGEST_AGENCY_ROWS = (
    "SELECT a.id, a.title, a.deadline, a.issued_on, a.extension_requested,"
    " t.role, CASE WHEN t.role = 'tracked' THEN c.completed_on"
    " ELSE a.completed_on END AS done_on FROM assignment_agencies t"
    " JOIN assignments a ON a.id = t.assignment_id"
    " LEFT JOIN assignment_completions c ON c.assignment_id = t.assignment_id"
    " AND c.agency_id = t.agency_id WHERE t.agency_id = :agency_id"
    " AND t.role IN ('tracked', 'coordinating') AND a.committee_id = :committee_id"
    " AND a.closed IS NULL"
)

QUERIES.update(
    {
        "digest_committees": (
            "SELECT m.id, m.name, m.time_zone FROM committees m ORDER BY m.id"
        ),
        "digest_subscriptions": (
            "SELECT s.id, s.committee_id, s.recipient_kind, s.recipient_id,"
            " s.addresses FROM digest_subscriptions s"
            " WHERE s.committee_id = :committee_id"
            " AND s.recipient_kind = :recipient_kind AND s.active"
            " ORDER BY s.recipient_id"
        ),
        "digest_agency": (
            f"SELECT x.* FROM ({DIGEST_AGENCY_ROWS}) x WHERE x.done_on IS NULL"
            " OR x.done_on >= :since OR x.issued_on >= :since"
            " ORDER BY x.deadline, x.id"
        ),
        "digest_decisions": (
            "SELECT a.id, a.title, a.deadline, a.issued_on, a.item_number,"
            " a.origin_document, m.title AS meeting, s.speaker_name AS speaker,"
            " s.speaker_title FROM assignments a"
            " LEFT JOIN meetings m ON m.id = a.meeting_id"
            " LEFT JOIN speeches s ON s.id = a.speech_id"
            " WHERE a.committee_id = :committee_id AND a.parent_id IS NULL"
            " AND a.issued_on >= :start AND a.issued_on <= :end"
            " ORDER BY a.issued_on, a.meeting_id, a.item_number, a.task_number, a.id"
            " LIMIT :limit"
        ),
        "digests_existing": "SELECT d.id FROM digests d WHERE d.id IN ({ids})",
        "digests_to_deliver": (
            "SELECT d.id FROM digests d WHERE (d.state = 'pending')"
            " OR (d.state = 'retrying' AND d.next_retry_at <= :now)"
            " OR (d.state = 'sending' AND d.sending_since <= :stale)"
            " ORDER BY d.issued_at, d.id LIMIT :limit"
        ),
        "digests": (
            "SELECT d.id, d.kind, d.committee_id, d.recipient_kind, d.recipient_id,"
            " d.period_start, d.period_end, d.issued_at, d.late, d.counts, d.state,"
            " d.attempts, d.last_error, d.next_retry_at, d.delivered_at, d.message_id"
            " FROM digests d"
            " WHERE (:committee_id IS NULL OR d.committee_id = :committee_id)"
            " AND (:recipient_id IS NULL OR d.recipient_id = :recipient_id)"
            " AND (:kind IS NULL OR d.kind = :kind)"
            " AND (:state IS NULL OR d.state = :state)"
            " AND (:after_key IS NULL OR (d.issued_at, d.id) < (:after_key, :after_id))"
            " ORDER BY d.issued_at DESC, d.id DESC LIMIT :limit"
        ),
    }
)


class SQLiteReadModel(ReadModel):
    """Read models in a SQLite file beside the event store's."""

    backend = "sqlite"
    positions_ddl = POSITIONS_DDL
    ddl = DDL
    drops = DROPS
    statements = STATEMENTS
    queries = QUERIES

    def __init__(self, path: str) -> None:
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # One connection, used by one thread at a time: SQLite has one writer.
        self._connection = sqlite3.connect(
            path, check_same_thread=False, isolation_level=None, timeout=30
        )
        self._connection.execute("PRAGMA journal_mode = WAL")
        self._lock = threading.RLock()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Cursor]:
        """A cursor in one transaction, committed on success, rolled back on error."""
        with self._lock:
            cursor = self._connection.cursor()
            cursor.execute("BEGIN IMMEDIATE")
            try:
                yield cursor
            except BaseException:
                cursor.execute("ROLLBACK")
                raise
            cursor.execute("COMMIT")

    def run(self, cursor: Any, sql: str, params: dict[str, Any]) -> int:
        cursor.execute(sql, params)
        return int(cursor.rowcount)

    def run_many(
        self, cursor: Any, operations: list[tuple[str, dict[str, Any]]]
    ) -> None:
        for sql, run in groupby(operations, key=lambda operation: operation[0]):
            cursor.executemany(sql, [params for _, params in run])

    def fetch(self, cursor: Any, sql: str, params: dict[str, Any]) -> list[Row]:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [
            {name: plain_value(value) for name, value in zip(names, row, strict=True)}
            for row in cursor.fetchall()
        ]

    def placeholders(self, prefix: str, count: int) -> str:
        return ", ".join(f":{prefix}{index}" for index in range(count))

    def dump_sql(self, table: str) -> str:
        order = DUMP_ORDER.get(table, "id")
        columns = "*"
        if table == "search_documents":  # an FTS5 table: name its columns
            columns = "key, kind, meeting_id, title, body, folded_title, folded_body"
        return f"SELECT {columns} FROM {table} ORDER BY {order}"

    def close(self) -> None:
        with self._lock:
            self._connection.close()
