//! Admins see their force's alerts that have not been delivered: channel, attempts, the class of
//! the last failure and the next try. Never which report, nor anything in it: an admin is not
//! an investigator, and the failure is about the receiver, not the case.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};

use super::{Me, when};
use crate::http::chrome::Chrome;
use crate::http::error::AppError;
use crate::http::render::render;
use crate::http::state::AppState;
use crate::storage::Undelivered;

/// Most rows shown (the oldest first: they matter most).
const LIMIT: i64 = 200;

/// Routes.
pub fn routes() -> Router<AppState> {
    Router::new().route("/staff/alerts", get(list))
}

/// A row as shown.
#[derive(Debug)]
pub struct Line {
    /// Message id of the channel's name.
    pub channel: String,
    /// When the alert was raised.
    pub created: String,
    /// Attempts so far.
    pub attempts: i64,
    /// Class of the last failure, if any.
    pub last_error: Option<String>,
    /// When it is tried next; `None` while a worker is sending it.
    pub next: Option<String>,
}

impl Line {
    fn new(u: &Undelivered, now: crate::clock::Timestamp) -> Self {
        let sending = u.claimed_until.is_some_and(|until| until > now);
        Self {
            channel: format!("staff-alerts-channel-{}", u.channel),
            created: when(u.created_at),
            attempts: u.attempts,
            last_error: u.last_error.clone(),
            next: (!sending).then(|| when(u.due_at)),
        }
    }
}

/// The page.
#[derive(Template)]
#[template(path = "staff/alerts.html")]
pub struct AlertsPage {
    /// Layout context.
    pub chrome: Chrome,
    /// Who is signed in.
    pub me: Option<Me>,
    /// The rows.
    pub lines: Vec<Line>,
    /// How many are waiting, as text.
    pub count: String,
}

async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    Extension(me): Extension<Me>,
) -> Result<Response, AppError> {
    let rows = state
        .store
        .undelivered_alerts(&me.force_code, LIMIT)
        .await?;
    let now = state.clock.now();
    state
        .store
        .audit(&me.audit(&state, "view", "alerts", "ok"))
        .await?;
    Ok(render(&AlertsPage {
        chrome,
        me: Some(me),
        count: rows.len().to_string(),
        lines: rows.iter().map(|u| Line::new(u, now)).collect(),
    }))
}
