//! The SQL behind [`Store`], written once for both engines.
//!
//! `SqlStore<DB>` is generic over the sqlx driver; the `where` clause on its `Store` impl lists
//! what a driver must support. Only connection set-up and migrations differ per engine.

use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Database, Decode, Encode, Executor, IntoArguments, Pool, Row, Type};

use super::group_commit::Writer;
use super::{
    Backend, DynStore, Feedback, ForceRow, GazetteerRow, HotspotQuery, NewFeedback, NewPartnerKey,
    NewPlaceReport, NewStalkingReport, PageViews, PartnerKey, PlaceRequestQuery, PlaceRequestRow,
    SessionWrite, StalkingReportRow, Store, StoreError,
};
use crate::clock::Timestamp;

/// A store on any sqlx driver that the `Store` impl's bounds allow.
#[derive(Debug)]
pub struct SqlStore<DB: Database> {
    /// Reads (and, on PostgreSQL, writes).
    pub(super) pool: Pool<DB>,
    /// Writes. On SQLite a single connection, so writers queue in order instead of spinning
    /// on SQLite's busy handler; on PostgreSQL the same pool as reads.
    pub(super) writes: Pool<DB>,
    /// SQLite's group-commit writer for the hot writes (drafts and reports).
    writer: Option<Writer>,
    backend: Backend,
}

/// Open the database named by `url`, check its durability settings and apply migrations.
///
/// `sqlite://` paths are relative to the working directory; their folder is created.
pub async fn connect(url: &str) -> Result<DynStore, StoreError> {
    if url.starts_with("sqlite:") {
        Ok(Arc::new(connect_sqlite(url).await?))
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Arc::new(connect_postgres(url).await?))
    } else {
        Err(StoreError::BadUrl(
            "expected sqlite://PATH or postgres://…".to_owned(),
        ))
    }
}

async fn connect_sqlite(url: &str) -> Result<SqlStore<sqlx::Sqlite>, StoreError> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|e| StoreError::BadUrl(e.to_string()))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10));
    if let Some(folder) = options.get_filename().parent()
        && !folder.as_os_str().is_empty()
    {
        std::fs::create_dir_all(folder)?;
    }
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options.clone())
        .await?;
    // sqlx applies these pragmas on connect; read them back, because a report we acknowledge
    // must be on disk, and a store without these guarantees must not start.
    let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&pool)
        .await?;
    let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
        .fetch_one(&pool)
        .await?;
    let foreign_keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(&pool)
        .await?;
    if !journal.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Setting(format!(
            "journal_mode is {journal}, not wal"
        )));
    }
    if synchronous != 2 {
        return Err(StoreError::Setting(format!(
            "synchronous is {synchronous}, not FULL (2)"
        )));
    }
    if foreign_keys != 1 {
        return Err(StoreError::Setting("foreign_keys is off".to_owned()));
    }
    sqlx::migrate!("migrations/sqlite").run(&pool).await?;
    let writes = SqlitePoolOptions::new()
        .max_connections(1)
        .acquire_timeout(Duration::from_secs(30))
        .connect_with(options)
        .await?;
    Ok(SqlStore {
        writer: Some(Writer::start(writes.clone())),
        pool,
        writes,
        backend: Backend::Sqlite,
    })
}

async fn connect_postgres(url: &str) -> Result<SqlStore<sqlx::Postgres>, StoreError> {
    let options = PgConnectOptions::from_str(url).map_err(|e| StoreError::BadUrl(e.to_string()))?;
    // One direct attempt first, so an unreachable server fails start-up at once with its own
    // reason instead of after the pool's retries.
    sqlx::Connection::close(
        <sqlx::PgConnection as sqlx::Connection>::connect_with(&options).await?,
    )
    .await?;
    let pool = PgPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options)
        .await?;
    sqlx::migrate!("migrations/postgres").run(&pool).await?;
    Ok(SqlStore {
        writes: pool.clone(),
        writer: None,
        pool,
        backend: Backend::Postgres,
    })
}

