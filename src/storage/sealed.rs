//! Values sealed with the keyring outside the stalking reports: what a place report holds
//! besides its counting facts (the exact point, free text, answers about the sender, the other
//! answers) and feedback text.
//!
//! [`SEALED_COLUMNS`] is the one list of these columns, with the associated data that binds
//! each value to its column and row, so key rotation ([`SealedStore::reseal`]) finds them all.
//! Retention of each part and the one-off sealing of rows written in the clear before
//! migration 0012 are here too (driven by `crate::retention`, which knows the answers).

use async_trait::async_trait;
use sqlx::{Decode, Encode, Executor, IntoArguments, Row, Type};

use super::sql::{Dialect, SqlStore};
use super::staff::append_on;
use super::{NewPlaceReport, StoreError};
use crate::audit::AuditEntry;
use crate::clock::Timestamp;
use crate::crypto::{CryptoError, Keyring};

/// A column of sealed values. Every such table has an integer `id` (for paging).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SealedColumn {
    /// Table.
    pub table: &'static str,
    /// Column (`BLOB` / `BYTEA`, NULL when there is nothing or it was purged).
    pub column: &'static str,
    /// SQL giving the row's key (text) that the associated data names: a value moved to
    /// another row or column no longer opens.
    pub row_key: &'static str,
}

impl SealedColumn {
    /// The associated data of this column's value in the row with key `row_key`.
    pub fn associated_data(&self, row_key: &str) -> Vec<u8> {
        format!("{}.{}:{row_key}", self.table, self.column).into_bytes()
    }

    /// Seal `plaintext` for the row with key `row_key`, under the keyring's active key.
    pub fn seal(
        &self,
        keyring: &Keyring,
        plaintext: &[u8],
        row_key: &str,
    ) -> Result<Vec<u8>, CryptoError> {
        keyring.seal(plaintext, &self.associated_data(row_key))
    }

    /// Open a value of this column in the row with key `row_key`.
    pub fn open(
        &self,
        keyring: &Keyring,
        sealed: &[u8],
        row_key: &str,
    ) -> Result<Vec<u8>, CryptoError> {
        keyring.open(sealed, &self.associated_data(row_key))
    }
}

/// A place report's exact point (`lat,lng`), until `retention_place_point_days`.
pub const PLACE_POINT: SealedColumn = SealedColumn {
    table: "place_reports",
    column: "point_sealed",
    row_key: "submission_id",
};
/// A place report's free text (JSON answers), until `retention_place_text_days`.
pub const PLACE_TEXT: SealedColumn = SealedColumn {
    table: "place_reports",
    column: "text_sealed",
    row_key: "submission_id",
};
/// A place report's answers about the sender (JSON), until `retention_place_about_days`.
pub const PLACE_ABOUT: SealedColumn = SealedColumn {
    table: "place_reports",
    column: "about_sealed",
    row_key: "submission_id",
};
/// A place report's other answers (JSON: reason codes, how often, why not reported).
pub const PLACE_ANSWERS: SealedColumn = SealedColumn {
    table: "place_reports",
    column: "answers_sealed",
    row_key: "submission_id",
};
/// Feedback's "what could be better", until `retention_feedback_days` (the row goes).
pub const FEEDBACK_IMPROVE: SealedColumn = SealedColumn {
    table: "feedback",
    column: "improve_sealed",
    row_key: "CAST(id AS TEXT)",
};

/// Every column sealed with the keyring outside `stalking_reports`, `stalking_notes`,
/// `staff_users` and `sessions`: what key rotation must re-seal besides those.
pub const SEALED_COLUMNS: &[SealedColumn] = &[
    PLACE_POINT,
    PLACE_TEXT,
    PLACE_ABOUT,
    PLACE_ANSWERS,
    FEEDBACK_IMPROVE,
];

/// The sealed parts of a place report; `None` where there is nothing (or it was purged).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SealedPlace {
    /// [`PLACE_POINT`].
    pub point: Option<Vec<u8>>,
    /// [`PLACE_TEXT`].
    pub text: Option<Vec<u8>>,
    /// [`PLACE_ABOUT`].
    pub about: Option<Vec<u8>>,
    /// [`PLACE_ANSWERS`].
    pub answers: Option<Vec<u8>>,
}

