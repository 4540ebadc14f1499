//! Storage of the staff back office: accounts, sessions, sign-in failures, the stalking-report
//! workflow, retention and the audit log. A trait of its own (a supertrait of [`Store`]) so
//! this SQL sits apart from the public forms'.
//!
//! Every change that must be audited takes its [`AuditEntry`] and writes it in the same
//! transaction: the change and its record are committed together or not at all.

use async_trait::async_trait;
use sqlx::{Decode, Encode, Executor, FromRow, IntoArguments, QueryBuilder, Transaction, Type};

use super::hotspots::{Breakdown, Filter};
use super::sql::{Dialect, SqlStore};
use super::{HotspotQuery, StoreError};
use crate::audit::{AuditEntry, AuditKey, AuditRow, KEYED, link};
use crate::clock::Timestamp;
use crate::domain::staff::{Role, Status, UserStatus};
use crate::domain::stalking::priority::Priority;
use crate::reseal::{KeyKind, Resealing, RowKey, SealedColumn, SealedValue};

/// A member of staff.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct StaffUser {
    /// Id.
    pub id: i64,
    /// Email, normalised.
    pub email: String,
    /// What they do.
    pub role: Role,
    /// Their force.
    pub force_code: String,
    /// Whether they may sign in.
    pub status: UserStatus,
    /// Argon2id PHC string, once set.
    pub password_hash: Option<String>,
    /// The TOTP secret, sealed, once enrolled.
    pub totp_sealed: Option<Vec<u8>>,
    /// The last TOTP time step accepted (a code is never accepted twice).
    pub totp_last_step: i64,
    /// When the set-up link stops working.
    pub setup_expires_at: Option<Timestamp>,
    /// Created.
    pub created_at: Timestamp,
}

/// A user about to be created, with their set-up link's hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewStaffUser {
    /// Email, normalised.
    pub email: String,
    /// What they will do.
    pub role: Role,
    /// Their force.
    pub force_code: String,
    /// SHA-256 of the set-up token.
    pub setup_token_hash: String,
    /// When the link stops working.
    pub setup_expires_at: Timestamp,
    /// Now.
    pub created_at: Timestamp,
}

/// A staff session row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, FromRow)]
pub struct StaffSession {
    /// The user.
    pub user_id: i64,
    /// Signed in at.
    pub created_at: Timestamp,
    /// Last request at (updated at most once a minute).
    pub seen_at: Timestamp,
}

/// Whose reports the queue shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Assignee {
    /// Assigned or not, to anyone.
    #[default]
    Anyone,
    /// Assigned to nobody.
    Unassigned,
    /// Assigned to this user.
    User(i64),
}

/// Filters of the stalking-report queue.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QueueQuery {
    /// The force.
    pub force_code: String,
    /// One status, or all but `closed` when `None`.
    pub status: Option<Status>,
    /// One priority.
    pub priority: Option<Priority>,
    /// Sent at or after.
    pub from: Option<Timestamp>,
    /// Sent before.
    pub to: Option<Timestamp>,
    /// Whose.
    pub assigned_to: Assignee,
    /// Page size.
    pub limit: i64,
    /// Rows to skip.
    pub offset: i64,
}

/// A line of the queue (nothing sealed).
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct QueueRow {
    /// Id.
    pub id: i64,
    /// Reference.
    pub reference: String,
    /// Sent at.
    pub created_at: Timestamp,
    /// How soon to look.
    pub priority: Priority,
    /// Priority reasons (JSON array of codes).
    pub reasons: String,
    /// Where it is in its handling.
    pub status: Status,
    /// Assigned to (user id).
    pub assigned_to: Option<i64>,
}

/// Which place reports a list shows, by how the place was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Located {
    /// Pinned or described.
    #[default]
    Any,
    /// A pin on the map (or a gazetteer place): the report has cells.
    Pinned,
    /// Only a written description: no cells, so no hotspot counts it.
    Described,
}

/// Filters of the analysts' list of place reports.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlaceListQuery {
    /// The force.
    pub force_code: String,
    /// First day it happened (days since 1970-01-01), inclusive.
    pub from_day: Option<i64>,
    /// Last day it happened, inclusive.
    pub to_day: Option<i64>,
    /// Reports giving any of these reasons (bits); `None` for any.
    pub reasons: Option<i64>,
    /// Only reports whose free text is still kept.
    pub with_text: bool,
    /// Pinned, described or both.
    pub located: Located,
    /// Page size.
    pub limit: i64,
    /// Rows to skip.
    pub offset: i64,
}

/// A place report as the list reads it: its counting facts and its sealed free text.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct PlaceListRow {
    /// Id.
    pub id: i64,
    /// The submission id (the sealed text's associated data names it).
    pub submission_id: String,
    /// Sent at.
    pub created_at: Timestamp,
    /// The day it happened.
    pub day: i64,
    /// First hour of its three-hour band.
    pub hour: i64,
    /// Reasons, as bits.
    pub reasons: i64,
    /// Its finest H3 cell; `None` for a described place (or no point kept).
    pub cell: Option<i64>,
    /// The free text ([`crate::storage::sealed::PLACE_TEXT`]), until retention drops it.
    pub text_sealed: Option<Vec<u8>>,
}

/// A stalking report as staff work on it.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Case {
    /// The queue line.
    #[sqlx(flatten)]
    pub row: QueueRow,
    /// The force.
    pub force_code: String,
    /// The submission id (part of the sealed answers' associated data).
    pub submission_id: String,
    /// The sealed answers.
    pub sealed: Vec<u8>,
    /// The language the report was made in (`en-GB`, `cy`).
    pub language: String,
}

