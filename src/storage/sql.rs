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
use sqlx::{Database, Decode, Encode, Executor, IntoArguments, Pool, Type};

use super::group_commit::Writer;
use super::hotspots::{CellCount, Filter, IndexRow, Pending, Snapshot};
use super::sealed::{FEEDBACK_IMPROVE, SealedPlace};
use super::{
    Backend, DynStore, Feedback, ForceRow, GazetteerRow, HotspotQuery, NewFeedback, NewPartnerKey,
    NewPlaceReport, NewStalkingReport, PageViews, PartnerKey, PlaceRequestQuery, PlaceRequestRow,
    SessionWrite, StalkingReportRow, Store, StoreError,
};
use crate::clock::Timestamp;
use crate::crypto::Keyring;
use crate::domain::disclosure::Disclosure;

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
    /// The hotspot index as last read; the lock is held while reading newer reports, so one
    /// refresh runs at a time and the others then share its result.
    hotspots: tokio::sync::Mutex<Arc<Snapshot>>,
    /// The key that links audit rows (`audit.rs`), set once by whoever opened the store.
    pub(super) audit_key: std::sync::OnceLock<crate::audit::AuditKey>,
    /// The rule whose record keys the index keeps (`Store::use_disclosure`).
    disclosure: std::sync::Mutex<Option<Disclosure>>,
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
        // Deleted and overwritten content is zeroed, so what retention removes (and the clear
        // values sealed after migration 0012) does not linger in free space in the file.
        .pragma("secure_delete", "on")
        .busy_timeout(Duration::from_secs(10));
    // The database and its WAL hold victims' data: owner-only (0600) whatever the umask. The
    // file is made here before SQLite opens it, and SQLite gives its -wal and -shm files the
    // database file's mode; they are set again after opening for databases made before this.
    let file = options.get_filename().to_path_buf();
    let on_disk = file.as_os_str() != ":memory:" && !options.get_filename().as_os_str().is_empty();
    if on_disk {
        if let Some(folder) = file.parent() {
            crate::files::new_private_dir(folder).map_err(std::io::Error::other)?;
        }
        crate::files::touch_private(&file).map_err(std::io::Error::other)?;
    }
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options.clone())
        .await?;
    if on_disk {
        for suffix in ["", "-wal", "-shm"] {
            let mut path = file.clone().into_os_string();
            path.push(suffix);
            crate::files::restrict(Path::new(&path)).map_err(std::io::Error::other)?;
        }
    }
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
        hotspots: Default::default(),
        audit_key: Default::default(),
        disclosure: Default::default(),
    })
}

