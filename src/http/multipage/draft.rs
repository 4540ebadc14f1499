//! A form's draft: held on the server under the session, encrypted like the report itself,
//! refreshed on every use and gone after the idle time, on quick exit and after sending.

use serde::{Deserialize, Serialize};

use crate::domain::purpose;
use crate::domain::stalking::Answers;
use crate::http::error::AppError;
use crate::http::session::SessionId;
use crate::http::state::AppState;
use crate::storage::SessionWrite;

/// What the session holds for the report.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Draft {
    /// Being filled in.
    Open {
        /// Random id of this draft: sending it twice gives one report.
        submission: String,
        /// The answers so far.
        answers: Answers,
        /// When the first answer was given (for the minimum fill time); 0 in drafts saved
        /// before this was recorded.
        #[serde(default)]
        started: crate::clock::Timestamp,
    },
    /// Sent: the answers are gone; only the submission id is kept, for the confirmation
    /// page (which looks the reference up) and to recognise repeated sends.
    Sent {
        /// The draft's submission id.
        submission: String,
    },
}

/// A new random submission id: sending the same draft twice gives one report.
pub fn new_submission() -> String {
    hex::encode(crate::random::bytes::<16>())
}

/// The session's draft as found.
#[derive(Debug)]
pub enum Loaded {
    /// No draft: never started, sent and cleared, or removed by quick exit.
    None,
    /// There was one, but it was idle for too long; it is now deleted.
    Expired,
    /// The draft.
    Found(Draft),
}

/// The session row of one form's draft: the session's key, then the form's name, so one
/// visitor can have a draft of each form and quick exit removes them all by the prefix.
fn key(session: &SessionId, form: &str) -> String {
    format!("{}:{form}", session.store_key())
}

/// Load the session's draft of `form`, deleting it if it has expired.
pub async fn load(state: &AppState, session: &SessionId, form: &str) -> Result<Loaded, AppError> {
    crate::fail_point!("draft.load", |_| Err(AppError::Internal(
        "injected fault at draft.load".into()
    )));
    let key = key(session, form);
    let Some((sealed, expires_at)) = state.store.get_session(&key).await? else {
        return Ok(Loaded::None);
    };
    if expires_at <= state.clock.now() {
        state.store.delete_session(&key).await?;
        return Ok(Loaded::Expired);
    }
    let json = state.keyring.open(&sealed, &purpose::draft(&key))?;
    let draft = serde_json::from_slice(&json)?;
    Ok(Loaded::Found(draft))
}

/// The session row holding `draft` of `form`, sealed, with its idle time restarted.
pub fn sealed(
    state: &AppState,
    session: &SessionId,
    form: &str,
    draft: &Draft,
) -> Result<SessionWrite, AppError> {
    let key = key(session, form);
    let json = serde_json::to_vec(draft)?;
    let data = state.keyring.seal(&json, &purpose::draft(&key))?;
    Ok(SessionWrite {
        key,
        data,
        expires_at: state.clock.now() + state.config.draft_idle_minutes * 60,
    })
}

/// What a rotation does with the row of the form it is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carry {
    /// Move it to the new id, like every other form's draft.
    Move,
    /// Copy it, leaving it under the old id too: a `Sent` marker, so a second send still in
    /// flight from the old cookie (a double click) finds it and leads to the confirmation.
    Copy,
    /// Leave it behind and delete it (the confirmation has been shown).
    Drop,
}

/// The drafts a session can hold, one per form.
fn forms() -> [&'static str; 2] {
    use crate::http::multipage::FormPages;
    [
        <crate::domain::stalking::flow::Stalking as FormPages>::DRAFT,
        <crate::domain::place::UnsafePlace as FormPages>::DRAFT,
    ]
}

/// Move the visitor to a new session id. Every form's draft moves with them (re-sealed, as
/// its associated data names its key; its expiry kept), except that `this` form's row is
/// treated as its [`Carry`] says; what else the old id held (staff sign-in or set-up steps) is
/// deleted. Whoever holds the old id (someone who planted it) is left with nothing. An id
/// issued on this very request is kept: nobody else can have it.
pub async fn rotate(
    state: &AppState,
    old: &SessionId,
    this: Option<(&str, Carry)>,
) -> Result<SessionId, AppError> {
    if old.is_fresh() {
        return Ok(old.clone());
    }
    let new = SessionId::generate();
    for form in forms() {
        let carry = match this {
            Some((f, carry)) if f == form => carry,
            _ => Carry::Move,
        };
        let (from, to) = (key(old, form), key(&new, form));
        // Read first, so a rotation with nothing stored (most start pages) writes nothing.
        let Some((sealed, expires_at)) = state.store.get_session(&from).await? else {
            continue;
        };
        if carry != Carry::Drop && expires_at > state.clock.now() {
            let json = state.keyring.open(&sealed, &purpose::draft(&from))?;
            let data = state.keyring.seal(&json, &purpose::draft(&to))?;
            state.store.put_session(&to, &data, expires_at).await?;
        }
        if carry != Carry::Copy {
            state.store.delete_session(&from).await?;
        }
    }
    for name in crate::http::session::PENDING_NAMES {
        let from = format!("{}:{name}", old.store_key());
        if state.store.get_session(&from).await?.is_some() {
            state.store.delete_session(&from).await?;
        }
    }
    Ok(new)
}

/// Save the draft of `form` and restart its idle time.
pub async fn save(
    state: &AppState,
    session: &SessionId,
    form: &str,
    draft: &Draft,
) -> Result<(), AppError> {
    crate::fail_point!("draft.save", |_| Err(AppError::Internal(
        "injected fault at draft.save".into()
    )));
    let row = sealed(state, session, form, draft)?;
    state
        .store
        .put_session(&row.key, &row.data, row.expires_at)
        .await?;
    Ok(())
}
