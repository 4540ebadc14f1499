//! Issuing Open311 partner keys (`saferstreets partner-key add`). Only a key's hash is
//! stored; the key itself is shown once.

use sha2::{Digest, Sha256};

use crate::clock::Timestamp;
use crate::storage::{DynStore, NewPartnerKey, StoreError};

/// A new partner key and the hash to store: 32 random bytes, hexadecimal, with a prefix that
/// makes a leaked key easy to recognise.
pub fn new_key() -> (String, String) {
    let key = format!("ss311_{}", hex::encode(crate::random::bytes::<32>()));
    let hash = key_hash(&key);
    (key, hash)
}

/// The stored form of a key.
pub fn key_hash(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

/// Issue a key to `partner` for `force_code`'s area: its id and the key.
pub async fn issue(
    store: &DynStore,
    partner: &str,
    force_code: &str,
    now: Timestamp,
) -> Result<(i64, String), StoreError> {
    let (key, hash) = new_key();
    let id = store
        .add_partner_key(&NewPartnerKey {
            key_hash: hash,
            partner: partner.to_owned(),
            force_code: force_code.to_owned(),
            created_at: now,
        })
        .await?;
    Ok((id, key))
}
