//! Adding a member of staff: a pending account and a one-time set-up link (from the admin
//! page and from `saferstreets user add`), and starting set-up again with a new link.

use sha2::{Digest, Sha256};

use crate::audit::AuditEntry;
use crate::clock::Timestamp;
use crate::domain::staff::Role;
use crate::storage::{DynStore, NewStaffUser, StoreError};

/// Hash of a set-up token as stored.
pub fn setup_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A new set-up token and its hash.
pub fn new_setup_token() -> (String, String) {
    let token = hex::encode(crate::random::bytes::<32>());
    let hash = setup_hash(&token);
    (token, hash)
}

/// The address of a set-up link.
pub fn setup_url(base_url: &str, token: &str) -> String {
    format!("{}/staff/setup/{token}", base_url.trim_end_matches('/'))
}

/// Create a pending user (`email`, normalised; `role`; `force_code`) whose link works for
/// `link_hours`, and return their id and set-up token (shown once). `Duplicate` if the email
/// is taken.
pub async fn add_user(
    store: &DynStore,
    user: (&str, Role, &str),
    now: Timestamp,
    link_hours: i64,
    audit: &AuditEntry,
) -> Result<(i64, String), StoreError> {
    let (email, role, force_code) = user;
    let (token, hash) = new_setup_token();
    let id = store
        .create_staff_user(
            &NewStaffUser {
                email: email.to_owned(),
                role,
                force_code: force_code.to_owned(),
                setup_token_hash: hash,
                setup_expires_at: now + link_hours * 3_600,
                created_at: now,
            },
            audit,
        )
        .await?;
    Ok((id, token))
}

/// Start a user's set-up again with a new link (their password, authenticator and sessions
/// are forgotten); the new token.
pub async fn reset_setup(
    store: &DynStore,
    user_id: i64,
    now: Timestamp,
    link_hours: i64,
    audit: &AuditEntry,
) -> Result<String, StoreError> {
    let (token, hash) = new_setup_token();
    store
        .reset_staff_setup(user_id, &hash, now + link_hours * 3_600, now, audit)
        .await?;
    Ok(token)
}
