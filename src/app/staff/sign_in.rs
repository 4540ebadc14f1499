//! Signing in: an email and password, then an authenticator code.
//!
//! Every password or code is counted before it is checked (`StaffStore::claim_sign_in`), in
//! the database so every instance sees it: per account on one client (a hard limit), per
//! client across accounts, and per account from anywhere as a delay that grows with each
//! failure, so that nobody can lock the real user out from elsewhere. Accounts (the email as
//! typed, so unknown emails are treated exactly like known ones) and clients (the address, or
//! its /64) are pseudonyms under a random key of the day that is deleted with the counts.
//! Unknown emails still cost an Argon2 verification, so timing does not tell them apart
//! either, and the audit log records them without what was typed.

use super::StaffError;
use super::credentials::{DECOY, blocking, matching_step, totp, verify_password};
use crate::audit::AuditEntry;
use crate::clock::Timestamp;
use crate::crypto::Keyring;
use crate::domain::purpose;
use crate::domain::staff::{UserStatus, normalise_email};
use crate::storage::{Claimed, DynStore, SignInClaim, StaffUser, StoreError};

/// Failures on one account from one client within [`WINDOW`] before that client is refused
/// that account for the rest of it.
pub const PAIR_LIMIT: i64 = 5;
/// Failures per client (on any accounts) within [`WINDOW`].
pub const CLIENT_LIMIT: i64 = 20;
/// The counting window, in seconds.
pub const WINDOW: i64 = 15 * 60;
/// Seconds an account waits after its 1st, 2nd, … failure in the window, from any client; the
/// last repeats. One typo costs nothing; then the wait doubles, capped at a minute, so a real
/// user is slowed, never shut out, and someone guessing from many addresses gets about one
/// guess a minute.
pub const DELAYS: [i64; 8] = [0, 1, 2, 4, 8, 16, 32, 60];
/// The audit actor of an attempt on an email that is not an account (what was typed may be a
/// password put in the wrong box, so none of it is kept).
pub const UNKNOWN_ACCOUNT: &str = "unknown account";

/// Keyed pseudonyms of sign-in counting (the service's client key; see `http::state::Keys`).
pub trait Pseudonyms: Send + Sync {
    /// `text`'s pseudonym for `purpose` under the day's key.
    fn sign_in_pseudonym(&self, daily_key: &[u8], purpose: &str, text: &str) -> String;
}

/// One sign-in attempt: where from, and when.
pub struct Attempt<'a> {
    /// The store.
    pub store: &'a DynStore,
    /// How accounts and clients are named in the counts.
    pub keys: &'a dyn Pseudonyms,
    /// The client: its address, or its /64 (`http::abuse::client_text`).
    pub client: &'a str,
    /// Now.
    pub now: Timestamp,
}

/// What a password or code attempt came to.
#[derive(Debug)]
pub enum Outcome {
    /// Right: the account (the claim is given back).
    Passed(StaffUser),
    /// Wrong email or password, or a wrong code (counted and audited).
    Wrong,
    /// A right code already used (counted and audited).
    Reused,
    /// The account on this client, or the client, is at its limit.
    Locked,
    /// The account's delay has not passed: seconds to wait.
    Wait(i64),
    /// The account is no longer active (disabled or reset since the password).
    Gone,
    /// No code was typed (not counted).
    Missing,
}

