//! Persistence: one [`Store`] trait, one SQL implementation generic over the sqlx driver,
//! and per-backend connection set-up and migrations (`migrations/sqlite`, `migrations/postgres`).
//!
//! Queries that are the same on both engines are written once (in `sql.rs`); SQLite accepts
//! PostgreSQL's `$1` placeholders, so only the schema differs between the two.

pub mod backup;
#[cfg(feature = "early-ack")]
pub mod early_ack;
mod group_commit;
mod hotspots;
pub mod outbox;
pub mod sealed;
mod sql;
mod staff;

use std::sync::Arc;

use async_trait::async_trait;

use crate::clock::Timestamp;

pub use crate::domain::place::HotspotQuery;
pub use hotspots::{Breakdown, CellCount, Tally};
pub use outbox::{Alert, OutboxStore, Undelivered};
pub use sealed::{SealedPlace, SealedStore};
pub use sql::{connect, sqlite_path};
pub use staff::{
    Assignee, Case, CaseUpdate, Located, NewStaffUser, Note, PlaceListQuery, PlaceListRow,
    QueueQuery, QueueRow, StaffSession, StaffStore, StaffUser,
};
pub use staff::{Claimed, SignInClaim};

/// Which database engine a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite file.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

/// Why a storage call failed. Callers log it and show a problem page; it is never shown.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database URL could not be understood.
    #[error("database URL not understood: {0}")]
    BadUrl(String),
    /// The database refused a setting we rely on for durability.
    #[error("database setting not in force: {0}")]
    Setting(String),
    /// Migrations could not be applied.
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A unique value (e.g. a reference) is already taken.
    #[error("duplicate value")]
    Duplicate,
    /// A batch of writes failed as a whole (the reason is logged once by the writer).
    #[error("write batch failed: {0}")]
    Batch(String),
    /// Work moved off the async threads (counting hotspots) did not finish.
    #[error("background task failed: {0}")]
    Task(String),
    /// A fault injected by a test's fail point.
    #[cfg(feature = "failpoints")]
    #[error("injected fault at {0}")]
    Injected(&'static str),
    /// The writer task has stopped (the service is shutting down).
    #[error("writer stopped")]
    WriterGone,
    /// Any other database failure.
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    /// A sealed value could not be sealed or opened (wrong key, moved, damaged).
    #[error("sealed value: {0}")]
    Sealed(#[from] crate::crypto::CryptoError),
    /// Filesystem trouble creating the embedded database's folder.
    #[error("cannot create database folder: {0}")]
    Io(#[from] std::io::Error),
}

impl StoreError {
    /// Whether the database could not be reached or was going away (PostgreSQL stopped or
    /// restarting, the network to it gone, no connection free within the pool's wait, SQLite
    /// still locked after its busy timeout, the writer stopping). Such a failure passes by
    /// itself, so the web side answers 503 "try again" instead of 500 (`http::error`).
    pub fn is_unavailable(&self) -> bool {
        match self {
            Self::WriterGone => true,
            Self::Db(e) => match e {
                sqlx::Error::PoolTimedOut
                | sqlx::Error::PoolClosed
                | sqlx::Error::WorkerCrashed
                | sqlx::Error::Io(_)
                | sqlx::Error::Tls(_)
                | sqlx::Error::Protocol(_) => true,
                sqlx::Error::Database(db) => db.code().is_some_and(|code| unavailable_code(&code)),
                _ => false,
            },
            _ => false,
        }
    }
}

/// SQLSTATE codes (PostgreSQL) and result codes (SQLite) that mean "not reachable now" rather
/// than "this request is wrong": PostgreSQL's connection exceptions (class 08), shutdown and
/// start-up (57P01–57P03) and too many connections (53300); SQLite's BUSY and LOCKED, with
/// their extended codes (the low byte is the primary code). SQLSTATEs are always five
/// characters; SQLite's codes have at most four digits.
fn unavailable_code(code: &str) -> bool {
    if code.len() == 5 {
        return code.starts_with("08") || matches!(code, "57P01" | "57P02" | "57P03" | "53300");
    }
    code.parse::<u32>().is_ok_and(|n| matches!(n & 0xff, 5 | 6))
}

/// A visitor's answers to the feedback form. `improve` is sealed by the store
/// ([`sealed::FEEDBACK_IMPROVE`]) and opened when read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFeedback {
    /// One of the satisfaction codes in `domain::feedback::Satisfaction`.
    pub satisfaction: String,
    /// What could be better (optional, length-limited, cleaned of contact details).
    pub improve: Option<String>,
    /// The page the visitor came from (a local path, no query).
    pub page: String,
    /// When it was sent.
    pub created_at: Timestamp,
}

/// A stored feedback answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    /// Row id.
    pub id: i64,
    /// The answers.
    pub answers: NewFeedback,
}