/// Path of the SQLite file in a `sqlite://` URL, for tools that inspect the file itself.
pub fn sqlite_path(url: &str) -> Option<std::path::PathBuf> {
    SqliteConnectOptions::from_str(url)
        .ok()
        .map(|o| Path::new(o.get_filename()).to_path_buf())
}

#[async_trait]
impl<DB> Store for SqlStore<DB>
where
    DB: Dialect,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB>,
    for<'q> i64: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> String: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Option<String>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Vec<u8>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> &'q str: Encode<'q, DB> + Type<DB>,
    for<'q> &'q [u8]: Encode<'q, DB> + Type<DB>,
    for<'q> f64: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Option<f64>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Option<i64>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Option<&'q str>: Encode<'q, DB> + Type<DB>,
    for<'q> Option<Vec<u8>>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    usize: sqlx::ColumnIndex<DB::Row>,
{
    fn backend(&self) -> Backend {
        self.backend
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn insert_feedback(&self, f: &NewFeedback) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "INSERT INTO feedback (created_at, satisfaction, improve, page) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(f.created_at)
        .bind(f.satisfaction.clone())
        .bind(f.improve.clone())
        .bind(f.page.clone())
        .fetch_one(&self.writes)
        .await?;
        Ok(row.try_get::<i64, _>(0)?)
    }

    async fn list_feedback(&self, limit: i64) -> Result<Vec<Feedback>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, created_at, satisfaction, improve, page FROM feedback \
             ORDER BY id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Feedback {
                    id: r.try_get(0)?,
                    answers: NewFeedback {
                        created_at: r.try_get(1)?,
                        satisfaction: r.try_get(2)?,
                        improve: r.try_get(3)?,
                        page: r.try_get(4)?,
                    },
                })
            })
            .collect()
    }

    async fn record_page_view(&self, day: &str, path: &str) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO page_views (day, path, views) VALUES ($1, $2, 1) \
             ON CONFLICT (day, path) DO UPDATE SET views = page_views.views + 1",
        )
        .bind(day)
        .bind(path)
        .execute(&self.writes)
        .await?;
        Ok(())
    }

    async fn page_views(&self, from: &str, to: &str) -> Result<Vec<PageViews>, StoreError> {
        let rows = sqlx::query(
            "SELECT day, path, views FROM page_views WHERE day >= $1 AND day <= $2 \
             ORDER BY day, path",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(PageViews {
                    day: r.try_get(0)?,
                    path: r.try_get(1)?,
                    views: r.try_get(2)?,
                })
            })
            .collect()
    }

    async fn put_session(
        &self,
        key: &str,
        data: &[u8],
        expires_at: Timestamp,
    ) -> Result<(), StoreError> {
        let session = SessionWrite {
            key: key.to_owned(),
            data: data.to_vec(),
            expires_at,
        };
        if let Some(writer) = &self.writer {
            return writer.put_session(session).await;
        }
        let mut conn = self.writes.acquire().await?;
        Self::put_session_on(&mut conn, &session).await
    }

    async fn get_session(&self, key: &str) -> Result<Option<(Vec<u8>, Timestamp)>, StoreError> {
        let row = sqlx::query("SELECT data, expires_at FROM sessions WHERE key = $1")
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(r) => Some((r.try_get(0)?, r.try_get(1)?)),
            None => None,
        })
    }

    async fn delete_session(&self, key: &str) -> Result<bool, StoreError> {
        // The session's own row and every form draft kept under it (`{key}:{form}`); keys are
        // hex, so they hold no LIKE wildcards.
        let done = sqlx::query("DELETE FROM sessions WHERE key = $1 OR key LIKE $2")
            .bind(key)
            .bind(format!("{key}:%"))
            .execute(&self.writes)
            .await?;
        Ok(DB::rows_affected(&done) > 0)
    }

    async fn purge_expired_sessions(&self, now: Timestamp) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(now)
            .execute(&self.writes)
            .await?;
        Ok(DB::rows_affected(&done))
    }

    async fn submit_stalking_report(
        &self,
        report: &NewStalkingReport,
        session: Option<&SessionWrite>,
    ) -> Result<String, StoreError> {
        if let Some(writer) = &self.writer {
            return writer.submit(report.clone(), session.cloned()).await;
        }
        let mut tx = self.writes.begin().await?;
        let reference = Self::submit_on(&mut tx, report, session).await?;
        tx.commit().await?;
        Ok(reference)
    }

    async fn stalking_reference_for(
        &self,
        submission_id: &str,
    ) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT reference FROM stalking_reports WHERE submission_id = $1")
            .bind(submission_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(r) => Some(r.try_get(0)?),
            None => None,
        })
    }

    async fn stalking_report(
        &self,
        reference: &str,
    ) -> Result<Option<StalkingReportRow>, StoreError> {
        let row = sqlx::query(
            "SELECT id, status, reference, submission_id, force_code, created_at, priority, \
             priority_rank, reasons, key_id, sealed FROM stalking_reports WHERE reference = $1",
        )
        .bind(reference)
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        Ok(Some(StalkingReportRow {
            id: r.try_get(0)?,
            status: r.try_get(1)?,
            report: NewStalkingReport {
                reference: r.try_get(2)?,
                submission_id: r.try_get(3)?,
                force_code: r.try_get(4)?,
                created_at: r.try_get(5)?,
                priority: r.try_get(6)?,
                priority_rank: r.try_get(7)?,
                reasons: r.try_get(8)?,
                key_id: r.try_get(9)?,
                sealed: r.try_get(10)?,
            },
        }))
    }

    async fn count_stalking_reports(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) FROM stalking_reports")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get(0)?)
    }

    async fn replace_force(&self, f: &ForceRow) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO forces (code, name, area, imported_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (code) DO UPDATE SET name = excluded.name, area = excluded.area, \
             imported_at = excluded.imported_at",
        )
        .bind(f.code.as_str())
        .bind(f.name.as_str())
        .bind(f.area.as_str())
        .bind(f.imported_at)
        .execute(&self.writes)
        .await?;
        Ok(())
    }

    async fn forces(&self) -> Result<Vec<ForceRow>, StoreError> {
        let rows = sqlx::query("SELECT code, name, area, imported_at FROM forces ORDER BY code")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(ForceRow {
                    code: r.try_get(0)?,
                    name: r.try_get(1)?,
                    area: r.try_get(2)?,
                    imported_at: r.try_get(3)?,
                })
            })
            .collect()
    }

    async fn replace_gazetteer(&self, places: &[GazetteerRow]) -> Result<u64, StoreError> {
        let mut tx = self.writes.begin().await?;
        sqlx::query("DELETE FROM gazetteer")
            .execute(&mut *tx)
            .await?;
        for p in places {
            sqlx::query("INSERT INTO gazetteer (name, postcode, lat, lng) VALUES ($1, $2, $3, $4)")
                .bind(p.name.as_str())
                .bind(p.postcode.as_deref())
                .bind(p.lat)
                .bind(p.lng)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(places.len() as u64)
    }

    async fn gazetteer(&self) -> Result<Vec<GazetteerRow>, StoreError> {
        let rows = sqlx::query("SELECT name, postcode, lat, lng FROM gazetteer ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(GazetteerRow {
                    name: r.try_get(0)?,
                    postcode: r.try_get(1)?,
                    lat: r.try_get(2)?,
                    lng: r.try_get(3)?,
                })
            })
            .collect()
    }

    async fn submit_place_report(
        &self,
        report: &NewPlaceReport,
        session: Option<&SessionWrite>,
    ) -> Result<String, StoreError> {
        if let Some(writer) = &self.writer {
            return writer.submit_place(report.clone(), session.cloned()).await;
        }
        let mut tx = self.writes.begin().await?;
        let receipt = Self::submit_place_on(&mut tx, report, session).await?;
        tx.commit().await?;
        Ok(receipt)
    }

    async fn insert_place_reports(&self, reports: &[NewPlaceReport]) -> Result<(), StoreError> {
        let mut tx = self.writes.begin().await?;
        for r in reports {
            Self::submit_place_on(&mut tx, r, None).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn place_receipt_for(&self, submission_id: &str) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT receipt FROM place_reports WHERE submission_id = $1")
            .bind(submission_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(r) => Some(r.try_get(0)?),
            None => None,
        })
    }

    async fn place_report(&self, receipt: &str) -> Result<Option<NewPlaceReport>, StoreError> {
        let row = sqlx::query(
            "SELECT receipt, submission_id, force_code, created_at, lat, lng, day, hour, \
             reasons, answers FROM place_reports WHERE receipt = $1",
        )
        .bind(receipt)
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        let lat: Option<f64> = r.try_get(4)?;
        let lng: Option<f64> = r.try_get(5)?;
        Ok(Some(NewPlaceReport {
            receipt: r.try_get(0)?,
            submission_id: r.try_get(1)?,
            force_code: r.try_get(2)?,
            created_at: r.try_get(3)?,
            point: lat.zip(lng),
            cells: Vec::new(),
            day: r.try_get(6)?,
            hour: r.try_get(7)?,
            reasons: r.try_get(8)?,
            answers: r.try_get(9)?,
        }))
    }

    async fn count_place_reports(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) FROM place_reports")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get(0)?)
    }

    async fn hotspot_counts(&self, q: &HotspotQuery) -> Result<Vec<(i64, i64)>, StoreError> {
        // Weekday from the day number: 1970-01-01 was a Thursday, so (day + 3) % 7 is 0 on
        // Mondays. Masks keep the statement the same whatever the filters (no dynamic IN);
        // PostgreSQL shifts only a BIGINT by an INTEGER, hence the casts.
        let rows = sqlx::query(
            "SELECT cell, CAST(SUM(n) AS BIGINT) FROM place_cell_counts \
             WHERE res = $1 AND day >= $2 AND day <= $3 AND (reasons & $4) != 0 \
             AND ((CAST(1 AS BIGINT) << CAST(hour / 3 AS INTEGER)) & $5) != 0 \
             AND ((CAST(1 AS BIGINT) << CAST((day + 3) % 7 AS INTEGER)) & $6) != 0 \
             AND ($7 = '' OR force_code = $7) GROUP BY cell",
        )
        .bind(q.res)
        .bind(q.from_day)
        .bind(q.to_day)
        .bind(q.reasons)
        .bind(q.hours)
        .bind(q.weekdays)
        .bind(q.force_code.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }

    async fn cell_counts(&self, force_code: &str, res: i64) -> Result<Vec<(i64, i64)>, StoreError> {
        let rows = sqlx::query(
            "SELECT cell, CAST(SUM(n) AS BIGINT) FROM place_cell_counts \
             WHERE force_code = $1 AND res = $2 GROUP BY cell ORDER BY cell",
        )
        .bind(force_code)
        .bind(res)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            // SUM is cast back to BIGINT: PostgreSQL would otherwise return NUMERIC.
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }

    async fn add_partner_key(&self, key: &NewPartnerKey) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "INSERT INTO partner_keys (key_hash, partner, force_code, created_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(key.key_hash.as_str())
        .bind(key.partner.as_str())
        .bind(key.force_code.as_str())
        .bind(key.created_at)
        .fetch_one(&self.writes)
        .await?;
        Ok(row.try_get(0)?)
    }

    async fn partner_key(&self, key_hash: &str) -> Result<Option<PartnerKey>, StoreError> {
        let row = sqlx::query(
            "SELECT id, partner, force_code, created_at, revoked_at FROM partner_keys \
             WHERE key_hash = $1 AND revoked_at IS NULL",
        )
        .bind(key_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(partner_key_from).transpose()
    }

    async fn partner_keys(&self) -> Result<Vec<PartnerKey>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, partner, force_code, created_at, revoked_at FROM partner_keys \
             ORDER BY id DESC",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(partner_key_from).collect()
    }

    async fn revoke_partner_key(&self, id: i64, now: Timestamp) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE partner_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
        )
        .bind(now)
        .bind(id)
        .execute(&self.writes)
        .await?;
        Ok(DB::rows_affected(&done) > 0)
    }

    async fn place_requests(
        &self,
        q: &PlaceRequestQuery,
    ) -> Result<Vec<PlaceRequestRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT receipt, created_at, cell, reasons FROM place_reports \
             WHERE force_code = $1 AND created_at >= $2 AND created_at <= $3 \
             AND cell IS NOT NULL AND (reasons & $4) != 0 \
             ORDER BY created_at DESC, id DESC LIMIT $5",
        )
        .bind(q.force_code.as_str())
        .bind(q.from)
        .bind(q.to)
        .bind(q.reasons)
        .bind(q.limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(PlaceRequestRow {
                    receipt: r.try_get(0)?,
                    created_at: r.try_get(1)?,
                    cell: r.try_get(2)?,
                    reasons: r.try_get(3)?,
                })
            })
            .collect()
    }
}

