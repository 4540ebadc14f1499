-- Issue 14: alerts for urgent and high-priority stalking reports go through an outbox. A row per
-- configured channel (email, webhook) is written in the same transaction as the report, so a
-- report we acknowledged always has its alerts. The delivery worker claims due rows with a lease
-- (`claimed_until`): a row claimed by a process that died is claimed again once the lease is
-- over. Rows hold no report content: the worker reads the reference, force, priority and time
-- from the report when it delivers. `idempotency_key` is random and stays the same across
-- retries, so a receiver can drop repeats.
CREATE TABLE alert_outbox (
    id              BIGSERIAL PRIMARY KEY,
    idempotency_key TEXT    NOT NULL UNIQUE,
    report_id       BIGINT  NOT NULL REFERENCES stalking_reports (id) ON DELETE CASCADE,
    channel         TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    due_at          BIGINT  NOT NULL,
    attempts        BIGINT  NOT NULL DEFAULT 0,
    claimed_until   BIGINT,
    claim_token     TEXT,
    last_attempt_at BIGINT,
    last_error      TEXT,
    delivered_at    BIGINT
);
-- The worker's claim and the backlog count only look at undelivered rows.
CREATE INDEX alert_outbox_due ON alert_outbox (due_at) WHERE delivered_at IS NULL;
CREATE INDEX alert_outbox_report ON alert_outbox (report_id);
CREATE INDEX alert_outbox_claim ON alert_outbox (claim_token) WHERE claim_token IS NOT NULL;
