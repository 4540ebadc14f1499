-- The staff back office: accounts, sessions, sign-in throttling, the stalking-report
-- workflow, and the append-only, hash-chained audit log.

CREATE TABLE staff_users (
    id               BIGSERIAL PRIMARY KEY,
    email            TEXT    NOT NULL UNIQUE,
    role             TEXT    NOT NULL CHECK (role IN ('admin', 'investigator', 'analyst', 'partner')),
    force_code       TEXT    NOT NULL,
    status           TEXT    NOT NULL CHECK (status IN ('pending', 'active', 'disabled')),
    password_hash    TEXT,
    totp_sealed      BYTEA,
    totp_last_step   BIGINT  NOT NULL DEFAULT 0,
    setup_token_hash TEXT    UNIQUE,
    setup_expires_at BIGINT,
    created_at       BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL
);

-- Keyed by a hash of the cookie: the table never holds a usable session id.
CREATE TABLE staff_sessions (
    key        TEXT    PRIMARY KEY,
    user_id    BIGINT  NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    created_at BIGINT  NOT NULL,
    seen_at    BIGINT  NOT NULL
);
CREATE INDEX staff_sessions_user ON staff_sessions (user_id);

-- Failed sign-in counts per account (hash of the email typed) and per client (keyed hash of
-- the address), shared by every instance.
CREATE TABLE sign_in_failures (
    key          TEXT    PRIMARY KEY,
    failures     BIGINT  NOT NULL,
    window_start BIGINT  NOT NULL
);

ALTER TABLE stalking_reports ADD COLUMN assigned_to BIGINT REFERENCES staff_users (id);
ALTER TABLE stalking_reports ADD COLUMN updated_at BIGINT;
ALTER TABLE stalking_reports ADD COLUMN closed_at BIGINT;

-- Status changes, assignments and notes; the note is sealed like the report.
CREATE TABLE stalking_notes (
    id          BIGSERIAL PRIMARY KEY,
    report_id   BIGINT  NOT NULL REFERENCES stalking_reports (id) ON DELETE CASCADE,
    author_id   BIGINT  NOT NULL REFERENCES staff_users (id),
    at          BIGINT  NOT NULL,
    status_from TEXT    NOT NULL,
    status_to   TEXT    NOT NULL,
    assigned_to BIGINT,
    sealed      BYTEA
);
CREATE INDEX stalking_notes_report ON stalking_notes (report_id, id);

CREATE TABLE audit_log (
    seq        BIGINT  PRIMARY KEY,
    at         BIGINT  NOT NULL,
    actor_id   BIGINT,
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

-- The chain's last link; appends lock it in their transaction, so they queue in order.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  BIGINT  NOT NULL,
    hash TEXT    NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
