//! The audit trail's entries and their keyed hash chain.
//!
//! Each row's link covers the previous row's link and every field of the row, so editing or
//! deleting a row breaks the chain from that row on, and removing rows from the end is caught
//! by comparing with `audit_head`, the chain's last link. The database refuses updates and
//! deletes of `audit_log` (triggers); the chain catches what bypasses them.
//!
//! Links are HMAC-SHA256 under the audit key, which lives in `keys_dir/audit.key`, never in
//! the database: someone who can write to the database (and so drop the triggers) cannot
//! recompute the links of rows they edit. A plain SHA-256 chain could be recomputed by
//! anyone. Rows written before links were keyed keep their SHA-256 links; the key file pins
//! where that older part ends (its last position and link), so it cannot be rewritten
//! either, and every later row must be keyed.

use std::path::Path;

use hmac::{Hmac, KeyInit, Mac};
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

/// Feed every field of the row at `seq` holding `e` after `prev_hash` to `update`. Fields are
/// length-prefixed so no two different rows can be written as the same bytes.
fn feed(mut update: impl FnMut(&[u8]), prev_hash: &str, seq: i64, e: &AuditEntry) {
    let mut field = |bytes: &[u8]| {
        update(&(bytes.len() as u64).to_be_bytes());
        update(bytes);
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
}

/// The unkeyed SHA-256 link of the row at `seq` holding `e` after `prev_hash`: how rows were
/// chained before links were keyed (and by a store opened without the audit key, in tests).
pub fn link(prev_hash: &str, seq: i64, e: &AuditEntry) -> String {
    let mut h = Sha256::new();
    feed(|b| h.update(b), prev_hash, seq, e);
    hex::encode(h.finalize())
}

/// Keyed links start with this, so a reader can tell them from older SHA-256 links.
pub const KEYED: &str = "hmac-sha256:";

/// The key of the audit chain, and where the older unkeyed part of the chain ends.
#[derive(Clone)]
pub struct AuditKey {
    key: [u8; 32],
    /// The last row linked with plain SHA-256 (0 when the chain was keyed from the start).
    unkeyed_until: i64,
    /// That row's link.
    unkeyed_hash: String,
}

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuditKey")
            .field("key", &"[redacted]")
            .field("unkeyed_until", &self.unkeyed_until)
            .finish()
    }
}

/// Why the audit key file could not be read or made.
#[derive(Debug, thiserror::Error)]
pub enum AuditKeyError {
    /// It could not be read or written.
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    /// It is not in our format.
    #[error(
        "{0} is not an audit key file (expected `key=` 64 hex digits and `unkeyed-until=SEQ:HASH`)"
    )]
    Malformed(String),
}

impl AuditKey {
    /// A key; rows up to `unkeyed_until` (whose link is `unkeyed_hash`) are SHA-256 links.
    pub fn new(key: [u8; 32], unkeyed_until: i64, unkeyed_hash: &str) -> Self {
        Self {
            key,
            unkeyed_until,
            unkeyed_hash: unkeyed_hash.to_owned(),
        }
    }

    /// The last row of the older, unkeyed part of the chain, and its link.
    pub fn unkeyed_until(&self) -> (i64, &str) {
        (self.unkeyed_until, &self.unkeyed_hash)
    }