/// Longest a PostgreSQL query waits for a connection. While the server is down or
/// restarting, sqlx keeps retrying the connection (with backoff) until this runs out, so a
/// restart of a second or two is ridden over, and a longer outage answers "not sent, try
/// again" (503) within this time instead of holding the visitor (and a worker) for long.
/// Under normal load a connection is free within milliseconds (BENCHMARKS.md: p99 of a
/// durable send on PostgreSQL is tens of milliseconds).
pub const PG_ACQUIRE_TIMEOUT: Duration = Duration::from_secs(3);

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
        .acquire_timeout(PG_ACQUIRE_TIMEOUT)
        // Check an idle connection before lending it (sqlx's default, stated because it is
        // what drops the connections a database restart has cut): after the server comes
        // back, no request is handed a dead one.
        .test_before_acquire(true)
        .connect_with(options)
        .await?;
    sqlx::migrate!("migrations/postgres").run(&pool).await?;
    Ok(SqlStore {
        writes: pool.clone(),
        writer: None,
        pool,
        backend: Backend::Postgres,
        hotspots: Default::default(),
        audit_key: Default::default(),
        disclosure: Default::default(),
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
    DB::Arguments: IntoArguments<DB> + Default,
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
    for<'q> Option<&'q [u8]>: Encode<'q, DB> + Type<DB>,
    for<'q> Option<Vec<u8>>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    usize: sqlx::ColumnIndex<DB::Row>,
    for<'r> &'r str: sqlx::ColumnIndex<DB::Row>,
{
    fn backend(&self) -> Backend {
        self.backend
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn insert_feedback(&self, f: &NewFeedback, keyring: &Keyring) -> Result<i64, StoreError> {
        // The text's associated data names the row id, known only once inserted: the text is
        // sealed and written in the same transaction, so it is never stored in the clear.
        let mut tx = self.writes.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO feedback (created_at, satisfaction, page) VALUES ($1, $2, $3) \
             RETURNING id",
        )
        .bind(f.created_at)
        .bind(f.satisfaction.clone())
        .bind(f.page.clone())
        .fetch_one(&mut *tx)
        .await?;
        if let Some(text) = &f.improve {
            let sealed = FEEDBACK_IMPROVE.seal(keyring, text.as_bytes(), &id.to_string())?;
            sqlx::query("UPDATE feedback SET improve_sealed = $1 WHERE id = $2")
                .bind(sealed)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    async fn feedback_before(
        &self,
        before: i64,
        limit: i64,
        keyring: &Keyring,
    ) -> Result<Vec<Feedback>, StoreError> {
        let rows: Vec<FeedbackRow> = sqlx::query_as(
            "SELECT id, created_at, satisfaction, improve_sealed, page FROM feedback \
             WHERE id < $1 ORDER BY id DESC LIMIT $2",
        )
        .bind(before)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                let improve = r
                    .improve_sealed
                    .map(|v| FEEDBACK_IMPROVE.open(keyring, &v, &r.id.to_string()))
                    .transpose()?
                    .map(|b| String::from_utf8_lossy(&b).into_owned());
                Ok(Feedback {
                    id: r.id,
                    answers: NewFeedback {
                        created_at: r.created_at,
                        satisfaction: r.satisfaction,
                        improve,
                        page: r.page,
                    },
                })
            })
            .collect()
    }

    async fn add_page_views(&self, views: &[PageViews]) -> Result<(), StoreError> {
        let mut tx = self.writes.begin().await?;
        for v in views {
            sqlx::query(
                "INSERT INTO page_views (day, path, views) VALUES ($1, $2, $3) \
                 ON CONFLICT (day, path) DO UPDATE SET views = page_views.views + $3",
            )
            .bind(v.day.as_str())
            .bind(v.path.as_str())
            .bind(v.views)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn page_views(&self, from: &str, to: &str) -> Result<Vec<PageViews>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT day, path, views FROM page_views WHERE day >= $1 AND day <= $2 \
             ORDER BY day, path",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?)
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
        let row: Option<SessionRow> =
            sqlx::query_as("SELECT data, expires_at FROM sessions WHERE key = $1")
                .bind(key)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|r| (r.data, r.expires_at)))
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

    async fn claim_once(&self, key: &str, expires_at: Timestamp) -> Result<bool, StoreError> {
        // A row in the sessions table, so the daily purge of expired sessions forgets it.
        let done = sqlx::query(
            "INSERT INTO sessions (key, data, expires_at) VALUES ($1, $2, $3) \
             ON CONFLICT (key) DO NOTHING",
        )
        .bind(key)
        .bind(Vec::<u8>::new())
        .bind(expires_at)
        .execute(&self.writes)
        .await?;
        Ok(DB::rows_affected(&done) == 1)
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
        Ok(
            sqlx::query_scalar("SELECT reference FROM stalking_reports WHERE submission_id = $1")
                .bind(submission_id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    async fn stalking_report(
        &self,
        reference: &str,
    ) -> Result<Option<StalkingReportRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT id, status, reference, submission_id, force_code, created_at, priority, \
             priority_rank, reasons, key_id, sealed, language FROM stalking_reports \
             WHERE reference = $1",
        )
        .bind(reference)
        .fetch_optional(&self.pool)
        .await?)
    }

    async fn count_stalking_reports(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM stalking_reports")
            .fetch_one(&self.pool)
            .await?)
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
        Ok(
            sqlx::query_as("SELECT code, name, area, imported_at FROM forces ORDER BY code")
                .fetch_all(&self.pool)
                .await?,
        )
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
        Ok(
            sqlx::query_as("SELECT name, postcode, lat, lng FROM gazetteer ORDER BY id")
                .fetch_all(&self.pool)
                .await?,
        )
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
        // Many rows per statement: one statement per report made bulk loads round-trip bound
        // (ten million reports took hours on PostgreSQL).
        let mut tx = self.writes.begin().await?;
        if let Some(lock) = DB::PLACE_WRITE_LOCK {
            sqlx::query(lock).execute(&mut *tx).await?;
        }
        for chunk in reports.chunks(BULK_ROWS) {
            let mut insert = place_insert::<DB>(chunk);
            insert.push(" ON CONFLICT (submission_id) DO NOTHING");
            insert
                .build()
                .execute(&mut *tx)
                .await
                .map_err(unique_to_duplicate)?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn place_receipt_for(&self, submission_id: &str) -> Result<Option<String>, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT receipt FROM place_reports WHERE submission_id = $1")
                .bind(submission_id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    async fn place_report(&self, receipt: &str) -> Result<Option<NewPlaceReport>, StoreError> {
        let row: Option<PlaceReportRow> = sqlx::query_as(
            "SELECT receipt, submission_id, force_code, created_at, cell_res, cell, day, hour, \
             reasons, point_sealed, text_sealed, about_sealed, answers_sealed \
             FROM place_reports WHERE receipt = $1",
        )
        .bind(receipt)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| NewPlaceReport {
            receipt: r.receipt,
            submission_id: r.submission_id,
            force_code: r.force_code,
            created_at: r.created_at,
            // H3 ids carry their resolution in bits 52–55.
            cells: r
                .cell
                .map(|c| (r.cell_res.unwrap_or((c >> 52) & 15), c))
                .into_iter()
                .collect(),
            day: r.day,
            hour: r.hour,
            reasons: r.reasons,
            sealed: SealedPlace {
                point: r.point_sealed,
                text: r.text_sealed,
                about: r.about_sealed,
                answers: r.answers_sealed,
            },
        }))
    }

    async fn count_place_reports(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM place_reports")
            .fetch_one(&self.pool)
            .await?)
    }

    async fn hotspot_cells(&self, q: &HotspotQuery) -> Result<Vec<CellCount>, StoreError> {
        let snapshot = self.hotspot_index().await?;
        let q = q.clone();
        count_off_thread(move || snapshot.counts(&Filter::of_query(&q))).await
    }

    fn use_disclosure(&self, rule: Disclosure) {
        if let Ok(mut current) = self.disclosure.lock() {
            *current = Some(rule);
        }
    }

    async fn warm_hotspots(&self) -> Result<(), StoreError> {
        self.hotspot_index().await.map(|_| ())
    }

    async fn cell_counts(&self, force_code: &str, res: i64) -> Result<Vec<(i64, i64)>, StoreError> {
        let snapshot = self.hotspot_index().await?;
        let force_code = force_code.to_owned();
        count_off_thread(move || {
            snapshot
                .counts(&Filter {
                    res,
                    days: (i64::MIN, i64::MAX),
                    reasons: None,
                    when: u64::MAX,
                    force: Some(force_code.as_str()),
                })
                .into_iter()
                .map(|c| (c.cell, c.tally.n))
                .collect()
        })
        .await
    }

    async fn add_partner_key(&self, key: &NewPartnerKey) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "INSERT INTO partner_keys (key_hash, partner, force_code, created_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(key.key_hash.as_str())
        .bind(key.partner.as_str())
        .bind(key.force_code.as_str())
        .bind(key.created_at)
        .fetch_one(&self.writes)
        .await?)
    }

    async fn partner_key(&self, key_hash: &str) -> Result<Option<PartnerKey>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT id, partner, force_code, created_at, revoked_at FROM partner_keys \
             WHERE key_hash = $1 AND revoked_at IS NULL",
        )
        .bind(key_hash)
        .fetch_optional(&self.pool)
        .await?)
    }

    async fn partner_keys(&self) -> Result<Vec<PartnerKey>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT id, partner, force_code, created_at, revoked_at FROM partner_keys \
             ORDER BY id DESC",
        )
        .fetch_all(&self.pool)
        .await?)
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
        Ok(sqlx::query_as(
            "SELECT id, cell, day, reasons FROM place_reports \
             WHERE force_code = $1 AND day >= $2 AND day <= $3 \
             AND cell IS NOT NULL AND (reasons & $4) != 0",
        )
        .bind(q.force_code.as_str())
        .bind(q.from_day.0)
        .bind(q.to_day.0)
        // Every reason is every bit, so `reasons & bits` is non-zero for any stored reason.
        .bind(i64::from(q.reasons.bits()))
        .fetch_all(&self.pool)
        .await?)
    }

    async fn count_open311_post(&self, key_id: i64, day: i64) -> Result<i64, StoreError> {
        // One statement, so simultaneous posts on several instances each see their own count.
        let n: i64 = sqlx::query_scalar(
            "INSERT INTO open311_posts (key_id, day, n) VALUES ($1, $2, 1) \
             ON CONFLICT (key_id, day) DO UPDATE SET n = open311_posts.n + 1 \
             RETURNING n",
        )
        .bind(key_id)
        .bind(day)
        .fetch_one(&self.writes)
        .await?;
        if n == 1 {
            sqlx::query("DELETE FROM open311_posts WHERE key_id = $1 AND day < $2")
                .bind(key_id)
                .bind(day)
                .execute(&self.writes)
                .await?;
        }
        Ok(n)
    }
}

