-- Sign-in throttling keyed by pseudonyms under a random key of the day (daily_keys), which is
-- deleted with the rows once the window is over. The rows kept until now were keyed by a hash
-- derived from the service secret alone, so they could be turned back into addresses: they are
-- dropped, not converted.
DROP TABLE sign_in_failures;

CREATE TABLE sign_in_failures (
    key          TEXT    PRIMARY KEY,
    failures     BIGINT  NOT NULL,
    window_start BIGINT  NOT NULL,
    -- No attempt on this key is checked before this time (the account's progressive delay).
    not_before   BIGINT  NOT NULL
);
CREATE INDEX sign_in_failures_window ON sign_in_failures (window_start);

-- One random key per UTC day, shared by every instance on the database.
CREATE TABLE daily_keys (
    day BIGINT  PRIMARY KEY,
    key BYTEA   NOT NULL
);