/// The parts of a place report that are sealed, in the clear (only ever in memory).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlainPlace {
    /// Latitude and longitude.
    pub point: Option<(f64, f64)>,
    /// Free-text answers (JSON).
    pub text: Option<String>,
    /// Answers about the sender (JSON).
    pub about: Option<String>,
    /// The other answers (JSON).
    pub answers: Option<String>,
}

impl PlainPlace {
    /// Seal each part for the report with this submission id.
    pub fn seal(&self, keyring: &Keyring, submission_id: &str) -> Result<SealedPlace, CryptoError> {
        let seal = |column: SealedColumn, text: Option<&str>| {
            text.map(|t| column.seal(keyring, t.as_bytes(), submission_id))
                .transpose()
        };
        // `{}` on f64 prints the shortest text that reads back as the same number.
        let point = self.point.map(|(lat, lng)| format!("{lat},{lng}"));
        Ok(SealedPlace {
            point: seal(PLACE_POINT, point.as_deref())?,
            text: seal(PLACE_TEXT, self.text.as_deref())?,
            about: seal(PLACE_ABOUT, self.about.as_deref())?,
            answers: seal(PLACE_ANSWERS, self.answers.as_deref())?,
        })
    }

    /// Open the sealed parts of a stored report (staff tools and tests; nothing in the
    /// service needs them to count).
    pub fn open(keyring: &Keyring, report: &NewPlaceReport) -> Result<Self, CryptoError> {
        let id = report.submission_id.as_str();
        let open = |column: SealedColumn, value: &Option<Vec<u8>>| {
            value
                .as_deref()
                .map(|v| {
                    let bytes = column.open(keyring, v, id)?;
                    String::from_utf8(bytes).map_err(|_| CryptoError::Malformed)
                })
                .transpose()
        };
        let point = open(PLACE_POINT, &report.sealed.point)?
            .map(|p| {
                let (lat, lng) = p.split_once(',').ok_or(CryptoError::Malformed)?;
                let parse = |x: &str| x.parse::<f64>().map_err(|_| CryptoError::Malformed);
                Ok::<_, CryptoError>((parse(lat)?, parse(lng)?))
            })
            .transpose()?;
        Ok(Self {
            point,
            text: open(PLACE_TEXT, &report.sealed.text)?,
            about: open(PLACE_ABOUT, &report.sealed.about)?,
            answers: open(PLACE_ANSWERS, &report.sealed.answers)?,
        })
    }
}

/// A place report still holding its answers or point in the clear (written before 0012).
#[derive(Debug, Clone, PartialEq)]
pub struct LegacyPlace {
    /// Row id.
    pub id: i64,
    /// Its submission id (the sealed values' row key).
    pub submission_id: String,
    /// The clear point.
    pub point: Option<(f64, f64)>,
    /// The clear answers (JSON, or empty).
    pub answers: String,
}

/// Sealed values, retention and the sealing of old clear rows, for place reports and
/// feedback. A supertrait of [`super::Store`].
#[async_trait]
pub trait SealedStore: Send + Sync {
    /// Up to `limit` place reports after row `after` that still hold clear answers or a
    /// clear point, in id order.
    async fn legacy_places(&self, after: i64, limit: i64) -> Result<Vec<LegacyPlace>, StoreError>;

    /// Put sealed parts in place of the clear ones, in one transaction; a row sealed meanwhile
    /// (by another instance) is left as it is. How many rows changed.
    async fn seal_legacy_places(&self, rows: &[(i64, SealedPlace)]) -> Result<u64, StoreError>;

    /// Up to `limit` feedback rows after row `after` with clear text: `(id, text)`.
    async fn legacy_feedback(
        &self,
        after: i64,
        limit: i64,
    ) -> Result<Vec<(i64, String)>, StoreError>;

    /// Put sealed text in place of the clear text, in one transaction; how many rows changed.
    async fn seal_legacy_feedback(&self, rows: &[(i64, Vec<u8>)]) -> Result<u64, StoreError>;

    /// Re-seal with the keyring's active key every value of [`SEALED_COLUMNS`] sealed under
    /// another key (rotation), in transactions of a few hundred rows; a value changed
    /// meanwhile is left as it is. How many values were re-sealed.
    async fn reseal(&self, keyring: &Keyring) -> Result<u64, StoreError>;