    /// The keyed link of the row at `seq` holding `e` after `prev_hash`.
    pub fn link(&self, prev_hash: &str, seq: i64, e: &AuditEntry) -> String {
        // HMAC accepts keys of any length; a 32-byte key cannot be refused.
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.key) else {
            return String::new();
        };
        mac.update(b"saferstreets audit link v2");
        feed(|b| mac.update(b), prev_hash, seq, e);
        format!("{KEYED}{}", hex::encode(mac.finalize().into_bytes()))
    }

    /// The file's text.
    fn to_file(&self) -> String {
        format!(
            "# saferstreets audit key: HMAC-SHA256 over the audit log (`saferstreets audit verify`).\n\
             # Keep it private (0600) and keep a copy away from the database server.\n\
             # unkeyed-until: rows up to this position were linked with plain SHA-256.\n\
             key={}\nunkeyed-until={}:{}\n",
            hex::encode(self.key),
            self.unkeyed_until,
            self.unkeyed_hash
        )
    }

    /// Read a key file.
    pub fn load(path: &Path) -> Result<Self, AuditKeyError> {
        let shown = || path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| AuditKeyError::Io(shown(), e))?;
        let mut key = None;
        let mut until = None;
        for line in text.lines().map(str::trim) {
            if let Some(v) = line.strip_prefix("key=") {
                key = hex::decode(v)
                    .ok()
                    .and_then(|b| <[u8; 32]>::try_from(b).ok());
            } else if let Some(v) = line.strip_prefix("unkeyed-until=") {
                until = v
                    .split_once(':')
                    .and_then(|(seq, hash)| Some((seq.parse::<i64>().ok()?, hash.to_owned())));
            }
        }
        match (key, until) {
            (Some(key), Some((seq, hash))) if seq >= 0 => Ok(Self::new(key, seq, &hash)),
            _ => Err(AuditKeyError::Malformed(shown())),
        }
    }

    /// Read the key file, or create it (owner-only) with a new key that pins the chain as it
    /// is now, `head` being its last position and link: rows so far stay SHA-256 links.
    pub fn load_or_create(path: &Path, head: (i64, &str)) -> Result<Self, AuditKeyError> {
        if !path.exists() {
            let key = Self::new(crate::random::bytes::<32>(), head.0, head.1);
            match crate::files::create_private(path, &key.to_file()) {
                Ok(()) => return Ok(key),
                // Another process made it first: use theirs.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(AuditKeyError::Io(path.display().to_string(), e)),
            }
        }
        Self::load(path)
    }
}

/// Checks rows in order, from any point of the chain.
#[derive(Debug)]
pub struct Verifier {
    expected_seq: i64,
    prev_hash: String,
    key: Option<AuditKey>,
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
    /// The row's link to its predecessor or its own link is wrong: it or an earlier row was
    /// edited, or it was written without the audit key.
    #[error(
        "row {0} does not match its link: it or the row before it was changed, \
         or it was written without the audit key"
    )]
    Altered(i64),
    /// The chain ends before the head says it should.
    #[error("the log ends at row {last} but its head says {head}: rows were removed")]
    Truncated {
        /// The last row found.
        last: i64,
        /// The head's position.
        head: i64,
    },
    /// The chain ends before the row the audit key file pins.
    #[error(
        "the log ends at row {last}, before row {pinned} recorded in the audit key file: rows were removed"
    )]
    BeforePin {
        /// The last row found.
        last: i64,
        /// The row the key file pins.
        pinned: i64,
    },
    /// A keyed row, checked without the key.
    #[error("row {0} is linked with the audit key: verify with the key (keys_dir/audit.key)")]
    NeedsKey(i64),
}

impl Default for Verifier {
    fn default() -> Self {
        Self {
            expected_seq: 1,
            prev_hash: GENESIS.to_owned(),
            key: None,
            checked: 0,
        }
    }
}

impl Verifier {
    /// A verifier that checks keyed links with `key` (and the unkeyed part it pins).
    pub fn keyed(key: &AuditKey) -> Self {
        Self {
            key: Some(key.clone()),
            ..Self::default()
        }
    }

