//! Liveness and readiness probes for load balancers and orchestration.

use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::http::render::RenderedPage;
use crate::http::state::AppState;

/// Longest `/readyz` waits for the database. Load balancers give up on a probe after a few
/// seconds; a database that cannot answer `SELECT 1` in this time is not ready either, and the
/// probe must answer in time to say so rather than time out itself.
pub const READY_TIMEOUT: Duration = Duration::from_secs(2);

/// `GET /healthz`: the process is up.
pub async fn healthz() -> &'static str {
    "ok"
}

/// `GET /readyz`: the database answers a query now (one round trip through the pool, so a
/// database that went away and came back is seen as soon as it is back).
pub async fn readyz(State(state): State<AppState>) -> Response {
    let answer = match tokio::time::timeout(READY_TIMEOUT, state.store.ping()).await {
        Ok(Ok(())) => (StatusCode::OK, "ready"),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "not ready: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
        Err(_) => {
            tracing::warn!(after = ?READY_TIMEOUT, "not ready: database did not answer");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    };
    let mut res = answer.into_response();
    // A probe's answer stays the short text: no problem page, no session cookie.
    res.extensions_mut().insert(RenderedPage::default());
    res
}
