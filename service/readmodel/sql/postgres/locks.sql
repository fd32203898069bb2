-- name: lock_tables
-- Held while read-model tables are created or dropped, until the transaction ends.
SELECT pg_advisory_xact_lock(:key);

-- name: batch_setup
-- A batch: its commit need not wait for the disk (a lost batch is applied
-- again, its position commits with it), and tables stay as they are meanwhile.
SET LOCAL synchronous_commit = off;
SELECT pg_advisory_xact_lock_shared(:key);