/// Page views on one day for one page, counted only for visitors who accepted usage cookies.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PageViews {
    /// `YYYY-MM-DD`, UTC.
    pub day: String,
    /// Route pattern, never a raw URL.
    pub path: String,
    /// How many views.
    pub views: i64,
}

/// Everything the service keeps.
#[async_trait]
pub trait Store: StaffStore + SealedStore + OutboxStore + Send + Sync + std::fmt::Debug {
    /// The engine behind this store.
    fn backend(&self) -> Backend;

    /// Succeeds when the database answers a query.
    async fn ping(&self) -> Result<(), StoreError>;

    /// Keep a feedback answer, its text sealed with `keyring` (the associated data names the
    /// row, so the text is sealed in the same transaction as the insert); returns its id.
    async fn insert_feedback(
        &self,
        feedback: &NewFeedback,
        keyring: &crate::crypto::Keyring,
    ) -> Result<i64, StoreError>;

    /// The most recent feedback, newest first, its text opened with `keyring`.
    async fn list_feedback(
        &self,
        limit: i64,
        keyring: &crate::crypto::Keyring,
    ) -> Result<Vec<Feedback>, StoreError> {
        self.feedback_before(i64::MAX, limit, keyring).await
    }

    /// Feedback with ids below `before`, newest first, at most `limit` (a page of the admins'
    /// list), its text opened with `keyring`.
    async fn feedback_before(
        &self,
        before: i64,
        limit: i64,
        keyring: &crate::crypto::Keyring,
    ) -> Result<Vec<Feedback>, StoreError>;

    /// Add counted views (each row's `views` to its day and path), all in one transaction.
    async fn add_page_views(&self, views: &[PageViews]) -> Result<(), StoreError>;

    /// Views counted between `from` and `to` (inclusive `YYYY-MM-DD`), by day then path.
    async fn page_views(&self, from: &str, to: &str) -> Result<Vec<PageViews>, StoreError>;

    /// Create or replace the server-side data of a session. `key` is a hash of the cookie.
    async fn put_session(
        &self,
        key: &str,
        data: &[u8],
        expires_at: Timestamp,
    ) -> Result<(), StoreError>;

    /// The session's data and when it expires (possibly already past: callers decide, so an
    /// expired draft can be told apart from one that never existed).
    async fn get_session(&self, key: &str) -> Result<Option<(Vec<u8>, Timestamp)>, StoreError>;

    /// Forget a session and everything held under it (rows keyed `{key}:…`). Returns whether
    /// there was anything.
    async fn delete_session(&self, key: &str) -> Result<bool, StoreError>;

    /// Record `key` (kept until `expires_at`) unless it is already recorded: true the first
    /// time only, on every instance (spent proof-of-work challenges).
    async fn claim_once(&self, key: &str, expires_at: Timestamp) -> Result<bool, StoreError>;

    /// Delete sessions that expired before `now`; returns how many.
    async fn purge_expired_sessions(&self, now: Timestamp) -> Result<u64, StoreError>;

    /// Store a report once per submission id and, in the same transaction, replace the
    /// sender's draft (so the answers never outlive the send). Returns the reference of the
    /// stored report: the new one, or the one stored earlier under the same submission id
    /// (a double submit). Returns only after the transaction is durably committed.
    async fn submit_stalking_report(
        &self,
        report: &NewStalkingReport,
        session: Option<&SessionWrite>,
    ) -> Result<String, StoreError>;

    /// The reference of the report stored under a submission id.
    async fn stalking_reference_for(
        &self,
        submission_id: &str,
    ) -> Result<Option<String>, StoreError>;

    /// A stored report by reference.
    async fn stalking_report(
        &self,
        reference: &str,
    ) -> Result<Option<StalkingReportRow>, StoreError>;

    /// How many reports are stored (all forces).
    async fn count_stalking_reports(&self) -> Result<i64, StoreError>;

    /// Create or replace a force's area (GeoJSON MultiPolygon text).
    async fn replace_force(&self, force: &ForceRow) -> Result<(), StoreError>;

    /// Every force area.
    async fn forces(&self) -> Result<Vec<ForceRow>, StoreError>;

    /// Replace the whole gazetteer in one transaction (nothing half-imported). Returns how
    /// many places it holds now.
    async fn replace_gazetteer(&self, places: &[GazetteerRow]) -> Result<u64, StoreError>;

