-- The staff back office: accounts, sessions, sign-in throttling, the stalking-report
-- workflow, and the append-only, hash-chained audit log.

CREATE TABLE staff_users (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    email            TEXT    NOT NULL UNIQUE,
    role             TEXT    NOT NULL CHECK (role IN ('admin', 'investigator', 'analyst', 'partner')),
    force_code       TEXT    NOT NULL,
    status           TEXT    NOT NULL CHECK (status IN ('pending', 'active', 'disabled')),
    password_hash    TEXT,
    totp_sealed      BLOB,
    totp_last_step   INTEGER NOT NULL DEFAULT 0,
    setup_token_hash TEXT    UNIQUE,
    setup_expires_at INTEGER,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);

-- Keyed by a hash of the cookie: the table never holds a usable session id.
CREATE TABLE staff_sessions (
    key        TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    seen_at    INTEGER NOT NULL
);
CREATE INDEX staff_sessions_user ON staff_sessions (user_id);

-- Failed sign-in counts per account (hash of the email typed) and per client (keyed hash of
-- the address), shared by every instance.
CREATE TABLE sign_in_failures (
    key          TEXT    PRIMARY KEY,
    failures     INTEGER NOT NULL,
    window_start INTEGER NOT NULL
);

ALTER TABLE stalking_reports ADD COLUMN assigned_to INTEGER REFERENCES staff_users (id);
ALTER TABLE stalking_reports ADD COLUMN updated_at INTEGER;
ALTER TABLE stalking_reports ADD COLUMN closed_at INTEGER;

-- Status changes, assignments and notes; the note is sealed like the report.
CREATE TABLE stalking_notes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    report_id   INTEGER NOT NULL REFERENCES stalking_reports (id) ON DELETE CASCADE,
    author_id   INTEGER NOT NULL REFERENCES staff_users (id),
    at          INTEGER NOT NULL,
    status_from TEXT    NOT NULL,
    status_to   TEXT    NOT NULL,
    assigned_to INTEGER,
    sealed      BLOB
);
CREATE INDEX stalking_notes_report ON stalking_notes (report_id, id);

CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    actor_id   INTEGER,
    actor      TEXT    NOT NULL,
    role       TEXT    NOT NULL,
    force_code TEXT    NOT NULL,
    action     TEXT    NOT NULL,
    object     TEXT    NOT NULL,
    outcome    TEXT    NOT NULL,
    detail     TEXT    NOT NULL,
    prev_hash  TEXT    NOT NULL,
    hash       TEXT    NOT NULL
);
CREATE INDEX audit_log_force ON audit_log (force_code, seq);

-- The chain's last link; appends take it in their transaction, so they queue in order.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT    NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
