//! Admins read what visitors said in the feedback form (the phase banner's link), newest
//! first, a page at a time. Feedback is about the service as a whole, not a force, so every
//! admin sees all of it. Its text is sealed at rest and deleted after
//! `retention_feedback_days`, which the page states; each page read is audited.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};

use super::lists::Before;
use super::{Me, when};
use crate::domain::feedback::Satisfaction;
use crate::http::chrome::Chrome;
use crate::http::error::AppError;
use crate::http::render::render;
use crate::http::state::AppState;

/// Answers per page.
const PAGE: i64 = 50;

/// Routes.
pub fn routes() -> Router<AppState> {
    Router::new().route("/staff/feedback", get(list))
}

/// An answer as shown.
#[derive(Debug)]
pub struct Line {
    /// When it was sent.
    pub at: String,
    /// Message id of the satisfaction answer.
    pub satisfaction: &'static str,
    /// What could be better (empty for nothing).
    pub improve: String,
    /// The page the visitor came from.
    pub page: String,
}

/// The page.
#[derive(Template)]
#[template(path = "staff/feedback.html")]
pub struct FeedbackPage {
    /// Layout context.
    pub chrome: Chrome,
    /// Who is signed in.
    pub me: Option<Me>,
    /// The answers.
    pub lines: Vec<Line>,
    /// Days feedback is kept.
    pub days: i64,
    /// Link to older answers.
    pub older: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    Extension(me): Extension<Me>,
    Query(p): Query<Before>,
) -> Result<Response, AppError> {
    let before = p.key();
    // Recorded before anything is opened.
    let mut entry = me.audit(&state, "view-feedback", "feedback", "ok");
    if before < i64::MAX {
        entry.detail = format!("before={before}");
    }
    state.store.audit(&entry).await?;
    let rows = state
        .store
        .feedback_before(before, PAGE, &state.keyring)
        .await?;
    let older = Before::older("/staff/feedback", &rows, PAGE, |r| r.id);
    let lines = rows
        .iter()
        .map(|f| Line {
            at: when(f.answers.created_at),
            satisfaction: Satisfaction::from_code(&f.answers.satisfaction)
                .map_or("", Satisfaction::label),
            improve: f.answers.improve.clone().unwrap_or_default(),
            page: f.answers.page.clone(),
        })
        .collect();
    Ok(render(&FeedbackPage {
        chrome,
        me: Some(me),
        lines,
        days: state.config.retention_feedback_days,
        older,
    }))
}