/// A `feedback` row as read back (its text still sealed).
#[derive(sqlx::FromRow)]
struct FeedbackRow {
    id: i64,
    created_at: Timestamp,
    satisfaction: String,
    improve_sealed: Option<Vec<u8>>,
    page: String,
}

/// A `sessions` row's data and expiry.
#[derive(sqlx::FromRow)]
struct SessionRow {
    data: Vec<u8>,
    expires_at: Timestamp,
}

/// A `place_reports` row as a stored report is read back: its finest cell and sealed parts.
#[derive(sqlx::FromRow)]
struct PlaceReportRow {
    receipt: String,
    submission_id: String,
    force_code: String,
    created_at: Timestamp,
    cell_res: Option<i64>,
    cell: Option<i64>,
    day: i64,
    hour: i64,
    reasons: i64,
    point_sealed: Option<Vec<u8>>,
    text_sealed: Option<Vec<u8>>,
    about_sealed: Option<Vec<u8>>,
    answers_sealed: Option<Vec<u8>>,
}

/// A `place_reports` row as the hotspot index reads it: only the counting facts.
#[derive(sqlx::FromRow)]
struct IndexedReport {
    id: i64,
    force_code: String,
    cell: Option<i64>,
    cell_res: Option<i64>,
    day: i64,
    hour: i64,
    reasons: i64,
}

