-- What a corpus's schema holds (bench/corpus.py); the session's search_path is
-- the corpus's schema.

-- name: has_events
SELECT to_regclass('steerlog_events') IS NOT NULL;

-- name: events_by_topic
SELECT topic, COUNT(*) FROM steerlog_events GROUP BY topic;