impl Attempt<'_> {
    /// The claim of an attempt on `account` (the email as typed), under today's pseudonyms.
    async fn claim(&self, account: &str) -> Result<SignInClaim, StoreError> {
        let key = self
            .store
            .daily_key(self.now.div_euclid(86_400), &crate::random::bytes::<32>())
            .await?;
        let account = normalise_email(account).unwrap_or_else(|| account.trim().to_lowercase());
        let keys = self.keys;
        Ok(SignInClaim {
            now: self.now,
            window: WINDOW,
            pair: keys.sign_in_pseudonym(&key, "pair", &format!("{account}\0{}", self.client)),
            pair_limit: PAIR_LIMIT,
            client: keys.sign_in_pseudonym(&key, "client", self.client),
            client_limit: CLIENT_LIMIT,
            account: keys.sign_in_pseudonym(&key, "account", &account),
            delays: DELAYS.to_vec(),
        })
    }

    /// Count the attempt: the pair's and client's counts, or why it may not be checked.
    async fn count(&self, claim: &SignInClaim) -> Result<Result<(i64, i64), Outcome>, StoreError> {
        Ok(match self.store.claim_sign_in(claim).await? {
            Claimed::Go { pair, client } => Ok((pair, client)),
            Claimed::Locked => Err(Outcome::Locked),
            Claimed::TooEarly(wait) => Err(Outcome::Wait(wait)),
        })
    }

    /// The first step: `email` as typed (at most 254 characters) and its password.
    pub async fn password(&self, typed: &str, password: String) -> Result<Outcome, StaffError> {
        let user = match normalise_email(typed) {
            Some(e) => self.store.staff_user_by_email(&e).await?,
            None => None,
        };
        // Who to record: the account if the email is known, else a fixed marker (what was
        // typed may be a password put in the wrong box).
        let actor = user
            .as_ref()
            .map_or_else(|| UNKNOWN_ACCOUNT.to_owned(), |u| u.email.clone());
        // Best effort: a purge that fails now is done by the next attempt or the minute's run.
        if let Err(e) = purge(self.store, self.now).await {
            tracing::warn!(error = ?e, "sign-in counts not purged");
        }
        let claim = self.claim(typed).await?;
        let (pair, client) = match self.count(&claim).await? {
            Ok(counts) => counts,
            Err(refused) => return Ok(refused),
        };
        let active = |u: &StaffUser| u.status == UserStatus::Active;
        let phc = user
            .as_ref()
            .filter(|u| active(u))
            .and_then(|u| u.password_hash.clone())
            .unwrap_or_else(|| DECOY.clone());
        let known = user.as_ref().is_some_and(active);
        let ok = blocking(move || verify_password(&password, &phc)).await? && known;
        match (ok, user) {
            (true, Some(user)) => {
                self.store.release_sign_in(&claim, false).await?;
                Ok(Outcome::Passed(user))
            }
            (_, user) => {
                let mut entry = self.anonymous(actor, "failed", "password");
                if let Some(u) = user {
                    entry.actor_id = Some(u.id);
                    entry.force_code = u.force_code;
                    entry.role = u.role.code().to_owned();
                }
                self.store
                    .audit_many(&failure_entries(entry, pair, client))
                    .await?;
                Ok(Outcome::Wrong)
            }
        }
    }

    /// The second step: the code of the account that passed its password (`user_id`), which
    /// must still be active.
    pub async fn code(
        &self,
        keyring: &Keyring,
        user_id: i64,
        code: &str,
    ) -> Result<Outcome, StaffError> {
        let Some(user) = self
            .store
            .staff_user(user_id)
            .await?
            .filter(|u| u.status == UserStatus::Active)
        else {
            return Ok(Outcome::Gone);
        };
        if code.trim().is_empty() {
            return Ok(Outcome::Missing);
        }
        let claim = self.claim(&user.email).await?;
        let (pair, client) = match self.count(&claim).await? {
            Ok(counts) => counts,
            Err(refused) => return Ok(refused),
        };
        let secret = match &user.totp_sealed {
            Some(sealed) => keyring.open(sealed, &purpose::totp(user.id))?,
            None => return Err(StaffError::Invariant("active user without TOTP")),
        };
        let generator = totp(&secret, &user.email)?;
        let step = matching_step(&generator, code, self.now);
        let fresh = match step {
            Some(s) => self.store.use_totp_step(user.id, s).await?,
            None => false,
        };
        if !fresh {
            let mut entry = user_entry(&user, self.now, "sign-in", "failed");
            entry.detail = if step.is_some() {
                "code reused"
            } else {
                "code"
            }
            .to_owned();
            self.store
                .audit_many(&failure_entries(entry, pair, client))
                .await?;
            return Ok(if step.is_some() {
                Outcome::Reused
            } else {
                Outcome::Wrong
            });
        }
        self.store.release_sign_in(&claim, true).await?;
        Ok(Outcome::Passed(user))
    }

    fn anonymous(&self, actor: String, outcome: &str, detail: &str) -> AuditEntry {
        AuditEntry {
            at: self.now,
            actor_id: None,
            actor,
            role: String::new(),
            force_code: String::new(),
            action: "sign-in".to_owned(),
            object: String::new(),
            outcome: outcome.to_owned(),
            detail: detail.to_owned(),
        }
    }
}

/// After a right code: a session for `user` under `session_key` (the hash of the cookie's
/// random value), and its audit row.
pub async fn open_session(
    store: &DynStore,
    user: &StaffUser,
    session_key: &str,
    now: Timestamp,
) -> Result<(), StoreError> {
    store
        .create_staff_session(session_key, user.id, now)
        .await?;
    store.audit(&user_entry(user, now, "sign-in", "ok")).await?;
    Ok(())
}

/// Delete what sign-in counting no longer needs (counts whose window is over, keys of days
/// whose last window is over): before each password attempt, and every minute while serving.
pub async fn purge(store: &DynStore, now: Timestamp) -> Result<(), StoreError> {
    store.purge_sign_in(now, WINDOW).await?;
    Ok(())
}

/// An audit entry by `user` about their own account.
pub fn user_entry(user: &StaffUser, now: Timestamp, action: &str, outcome: &str) -> AuditEntry {
    AuditEntry {
        at: now,
        actor_id: Some(user.id),
        actor: user.email.clone(),
        role: user.role.code().to_owned(),
        force_code: user.force_code.clone(),
        action: action.to_owned(),
        object: format!("user:{}", user.id),
        outcome: outcome.to_owned(),
        detail: String::new(),
    }
}

/// The audit row of a failure, and of the lock-out it started if its count reached a limit.
fn failure_entries(mut failed: AuditEntry, pair: i64, client: i64) -> Vec<AuditEntry> {
    let mut entries = vec![failed.clone()];
    if pair == PAIR_LIMIT || client == CLIENT_LIMIT {
        failed.outcome = "locked".to_owned();
        failed.detail = if pair == PAIR_LIMIT {
            format!(
                "{PAIR_LIMIT} failures on this account from one client: that client is locked out of it for up to {} minutes",
                WINDOW / 60
            )
        } else {
            format!(
                "{CLIENT_LIMIT} failures from one client: it is locked out for up to {} minutes",
                WINDOW / 60
            )
        };
        entries.push(failed);
    }
    entries
}
