//! Staff credentials: Argon2id password hashes and RFC 6238 authenticator codes.

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use subtle::ConstantTimeEq;
use totp_rs::{Algorithm, TOTP};

use super::StaffError;

/// A PHC string of a random password, verified against when the email is unknown, so an
/// unknown email takes as long as a known one.
pub(crate) static DECOY: LazyLock<String> =
    LazyLock::new(|| hash_password(&hex::encode(crate::random::bytes::<16>())).unwrap_or_default());

/// Argon2id with the crate's defaults (19 MiB, 2 passes: OWASP's minimum profile).
pub fn hash_password(password: &str) -> Result<String, StaffError> {
    Ok(Argon2::default()
        .hash_password(password.as_bytes())?
        .to_string())
}

/// Whether `password` matches the PHC string `phc`.
pub fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// Argon2 takes tens of milliseconds of CPU: off the async workers.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, StaffError> {
    Ok(tokio::task::spawn_blocking(f).await?)
}

/// The TOTP generator for a secret (RFC 6238: SHA-1, 6 digits, 30 s, one step either side).
pub fn totp(secret: &[u8], email: &str) -> Result<TOTP, StaffError> {
    Ok(TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        30,
        secret.to_vec(),
        Some("saferstreets".to_owned()),
        email.to_owned(),
    )?)
}

/// The time step a code belongs to (current, previous or next), if it matches any.
pub fn matching_step(totp: &TOTP, code: &str, now: i64) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let step = now.div_euclid(30);
    [step, step - 1, step + 1].into_iter().find(|s| {
        u64::try_from(s * 30).is_ok_and(|t| {
            let expected = totp.generate(t);
            // Constant time; strings of different lengths never match.
            bool::from(expected.as_bytes().ct_eq(code.as_bytes()))
        })
    })
}
