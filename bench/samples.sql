-- Random ids from a caught-up read model, for bench/readside.py to query with.

-- name: roots
SELECT id FROM assignments WHERE parent_id IS NULL ORDER BY md5(id) LIMIT :n;

-- name: delegated
SELECT id FROM assignments WHERE parent_id IS NOT NULL ORDER BY md5(id) LIMIT :n;

-- name: meetings
SELECT id FROM meetings ORDER BY md5(id) LIMIT :n;

-- name: speakers
-- People who spoke: the far end of a spoken_by edge, as a lineage node key.
SELECT substr(dst, 8) FROM (SELECT DISTINCT dst FROM lineage_edges
    WHERE edge = 'spoken_by') s
ORDER BY md5(substr(dst, 8)) LIMIT :n;

-- name: chairs
SELECT speaker_id FROM (SELECT DISTINCT speaker_id FROM assignments) s
ORDER BY md5(speaker_id) LIMIT :n;

-- name: documents
SELECT key FROM documents ORDER BY md5(key) LIMIT :n;

-- name: busiest_document
SELECT document_key FROM citations GROUP BY document_key
ORDER BY COUNT(*) DESC LIMIT 1;

-- name: agencies
SELECT id FROM agencies WHERE kind <> 'ministry' ORDER BY md5(id) LIMIT :n;

-- name: committees
SELECT id FROM committees ORDER BY id LIMIT :n;

-- name: statement_timeout
-- Cancel any read-model query after :ms milliseconds (this session's).
SELECT set_config('statement_timeout', :ms, false);