/// A change to a case: status, assignment and an optional sealed note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseUpdate {
    /// The report.
    pub report_id: i64,
    /// The status the member of staff saw (the change is refused if it moved meanwhile).
    pub from_status: Status,
    /// The new status.
    pub to_status: Status,
    /// The new assignee.
    pub assigned_to: Option<i64>,
    /// Who.
    pub author_id: i64,
    /// When.
    pub at: Timestamp,
    /// The note, sealed.
    pub note: Option<Vec<u8>>,
}

/// A case's history line.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Note {
    /// Id.
    pub id: i64,
    /// Author's email.
    pub author: String,
    /// When.
    pub at: Timestamp,
    /// Status before.
    pub status_from: Status,
    /// Status after.
    pub status_to: Status,
    /// Assigned to after.
    pub assigned_to: Option<i64>,
    /// The note, sealed.
    pub sealed: Option<Vec<u8>>,
}

/// Storage of the back office.
#[async_trait]
pub trait StaffStore: Send + Sync {
    /// Create a pending user; `Duplicate` if the email is taken.
    async fn create_staff_user(
        &self,
        user: &NewStaffUser,
        audit: &AuditEntry,
    ) -> Result<i64, StoreError>;

    /// A user by id.
    async fn staff_user(&self, id: i64) -> Result<Option<StaffUser>, StoreError>;

    /// A user by normalised email.
    async fn staff_user_by_email(&self, email: &str) -> Result<Option<StaffUser>, StoreError>;

    /// The pending user holding this set-up token hash.
    async fn staff_user_by_setup(&self, token_hash: &str) -> Result<Option<StaffUser>, StoreError>;

    /// A force's users, by email.
    async fn staff_users(&self, force_code: &str) -> Result<Vec<StaffUser>, StoreError>;

