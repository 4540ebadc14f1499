//! Values sealed with the keyring outside the stalking reports: what a place report holds
//! besides its counting facts (the exact point, free text, answers about the sender, the other
//! answers) and feedback text.
//!
//! [`SEALED`] is the one list of every sealed column in the database, with the associated data
//! that binds each value to its place, so key rotation (`crate::reseal`) finds them all.
//! Retention of each part and the one-off sealing of rows written in the clear before
//! migration 0012 are here too (driven by `crate::retention`, which knows the answers).

use async_trait::async_trait;
use sqlx::{Decode, Encode, Executor, IntoArguments, Type};

use super::sql::{Dialect, SqlStore};
use super::staff::append_on;
use super::{NewPlaceReport, StoreError};
use crate::audit::AuditEntry;
use crate::clock::Timestamp;
use crate::crypto::{CryptoError, Keyring};
use crate::domain::purpose;

/// How a column's row key is typed, for paging through it in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// An integer id.
    Int,
    /// A text key.
    Text,
}

/// A row's key: where a batch starts and which row to write back.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum RowKey {
    /// An integer id.
    Int(i64),
    /// A text key.
    Text(String),
}

impl std::fmt::Display for RowKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Int(i) => write!(f, "{i}"),
            Self::Text(t) => f.write_str(t),
        }
    }
}

/// How a column's values are bound to their place (their associated data).
#[derive(Debug, Clone, Copy)]
pub enum Binding {
    /// The associated data names the column and the row: `{table}.{column}:{context}`
    /// ([`SealedColumn::associated_data`]), so a value moved to another row or column no
    /// longer opens.
    Column,
    /// The associated data comes from `crate::domain::purpose`, given the row's key and
    /// context (as text): each candidate is tried in turn, and the one that opens a value
    /// seals it again.
    Purposes(fn(&str, &str) -> Vec<Vec<u8>>),
}

/// A column of sealed values: where it is, and how its associated data is made.
#[derive(Debug, Clone, Copy)]
pub struct SealedColumn {
    /// The table.
    pub table: &'static str,
    /// A unique column that orders and identifies rows.
    pub key: &'static str,
    /// Its type.
    pub key_kind: KeyKind,
    /// The column holding sealed bytes (`BLOB` / `BYTEA`; NULL or empty values are skipped).
    pub column: &'static str,
    /// A column naming the sealing key, kept in step with it (if the table has one).
    pub key_id: Option<&'static str>,
    /// Another column the associated data is made from (read as text), or `None`.
    pub context: Option<&'static str>,
    /// How the associated data is made.
    pub binding: Binding,
}

impl SealedColumn {
    /// The associated data of a [`Binding::Column`] value in the row with key `row_key`.
    pub fn associated_data(&self, row_key: &str) -> Vec<u8> {
        format!("{}.{}:{row_key}", self.table, self.column).into_bytes()
    }

    /// The associated data a value in the row with key `key` and context `context` may have
    /// been sealed with.
    pub fn purposes(&self, key: &str, context: &str) -> Vec<Vec<u8>> {
        match self.binding {
            Binding::Column => vec![self.associated_data(context)],
            Binding::Purposes(purposes) => purposes(key, context),
        }
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

/// A column of `place_reports` bound to its column and the report's submission id.
const fn place_column(column: &'static str) -> SealedColumn {
    SealedColumn {
        table: "place_reports",
        key: "id",
        key_kind: KeyKind::Int,
        column,
        key_id: None,
        context: Some("submission_id"),
        binding: Binding::Column,
    }
}

/// A place report's exact point (`lat,lng`), until `retention_place_point_days`.
pub const PLACE_POINT: SealedColumn = place_column("point_sealed");
/// A place report's free text (JSON answers), until `retention_place_text_days`.
pub const PLACE_TEXT: SealedColumn = place_column("text_sealed");
/// A place report's answers about the sender (JSON), until `retention_place_about_days`.
pub const PLACE_ABOUT: SealedColumn = place_column("about_sealed");
/// A place report's other answers (JSON: reason codes, how often, why not reported).
pub const PLACE_ANSWERS: SealedColumn = place_column("answers_sealed");
/// Feedback's "what could be better", until `retention_feedback_days` (the row goes).
pub const FEEDBACK_IMPROVE: SealedColumn = SealedColumn {
    table: "feedback",
    key: "id",
    key_kind: KeyKind::Int,
    column: "improve_sealed",
    key_id: None,
    context: Some("id"),
    binding: Binding::Column,
};

/// Every sealed column in the database, the one list that key rotation (`crate::reseal`,
/// `saferstreets keys rotate|reseal`) works through. A new sealed column is one more line
/// here: a [`Binding::Column`] one at the end, among [`SEALED_COLUMNS`].
pub const SEALED: &[SealedColumn] = &[
    SealedColumn {
        table: "stalking_reports",
        key: "id",
        key_kind: KeyKind::Int,
        column: "sealed",
        key_id: Some("key_id"),
        context: Some("submission_id"),
        binding: Binding::Purposes(|_, submission| vec![purpose::report(submission)]),
    },
    SealedColumn {
        table: "stalking_notes",
        key: "id",
        key_kind: KeyKind::Int,
        column: "sealed",
        key_id: None,
        context: Some("report_id"),
        binding: Binding::Purposes(|_, report| {
            report
                .parse()
                .map_or_else(|_| Vec::new(), |id| vec![purpose::note(id)])
        }),
    },
    SealedColumn {
        table: "staff_users",
        key: "id",
        key_kind: KeyKind::Int,
        column: "totp_sealed",
        key_id: None,
        context: None,
        binding: Binding::Purposes(|id, _| {
            id.parse()
                .map_or_else(|_| Vec::new(), |id| vec![purpose::totp(id)])
        }),
    },
    // Form drafts and the staff sign-in/set-up steps, each bound to its session row's key.
    SealedColumn {
        table: "sessions",
        key: "key",
        key_kind: KeyKind::Text,
        column: "data",
        key_id: None,
        context: None,
        binding: Binding::Purposes(|key, _| vec![purpose::draft(key), purpose::pending(key)]),
    },
    PLACE_POINT,
    PLACE_TEXT,
    PLACE_ABOUT,
    PLACE_ANSWERS,
    FEEDBACK_IMPROVE,
];

/// The columns of [`SEALED`] bound to their column ([`Binding::Column`]: place reports and
/// feedback), which [`SealedStore::reseal`] re-seals.
pub const SEALED_COLUMNS: &[SealedColumn] = SEALED.split_at(4).1;

/// A sealed value as read for re-sealing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedValue {
    /// The row.
    pub key: RowKey,
    /// The context column, as text (empty without one).
    pub context: String,
    /// The sealed bytes.
    pub sealed: Vec<u8>,
}

/// A value to write back: the row, what it held, and what replaces it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resealing {
    /// The row.
    pub key: RowKey,
    /// The value read (the write is skipped if the row no longer holds it).
    pub old: Vec<u8>,
    /// The value sealed under the active key.
    pub new: Vec<u8>,
}

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

