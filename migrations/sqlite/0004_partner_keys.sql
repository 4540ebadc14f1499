-- API keys issued to partners (councils) for Open311. Only a SHA-256 of each key is kept:
-- keys are 256-bit random values, so a fast hash is enough and a leaked table reveals none.
CREATE TABLE partner_keys (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    key_hash   TEXT    NOT NULL UNIQUE,
    partner    TEXT    NOT NULL,
    force_code TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);

-- Open311 lists a force's requests by the time they were made.
CREATE INDEX place_reports_force_created ON place_reports (force_code, created_at);
