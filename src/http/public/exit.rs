//! Quick exit: forget the session and everything under it, tell the browser to clear what it
//! holds for us, and leave for a neutral site without saying where the visitor came from.
//! Also its opposite, the timeout warning's "Continue": keep the answers a while longer.

use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::{self, HeaderValue};
use axum::response::{IntoResponse, Response};

use serde::Deserialize;

use crate::http::error::AppError;
use crate::http::forms::CsrfForm;
use crate::http::language;
use crate::http::multipage::draft;
use crate::http::session::{SessionEnded, SessionId, expired_session_cookie};
use crate::http::state::AppState;

/// `GET /exit`.
pub async fn exit(State(state): State<AppState>, session: SessionId) -> Response {
    // Only a session the browser brought can hold anything: a fresh id (no cookie, or one we
    // did not issue) is left alone, and `SessionEnded` below keeps it from being handed out.
    if !session.is_fresh()
        && let Err(e) = state.store.delete_session(&session.store_key()).await
    {
        // Leaving must never be blocked; the draft still expires on its own.
        tracing::error!(error = %e, "quick exit could not delete the session");
    }
    let mut res = StatusCode::SEE_OTHER.into_response();
    let h = res.headers_mut();
    if let Ok(location) = HeaderValue::from_str(&state.config.exit_url) {
        h.insert(header::LOCATION, location);
    }
    h.insert(
        "clear-site-data",
        HeaderValue::from_static("\"cache\", \"cookies\", \"storage\""),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(cookie) = expired_session_cookie(&state).parse() {
        h.append(header::SET_COOKIE, cookie);
    }
    // Clear-Site-Data is not honoured everywhere (plain HTTP, older browsers): a language
    // chosen in Welsh is a trace too, so remove it explicitly as well.
    if let Ok(cookie) = language::expired_cookie(state.config.uses_tls()).parse() {
        h.append(header::SET_COOKIE, cookie);
    }
    res.extensions_mut().insert(SessionEnded);
    res
}

/// The keep-alive form: only its CSRF token, which [`CsrfForm`] checks.
#[derive(Debug, Deserialize)]
pub struct KeepAlive {}

/// `POST /keep-alive`, sent by the timeout warning's "Continue" (same origin, with the page's
/// CSRF token): restart the idle time of the visitor's open drafts. 204, nothing to show.
pub async fn keep_alive(
    State(state): State<AppState>,
    session: SessionId,
    CsrfForm(_): CsrfForm<KeepAlive>,
) -> Result<Response, AppError> {
    draft::keep_alive(&state, &session).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