    /// Drop the free text of place reports sent before `before`; audited in the same
    /// transaction. How many.
    async fn purge_place_text(
        &self,
        before: Timestamp,
        audit: &AuditEntry,
    ) -> Result<u64, StoreError>;

    /// Drop the answers about the sender of place reports sent before `before`; audited in
    /// the same transaction. How many.
    async fn purge_place_about(
        &self,
        before: Timestamp,
        audit: &AuditEntry,
    ) -> Result<u64, StoreError>;

    /// Delete feedback sent before `before`; audited in the same transaction. How many.
    async fn purge_feedback(
        &self,
        before: Timestamp,
        audit: &AuditEntry,
    ) -> Result<u64, StoreError>;

    /// After clear values were overwritten: on SQLite, copy the WAL into the database and
    /// empty it, so older images of the pages (with the clear values) leave the WAL file too
    /// (the database file itself zeroes freed content: `secure_delete`). Nothing on
    /// PostgreSQL, whose old row versions stay until `VACUUM FULL` rewrites the table.
    async fn flush_old_page_images(&self) -> Result<(), StoreError>;
}

/// Rows per transaction when sealing or re-sealing many.
pub const SEAL_BATCH: i64 = 500;

#[async_trait]
impl<DB> SealedStore for SqlStore<DB>
where
    DB: Dialect,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB>,
    for<'q> i64: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> String: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Option<String>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Vec<u8>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Option<Vec<u8>>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> &'q str: Encode<'q, DB> + Type<DB>,
    for<'q> &'q [u8]: Encode<'q, DB> + Type<DB>,
    for<'q> Option<&'q [u8]>: Encode<'q, DB> + Type<DB>,
    for<'q> Option<i64>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Option<f64>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    usize: sqlx::ColumnIndex<DB::Row>,
{
    async fn legacy_places(&self, after: i64, limit: i64) -> Result<Vec<LegacyPlace>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, submission_id, lat, lng, answers FROM place_reports \
             WHERE id > $1 AND (answers <> '' OR lat IS NOT NULL OR lng IS NOT NULL) \
             ORDER BY id LIMIT $2",
        )
        .bind(after)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let lat: Option<f64> = r.try_get(2)?;
                let lng: Option<f64> = r.try_get(3)?;
                Ok(LegacyPlace {
                    id: r.try_get(0)?,
                    submission_id: r.try_get(1)?,
                    point: lat.zip(lng),
                    answers: r.try_get(4)?,
                })
            })
            .collect()
    }

    async fn seal_legacy_places(&self, rows: &[(i64, SealedPlace)]) -> Result<u64, StoreError> {
        let mut tx = self.writes.begin().await?;
        let mut n = 0;
        for (id, s) in rows {
            // Only while still clear: another instance may have sealed it (with other nonces)
            // or retention dropped the point since it was read.
            let done = sqlx::query(
                "UPDATE place_reports SET answers = '', lat = NULL, lng = NULL, \
                 point_sealed = CASE WHEN lat IS NULL THEN NULL ELSE $2 END, \
                 text_sealed = $3, about_sealed = $4, answers_sealed = $5 \
                 WHERE id = $1 AND (answers <> '' OR lat IS NOT NULL OR lng IS NOT NULL)",
            )
            .bind(*id)
            .bind(s.point.as_deref())
            .bind(s.text.as_deref())
            .bind(s.about.as_deref())
            .bind(s.answers.as_deref())
            .execute(&mut *tx)
            .await?;
            n += DB::rows_affected(&done);
        }
        tx.commit().await?;
        Ok(n)
    }

    async fn legacy_feedback(
        &self,
        after: i64,
        limit: i64,
    ) -> Result<Vec<(i64, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, improve FROM feedback WHERE id > $1 AND improve IS NOT NULL \
             ORDER BY id LIMIT $2",
        )
        .bind(after)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }

    async fn seal_legacy_feedback(&self, rows: &[(i64, Vec<u8>)]) -> Result<u64, StoreError> {
        let mut tx = self.writes.begin().await?;
        let mut n = 0;
        for (id, sealed) in rows {
            let done = sqlx::query(
                "UPDATE feedback SET improve = NULL, improve_sealed = $2 \
                 WHERE id = $1 AND improve IS NOT NULL",
            )
            .bind(*id)
            .bind(sealed.as_slice())
            .execute(&mut *tx)
            .await?;
            n += DB::rows_affected(&done);
        }
        tx.commit().await?;
        Ok(n)
    }

    async fn reseal(&self, keyring: &Keyring) -> Result<u64, StoreError> {
        let mut resealed = 0;
        for column in SEALED_COLUMNS {
            let SealedColumn {
                table,
                column: col,
                row_key,
            } = *column;
            let select = format!(
                "SELECT id, {row_key} AS row_key, {col} FROM {table} \
                 WHERE id > $1 AND {col} IS NOT NULL ORDER BY id LIMIT $2"
            );
            let update = format!("UPDATE {table} SET {col} = $1 WHERE id = $2 AND {col} = $3");
            let mut after = 0;
            loop {
                let rows = sqlx::query(sqlx::AssertSqlSafe(select.as_str()))
                    .bind(after)
                    .bind(SEAL_BATCH)
                    .fetch_all(&self.pool)
                    .await?;
                let mut fresh = Vec::new();
                for r in &rows {
                    let id: i64 = r.try_get(0)?;
                    let key: String = r.try_get(1)?;
                    let old: Vec<u8> = r.try_get(2)?;
                    after = id;
                    if Keyring::key_id_of(&old)? == keyring.active_id() {
                        continue;
                    }
                    let plain = column.open(keyring, &old, &key)?;
                    fresh.push((id, old, column.seal(keyring, &plain, &key)?));
                }
                if !fresh.is_empty() {
                    let mut tx = self.writes.begin().await?;
                    for (id, old, new) in &fresh {
                        let done = sqlx::query(sqlx::AssertSqlSafe(update.as_str()))
                            .bind(new.as_slice())
                            .bind(*id)
                            .bind(old.as_slice())
                            .execute(&mut *tx)
                            .await?;
                        resealed += DB::rows_affected(&done);
                    }
                    tx.commit().await?;
                }
                if rows.len() < SEAL_BATCH as usize {
                    break;
                }
            }
        }
        Ok(resealed)
    }

    async fn purge_place_text(
        &self,
        before: Timestamp,
        audit: &AuditEntry,
    ) -> Result<u64, StoreError> {
        let sql = "UPDATE place_reports SET text_sealed = NULL \
                   WHERE created_at < $1 AND text_sealed IS NOT NULL";
        self.purge_audited(sql, before, audit, "place reports' free text dropped")
            .await
    }

    async fn purge_place_about(
        &self,
        before: Timestamp,
        audit: &AuditEntry,
    ) -> Result<u64, StoreError> {
        let sql = "UPDATE place_reports SET about_sealed = NULL \
                   WHERE created_at < $1 AND about_sealed IS NOT NULL";
        self.purge_audited(
            sql,
            before,
            audit,
            "place reports' answers about the sender dropped",
        )
        .await
    }

    async fn purge_feedback(
        &self,
        before: Timestamp,
        audit: &AuditEntry,
    ) -> Result<u64, StoreError> {
        let sql = "DELETE FROM feedback WHERE created_at < $1";
        self.purge_audited(sql, before, audit, "feedback answers deleted")
            .await
    }

    async fn flush_old_page_images(&self) -> Result<(), StoreError> {
        if DB::NAME == "SQLite" {
            // On the write connection, so it comes after the writes queued before it.
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(&self.writes)
                .await?;
        }
        Ok(())
    }
}

impl<DB> SqlStore<DB>
where
    DB: Dialect,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB>,
    for<'q> i64: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> String: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> &'q str: Encode<'q, DB> + Type<DB>,
    for<'q> Option<i64>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    usize: sqlx::ColumnIndex<DB::Row>,
{
    /// Run one retention statement (bound to `before`) and its audit row in one transaction.
    async fn purge_audited(
        &self,
        sql: &'static str,
        before: Timestamp,
        audit: &AuditEntry,
        what: &str,
    ) -> Result<u64, StoreError> {
        let mut tx = self.writes.begin().await?;
        let done = sqlx::query(sql).bind(before).execute(&mut *tx).await?;
        let n = DB::rows_affected(&done);
        let mut audit = audit.clone();
        audit.detail = format!("{n} {what}");
        append_on::<DB>(&mut tx, self.audit_key.get(), &audit).await?;
        tx.commit().await?;
        Ok(n)
    }
}