/// Counting millions of reports takes milliseconds of CPU: keep it off the async threads.
pub(super) async fn count_off_thread<T: Send + 'static>(
    count: impl FnOnce() -> T + Send + 'static,
) -> Result<T, StoreError> {
    tokio::task::spawn_blocking(count)
        .await
        .map_err(|e| StoreError::Task(format!("hotspot count: {e}")))
}

/// Reports read per query while the hotspot index catches up.
const INDEX_PAGE: i64 = 100_000;

/// `INSERT INTO place_reports … VALUES (…), …` for `reports`: the one place that lists the
/// columns, for single reports and bulk loads alike.
fn place_insert<DB>(reports: &[NewPlaceReport]) -> sqlx::QueryBuilder<DB>
where
    DB: Database,
    DB::Arguments: Default,
    for<'q> i64: Encode<'q, DB> + Type<DB>,
    for<'q> &'q str: Encode<'q, DB> + Type<DB>,
    for<'q> Option<i64>: Encode<'q, DB> + Type<DB>,
    for<'q> Option<&'q [u8]>: Encode<'q, DB> + Type<DB>,
{
    // `answers` (and `lat`, `lng`) held the clear values before migration 0012; they stay
    // empty now that those values are sealed.
    let mut insert = sqlx::QueryBuilder::new(
        "INSERT INTO place_reports (receipt, submission_id, force_code, created_at, cell, \
         cell_res, day, hour, reasons, answers, point_sealed, text_sealed, about_sealed, \
         answers_sealed) ",
    );
    insert.push_values(reports, |mut row, r| {
        let (cell_res, cell) = finest(r);
        row.push_bind(r.receipt.as_str())
            .push_bind(r.submission_id.as_str())
            .push_bind(r.force_code.as_str())
            .push_bind(r.created_at)
            .push_bind(cell)
            .push_bind(cell_res)
            .push_bind(r.day)
            .push_bind(r.hour)
            .push_bind(r.reasons)
            .push("''")
            .push_bind(r.sealed.point.as_deref())
            .push_bind(r.sealed.text.as_deref())
            .push_bind(r.sealed.about.as_deref())
            .push_bind(r.sealed.answers.as_deref());
    });
    insert
}

