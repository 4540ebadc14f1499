//! Admins read and export their force's audit log, newest first. The export goes through
//! `http::spreadsheet`, because its cells hold text from outside (emails typed at sign-in,
//! details of requests) that a spreadsheet must not run as formulas.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};

use super::lists::Before;
use super::{Me, when};
use crate::audit::AuditRow;
use crate::http::chrome::Chrome;
use crate::http::error::AppError;
use crate::http::render::render;
use crate::http::spreadsheet::{Cell, CsvExport};
use crate::http::state::AppState;

/// Rows per page.
const PAGE: i64 = 100;

/// Most rows in one export.
const EXPORT_MAX: i64 = 100_000;

/// Routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/staff/audit", get(list))
        .route("/staff/audit/export.csv", get(export))
}

/// A row as shown.
#[derive(Debug)]
pub struct Line {
    /// Position.
    pub seq: i64,
    /// When.
    pub at: String,
    /// Who.
    pub actor: String,
    /// Their role.
    pub role: String,
    /// What.
    pub action: String,
    /// To what.
    pub object: String,
    /// Outcome.
    pub outcome: String,
    /// More.
    pub detail: String,
}

impl From<&AuditRow> for Line {
    fn from(r: &AuditRow) -> Self {
        Self {
            seq: r.seq,
            at: when(r.entry.at),
            actor: r.entry.actor.clone(),
            role: r.entry.role.clone(),
            action: r.entry.action.clone(),
            object: r.entry.object.clone(),
            outcome: r.entry.outcome.clone(),
            detail: r.entry.detail.clone(),
        }
    }
}

/// The audit page.
#[derive(Template)]
#[template(path = "staff/audit.html")]
pub struct AuditPage {
    /// Layout context.
    pub chrome: Chrome,
    /// Who is signed in.
    pub me: Option<Me>,
    /// The rows.
    pub lines: Vec<Line>,
    /// Link to older rows.
    pub older: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    Extension(me): Extension<Me>,
    Query(p): Query<Before>,
) -> Result<Response, AppError> {
    let before = p.key();
    let rows = state
        .store
        .force_audit_rows(&me.force_code, before, PAGE)
        .await?;
    let older = Before::older("/staff/audit", &rows, PAGE, |r| r.seq);
    Ok(render(&AuditPage {
        chrome,
        me: Some(me),
        lines: rows.iter().map(Line::from).collect(),
        older,
    }))
}

async fn export(
    State(state): State<AppState>,
    Extension(me): Extension<Me>,
) -> Result<Response, AppError> {
    let rows = state
        .store
        .force_audit_rows(&me.force_code, i64::MAX, EXPORT_MAX)
        .await?;
    let mut out = CsvExport::new();
    out.header(&[
        "seq", "at", "actor", "role", "force", "action", "object", "outcome", "detail", "hash",
    ])?;
    for r in &rows {
        let e = &r.entry;
        out.row(&[
            Cell::int(r.seq),
            Cell::text(
                jiff::Timestamp::from_second(e.at)
                    .map_or_else(|_| String::new(), |t| t.to_string()),
            ),
            Cell::text(e.actor.as_str()),
            Cell::text(e.role.as_str()),
            Cell::text(e.force_code.as_str()),
            Cell::text(e.action.as_str()),
            Cell::text(e.object.as_str()),
            Cell::text(e.outcome.as_str()),
            Cell::text(e.detail.as_str()),
            Cell::text(r.hash.as_str()),
        ])?;
    }
    let body = out.finish()?;
    let mut entry = me.audit(&state, "export", "audit.csv", "ok");
    entry.detail = format!("{} rows", rows.len());
    state.store.audit(&entry).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"audit.csv\"",
            ),
        ],
        body,
    )
        .into_response())
}
