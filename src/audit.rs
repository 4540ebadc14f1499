//! The audit trail's entries and their hash chain.
//!
//! Each row's hash covers the previous row's hash and every field of the row, so editing or
//! deleting a row breaks the chain from that row on, and removing rows from the end is caught
//! by comparing with `audit_head`, the chain's last link. The database refuses updates and
//! deletes of `audit_log` (triggers); the chain catches what bypasses them.

use sha2::{Digest, Sha256};

use crate::clock::Timestamp;

/// The hash before the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What happened, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// When.
    pub at: Timestamp,
    /// The member of staff, if known.
    pub actor_id: Option<i64>,
    /// Their email, `system`, or the address typed at a failed sign-in (hashed).
    pub actor: String,
    /// Their role (or empty).
    pub role: String,
    /// The force whose data or user it concerns.
    pub force_code: String,
    /// What was done, e.g. `sign-in`, `view-report`, `export`, `status-change`.
    pub action: String,
    /// What it was done to, e.g. `stalking-report:12`, or empty.
    pub object: String,
    /// `ok`, `denied` or `failed`.
    pub outcome: String,
    /// Anything else worth keeping (never a victim's words).
    pub detail: String,
}

/// A stored row: the entry, its place in the chain and its links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    /// Position, from 1.
    pub seq: i64,
    /// The entry.
    pub entry: AuditEntry,
    /// The previous row's hash.
    pub prev_hash: String,
    /// This row's hash.
    pub hash: String,
}

/// The hash of the row at `seq` holding `e` after `prev_hash`. Fields are length-prefixed so
/// no two different rows can be written as the same bytes.
pub fn link(prev_hash: &str, seq: i64, e: &AuditEntry) -> String {
    let mut h = Sha256::new();
    let mut field = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_be_bytes());
        h.update(bytes);
    };
    field(prev_hash.as_bytes());
    field(&seq.to_be_bytes());
    field(&e.at.to_be_bytes());
    field(&e.actor_id.unwrap_or(-1).to_be_bytes());
    for text in [
        &e.actor,
        &e.role,
        &e.force_code,
        &e.action,
        &e.object,
        &e.outcome,
        &e.detail,
    ] {
        field(text.as_bytes());
    }
    hex::encode(h.finalize())
}

/// Checks rows in order, from any point of the chain.
#[derive(Debug)]
pub struct Verifier {
    expected_seq: i64,
    prev_hash: String,
    /// Rows checked so far.
    pub checked: u64,
}

/// Where the chain is broken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Broken {
    /// A row is missing before this one.
    #[error("row {found} follows row {}: rows are missing", .expected - 1)]
    Gap {
        /// The position expected.
        expected: i64,
        /// The position found.
        found: i64,
    },
    /// The row's link to its predecessor or its own hash is wrong: it or an earlier row was
    /// edited.
    #[error("row {0} does not match its hash: it or the row before it was changed")]
    Altered(i64),
    /// The chain ends before the head says it should.
    #[error("the log ends at row {last} but its head says {head}: rows were removed")]
    Truncated {
        /// The last row found.
        last: i64,
        /// The head's position.
        head: i64,
    },
}

impl Default for Verifier {
    fn default() -> Self {
        Self {
            expected_seq: 1,
            prev_hash: GENESIS.to_owned(),
            checked: 0,
        }
    }
}

impl Verifier {
    /// Check the next row.
    pub fn check(&mut self, row: &AuditRow) -> Result<(), Broken> {
        if row.seq != self.expected_seq {
            return Err(Broken::Gap {
                expected: self.expected_seq,
                found: row.seq,
            });
        }
        if row.prev_hash != self.prev_hash || link(&row.prev_hash, row.seq, &row.entry) != row.hash
        {
            return Err(Broken::Altered(row.seq));
        }
        self.expected_seq += 1;
        self.prev_hash.clone_from(&row.hash);
        self.checked += 1;
        Ok(())
    }

    /// Compare the end of the rows with the head (`seq`, `hash`).
    pub fn finish(&self, head_seq: i64, head_hash: &str) -> Result<(), Broken> {
        let last = self.expected_seq - 1;
        if last != head_seq || (head_seq > 0 && head_hash != self.prev_hash) {
            return Err(Broken::Truncated {
                last,
                head: head_seq,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(action: &str) -> AuditEntry {
        AuditEntry {
            at: 100,
            actor_id: Some(1),
            actor: "a@example.org".into(),
            role: "admin".into(),
            force_code: "northshire".into(),
            action: action.into(),
            object: String::new(),
            outcome: "ok".into(),
            detail: String::new(),
        }
    }

    fn chain(n: i64) -> Vec<AuditRow> {
        let mut prev = GENESIS.to_owned();
        (1..=n)
            .map(|seq| {
                let e = entry(&format!("a{seq}"));
                let hash = link(&prev, seq, &e);
                let row = AuditRow {
                    seq,
                    entry: e,
                    prev_hash: prev.clone(),
                    hash: hash.clone(),
                };
                prev = hash;
                row
            })
            .collect()
    }

    fn verify(rows: &[AuditRow], head: (i64, &str)) -> Result<u64, Broken> {
        let mut v = Verifier::default();
        for r in rows {
            v.check(r)?;
        }
        v.finish(head.0, head.1)?;
        Ok(v.checked)
    }

    #[test]
    fn an_intact_chain_verifies_and_any_change_is_found() {
        let rows = chain(5);
        let head = (5, rows[4].hash.as_str());
        assert_eq!(verify(&rows, head), Ok(5));

        let mut edited = rows.clone();
        edited[2].entry.outcome = "denied".into();
        assert_eq!(verify(&edited, head), Err(Broken::Altered(3)));

        let mut rehashed = rows.clone();
        rehashed[2].entry.actor = "someone@else".into();
        rehashed[2].hash = link(&rehashed[2].prev_hash, 3, &rehashed[2].entry);
        assert_eq!(
            verify(&rehashed, head),
            Err(Broken::Altered(4)),
            "the next link breaks"
        );

        let mut deleted = rows.clone();
        deleted.remove(1);
        assert_eq!(
            verify(&deleted, head),
            Err(Broken::Gap {
                expected: 2,
                found: 3
            })
        );

        let truncated = &rows[..4];
        assert_eq!(
            verify(truncated, head),
            Err(Broken::Truncated { last: 4, head: 5 })
        );
        assert_eq!(verify(&[], (0, GENESIS)), Ok(0));
    }

    #[test]
    fn fields_cannot_be_shifted_between_each_other() {
        let mut a = entry("x");
        a.object = "ab".into();
        a.detail = "c".into();
        let mut b = entry("x");
        b.object = "a".into();
        b.detail = "bc".into();
        assert_ne!(link(GENESIS, 1, &a), link(GENESIS, 1, &b));
    }
}

/// Why a stored log could not be verified.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    /// The chain is broken.
    #[error(transparent)]
    Broken(#[from] Broken),
    /// The rows could not be read.
    #[error(transparent)]
    Store(#[from] crate::storage::StoreError),
}

/// Check every row of a store's audit log in order, then its head; how many rows.
pub async fn verify_store(store: &crate::storage::DynStore) -> Result<u64, VerifyError> {
    let mut verifier = Verifier::default();
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