/// Rows per bulk `INSERT`: 13 parameters each stays under SQLite's 32,766 and PostgreSQL's
/// 65,535 parameters per statement.
const BULK_ROWS: usize = 2_000;

/// The report's finest cell and its resolution (the others are its ancestors).
fn finest(r: &NewPlaceReport) -> (Option<i64>, Option<i64>) {
    r.cells
        .iter()
        .max_by_key(|(res, _)| *res)
        .map_or((None, None), |(res, cell)| (Some(*res), Some(*cell)))
}

/// The hotspot index's refresh, and the statements shared by the direct path and SQLite's
/// group-commit writer (each takes a connection, so the caller decides the transaction).
impl<DB> SqlStore<DB>
where
    DB: Dialect,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB> + Default,
    for<'q> i64: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> String: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Vec<u8>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> &'q str: Encode<'q, DB> + Type<DB>,
    for<'q> &'q [u8]: Encode<'q, DB> + Type<DB>,
    for<'q> f64: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Option<f64>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Option<i64>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Option<&'q str>: Encode<'q, DB> + Type<DB>,
    for<'q> Option<&'q [u8]>: Encode<'q, DB> + Type<DB>,
    usize: sqlx::ColumnIndex<DB::Row>,
    for<'r> &'r str: sqlx::ColumnIndex<DB::Row>,
{
    /// The hotspot index with every place report committed so far: it reads the reports
    /// after the last one it holds (all of them, the first time), in id order. This stays
    /// exact with several instances on one database because ids become visible in order
    /// (`Dialect::PLACE_WRITE_LOCK`), so no report with a smaller id than one already read
    /// can appear later. Costs one indexed query per call when nothing is new.
    pub(super) async fn hotspot_index(&self) -> Result<Arc<Snapshot>, StoreError> {
        let mut current = self.hotspots.lock().await;
        let rule = self.disclosure.lock().ok().and_then(|r| r.clone());
        if current.rule != rule {
            // Record keys under another rule (or none): read every report again.
            *current = Arc::new(Snapshot::keyed(rule));
        }
        let started = std::time::Instant::now();
        // Copied from the current snapshot only once something new is read.
        let mut pending: Option<Pending> = None;
        let mut last_id = current.last_id;
        loop {
            let rows: Vec<IndexedReport> = sqlx::query_as(
                "SELECT id, force_code, cell, cell_res, day, hour, reasons FROM place_reports \
                 WHERE id > $1 ORDER BY id LIMIT $2",
            )
            .bind(last_id)
            .bind(INDEX_PAGE)
            .fetch_all(&self.pool)
            .await?;
            for row in &rows {
                last_id = row.id;
                let Some(cell) = row.cell else {
                    continue; // described, not pinned: not on the map
                };
                let pending = pending.get_or_insert_with(|| current.pending());
                pending.add(&IndexRow {
                    id: row.id,
                    force_code: &row.force_code,
                    cell,
                    // H3 ids carry their resolution in bits 52–55.
                    res: row.cell_res.unwrap_or((cell >> 52) & 15),
                    day: row.day,
                    hour: row.hour,
                    reasons: row.reasons,
                });
            }
            if rows.len() < INDEX_PAGE as usize {
                break;
            }
        }
        if last_id != current.last_id {
            let pending = pending.unwrap_or_else(|| current.pending());
            let next = tokio::task::spawn_blocking(move || pending.finish(last_id))
                .await
                .map_err(|e| StoreError::Task(format!("hotspot index: {e}")))?;
            crate::metrics::hotspot_index(next.len(), started.elapsed());
            *current = Arc::new(next);
        }
        Ok(Arc::clone(&current))
    }

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
        let inserted: Option<String> = sqlx::query_scalar(
            "INSERT INTO stalking_reports (reference, submission_id, force_code, created_at, \
             priority, priority_rank, reasons, key_id, sealed, language) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
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
        .bind(r.language.as_str())
        .fetch_optional(&mut *conn)
        .await
        .map_err(unique_to_duplicate)?;
        let reference = match inserted {
            Some(reference) => {
                // The alerts are part of the report: committed with it, or not at all.
                super::outbox::insert_alerts_on::<DB>(conn, r).await?;
                reference
            }
            None => {
                sqlx::query_scalar(
                    "SELECT reference FROM stalking_reports WHERE submission_id = $1",
                )
                .bind(r.submission_id.as_str())
                .fetch_one(&mut *conn)
                .await?
            }
        };
        if let Some(s) = session {
            Self::put_session_on(conn, s).await?;
        }
        crate::fail_point!("store.before_commit", |_| Err(StoreError::Injected(
            "store.before_commit"
        )));
        Ok(reference)
    }

    /// Insert a place report unless its submission is stored, then write the session. The
    /// hotspot index picks new reports up by id (`hotspot_index`).
    pub(super) async fn submit_place_on(
        conn: &mut DB::Connection,
        r: &NewPlaceReport,
        session: Option<&SessionWrite>,
    ) -> Result<String, StoreError> {
        if let Some(lock) = DB::PLACE_WRITE_LOCK {
            sqlx::query(lock).execute(&mut *conn).await?;
        }
        let mut insert = place_insert::<DB>(std::slice::from_ref(r));
        insert.push(" ON CONFLICT (submission_id) DO NOTHING RETURNING receipt");
        let inserted: Option<String> = insert
            .build_query_scalar()
            .fetch_optional(&mut *conn)
            .await
            .map_err(unique_to_duplicate)?;
        let receipt = match inserted {
            Some(receipt) => receipt,
            None => {
                sqlx::query_scalar("SELECT receipt FROM place_reports WHERE submission_id = $1")
                    .bind(r.submission_id.as_str())
                    .fetch_one(&mut *conn)
                    .await?
            }
        };
        if let Some(s) = session {
            Self::put_session_on(conn, s).await?;
        }
        crate::fail_point!("store.before_commit", |_| Err(StoreError::Injected(
            "store.before_commit"
        )));
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

    /// Appended to a sub-`SELECT` of rows to delete in the background, so that a purge skips
    /// rows a request holds instead of waiting for them (and never deadlocks with it).
    const SKIP_LOCKED: &'static str;

    /// Taken at the start of every transaction that inserts place reports, if the engine
    /// needs it so that reports become visible in id order (see `hotspot_index`).
    const PLACE_WRITE_LOCK: Option<&'static str>;

    /// Rows changed by a statement (an inherent method on each driver's result type).
    fn rows_affected(result: &Self::QueryResult) -> u64;
}

impl Dialect for sqlx::Sqlite {
    const FOR_UPDATE: &'static str = "";
    const SKIP_LOCKED: &'static str = "";

    /// SQLite has one writer at a time (across processes too), so ids are assigned and
    /// committed in the same order already.
    const PLACE_WRITE_LOCK: Option<&'static str> = None;

    fn rows_affected(result: &Self::QueryResult) -> u64 {
        result.rows_affected()
    }
}

impl Dialect for sqlx::Postgres {
    const FOR_UPDATE: &'static str = " FOR UPDATE";
    const SKIP_LOCKED: &'static str = " FOR UPDATE SKIP LOCKED";

    /// PostgreSQL hands out ids from a sequence at insert time but transactions may commit in
    /// another order, so a reader could see id 101 before 100 commits and then skip 100 for
    /// ever. An advisory lock held to the end of the transaction (released after the commit
    /// is visible) makes place-report writers take ids and commit one after another. It caps
    /// place reports at one commit (one WAL flush, around a millisecond) at a time: hundreds
    /// to a thousand a second, far above what a force receives. Stalking reports and drafts
    /// are not affected.
    const PLACE_WRITE_LOCK: Option<&'static str> = Some("SELECT pg_advisory_xact_lock(4401)");

    fn rows_affected(result: &Self::QueryResult) -> u64 {
        result.rows_affected()
    }
}
