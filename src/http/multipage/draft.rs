//! A form's draft: held on the server under the session, encrypted like the report itself,
//! refreshed on every use and gone after the idle time, on quick exit and after sending.

use serde::{Deserialize, Serialize};

use crate::domain::purpose;
use crate::domain::stalking::Answers;
use crate::http::error::AppError;
use crate::http::session::SessionId;
use crate::http::session_slot::{SealedSlot, Slot};
use crate::http::state::AppState;
use crate::storage::SessionWrite;

pub use crate::http::session_slot::Carry;

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
        /// Which confirmation to show; the default in markers saved before this was kept.
        #[serde(default)]
        route: Route,
    },
}

/// What the confirmation page needs to know of the answers sent, which are gone by then: it
/// is tailored to the route taken.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Route {
    /// The sender gave their name (so may be contacted).
    pub named: bool,
    /// The answers were high-risk: the report is read first.
    pub urgent: bool,
}

/// A new random submission id: sending the same draft twice gives one report.
pub fn new_submission() -> String {
    hex::encode(crate::random::bytes::<16>())
}

/// The session's draft as found.
pub type Loaded = Slot<Draft>;

/// The slot holding a form's draft: named after the form, so one visitor can have a draft of
/// each form.
const fn slot(form: &'static str) -> SealedSlot<Draft> {
    SealedSlot::new(form, purpose::draft)
}

/// Load the session's draft of `form`, deleting it if it has expired.
pub async fn load(
    state: &AppState,
    session: &SessionId,
    form: &'static str,
) -> Result<Loaded, AppError> {
    Ok(load_until(state, session, form).await?.0)
}

/// [`load`], with the time the draft expires unless it is saved again (for the timeout
/// warning, which must count from the last save, not from the page view).
pub async fn load_until(
    state: &AppState,
    session: &SessionId,
    form: &'static str,
) -> Result<(Loaded, Option<crate::clock::Timestamp>), AppError> {
    crate::fail_point!("draft.load", |_| Err(AppError::Store(
        crate::storage::StoreError::Injected("draft.load")
    )));
    slot(form).load_until(state, session).await
}

/// The session row holding `draft` of `form`, sealed, with its idle time restarted.
pub fn sealed(
    state: &AppState,
    session: &SessionId,
    form: &'static str,
    draft: &Draft,
) -> Result<SessionWrite, AppError> {
    slot(form).row(state, session, draft, state.config.draft_idle_minutes)
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
        slot(form).carry(state, old, &new, carry).await?;
    }
    for name in crate::http::session::PENDING_NAMES {
        // Dropped unread, so the type of what they hold does not matter here.
        SealedSlot::<serde_json::Value>::new(name, purpose::pending)
            .carry(state, old, &new, Carry::Drop)
            .await?;
    }
    Ok(new)
}

/// Save the draft of `form` and restart its idle time.
pub async fn save(
    state: &AppState,
    session: &SessionId,
    form: &'static str,
    draft: &Draft,
) -> Result<(), AppError> {
    crate::fail_point!("draft.save", |_| Err(AppError::Store(
        crate::storage::StoreError::Injected("draft.save")
    )));
    slot(form)
        .save(state, session, draft, state.config.draft_idle_minutes)
        .await
}

/// Restart the idle time of every open draft the session holds ("Continue" in the timeout
/// warning). Sent drafts and empty slots are left as they are.
pub async fn keep_alive(state: &AppState, session: &SessionId) -> Result<(), AppError> {
    for form in forms() {
        if let Slot::Found(open @ Draft::Open { .. }) = load(state, session, form).await? {
            save(state, session, form, &open).await?;
        }
    }
    Ok(())
}
