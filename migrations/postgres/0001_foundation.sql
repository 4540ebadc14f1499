-- Feedback from the phase banner's form.
CREATE TABLE feedback (
    id           BIGSERIAL PRIMARY KEY,
    created_at   BIGINT NOT NULL,
    satisfaction TEXT   NOT NULL,
    improve      TEXT,
    page         TEXT   NOT NULL
);

-- Identifier-free usage counts, only for visitors who accepted additional cookies.
CREATE TABLE page_views (
    day   TEXT   NOT NULL,
    path  TEXT   NOT NULL,
    views BIGINT NOT NULL,
    PRIMARY KEY (day, path)
);

-- Server-side sessions (drafts live here). The key is a hash of the cookie value.
CREATE TABLE sessions (
    key        TEXT   PRIMARY KEY,
    data       BYTEA  NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);
