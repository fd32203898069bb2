-- name: dump_search_documents
-- An FTS5 table: its columns named.
SELECT key, kind, meeting_id, committee_id, title, body, folded_title, folded_body
FROM search_documents ORDER BY key;
