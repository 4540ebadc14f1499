//! The associated data that binds each sealed value to the one place it belongs (see
//! `crypto.rs`): a value copied into another row, or another column, fails to open. The code
//! that seals, the code that opens and the re-seal of `keys rotate` all take it from here, so
//! they cannot drift apart. Changing any of these strings makes existing data unreadable.

/// A stalking report's sealed answers, bound to its submission id.
pub fn report(submission: &str) -> Vec<u8> {
    format!("stalking-report:{submission}").into_bytes()
}

/// An investigator's sealed note, bound to its report.
pub fn note(report_id: i64) -> Vec<u8> {
    format!("stalking-note:{report_id}").into_bytes()
}

/// A staff member's sealed TOTP secret, bound to their account.
pub fn totp(user_id: i64) -> Vec<u8> {
    format!("totp:{user_id}").into_bytes()
}

/// A sealed session slot (a draft, or a pending sign-in step), bound to its session row key.
pub fn draft(key: &str) -> Vec<u8> {
    format!("draft:{key}").into_bytes()
}

/// A staff sign-in or set-up step kept in the public session, bound to its session row key.
/// Older than [`draft`], it names the row with no prefix; kept so, as changing it would make
/// steps in progress unreadable.
pub fn pending(key: &str) -> Vec<u8> {
    key.as_bytes().to_vec()
}
