//! Use cases of the staff back office: signing in (password, then authenticator code), adding
//! a user with a one-time set-up link, and issuing a partner key. The web handlers, the
//! command line and the tests call these; the credentials (Argon2id, TOTP) live here too.

pub mod cases;
pub mod credentials;
pub mod partner_keys;
pub mod sign_in;
pub mod users;

use crate::storage::StoreError;

/// Why a staff use case could not be carried out: always our fault or the database's, never
/// the user's (their mistakes are outcomes, not errors).
#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    /// A password could not be hashed.
    #[error("password hash: {0}")]
    Hash(#[from] argon2::password_hash::Error),
    /// An authenticator secret was refused by the TOTP generator.
    #[error("totp: {0}")]
    Totp(#[from] totp_rs::TotpUrlError),
    /// The enrolment QR code could not be made.
    #[error("qr code: {0}")]
    Qr(#[from] qrcode::types::QrError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A TOTP secret could not be sealed or opened.
    #[error(transparent)]
    Sealed(#[from] crate::crypto::CryptoError),
    /// Hashing, moved off the async workers, panicked or was cancelled.
    #[error("blocking task: {0}")]
    Join(#[from] tokio::task::JoinError),
    /// A rule of our own did not hold (data written by a bug).
    #[error("invariant: {0}")]
    Invariant(&'static str),
}
