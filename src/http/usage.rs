//! Identifier-free usage counts: one counter per page pattern per day, touched only for visitors
//! who accepted additional cookies. No id, address or time of day is kept.

use axum::extract::{MatchedPath, Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use super::consent::Consent;
use super::state::AppState;
use crate::clock::utc_date;

/// Count a successful page view when the visitor said yes.
pub async fn count_page_views(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let count = req.method() == Method::GET && Consent::from_headers(req.headers()).accepted();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned());
    let res = next.run(req).await;
    if let (true, Some(route), StatusCode::OK) = (count, route, res.status()) {
        let day = utc_date(state.clock.now());
        if let Err(e) = state.store.record_page_view(&day, &route).await {
            // Counting is never worth failing a page for.
            tracing::warn!(error = %e, "page view not counted");
        }
    }
    res
}
