-- The secrets of accounts, outside the event log (PostgreSQL): a rotated secret is gone.
CREATE TABLE IF NOT EXISTS account_passwords (
    account_id UUID PRIMARY KEY,
    hash TEXT NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS api_tokens (
    token_id TEXT PRIMARY KEY,
    account_id UUID NOT NULL,
    name TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS api_tokens_account ON api_tokens (account_id);
CREATE TABLE IF NOT EXISTS browser_sessions (
    session_hash TEXT PRIMARY KEY,
    account_id UUID NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS browser_sessions_account ON browser_sessions (account_id);
CREATE TABLE IF NOT EXISTS sign_in_failures (
    attempt_key TEXT NOT NULL,
    failed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS sign_in_failures_key ON sign_in_failures (attempt_key, failed_at);
-- Where each account's last write reached in the event log: its reads wait for it.
CREATE TABLE IF NOT EXISTS account_writes (
    account_id UUID PRIMARY KEY,
    position BIGINT NOT NULL
);