/// A place report row still holding clear values, as read.
#[derive(sqlx::FromRow)]
struct LegacyPlaceRow {
    id: i64,
    submission_id: String,
    lat: Option<f64>,
    lng: Option<f64>,
    answers: String,
}

/// A feedback row still holding clear text, as read.
#[derive(sqlx::FromRow)]
struct LegacyFeedbackRow {
    id: i64,
    improve: String,
}

/// A sealed value of a [`Binding::Column`] column, as read for re-sealing.
#[derive(sqlx::FromRow)]
struct ResealRow {
    id: i64,
    /// The row key its associated data names.
    row_key: String,
    sealed: Vec<u8>,
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
    for<'r> &'r str: sqlx::ColumnIndex<DB::Row>,
{
    async fn legacy_places(&self, after: i64, limit: i64) -> Result<Vec<LegacyPlace>, StoreError> {
        let rows: Vec<LegacyPlaceRow> = sqlx::query_as(
            "SELECT id, submission_id, lat, lng, answers FROM place_reports \
             WHERE id > $1 AND (answers <> '' OR lat IS NOT NULL OR lng IS NOT NULL) \
             ORDER BY id LIMIT $2",
        )
        .bind(after)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| LegacyPlace {
                id: r.id,
                submission_id: r.submission_id,
                point: r.lat.zip(r.lng),
                answers: r.answers,
            })
            .collect())
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
        let rows: Vec<LegacyFeedbackRow> = sqlx::query_as(
            "SELECT id, improve FROM feedback WHERE id > $1 AND improve IS NOT NULL \
             ORDER BY id LIMIT $2",
        )
        .bind(after)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| (r.id, r.improve)).collect())
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
                key,
                column: col,
                ..
            } = *column;
            let row_key = column.context.unwrap_or(key);
            // Identifiers come only from the compiled-in list `SEALED`, never from input.
            let select = format!(
                "SELECT {key} AS id, CAST({row_key} AS TEXT) AS row_key, {col} AS sealed \
                 FROM {table} \
                 WHERE {key} > $1 AND {col} IS NOT NULL ORDER BY {key} LIMIT $2"
            );
            let update = format!("UPDATE {table} SET {col} = $1 WHERE {key} = $2 AND {col} = $3");
            let mut after = 0;
            loop {
                let rows: Vec<ResealRow> = sqlx::query_as(sqlx::AssertSqlSafe(select.as_str()))
                    .bind(after)
                    .bind(SEAL_BATCH)
                    .fetch_all(&self.pool)
                    .await?;
                let mut fresh = Vec::new();
                for ResealRow {
                    id,
                    row_key: key,
                    sealed: old,
                } in &rows
                {
                    let id = *id;
                    after = id;
                    if Keyring::key_id_of(old)? == keyring.active_id() {
                        continue;
                    }
                    let plain = column.open(keyring, old, key)?;
                    fresh.push((id, old.clone(), column.seal(keyring, &plain, key)?));
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
    for<'r> &'r str: sqlx::ColumnIndex<DB::Row>,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_columns_the_store_reseals_are_exactly_those_bound_to_their_column() {
        let bound: Vec<_> = SEALED
            .iter()
            .filter(|c| matches!(c.binding, Binding::Column))
            .map(|c| (c.table, c.column))
            .collect();
        let listed: Vec<_> = SEALED_COLUMNS.iter().map(|c| (c.table, c.column)).collect();
        assert_eq!(bound, listed);
    }

    #[test]
    fn place_and_feedback_values_are_bound_to_their_column_and_row() {
        assert_eq!(
            PLACE_TEXT.purposes("7", "abc"),
            vec![b"place_reports.text_sealed:abc".to_vec()]
        );
        assert_eq!(
            FEEDBACK_IMPROVE.purposes("7", "7"),
            vec![b"feedback.improve_sealed:7".to_vec()]
        );
    }
}