    /// Every gazetteer place.
    async fn gazetteer(&self) -> Result<Vec<GazetteerRow>, StoreError>;

    /// Store a place report once per submission id, add it to the hotspot counts, and
    /// replace the draft, in one durable transaction. Returns the receipt stored for the
    /// submission (the first one, on a double submit).
    async fn submit_place_report(
        &self,
        report: &NewPlaceReport,
        session: Option<&SessionWrite>,
    ) -> Result<String, StoreError>;

    /// Store many place reports (demo data, imports) in one transaction, many rows per
    /// statement; reports whose submission id is already stored are skipped.
    async fn insert_place_reports(&self, reports: &[NewPlaceReport]) -> Result<(), StoreError>;

    /// The receipt of the place report stored under a submission id.
    async fn place_receipt_for(&self, submission_id: &str) -> Result<Option<String>, StoreError>;

    /// A stored place report by receipt: its sealed parts (open them with
    /// [`sealed::PlainPlace::open`]) and, in `cells`, only its finest cell.
    async fn place_report(&self, receipt: &str) -> Result<Option<NewPlaceReport>, StoreError>;

    /// How many place reports are stored.
    async fn count_place_reports(&self) -> Result<i64, StoreError>;

    /// Report counts per H3 cell for a hotspot query, from the in-memory hotspot index
    /// (`hotspots.rs`), which first reads any reports stored since its last call. A report is
    /// counted at its finest cell and, at coarser resolutions, at that cell's ancestor.
    async fn hotspot_counts(&self, q: &HotspotQuery) -> Result<Vec<(i64, i64)>, StoreError> {
        Ok(self
            .hotspot_cells(q)
            .await?
            .into_iter()
            .map(|c| (c.cell, c.tally.n))
            .collect())
    }

    /// As [`Store::hotspot_counts`], each count with its cell key (the sum of the record keys,
    /// under the rule given to [`Store::use_disclosure`], of the reports it counts).
    async fn hotspot_cells(&self, q: &HotspotQuery) -> Result<Vec<CellCount>, StoreError>;

    /// The disclosure rule whose record keys the hotspot index keeps (set once at start-up,
    /// before the index is built; a different rule later makes the index start again).
    /// Without one every record key is 0.
    fn use_disclosure(&self, rule: crate::domain::disclosure::Disclosure);

    /// Build the hotspot index now (or read what is new), so that the first hotspot query
    /// after start-up does not wait for it: seconds for millions of reports.
    async fn warm_hotspots(&self) -> Result<(), StoreError>;

    /// Report counts per H3 cell at one resolution for a force, over all days and reasons,
    /// sorted by cell.
    async fn cell_counts(&self, force_code: &str, res: i64) -> Result<Vec<(i64, i64)>, StoreError>;

    /// Store a partner's API key (its hash). Returns the key's id.
    async fn add_partner_key(&self, key: &NewPartnerKey) -> Result<i64, StoreError>;

    /// The partner holding an unrevoked key with this hash.
    async fn partner_key(&self, key_hash: &str) -> Result<Option<PartnerKey>, StoreError>;

    /// Every key ever issued, newest first.
    async fn partner_keys(&self) -> Result<Vec<PartnerKey>, StoreError>;

    /// Revoke a key by id; `false` if there is no such unrevoked key.
    async fn revoke_partner_key(&self, id: i64, now: Timestamp) -> Result<bool, StoreError>;

    /// A force's place reports with a cell and one of `reasons`, for the Open311 weekly counts:
    /// only the id, finest H3 cell, day and reasons (never the point, receipt or free text).
    async fn place_requests(
        &self,
        q: &PlaceRequestQuery,
    ) -> Result<Vec<PlaceRequestRow>, StoreError>;

    /// Count one Open311 `POST requests` of partner key `key_id` on `day` and return the
    /// key's count for that day, atomically (so instances sharing the database agree). Counts
    /// of earlier days are dropped when a day's first post is counted.
    async fn count_open311_post(&self, key_id: i64, day: i64) -> Result<i64, StoreError>;
}

/// A partner's API key about to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPartnerKey {
    /// SHA-256 of the key, hexadecimal.
    pub key_hash: String,
    /// Who holds it, e.g. `Northshire County Council`.
    pub partner: String,
    /// The force whose data it opens.
    pub force_code: String,
    /// When it was issued.
    pub created_at: Timestamp,
}

