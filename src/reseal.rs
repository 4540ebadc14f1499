//! Key rotation: the re-seal that moves every sealed value in the database (the one list,
//! `storage::sealed::SEALED`) under the keyring's active key (`saferstreets keys rotate`/`reseal`).
//!
//! The re-seal reads each table in key order in batches, opens each value that names another
//! key and seals it again under the active key with the same associated data, and writes it
//! back only if the row still holds the value it read (so a concurrent edit by the running
//! service wins, and is sealed with whatever key that instance holds). Values already under
//! the active key are skipped, so a second run does nothing and an interrupted run resumes.
//! Values that cannot be opened are left as they are and counted; old keys stay in the ring.

use crate::crypto::Keyring;
use crate::storage::sealed::{Binding, SEALED};
use crate::storage::{DynStore, StoreError};

// The list of sealed columns and the types of a re-seal batch live with the schema, in
// `storage::sealed`; named here too for the storage code that pages through them.
pub use crate::storage::sealed::{KeyKind, Resealing, RowKey, SealedColumn, SealedValue};

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
    // The columns bound to their place by `domain::purpose` here; those bound to their
    // column (`Binding::Column`) by the store below.
    let by_purpose = SEALED
        .iter()
        .filter(|c| matches!(c.binding, Binding::Purposes(_)));
    for column in by_purpose {
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
                let resealed =
                    column
                        .purposes(&key, &value.context)
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
        tracing::info!(table = column.table, column = column.column, "re-sealed");
    }
    // The place-report and feedback columns (`storage::sealed::SEALED_COLUMNS`), whose
    // associated data names their column and row, re-seal themselves the same way.
    done.resealed += store.reseal(keyring).await?;
    Ok(done)
}
