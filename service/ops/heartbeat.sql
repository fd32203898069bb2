-- The scheduler's heartbeats: one row per process name and host, shared by machines.
CREATE TABLE IF NOT EXISTS steerlog_heartbeats (
    process TEXT NOT NULL,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    beat_at TEXT NOT NULL,
    PRIMARY KEY (process, host)
);
