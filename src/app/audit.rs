//! Use case: verify the audit log (`saferstreets audit verify`, the staff benchmark). It reads
//! the rows through the store and checks them with the pure chain rules of `crate::audit`, so
//! the audit module itself knows nothing of storage (which imports it to append rows).

use crate::audit::{AuditKey, Broken, Verifier};
use crate::storage::{DynStore, StoreError};

/// Why a stored log could not be verified.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    /// The chain is broken.
    #[error(transparent)]
    Broken(#[from] Broken),
    /// The rows could not be read.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Check every row of a store's audit log in order, then its head; how many rows. Without a
/// key only an unkeyed chain can be checked (and anyone could have recomputed it).
pub async fn verify_store(store: &DynStore, key: Option<&AuditKey>) -> Result<u64, VerifyError> {
    let mut verifier = key.map_or_else(Verifier::default, Verifier::keyed);
    let mut after = 0;
    loop {
        let rows = store.audit_rows(after, 10_000).await?;
        let Some(last) = rows.last() else { break };
        after = last.seq;
        for row in &rows {
            verifier.check(row)?;
        }
    }
    let (seq, hash) = store.audit_head().await?;
    verifier.finish(seq, &hash)?;
    Ok(verifier.checked)
}