/// A stored partner key (never the key itself).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PartnerKey {
    /// Its id.
    pub id: i64,
    /// Who holds it.
    pub partner: String,
    /// The force whose data it opens.
    pub force_code: String,
    /// When it was issued.
    pub created_at: Timestamp,
    /// When it was revoked.
    pub revoked_at: Option<Timestamp>,
}

/// Which place reports Open311 counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceRequestQuery {
    /// The force.
    pub force_code: String,
    /// First day, inclusive.
    pub from_day: crate::domain::place::Day,
    /// Last day, inclusive.
    pub to_day: crate::domain::place::Day,
    /// Reports with any of these reasons.
    pub reasons: crate::domain::place::ReasonSet,
}

/// A place report as Open311 counts it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PlaceRequestRow {
    /// Its id (for its disclosure-control record key).
    pub id: i64,
    /// The finest H3 cell of its point.
    pub cell: i64,
    /// The day it happened.
    pub day: i64,
    /// Reasons, as bits.
    pub reasons: i64,
}

/// A force and its area.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ForceRow {
    /// Short code, e.g. `northshire`.
    pub code: String,
    /// Name shown to people.
    pub name: String,
    /// GeoJSON MultiPolygon.
    pub area: String,
    /// When it was imported.
    pub imported_at: Timestamp,
}

/// One gazetteer place.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct GazetteerRow {
    /// Name.
    pub name: String,
    /// Normalised postcode.
    pub postcode: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lng: f64,
}

/// An anonymous place report about to be stored. Only what counting needs is in the clear
/// (force, day, band, reasons, cells); everything else is sealed ([`sealed::PlainPlace::seal`]).
#[derive(Debug, Clone, PartialEq)]
pub struct NewPlaceReport {
    /// Receipt shown to the sender.
    pub receipt: String,
    /// Random id of the draft that produced it.
    pub submission_id: String,
    /// The force whose area holds the point (or the default force for a description).
    pub force_code: String,
    /// When it was sent.
    pub created_at: Timestamp,
    /// `(resolution, H3 cell)` for each indexed resolution; empty without a point.
    pub cells: Vec<(i64, i64)>,
    /// The day it happened, in days since 1970-01-01.
    pub day: i64,
    /// First hour of the three-hour band it happened in.
    pub hour: i64,
    /// Reasons, as bits.
    pub reasons: i64,
    /// The exact point and the answers, sealed (free text already cleaned of contact details).
    pub sealed: SealedPlace,
}

/// A session row to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionWrite {
    /// Hash of the cookie.
    pub key: String,
    /// Sealed data.
    pub data: Vec<u8>,
    /// When it expires.
    pub expires_at: Timestamp,
}

/// A report about to be stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct NewStalkingReport {
    /// The reference to show the victim (compact form).
    pub reference: String,
    /// Random id of the draft that produced it: a second send of the same draft is a duplicate.
    pub submission_id: String,
    /// The force the report is for.
    pub force_code: String,
    /// When it was sent.
    pub created_at: Timestamp,
    /// `standard`, `high` or `urgent`.
    pub priority: String,
    /// 0 = urgent first.
    pub priority_rank: i64,
    /// JSON array of reason codes.
    pub reasons: String,
    /// Id of the key that sealed `sealed`.
    pub key_id: String,
    /// The encrypted answers.
    pub sealed: Vec<u8>,
    /// Channels to alert on: one outbox row each is written in the report's transaction, and
    /// only when the report is new (not a repeated send). Empty for no alert. Not a column.
    #[sqlx(skip)]
    pub alerts: Vec<crate::domain::alert::Channel>,
    /// The language the form was filled in (`en-GB`, `cy`); the answers themselves are codes.
    pub language: String,
}

/// A stored report.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StalkingReportRow {
    /// Row id.
    pub id: i64,
    /// Status in the staff workflow.
    pub status: String,
    /// What was stored.
    #[sqlx(flatten)]
    pub report: NewStalkingReport,
}

/// A shared handle to the store.
pub type DynStore = Arc<dyn Store>;

#[cfg(test)]
mod tests {
    use super::unavailable_code;

    #[test]
    fn connection_trouble_is_unavailable_and_bad_requests_are_not() {
        for code in [
            "08006", "08001", "57P01", "57P03", "53300", "5", "6", "517", "262",
        ] {
            assert!(unavailable_code(code), "{code}");
        }
        // Unique and foreign-key violations (PostgreSQL, SQLite), syntax, disk I/O.
        for code in ["23505", "23503", "2067", "787", "42601", "10", "1"] {
            assert!(!unavailable_code(code), "{code}");
        }
    }
}