    /// Finish set-up: password and TOTP secret set, the link spent, the account active. Only
    /// while `token_hash` is still the user's link: a set-up begun from a link that has since
    /// been replaced is refused (`false`).
    #[allow(clippy::too_many_arguments)]
    async fn complete_staff_setup(
        &self,
        id: i64,
        token_hash: &str,
        password_hash: &str,
        totp_sealed: &[u8],
        step: i64,
        now: Timestamp,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError>;

    /// Disable or re-enable a user; disabling ends their sessions.
    async fn set_staff_status(
        &self,
        id: i64,
        status: UserStatus,
        now: Timestamp,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError>;

    /// Start set-up again with a new link (password and authenticator forgotten, sessions
    /// ended).
    async fn reset_staff_setup(
        &self,
        id: i64,
        token_hash: &str,
        expires_at: Timestamp,
        now: Timestamp,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError>;

    /// Accept TOTP step `step` for a user unless it (or a later one) was used: `false` means a
    /// replayed code.
    async fn use_totp_step(&self, id: i64, step: i64) -> Result<bool, StoreError>;

    /// Start a session.
    async fn create_staff_session(
        &self,
        key: &str,
        user_id: i64,
        now: Timestamp,
    ) -> Result<(), StoreError>;

    /// A session by key.
    async fn staff_session(&self, key: &str) -> Result<Option<StaffSession>, StoreError>;

    /// Record activity.
    async fn touch_staff_session(&self, key: &str, now: Timestamp) -> Result<(), StoreError>;

    /// End one session.
    async fn delete_staff_session(&self, key: &str) -> Result<(), StoreError>;

    /// End every session of a user; how many there were.
    async fn delete_staff_sessions(&self, user_id: i64) -> Result<u64, StoreError>;

    /// The random key of UTC day `day` for sign-in pseudonyms: `fresh` is stored if the day
    /// has none yet, and whichever key is stored is returned, so every instance uses the same.
    async fn daily_key(&self, day: i64, fresh: &[u8]) -> Result<Vec<u8>, StoreError>;

    /// Count a sign-in attempt before it is checked (see [`SignInClaim`]).
    async fn claim_sign_in(&self, claim: &SignInClaim) -> Result<Claimed, StoreError>;

    /// Give back the claim of an attempt that succeeded: the pair and the client get their
    /// attempt back; after a password (`signed_in` false) the account may go on at once to its
    /// code, after a code (`signed_in` true) its failures and delays are forgotten.
    async fn release_sign_in(&self, claim: &SignInClaim, signed_in: bool)
    -> Result<(), StoreError>;

    /// Delete the failure rows whose window ended and the daily keys of days that ended more
    /// than `window` seconds ago; how many of each.
    async fn purge_sign_in(&self, now: Timestamp, window: i64) -> Result<(u64, u64), StoreError>;

    /// Append to the audit log; its position.
    async fn audit(&self, entry: &AuditEntry) -> Result<i64, StoreError>;

    /// Append many entries in one transaction (imports and benchmarks); the last position.
    async fn audit_many(&self, entries: &[AuditEntry]) -> Result<i64, StoreError>;

    /// Audit rows after `after_seq` in order, at most `limit`.
    async fn audit_rows(&self, after_seq: i64, limit: i64) -> Result<Vec<AuditRow>, StoreError>;

    /// A force's audit rows, newest first, before `before_seq`.
    async fn force_audit_rows(
        &self,
        force_code: &str,
        before_seq: i64,
        limit: i64,
    ) -> Result<Vec<AuditRow>, StoreError>;

    /// The chain's last link: position and hash.
    async fn audit_head(&self) -> Result<(i64, String), StoreError>;

    /// Link every audit row appended from now on with `key` (HMAC-SHA256). Set once, when
    /// the store is opened by the service or a command; `false` if a key was already set.
    /// Without a key a store can append only to an unkeyed chain (tests of storage alone).
    fn set_audit_key(&self, key: AuditKey) -> bool;

    /// Sealed values of `column` after row `after`, in key order, at most `limit`.
    async fn sealed_batch(
        &self,
        column: &SealedColumn,
        after: &RowKey,
        limit: i64,
    ) -> Result<Vec<SealedValue>, StoreError>;

    /// Write re-sealed values (sealed under `key_id`) in one transaction, each only if its
    /// row still holds the old value; how many were written.
    async fn write_resealed(
        &self,
        column: &SealedColumn,
        values: &[Resealing],
        key_id: &str,
    ) -> Result<u64, StoreError>;

    /// The queue, by priority then age, and how many match in all.
    async fn stalking_queue(&self, q: &QueueQuery) -> Result<(Vec<QueueRow>, i64), StoreError>;

    /// Store many stalking reports in one transaction (demo data); duplicates are skipped.
    async fn insert_stalking_reports(
        &self,
        reports: &[super::NewStalkingReport],
    ) -> Result<(), StoreError>;

    /// A report by id.
    async fn stalking_case(&self, id: i64) -> Result<Option<Case>, StoreError>;

    /// The id and force of the report with this reference (compact form), if any.
    async fn stalking_by_reference(
        &self,
        reference: &str,
    ) -> Result<Option<(i64, String)>, StoreError>;

    /// A page of a force's place reports, newest first. No total: counting a million rows
    /// costs a hundred times the page (ask for one more row to know if there is a next page).
    async fn place_list(&self, q: &PlaceListQuery) -> Result<Vec<PlaceListRow>, StoreError>;

    /// Apply a change with its note and audit row; `false` if the status moved meanwhile.
    async fn update_case(&self, u: &CaseUpdate, audit: &AuditEntry) -> Result<bool, StoreError>;

    /// A case's history, oldest first.
    async fn case_notes(&self, report_id: i64) -> Result<Vec<Note>, StoreError>;

    /// Delete stalking reports closed before `before` (with their notes); how many.
    async fn purge_closed_reports(
        &self,
        before: Timestamp,
        audit: &AuditEntry,
    ) -> Result<u64, StoreError>;

    /// Place reports matching a hotspot query (and, if given, whose finest cell lies in the
    /// inclusive range `cells`), counted per day, hour band and set of reasons: what the
    /// dashboard's charts and the top hotspots' main reasons are made from.
    async fn place_breakdown(
        &self,
        q: &HotspotQuery,
        cells: Option<(u64, u64)>,
    ) -> Result<Breakdown, StoreError>;

    /// Drop the exact point of place reports sent before `before`, keeping their H3 cells and
    /// counts; how many.
    async fn coarsen_place_points(
        &self,
        before: Timestamp,
        audit: &AuditEntry,
    ) -> Result<u64, StoreError>;
}

/// One sign-in attempt, counted under three pseudonyms before the password or code is checked,
/// so that attempts running at the same time cannot all pass a limit read before any of them
/// failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignInClaim {
    /// Now.
    pub now: Timestamp,
    /// Seconds a count lasts from its first failure.
    pub window: i64,
    /// The account on this client: the hard limit, so that failures elsewhere never lock the
    /// account's owner out.
    pub pair: String,
    /// Failures allowed per pair in a window.
    pub pair_limit: i64,
    /// The client, across accounts (someone trying many accounts).
    pub client: String,
    /// Failures allowed per client in a window.
    pub client_limit: i64,
    /// The account, from any client: no hard limit, but a wait after each failure.
    pub account: String,
    /// The wait after each failure on the account (index: failures in the window − 1; the
    /// last entry repeats).
    pub delays: Vec<i64>,
}

impl SignInClaim {
    /// The wait after the `n`-th failure on the account in the window.
    pub fn delay_after(&self, n: i64) -> i64 {
        let i = usize::try_from(n.saturating_sub(1)).unwrap_or(0);
        self.delays
            .get(i)
            .or_else(|| self.delays.last())
            .copied()
            .unwrap_or(0)
    }
}

/// What counting an attempt decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claimed {
    /// Check it. The counts include this attempt (so a failure with a count at its limit is
    /// the one that locks).
    Go {
        /// Attempts of the pair in the window.
        pair: i64,
        /// Attempts of the client in the window.
        client: i64,
    },
    /// The pair or the client is at its limit until its window ends.
    Locked,
    /// The account's delay has not passed: seconds to wait.
    TooEarly(i64),
}

// Roles, statuses and priorities are stored as their codes, as text. They decode through
// their text, and a code that names nothing fails the read (`UnknownCode` as its cause):
// never a default that would, say, reopen a report silently.
macro_rules! stored_as_code {
    ($($t:ty),*) => {$(
        impl<'r, DB: sqlx::Database> Decode<'r, DB> for $t
        where
            String: Decode<'r, DB>,
        {
            fn decode(value: DB::ValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                Ok(<$t>::try_from(String::decode(value)?)?)
            }
        }

        impl<DB: sqlx::Database> Type<DB> for $t
        where
            String: Type<DB>,
        {
            fn type_info() -> DB::TypeInfo {
                String::type_info()
            }

            fn compatible(ty: &DB::TypeInfo) -> bool {
                String::compatible(ty)
            }
        }
    )*};
}

stored_as_code!(Role, UserStatus, Status, Priority);

const USER_COLUMNS: &str = "id, email, role, force_code, status, password_hash, totp_sealed, \
     totp_last_step, setup_expires_at, created_at";

const QUEUE_COLUMNS: &str = "id, reference, created_at, priority, reasons, status, assigned_to";

#[async_trait]
impl<DB> StaffStore for SqlStore<DB>
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
    for<'q> Option<i64>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Option<&'q str>: Encode<'q, DB> + Type<DB>,
    for<'q> Option<&'q [u8]>: Encode<'q, DB> + Type<DB>,
    for<'q> f64: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Option<f64>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    DB::Arguments: Default,
    usize: sqlx::ColumnIndex<DB::Row>,
    for<'r> &'r str: sqlx::ColumnIndex<DB::Row>,
{
    async fn create_staff_user(
        &self,
        u: &NewStaffUser,
        audit: &AuditEntry,
    ) -> Result<i64, StoreError> {
        let mut tx = self.writes.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO staff_users (email, role, force_code, status, setup_token_hash, \
             setup_expires_at, created_at, updated_at) \
             VALUES ($1, $2, $3, 'pending', $4, $5, $6, $6) RETURNING id",
        )
        .bind(u.email.as_str())
        .bind(u.role.code())
        .bind(u.force_code.as_str())
        .bind(u.setup_token_hash.as_str())
        .bind(u.setup_expires_at)
        .bind(u.created_at)
        .fetch_one(&mut *tx)
        .await
        .map_err(super::sql::unique_to_duplicate)?;
        let mut audit = audit.clone();
        audit.object = format!("user:{id}");
        append_on::<DB>(&mut tx, self.audit_key.get(), &audit).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn staff_user(&self, id: i64) -> Result<Option<StaffUser>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM staff_users WHERE id = $1");
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?)
    }

    async fn staff_user_by_email(&self, email: &str) -> Result<Option<StaffUser>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM staff_users WHERE email = $1");
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(email)
            .fetch_optional(&self.pool)
            .await?)
    }

    async fn staff_user_by_setup(&self, token_hash: &str) -> Result<Option<StaffUser>, StoreError> {
        let sql = format!(
            "SELECT {USER_COLUMNS} FROM staff_users \
             WHERE setup_token_hash = $1 AND status = 'pending'"
        );
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(token_hash)
            .fetch_optional(&self.pool)
            .await?)
    }

    async fn staff_users(&self, force_code: &str) -> Result<Vec<StaffUser>, StoreError> {
        let sql =
            format!("SELECT {USER_COLUMNS} FROM staff_users WHERE force_code = $1 ORDER BY email");
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(force_code)
            .fetch_all(&self.pool)
            .await?)
    }

    async fn complete_staff_setup(
        &self,
        id: i64,
        token_hash: &str,
        password_hash: &str,
        totp_sealed: &[u8],
        step: i64,
        now: Timestamp,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError> {
        let mut tx = self.writes.begin().await?;
        let done = sqlx::query(
            "UPDATE staff_users SET status = 'active', password_hash = $1, totp_sealed = $2, \
             totp_last_step = $3, setup_token_hash = NULL, setup_expires_at = NULL, \
             updated_at = $4 WHERE id = $5 AND status = 'pending' AND setup_expires_at > $4 \
             AND setup_token_hash = $6",
        )
        .bind(password_hash)
        .bind(totp_sealed)
        .bind(step)
        .bind(now)
        .bind(id)
        .bind(token_hash)
        .execute(&mut *tx)
        .await?;
        let changed = DB::rows_affected(&done) == 1;
        if changed {
            append_on::<DB>(&mut tx, self.audit_key.get(), audit).await?;
        }
        tx.commit().await?;
        Ok(changed)
    }

    async fn set_staff_status(
        &self,
        id: i64,
        status: UserStatus,
        now: Timestamp,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError> {
        let status = status.code();
        let mut tx = self.writes.begin().await?;
        // Re-enabling only reactivates accounts that had finished set-up.
        let done = sqlx::query(
            "UPDATE staff_users SET status = $1, updated_at = $2 WHERE id = $3 \
             AND ($1 = 'disabled' OR password_hash IS NOT NULL)",
        )
        .bind(status)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let changed = DB::rows_affected(&done) == 1;
        if changed {
            sqlx::query("DELETE FROM staff_sessions WHERE user_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            append_on::<DB>(&mut tx, self.audit_key.get(), audit).await?;
        }
        tx.commit().await?;
        Ok(changed)
    }

    async fn reset_staff_setup(
        &self,
        id: i64,
        token_hash: &str,
        expires_at: Timestamp,
        now: Timestamp,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError> {
        let mut tx = self.writes.begin().await?;
        let done = sqlx::query(
            "UPDATE staff_users SET status = 'pending', password_hash = NULL, \
             totp_sealed = NULL, setup_token_hash = $1, setup_expires_at = $2, updated_at = $3 \
             WHERE id = $4",
        )
        .bind(token_hash)
        .bind(expires_at)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let changed = DB::rows_affected(&done) == 1;
        if changed {
            sqlx::query("DELETE FROM staff_sessions WHERE user_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            append_on::<DB>(&mut tx, self.audit_key.get(), audit).await?;
        }
        tx.commit().await?;
        Ok(changed)
    }

    async fn use_totp_step(&self, id: i64, step: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE staff_users SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1",
        )
        .bind(step)
        .bind(id)
        .execute(&self.writes)
        .await?;
        Ok(DB::rows_affected(&done) == 1)
    }

    async fn create_staff_session(
        &self,
        key: &str,
        user_id: i64,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO staff_sessions (key, user_id, created_at, seen_at) VALUES ($1, $2, $3, $3)",
        )
        .bind(key)
        .bind(user_id)
        .bind(now)
        .execute(&self.writes)
        .await?;
        Ok(())
    }

    async fn staff_session(&self, key: &str) -> Result<Option<StaffSession>, StoreError> {
        Ok(
            sqlx::query_as(
                "SELECT user_id, created_at, seen_at FROM staff_sessions WHERE key = $1",
            )
            .bind(key)
            .fetch_optional(&self.pool)
            .await?,
        )
    }

    async fn touch_staff_session(&self, key: &str, now: Timestamp) -> Result<(), StoreError> {
        sqlx::query("UPDATE staff_sessions SET seen_at = $1 WHERE key = $2")
            .bind(now)
            .bind(key)
            .execute(&self.writes)
            .await?;
        Ok(())
    }

    async fn delete_staff_session(&self, key: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM staff_sessions WHERE key = $1")
            .bind(key)
            .execute(&self.writes)
            .await?;
        Ok(())
    }

    async fn delete_staff_sessions(&self, user_id: i64) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM staff_sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&self.writes)
            .await?;
        Ok(DB::rows_affected(&done))
    }

    async fn daily_key(&self, day: i64, fresh: &[u8]) -> Result<Vec<u8>, StoreError> {
        sqlx::query(
            "INSERT INTO daily_keys (day, key) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING",
        )
        .bind(day)
        .bind(fresh)
        .execute(&self.writes)
        .await?;
        let (key,): (Vec<u8>,) = sqlx::query_as("SELECT key FROM daily_keys WHERE day = $1")
            .bind(day)
            .fetch_one(&self.writes)
            .await?;
        Ok(key)
    }

    async fn claim_sign_in(&self, c: &SignInClaim) -> Result<Claimed, StoreError> {
        // Rows are locked in one order (pair, client, account) by every claim and release, so
        // two of them never wait for each other in a circle.
        let mut tx = self.writes.begin().await?;
        let pair = counter::<DB>(&mut tx, &c.pair, c.now, c.window).await?;
        let client = counter::<DB>(&mut tx, &c.client, c.now, c.window).await?;
        let account = counter::<DB>(&mut tx, &c.account, c.now, c.window).await?;
        // A refused attempt changes nothing: it was not checked, so it is not a failure.
        if pair.failures >= c.pair_limit || client.failures >= c.client_limit {
            tx.rollback().await?;
            return Ok(Claimed::Locked);
        }
        if account.not_before > c.now {
            tx.rollback().await?;
            return Ok(Claimed::TooEarly(account.not_before - c.now));
        }
        let n = account.failures + 1;
        for (key, row, not_before) in [
            (&c.pair, pair, pair.not_before),
            (&c.client, client, client.not_before),
            (&c.account, account, c.now + c.delay_after(n)),
        ] {
            sqlx::query(
                "UPDATE sign_in_failures SET failures = $2, window_start = $3, not_before = $4 \
                 WHERE key = $1",
            )
            .bind(key.as_str())
            .bind(row.failures + 1)
            .bind(row.window_start)
            .bind(not_before)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(Claimed::Go {
            pair: pair.failures + 1,
            client: client.failures + 1,
        })
    }

    async fn release_sign_in(&self, c: &SignInClaim, signed_in: bool) -> Result<(), StoreError> {
        let mut tx = self.writes.begin().await?;
        let give_back = "UPDATE sign_in_failures SET failures = failures - 1 \
                         WHERE key = $1 AND failures > 0";
        if signed_in {
            sqlx::query("DELETE FROM sign_in_failures WHERE key = $1")
                .bind(c.pair.as_str())
                .execute(&mut *tx)
                .await?;
        } else {
            sqlx::query(give_back)
                .bind(c.pair.as_str())
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(give_back)
            .bind(c.client.as_str())
            .execute(&mut *tx)
            .await?;
        if signed_in {
            sqlx::query("DELETE FROM sign_in_failures WHERE key = $1")
                .bind(c.account.as_str())
                .execute(&mut *tx)
                .await?;
        } else {
            sqlx::query(
                "UPDATE sign_in_failures SET failures = failures - 1, not_before = $2 \
                 WHERE key = $1 AND failures > 0",
            )
            .bind(c.account.as_str())
            .bind(c.now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn purge_sign_in(&self, now: Timestamp, window: i64) -> Result<(u64, u64), StoreError> {
        let rows = format!(
            "DELETE FROM sign_in_failures WHERE key IN (SELECT key FROM sign_in_failures \
             WHERE window_start <= $1 AND not_before <= $2{})",
            DB::SKIP_LOCKED
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(rows.as_str()))
            .bind(now - window)
            .bind(now)
            .execute(&self.writes)
            .await?;
        // A day's key may still be in use until its last window is over.
        let keys = format!(
            "DELETE FROM daily_keys WHERE day IN (SELECT day FROM daily_keys WHERE day < $1{})",
            DB::SKIP_LOCKED
        );
        let keys = sqlx::query(sqlx::AssertSqlSafe(keys.as_str()))
            .bind((now - window).div_euclid(86_400))
            .execute(&self.writes)
            .await?;
        Ok((DB::rows_affected(&rows), DB::rows_affected(&keys)))
    }

    async fn audit(&self, entry: &AuditEntry) -> Result<i64, StoreError> {
        let mut tx = self.writes.begin().await?;
        let seq = append_on::<DB>(&mut tx, self.audit_key.get(), entry).await?;
        tx.commit().await?;
        Ok(seq)
    }

    async fn audit_many(&self, entries: &[AuditEntry]) -> Result<i64, StoreError> {
        let mut tx = self.writes.begin().await?;
        let mut seq = 0;
        for e in entries {
            seq = append_on::<DB>(&mut tx, self.audit_key.get(), e).await?;
        }
        tx.commit().await?;
        Ok(seq)
    }

    async fn audit_rows(&self, after_seq: i64, limit: i64) -> Result<Vec<AuditRow>, StoreError> {
        let rows: Vec<AuditLine> = sqlx::query_as(
            "SELECT seq, at, actor_id, actor, role, force_code, action, object, outcome, detail, \
             prev_hash, hash FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2",
        )
        .bind(after_seq)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(AuditRow::from).collect())
    }

    async fn force_audit_rows(
        &self,
        force_code: &str,
        before_seq: i64,
        limit: i64,
    ) -> Result<Vec<AuditRow>, StoreError> {
        let rows: Vec<AuditLine> = sqlx::query_as(
            "SELECT seq, at, actor_id, actor, role, force_code, action, object, outcome, detail, \
             prev_hash, hash FROM audit_log WHERE force_code = $1 AND seq < $2 \
             ORDER BY seq DESC LIMIT $3",
        )
        .bind(force_code)
        .bind(before_seq)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(AuditRow::from).collect())
    }

    async fn audit_head(&self) -> Result<(i64, String), StoreError> {
        Ok(
            sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
                .fetch_one(&self.pool)
                .await?,
        )
    }

    fn set_audit_key(&self, key: AuditKey) -> bool {
        self.audit_key.set(key).is_ok()
    }

    async fn sealed_batch(
        &self,
        column: &SealedColumn,
        after: &RowKey,
        limit: i64,
    ) -> Result<Vec<SealedValue>, StoreError> {
        // Identifiers come only from the compiled-in `sealed::SEALED`, never from input.
        let context = column.context.unwrap_or("''");
        let sql = format!(
            "SELECT {key}, CAST({context} AS TEXT), {sealed} FROM {table} \
             WHERE {key} > $1 AND {sealed} IS NOT NULL ORDER BY {key} LIMIT $2",
            key = column.key,
            sealed = column.column,
            table = column.table,
        );
        // The key read back has the column's type, whichever kind of key we resume after.
        let sql = sqlx::AssertSqlSafe(sql);
        Ok(match column.key_kind {
            KeyKind::Int => {
                let query = sqlx::query_as::<DB, (i64, String, Vec<u8>)>(sql);
                let query = match after {
                    RowKey::Int(i) => query.bind(*i),
                    RowKey::Text(t) => query.bind(t.clone()),
                };
                let rows = query.bind(limit).fetch_all(&self.pool).await?;
                rows.into_iter()
                    .map(|(key, context, sealed)| SealedValue {
                        key: RowKey::Int(key),
                        context,
                        sealed,
                    })
                    .collect()
            }
            KeyKind::Text => {
                let query = sqlx::query_as::<DB, (String, String, Vec<u8>)>(sql);
                let query = match after {
                    RowKey::Int(i) => query.bind(*i),
                    RowKey::Text(t) => query.bind(t.clone()),
                };
                let rows = query.bind(limit).fetch_all(&self.pool).await?;
                rows.into_iter()
                    .map(|(key, context, sealed)| SealedValue {
                        key: RowKey::Text(key),
                        context,
                        sealed,
                    })
                    .collect()
            }
        })
    }

    async fn write_resealed(
        &self,
        column: &SealedColumn,
        values: &[Resealing],
        key_id: &str,
    ) -> Result<u64, StoreError> {
        if values.is_empty() {
            return Ok(0);
        }
        let set_key_id = column
            .key_id
            .map(|c| format!(", {c} = $4"))
            .unwrap_or_default();
        let sql = format!(
            "UPDATE {table} SET {sealed} = $1{set_key_id} WHERE {key} = $2 AND {sealed} = $3",
            table = column.table,
            sealed = column.column,
            key = column.key,
        );
        let mut tx = self.writes.begin().await?;
        let mut written = 0;
        for v in values {
            let query = sqlx::query(sqlx::AssertSqlSafe(sql.as_str())).bind(v.new.as_slice());
            let query = match &v.key {
                RowKey::Int(i) => query.bind(*i),
                RowKey::Text(t) => query.bind(t.as_str()),
            };
            let mut query = query.bind(v.old.as_slice());
            if column.key_id.is_some() {
                query = query.bind(key_id);
            }
            written += DB::rows_affected(&query.execute(&mut *tx).await?);
        }
        tx.commit().await?;
        Ok(written)
    }

    async fn stalking_queue(&self, q: &QueueQuery) -> Result<(Vec<QueueRow>, i64), StoreError> {
        let mut list = QueryBuilder::new(format!("SELECT {QUEUE_COLUMNS} FROM stalking_reports "));
        queue_filter(&mut list, q);
        list.push(" ORDER BY priority_rank, created_at, id LIMIT ")
            .push_bind(q.limit.max(0))
            .push(" OFFSET ")
            .push_bind(q.offset.max(0));
        let mut count = QueryBuilder::new("SELECT COUNT(*) FROM stalking_reports ");
        queue_filter(&mut count, q);
        let rows = list.build_query_as().fetch_all(&self.pool).await?;
        let total = count.build_query_scalar().fetch_one(&self.pool).await?;
        Ok((rows, total))
    }

    async fn insert_stalking_reports(
        &self,
        reports: &[super::NewStalkingReport],
    ) -> Result<(), StoreError> {
        let mut tx = self.writes.begin().await?;
        for r in reports {
            sqlx::query(
                "INSERT INTO stalking_reports (reference, submission_id, force_code, created_at, \
                 priority, priority_rank, reasons, key_id, sealed, language) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING",
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
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn stalking_case(&self, id: i64) -> Result<Option<Case>, StoreError> {
        let sql = format!(
            "SELECT {QUEUE_COLUMNS}, force_code, submission_id, sealed, language \
             FROM stalking_reports WHERE id = $1"
        );
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?)
    }

    async fn stalking_by_reference(
        &self,
        reference: &str,
    ) -> Result<Option<(i64, String)>, StoreError> {
        Ok(
            sqlx::query_as("SELECT id, force_code FROM stalking_reports WHERE reference = $1")
                .bind(reference)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    async fn place_list(&self, q: &PlaceListQuery) -> Result<Vec<PlaceListRow>, StoreError> {
        let mut list = QueryBuilder::new(
            "SELECT id, submission_id, created_at, day, hour, reasons, cell, text_sealed \
             FROM place_reports ",
        );
        place_list_filter(&mut list, q);
        list.push(" ORDER BY created_at DESC, id DESC LIMIT ")
            .push_bind(q.limit.max(0))
            .push(" OFFSET ")
            .push_bind(q.offset.max(0));
        Ok(list.build_query_as().fetch_all(&self.pool).await?)
    }

    async fn update_case(&self, u: &CaseUpdate, audit: &AuditEntry) -> Result<bool, StoreError> {
        let mut tx = self.writes.begin().await?;
        let closed_at = (u.to_status == Status::Closed).then_some(u.at);
        let done = sqlx::query(
            "UPDATE stalking_reports SET status = $1, assigned_to = $2, updated_at = $3, \
             closed_at = $4 WHERE id = $5 AND status = $6",
        )
        .bind(u.to_status.code())
        .bind(u.assigned_to)
        .bind(u.at)
        .bind(closed_at)
        .bind(u.report_id)
        .bind(u.from_status.code())
        .execute(&mut *tx)
        .await?;
        if DB::rows_affected(&done) != 1 {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO stalking_notes (report_id, author_id, at, status_from, status_to, \
             assigned_to, sealed) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(u.report_id)
        .bind(u.author_id)
        .bind(u.at)
        .bind(u.from_status.code())
        .bind(u.to_status.code())
        .bind(u.assigned_to)
        .bind(u.note.clone())
        .execute(&mut *tx)
        .await?;
        append_on::<DB>(&mut tx, self.audit_key.get(), audit).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn case_notes(&self, report_id: i64) -> Result<Vec<Note>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT n.id, u.email AS author, n.at, n.status_from, n.status_to, n.assigned_to, \
             n.sealed FROM stalking_notes n JOIN staff_users u ON u.id = n.author_id \
             WHERE n.report_id = $1 ORDER BY n.id",
        )
        .bind(report_id)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn purge_closed_reports(
        &self,
        before: Timestamp,
        audit: &AuditEntry,
    ) -> Result<u64, StoreError> {
        let mut tx = self.writes.begin().await?;
        let done =
            sqlx::query("DELETE FROM stalking_reports WHERE status = 'closed' AND closed_at < $1")
                .bind(before)
                .execute(&mut *tx)
                .await?;
        let n = DB::rows_affected(&done);
        let mut audit = audit.clone();
        audit.detail = format!("{n} closed stalking reports deleted");
        append_on::<DB>(&mut tx, self.audit_key.get(), &audit).await?;
        tx.commit().await?;
        Ok(n)
    }

    async fn place_breakdown(
        &self,
        q: &HotspotQuery,
        cells: Option<(u64, u64)>,
    ) -> Result<Breakdown, StoreError> {
        // From the hotspot index (see `hotspots.rs`), like the hotspot counts themselves.
        let snapshot = self.hotspot_index().await?;
        let q = q.clone();
        super::sql::count_off_thread(move || snapshot.breakdown(&Filter::of_query(&q), cells)).await
    }

    async fn coarsen_place_points(
        &self,
        before: Timestamp,
        audit: &AuditEntry,
    ) -> Result<u64, StoreError> {
        let mut tx = self.writes.begin().await?;
        let done = sqlx::query(
            "UPDATE place_reports SET lat = NULL, lng = NULL, point_sealed = NULL \
             WHERE created_at < $1 AND (lat IS NOT NULL OR point_sealed IS NOT NULL)",
        )
        .bind(before)
        .execute(&mut *tx)
        .await?;
        let n = DB::rows_affected(&done);
        let mut audit = audit.clone();
        audit.detail = format!("{n} place reports' exact points dropped");
        append_on::<DB>(&mut tx, self.audit_key.get(), &audit).await?;
        tx.commit().await?;
        Ok(n)
    }
}

/// A sign-in counter as locked for a claim: a window that is over counts from zero again.
#[derive(Debug, Clone, Copy, FromRow)]
struct Counter {
    failures: i64,
    window_start: Timestamp,
    not_before: Timestamp,
}

/// Lock `key`'s counter inside `tx` (creating it if new) and read it as of `now`.
async fn counter<DB>(
    tx: &mut Transaction<'_, DB>,
    key: &str,
    now: Timestamp,
    window: i64,
) -> Result<Counter, StoreError>
where
    DB: Dialect,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB>,
    for<'q> i64: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> &'q str: Encode<'q, DB> + Type<DB>,
    for<'r> &'r str: sqlx::ColumnIndex<DB::Row>,
{
    // Insert first, so that there is a row to lock even for a key never seen before (two
    // claims inserting at once: the second waits for the first's row, then locks it).
    sqlx::query(
        "INSERT INTO sign_in_failures (key, failures, window_start, not_before) \
         VALUES ($1, 0, $2, 0) ON CONFLICT (key) DO NOTHING",
    )
    .bind(key)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    let sql = format!(
        "SELECT failures, window_start, not_before FROM sign_in_failures WHERE key = $1{}",
        DB::FOR_UPDATE
    );
    let c: Counter = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(key)
        .fetch_one(&mut **tx)
        .await?;
    Ok(if c.window_start <= now - window {
        Counter {
            failures: 0,
            window_start: now,
            not_before: c.not_before,
        }
    } else {
        c
    })
}

/// Append `e` to the chain inside `tx`, which holds the head's lock until it commits.
pub(super) async fn append_on<DB>(
    tx: &mut Transaction<'_, DB>,
    key: Option<&AuditKey>,
    e: &AuditEntry,
) -> Result<i64, StoreError>
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
    let head = format!(
        "SELECT seq, hash FROM audit_head WHERE id = 1{}",
        DB::FOR_UPDATE
    );
    let (prev_seq, prev_hash): (i64, String) = sqlx::query_as(sqlx::AssertSqlSafe(head))
        .fetch_one(&mut **tx)
        .await?;
    let seq = prev_seq + 1;
    let hash = match key {
        Some(key) => key.link(&prev_hash, seq, e),
        // A store opened without the key must not extend a keyed chain with a link anyone
        // could compute (`audit verify` would report it as forged).
        None if prev_hash.starts_with(KEYED) => {
            return Err(StoreError::Setting(
                "the audit log is keyed, but this store was opened without the audit key".into(),
            ));
        }
        None => link(&prev_hash, seq, e),
    };
    sqlx::query(
        "INSERT INTO audit_log (seq, at, actor_id, actor, role, force_code, action, object, \
         outcome, detail, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(seq)
    .bind(e.at)
    .bind(e.actor_id)
    .bind(e.actor.as_str())
    .bind(e.role.as_str())
    .bind(e.force_code.as_str())
    .bind(e.action.as_str())
    .bind(e.object.as_str())
    .bind(e.outcome.as_str())
    .bind(e.detail.as_str())
    .bind(prev_hash.as_str())
    .bind(hash.as_str())
    .execute(&mut **tx)
    .await?;
    sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
        .bind(seq)
        .bind(hash.as_str())
        .execute(&mut **tx)
        .await?;
    Ok(seq)
}

/// Push the queue's `WHERE` clause. Only the filters chosen go into the statement, as plain
/// equalities and ranges, so the planner can walk `stalking_reports_order` in
/// priority-then-age order and stop after a page (an `($n IS NULL OR …)` form defeats the
/// index: 1.6 s at 100,000 reports). Every value is bound; the fragments are our own constants.
fn queue_filter<DB>(b: &mut QueryBuilder<DB>, q: &QueueQuery)
where
    DB: sqlx::Database,
    for<'q> i64: Encode<'q, DB> + Type<DB>,
    for<'q> String: Encode<'q, DB> + Type<DB>,
    for<'q> &'q str: Encode<'q, DB> + Type<DB>,
{
    b.push("WHERE force_code = ")
        .push_bind(q.force_code.clone());
    match q.status {
        Some(s) => b.push(" AND status = ").push_bind(s.code()),
        None => b.push(" AND status IN ('new', 'triaged', 'assigned', 'contacted')"),
    };
    if let Some(p) = q.priority {
        b.push(" AND priority = ").push_bind(p.code());
    }
    if let Some(from) = q.from {
        b.push(" AND created_at >= ").push_bind(from);
    }
    if let Some(to) = q.to {
        b.push(" AND created_at < ").push_bind(to);
    }
    match q.assigned_to {
        Assignee::Anyone => {}
        Assignee::Unassigned => {
            b.push(" AND assigned_to IS NULL");
        }
        Assignee::User(id) => {
            b.push(" AND assigned_to = ").push_bind(id);
        }
    }
}

fn place_list_filter<DB>(b: &mut QueryBuilder<DB>, q: &PlaceListQuery)
where
    DB: sqlx::Database,
    for<'q> i64: Encode<'q, DB> + Type<DB>,
    for<'q> String: Encode<'q, DB> + Type<DB>,
{
    b.push("WHERE force_code = ")
        .push_bind(q.force_code.clone());
    if let Some(from) = q.from_day {
        b.push(" AND day >= ").push_bind(from);
    }
    if let Some(to) = q.to_day {
        b.push(" AND day <= ").push_bind(to);
    }
    if let Some(bits) = q.reasons {
        b.push(" AND (reasons & ").push_bind(bits).push(") != 0");
    }
    if q.with_text {
        b.push(" AND text_sealed IS NOT NULL");
    }
    match q.located {
        Located::Any => {}
        Located::Pinned => {
            b.push(" AND cell IS NOT NULL");
        }
        Located::Described => {
            b.push(" AND cell IS NULL");
        }
    }
}

/// An audit row as stored, one column a field.
#[derive(FromRow)]
struct AuditLine {
    seq: i64,
    at: Timestamp,
    actor_id: Option<i64>,
    actor: String,
    role: String,
    force_code: String,
    action: String,
    object: String,
    outcome: String,
    detail: String,
    prev_hash: String,
    hash: String,
}

impl From<AuditLine> for AuditRow {
    fn from(r: AuditLine) -> Self {
        AuditRow {
            seq: r.seq,
            entry: AuditEntry {
                at: r.at,
                actor_id: r.actor_id,
                actor: r.actor,
                role: r.role,
                force_code: r.force_code,
                action: r.action,
                object: r.object,
                outcome: r.outcome,
                detail: r.detail,
            },
            prev_hash: r.prev_hash,
            hash: r.hash,
        }
    }
}
