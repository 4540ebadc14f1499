//! The alert outbox: rows written with urgent and high-priority reports (in the report's own
//! transaction, `insert_alerts_on`), then claimed, delivered and marked by the delivery worker
//! (`crate::alerts`). A claim is a lease: a row claimed by a process that died is claimed again
//! once `claimed_until` has passed, so every alert is delivered at least once.
//!
//! Claiming is one `UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING`, the same on both
//! engines; PostgreSQL adds `FOR UPDATE SKIP LOCKED` so that instances sharing the database take
//! different rows instead of waiting for each other, and SQLite needs nothing (one writer).

use async_trait::async_trait;
use sqlx::{Decode, Encode, Executor, IntoArguments, Type};

use super::sql::{Dialect, SqlStore};
use super::{NewStalkingReport, StoreError};
use crate::clock::Timestamp;

/// A claimed alert, with what its message needs about the report (never its content).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Alert {
    /// Outbox row id.
    pub id: i64,
    /// Stable across retries: receivers drop repeats by it.
    pub idempotency_key: String,
    /// `email` or `webhook` (see `domain::alert::Channel`).
    pub channel: String,
    /// Attempts so far, this one included.
    pub attempts: i64,
    /// The report's row id (the staff case page is `/staff/reports/{report_id}`).
    pub report_id: i64,
    /// The report's public reference (compact form).
    pub reference: String,
    /// The force the report is for.
    pub force_code: String,
    /// `urgent` or `high`.
    pub priority: String,
    /// When the report was received.
    pub received_at: Timestamp,
}

/// An alert not delivered yet, as admins see it: no report content, no reference.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Undelivered {
    /// Outbox row id.
    pub id: i64,
    /// `email` or `webhook`.
    pub channel: String,
    /// When the report (and so the alert) was written.
    pub created_at: Timestamp,
    /// Attempts so far.
    pub attempts: i64,
    /// The class of the last failure (`connect`, `timeout`, `status-503`, …), if any.
    pub last_error: Option<String>,
    /// When the last attempt started.
    pub last_attempt_at: Option<Timestamp>,
    /// When it is tried next (or, while claimed, when the claim runs out).
    pub due_at: Timestamp,
    /// Set while a worker holds it.
    pub claimed_until: Option<Timestamp>,
}

/// Deliveries of alerts raised by urgent and high-priority reports.
#[async_trait]
pub trait OutboxStore: Send + Sync {
    /// Claim up to `limit` undelivered alerts due at `now` (not claimed, or claimed by a lease
    /// that has run out) until `now + lease`, counting the attempt. Oldest due first.
    async fn claim_alerts(
        &self,
        now: Timestamp,
        lease: i64,
        limit: i64,
    ) -> Result<Vec<Alert>, StoreError>;

    /// These alerts were delivered (one statement, so a pass costs one commit, not one per
    /// alert). Ids already marked delivered keep their first time.
    async fn alerts_delivered(&self, ids: &[i64], now: Timestamp) -> Result<(), StoreError>;

    /// The attempt failed with an error of class `error`; try again at `retry_at`.
    async fn alert_failed(
        &self,
        id: i64,
        error: &str,
        retry_at: Timestamp,
    ) -> Result<(), StoreError>;

    /// How many alerts are not delivered yet (all forces).
    async fn alert_backlog(&self) -> Result<i64, StoreError>;

    /// A force's undelivered alerts, the longest-waiting first.
    async fn undelivered_alerts(
        &self,
        force_code: &str,
        limit: i64,
    ) -> Result<Vec<Undelivered>, StoreError>;

    /// Alert rows of one report: `(channel, delivered_at)`, for tests and tools.
    async fn report_alerts(
        &self,
        report_id: i64,
    ) -> Result<Vec<(String, Option<Timestamp>)>, StoreError>;
}