    /// Check the next row.
    pub fn check(&mut self, row: &AuditRow) -> Result<(), Broken> {
        if row.seq != self.expected_seq {
            return Err(Broken::Gap {
                expected: self.expected_seq,
                found: row.seq,
            });
        }
        let expected = match &self.key {
            Some(k) if row.seq > k.unkeyed_until => k.link(&row.prev_hash, row.seq, &row.entry),
            Some(k) if row.seq == k.unkeyed_until && row.hash != k.unkeyed_hash => {
                return Err(Broken::Altered(row.seq));
            }
            None if row.hash.starts_with(KEYED) => return Err(Broken::NeedsKey(row.seq)),
            _ => link(&row.prev_hash, row.seq, &row.entry),
        };
        if row.prev_hash != self.prev_hash || expected != row.hash {
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
        if let Some(k) = &self.key
            && last < k.unkeyed_until
        {
            return Err(Broken::BeforePin {
                last,
                pinned: k.unkeyed_until,
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

    fn keyed_chain(key: &AuditKey, from: i64, to: i64, prev: &str) -> Vec<AuditRow> {
        let mut prev = prev.to_owned();
        (from..=to)
            .map(|seq| {
                let e = entry(&format!("k{seq}"));
                let hash = key.link(&prev, seq, &e);
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

    fn verify_keyed(key: &AuditKey, rows: &[AuditRow]) -> Result<u64, Broken> {
        let mut v = Verifier::keyed(key);
        for r in rows {
            v.check(r)?;
        }
        let last = rows
            .last()
            .map_or((0, GENESIS), |r| (r.seq, r.hash.as_str()));
        v.finish(last.0, last.1)?;
        Ok(v.checked)
    }

    #[test]
    fn an_unkeyed_start_then_keyed_rows_verify_and_neither_part_can_be_recomputed() {
        let old = chain(3);
        let key = AuditKey::new([7; 32], 3, &old[2].hash);
        let mut rows = old.clone();
        rows.extend(keyed_chain(&key, 4, 6, &old[2].hash));
        assert_eq!(verify_keyed(&key, &rows), Ok(6));
        assert!(rows[3].hash.starts_with(KEYED));

        // An editor without the key recomputes from row 5 with SHA-256.
        let mut forged = rows.clone();
        forged[4].entry.outcome = "denied".into();
        forged[4].hash = link(&forged[4].prev_hash, 5, &forged[4].entry);
        forged[5].prev_hash = forged[4].hash.clone();
        forged[5].hash = link(&forged[5].prev_hash, 6, &forged[5].entry);
        assert_eq!(verify_keyed(&key, &forged), Err(Broken::Altered(5)));

        // Or with another key.
        let other = AuditKey::new([8; 32], 3, &old[2].hash);
        let mut rows2 = old.clone();
        rows2.extend(keyed_chain(&other, 4, 6, &old[2].hash));
        assert_eq!(verify_keyed(&key, &rows2), Err(Broken::Altered(4)));

        // Or drops the keyed rows and rewrites the unkeyed part: its end is pinned.
        let mut old_forged = chain(3);
        old_forged[1].entry.outcome = "denied".into();
        let mut prev = old_forged[0].hash.clone();
        for r in &mut old_forged[1..] {
            r.prev_hash = prev.clone();
            r.hash = link(&r.prev_hash, r.seq, &r.entry);
            prev = r.hash.clone();
        }
        assert_eq!(verify_keyed(&key, &old_forged), Err(Broken::Altered(3)));
        assert_eq!(
            verify_keyed(&key, &old[..2]),
            Err(Broken::BeforePin { last: 2, pinned: 3 })
        );

        // A keyless check of a keyed chain asks for the key.
        assert_eq!(
            verify(&rows, (6, rows[5].hash.as_str())),
            Err(Broken::NeedsKey(4))
        );
    }

    #[test]
    fn the_key_file_round_trips_and_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.key");
        let made = AuditKey::load_or_create(&path, (4, "abcd")).unwrap();
        let read = AuditKey::load_or_create(&path, (9, "ignored")).unwrap();
        assert_eq!(read.unkeyed_until(), (4, "abcd"));
        assert_eq!(
            made.link(GENESIS, 1, &entry("x")),
            read.link(GENESIS, 1, &entry("x"))
        );
        assert!(crate::files::check_private(&path).is_ok());
        assert!(!format!("{read:?}").contains(&hex::encode(read.key)));
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
