//! Key rotation: every sealed value in the database, listed in one place, and the re-seal
//! that moves them all under the keyring's active key (`saferstreets keys rotate`/`reseal`).
//!
//! The re-seal reads each table in key order in batches, opens each value that names another
//! key and seals it again under the active key with the same associated data, and writes it
//! back only if the row still holds the value it read (so a concurrent edit by the running
//! service wins, and is sealed with whatever key that instance holds). Values already under
//! the active key are skipped, so a second run does nothing and an interrupted run resumes.
//! Values that cannot be opened are left as they are and counted; old keys stay in the ring.

use crate::crypto::Keyring;
use crate::domain::purpose;
use crate::storage::{DynStore, StoreError};

/// How a column's key is typed, for paging through it in order.
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

/// One sealed column: where it is, and how its associated data is made.
#[derive(Debug)]
pub struct SealedColumn {
    /// The table.
    pub table: &'static str,
    /// A unique column that orders and identifies rows.
    pub key: &'static str,
    /// Its type.
    pub key_kind: KeyKind,
    /// The column holding sealed bytes (NULL or empty values are skipped).
    pub sealed: &'static str,
    /// A column naming the sealing key, kept in step with it (if the table has one).
    pub key_id: Option<&'static str>,
    /// Another column the associated data is made from (read as text), or `None`.
    pub context: Option<&'static str>,
    /// The associated data the value may have been sealed with, given the row's key and
    /// context (as text): each is tried in turn, and the one that opens it seals it again.
    pub purposes: fn(&str, &str) -> Vec<Vec<u8>>,
}

/// Every sealed column in the database. A new sealed column is one more line here.
pub const SEALED: &[SealedColumn] = &[
    SealedColumn {
        table: "stalking_reports",
        key: "id",
        key_kind: KeyKind::Int,
        sealed: "sealed",
        key_id: Some("key_id"),
        context: Some("submission_id"),
        purposes: |_, submission| vec![purpose::report(submission)],
    },
    SealedColumn {
        table: "stalking_notes",
        key: "id",
        key_kind: KeyKind::Int,
        sealed: "sealed",
        key_id: None,
        context: Some("report_id"),
        purposes: |_, report| {
            report
                .parse()
                .map_or_else(|_| Vec::new(), |id| vec![purpose::note(id)])
        },
    },
    SealedColumn {
        table: "staff_users",
        key: "id",
        key_kind: KeyKind::Int,
        sealed: "totp_sealed",
        key_id: None,
        context: None,
        purposes: |id, _| {
            id.parse()
                .map_or_else(|_| Vec::new(), |id| vec![purpose::totp(id)])
        },
    },
    // Form drafts and the staff sign-in/set-up state, each bound to its session row's key.
    SealedColumn {
        table: "sessions",
        key: "key",
        key_kind: KeyKind::Text,
        sealed: "data",
        key_id: None,
        context: None,
        purposes: |key, _| vec![purpose::draft(key), key.as_bytes().to_vec()],
    },
];

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

/// What a re-seal did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Resealed {
    /// Values moved under the active key.
    pub resealed: u64,
    /// Values already under it.
    pub current: u64,
    /// Values changed by someone else while being re-sealed (left to them).
    pub changed: u64,
    /// Values that could not be opened with any key and purpose (left as they are).
    pub unopened: u64,
}

/// Rows read per batch (and written back per transaction).
pub const BATCH: i64 = 500;

/// Re-seal every value in [`SEALED`] under `keyring`'s active key.
pub async fn reseal_all(store: &DynStore, keyring: &Keyring) -> Result<Resealed, StoreError> {
    let active = keyring.active_id();
    let mut done = Resealed::default();
    for column in SEALED {
        let mut after = match column.key_kind {
            KeyKind::Int => RowKey::Int(i64::MIN),
            KeyKind::Text => RowKey::Text(String::new()),
        };
        loop {
            let batch = store.sealed_batch(column, &after, BATCH).await?;
            let Some(last) = batch.last() else { break };
            after = last.key.clone();
            let mut writes = Vec::new();
            for value in batch {
                if value.sealed.is_empty() {
                    continue;
                }
                if Keyring::key_id_of(&value.sealed).is_ok_and(|id| id == active) {
                    done.current += 1;
                    continue;
                }
                let key = value.key.to_string();
                let resealed = (column.purposes)(&key, &value.context)
                    .into_iter()
                    .find_map(|purpose| {
                        let plain = keyring.open(&value.sealed, &purpose).ok()?;
                        keyring.seal(&plain, &purpose).ok()
                    });
                match resealed {
                    Some(new) => writes.push(Resealing {
                        key: value.key,
                        old: value.sealed,
                        new,
                    }),
                    None => done.unopened += 1,
                }
            }
            let written = store.write_resealed(column, &writes, &active).await?;
            done.resealed += written;
            done.changed += writes.len() as u64 - written;
        }
        tracing::info!(table = column.table, column = column.sealed, "re-sealed");
    }
    // The place-report and feedback columns (`storage::sealed::SEALED_COLUMNS`), whose
    // associated data names their row by another key, re-seal themselves the same way.
    done.resealed += store.reseal(keyring).await?;
    Ok(done)
}
