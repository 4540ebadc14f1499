-- Stalking and harassment reports. Everything the victim told us is in `sealed` (encrypted
-- with the key named by `key_id`); only what staff sort and filter by is in the clear.
CREATE TABLE stalking_reports (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    reference     TEXT    NOT NULL UNIQUE,
    submission_id TEXT    NOT NULL UNIQUE,
    force_code    TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    priority      TEXT    NOT NULL,
    priority_rank INTEGER NOT NULL,
    reasons       TEXT    NOT NULL,
    status        TEXT    NOT NULL DEFAULT 'new',
    key_id        TEXT    NOT NULL,
    sealed        BLOB    NOT NULL
);
CREATE INDEX stalking_reports_queue ON stalking_reports (force_code, status, priority_rank, created_at);