/// Write one outbox row per channel of `r.alerts` for the report just inserted under
/// `r.submission_id`, on the report's connection (so in its transaction).
pub(super) async fn insert_alerts_on<DB>(
    conn: &mut DB::Connection,
    r: &NewStalkingReport,
) -> Result<(), StoreError>
where
    DB: Dialect,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB>,
    for<'q> i64: Encode<'q, DB> + Type<DB>,
    for<'q> &'q str: Encode<'q, DB> + Type<DB>,
{
    for channel in &r.alerts {
        // A random key rather than one derived from the reference: it says nothing about the
        // report, and a receiver needs only that it stays the same across retries.
        let key = hex::encode(crate::random::bytes::<16>());
        sqlx::query(
            "INSERT INTO alert_outbox (idempotency_key, report_id, channel, created_at, due_at) \
             SELECT $1, id, $2, $3, $3 FROM stalking_reports WHERE submission_id = $4",
        )
        .bind(key.as_str())
        .bind(channel.code())
        .bind(r.created_at)
        .bind(r.submission_id.as_str())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

const ALERT_COLUMNS: &str = "o.id, o.idempotency_key, o.channel, o.attempts, o.report_id, \
     r.reference, r.force_code, r.priority, r.created_at AS received_at";

#[async_trait]
impl<DB> OutboxStore for SqlStore<DB>
where
    DB: Dialect,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB>,
    for<'q> i64: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> String: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Option<String>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Option<i64>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> &'q str: Encode<'q, DB> + Type<DB>,
    usize: sqlx::ColumnIndex<DB::Row>,
    for<'r> &'r str: sqlx::ColumnIndex<DB::Row>,
{
    async fn claim_alerts(
        &self,
        now: Timestamp,
        lease: i64,
        limit: i64,
    ) -> Result<Vec<Alert>, StoreError> {
        // Nothing due is the common case: a read on the shared pool, so an idle worker never
        // queues behind SQLite's single writer.
        let due: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM (SELECT 1 FROM alert_outbox WHERE delivered_at IS NULL \
             AND due_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1) LIMIT 1) AS d",
        )
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        if due == 0 {
            return Ok(Vec::new());
        }
        let token = hex::encode(crate::random::bytes::<16>());
        let claim = format!(
            "UPDATE alert_outbox SET claimed_until = $1, claim_token = $2, \
             attempts = attempts + 1, last_attempt_at = $3 \
             WHERE id IN (SELECT id FROM alert_outbox WHERE delivered_at IS NULL \
             AND due_at <= $3 AND (claimed_until IS NULL OR claimed_until <= $3) \
             ORDER BY due_at, id LIMIT $4{})",
            DB::SKIP_LOCKED
        );
        sqlx::query(sqlx::AssertSqlSafe(claim))
            .bind(now.saturating_add(lease))
            .bind(token.as_str())
            .bind(now)
            .bind(limit)
            .execute(&self.writes)
            .await?;
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {ALERT_COLUMNS} FROM alert_outbox o \
             JOIN stalking_reports r ON r.id = o.report_id \
             WHERE o.claim_token = $1 ORDER BY o.due_at, o.id"
        )))
        .bind(token.as_str())
        .fetch_all(&self.writes)
        .await?)
    }

    async fn alerts_delivered(&self, ids: &[i64], now: Timestamp) -> Result<(), StoreError> {
        if ids.is_empty() {
            return Ok(());
        }
        // Only `$n` placeholders are built here, one per id (a pass claims at most
        // `alerts::BATCH`); the ids themselves are bound.
        let list = (2..ids.len() + 2)
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut q = sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE alert_outbox SET delivered_at = $1, claimed_until = NULL, \
             claim_token = NULL, last_error = NULL WHERE delivered_at IS NULL AND id IN ({list})"
        )))
        .bind(now);
        for id in ids {
            q = q.bind(*id);
        }
        q.execute(&self.writes).await?;
        Ok(())
    }

    async fn alert_failed(
        &self,
        id: i64,
        error: &str,
        retry_at: Timestamp,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE alert_outbox SET due_at = $2, last_error = $3, claimed_until = NULL, \
             claim_token = NULL WHERE id = $1 AND delivered_at IS NULL",
        )
        .bind(id)
        .bind(retry_at)
        .bind(error)
        .execute(&self.writes)
        .await?;
        Ok(())
    }

    async fn alert_backlog(&self) -> Result<i64, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT COUNT(*) FROM alert_outbox WHERE delivered_at IS NULL")
                .fetch_one(&self.pool)
                .await?,
        )
    }

    async fn undelivered_alerts(
        &self,
        force_code: &str,
        limit: i64,
    ) -> Result<Vec<Undelivered>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT o.id, o.channel, o.created_at, o.attempts, o.last_error, \
             o.last_attempt_at, COALESCE(o.claimed_until, o.due_at) AS due_at, o.claimed_until \
             FROM alert_outbox o JOIN stalking_reports r ON r.id = o.report_id \
             WHERE o.delivered_at IS NULL AND r.force_code = $1 \
             ORDER BY o.created_at, o.id LIMIT $2",
        )
        .bind(force_code)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn report_alerts(
        &self,
        report_id: i64,
    ) -> Result<Vec<(String, Option<Timestamp>)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT channel, delivered_at FROM alert_outbox WHERE report_id = $1 ORDER BY id",
        )
        .bind(report_id)
        .fetch_all(&self.pool)
        .await?)
    }
}
