-- The secrets of accounts, outside the event log (SQLite): a rotated secret is gone.
CREATE TABLE IF NOT EXISTS account_passwords (
    account_id TEXT PRIMARY KEY,
    hash TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS api_tokens (
    token_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    name TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    last_used_at TEXT,
    revoked_at TEXT
);
CREATE INDEX IF NOT EXISTS api_tokens_account ON api_tokens (account_id);
CREATE TABLE IF NOT EXISTS browser_sessions (
    session_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS browser_sessions_account ON browser_sessions (account_id);
CREATE TABLE IF NOT EXISTS sign_in_failures (
    attempt_key TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sign_in_failures_key ON sign_in_failures (attempt_key, failed_at);
-- Where each account's last write reached in the event log: its reads wait for it.
CREATE TABLE IF NOT EXISTS account_writes (
    account_id TEXT PRIMARY KEY,
    position INTEGER NOT NULL
);