/// A `partner_keys` row (id, partner, force_code, created_at, revoked_at).
fn partner_key_from<R: Row>(r: &R) -> Result<PartnerKey, StoreError>
where
    usize: sqlx::ColumnIndex<R>,
    for<'q> i64: Decode<'q, R::Database> + Type<R::Database>,
    for<'q> String: Decode<'q, R::Database> + Type<R::Database>,
    for<'q> Option<i64>: Decode<'q, R::Database> + Type<R::Database>,
{
    Ok(PartnerKey {
        id: r.try_get(0)?,
        partner: r.try_get(1)?,
        force_code: r.try_get(2)?,
        created_at: r.try_get(3)?,
        revoked_at: r.try_get(4)?,
    })
}

/// Statements shared by the direct path and SQLite's group-commit writer. Each takes a
/// connection, so the caller decides the transaction.
impl<DB> SqlStore<DB>
where
    DB: Dialect,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB>,
    for<'q> i64: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> String: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Vec<u8>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> &'q str: Encode<'q, DB> + Type<DB>,
    for<'q> &'q [u8]: Encode<'q, DB> + Type<DB>,
    for<'q> f64: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Option<f64>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Option<i64>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Option<&'q str>: Encode<'q, DB> + Type<DB>,
    usize: sqlx::ColumnIndex<DB::Row>,
{
    /// Create or replace a session row.
    pub(super) async fn put_session_on(
        conn: &mut DB::Connection,
        s: &SessionWrite,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO sessions (key, data, expires_at) VALUES ($1, $2, $3) \
             ON CONFLICT (key) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at",
        )
        .bind(s.key.as_str())
        .bind(s.data.as_slice())
        .bind(s.expires_at)
        .execute(&mut *conn)
        .await?;
        Ok(())
    }

    /// Insert a report unless its submission is already stored, then write the session.
    pub(super) async fn submit_on(
        conn: &mut DB::Connection,
        r: &NewStalkingReport,
        session: Option<&SessionWrite>,
    ) -> Result<String, StoreError> {
        // A second send of the same draft (double click, refresh, Back then Send) meets the
        // unique submission id and gets the first report's reference instead of a new report.
        let inserted = sqlx::query(
            "INSERT INTO stalking_reports (reference, submission_id, force_code, created_at, \
             priority, priority_rank, reasons, key_id, sealed) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (submission_id) DO NOTHING RETURNING reference",
        )
        .bind(r.reference.as_str())
        .bind(r.submission_id.as_str())
        .bind(r.force_code.as_str())
        .bind(r.created_at)
        .bind(r.priority.as_str())
        .bind(r.priority_rank)
        .bind(r.reasons.as_str())
        .bind(r.key_id.as_str())
        .bind(r.sealed.as_slice())
        .fetch_optional(&mut *conn)
        .await
        .map_err(unique_to_duplicate)?;
        let reference = match inserted {
            Some(row) => row.try_get(0)?,
            None => sqlx::query("SELECT reference FROM stalking_reports WHERE submission_id = $1")
                .bind(r.submission_id.as_str())
                .fetch_one(&mut *conn)
                .await?
                .try_get(0)?,
        };
        if let Some(s) = session {
            Self::put_session_on(conn, s).await?;
        }
        Ok(reference)
    }

    /// Insert a place report unless its submission is stored, add it to the hotspot counts
    /// (only when new), then write the session.
    pub(super) async fn submit_place_on(
        conn: &mut DB::Connection,
        r: &NewPlaceReport,
        session: Option<&SessionWrite>,
    ) -> Result<String, StoreError> {
        let (lat, lng) = (r.point.map(|p| p.0), r.point.map(|p| p.1));
        let finest = r.cells.iter().max_by_key(|(res, _)| *res).map(|(_, c)| *c);
        let inserted = sqlx::query(
            "INSERT INTO place_reports (receipt, submission_id, force_code, created_at, lat, lng, \
             cell, day, hour, reasons, answers) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
             ON CONFLICT (submission_id) DO NOTHING RETURNING receipt",
        )
        .bind(r.receipt.as_str())
        .bind(r.submission_id.as_str())
        .bind(r.force_code.as_str())
        .bind(r.created_at)
        .bind(lat)
        .bind(lng)
        .bind(finest)
        .bind(r.day)
        .bind(r.hour)
        .bind(r.reasons)
        .bind(r.answers.as_str())
        .fetch_optional(&mut *conn)
        .await
        .map_err(unique_to_duplicate)?;
        let receipt = match inserted {
            Some(row) => {
                for (res, cell) in &r.cells {
                    sqlx::query(
                        "INSERT INTO place_cell_counts (force_code, res, cell, day, hour, reasons, n) \
                         VALUES ($1, $2, $3, $4, $5, $6, 1) ON CONFLICT (force_code, res, cell, day, \
                         hour, reasons) DO UPDATE SET n = place_cell_counts.n + 1",
                    )
                    .bind(r.force_code.as_str())
                    .bind(*res)
                    .bind(*cell)
                    .bind(r.day)
                    .bind(r.hour)
                    .bind(r.reasons)
                    .execute(&mut *conn)
                    .await?;
                }
                row.try_get(0)?
            }
            None => sqlx::query("SELECT receipt FROM place_reports WHERE submission_id = $1")
                .bind(r.submission_id.as_str())
                .fetch_one(&mut *conn)
                .await?
                .try_get(0)?,
        };
        if let Some(s) = session {
            Self::put_session_on(conn, s).await?;
        }
        Ok(receipt)
    }
}

/// Unique violations become [`StoreError::Duplicate`] so callers can pick a new value.
pub(super) fn unique_to_duplicate(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Duplicate,
        _ => StoreError::Db(e),
    }
}

/// What differs between the engines beyond the schema. Kept as small as it can be.
pub trait Dialect: Database {
    /// Appended to a `SELECT` that must lock its rows until the transaction ends. SQLite has
    /// one writer at a time, so its transactions already exclude each other.
    const FOR_UPDATE: &'static str;

    /// Rows changed by a statement (an inherent method on each driver's result type).
    fn rows_affected(result: &Self::QueryResult) -> u64;
}

impl Dialect for sqlx::Sqlite {
    const FOR_UPDATE: &'static str = "";

    fn rows_affected(result: &Self::QueryResult) -> u64 {
        result.rows_affected()
    }
}

impl Dialect for sqlx::Postgres {
    const FOR_UPDATE: &'static str = " FOR UPDATE";

    fn rows_affected(result: &Self::QueryResult) -> u64 {
        result.rows_affected()
    }
}
