//! One error type for handlers, one place that maps it to a status, and the middleware that
//! turns any bare error status into a full problem page. Internal details are logged, never shown.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::chrome::Chrome;
use super::render::{RenderedPage, render_with_status};
use super::state::AppState;
use super::visit::Visit;
use crate::storage::StoreError;

/// Why a request could not be served.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// No such page, or not one the visitor may see.
    #[error("not found")]
    NotFound,
    /// The request could not be understood.
    #[error("bad request")]
    BadRequest,
    /// A form without a valid CSRF token, or from another site.
    #[error("forbidden")]
    Forbidden,
    /// The body was larger than we accept.
    #[error("payload too large")]
    TooLarge,
    /// Over a rate limit: try again after this many seconds.
    #[error("too many requests")]
    TooMany(u64),
    /// The database failed.
    #[error("storage: {0}")]
    Store(#[from] StoreError),
    /// A value could not be sealed, or one we sealed could not be opened.
    #[error("sealed value: {0}")]
    Crypto(#[from] crate::crypto::CryptoError),
    /// A value could not be written as JSON, or one we wrote could not be read back.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    /// A spreadsheet could not be written.
    #[error("csv: {0}")]
    Csv(#[from] csv::Error),
    /// Work moved off the async workers panicked or was cancelled.
    #[error("blocking task: {0}")]
    Join(#[from] tokio::task::JoinError),
    /// A rule of our own did not hold (a bug, or data written by a bug).
    #[error("invariant: {0}")]
    Invariant(&'static str),
    /// A staff credential could not be made (password hash, TOTP generator, QR code); the
    /// staff module's `From<StaffError>` maps the other kinds to the variants above.
    #[error("staff credentials: {0}")]
    Credentials(crate::app::staff::StaffError),
    /// A page could not be rendered.
    #[error("template: {0}")]
    Render(#[from] askama::Error),
}

impl AppError {
    /// The HTTP status for this error.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::BadRequest => StatusCode::BAD_REQUEST,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::TooMany(_) => StatusCode::TOO_MANY_REQUESTS,
            // The database is down or restarting: "try again", not "we are broken". The page
            // is the same problem page (answers kept, try later); probes and monitors can
            // tell a dependency outage from a bug.
            Self::Store(e) if e.is_unavailable() => StatusCode::SERVICE_UNAVAILABLE,
            Self::Store(_)
            | Self::Crypto(_)
            | Self::Json(_)
            | Self::Csv(_)
            | Self::Join(_)
            | Self::Invariant(_)
            | Self::Credentials(_)
            | Self::Render(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match &self {
            Self::Store(e) => tracing::error!(error = %e, "storage failure"),
            Self::NotFound
            | Self::BadRequest
            | Self::Forbidden
            | Self::TooLarge
            | Self::TooMany(_) => tracing::debug!(error = %self, "request refused"),
            // Display keeps the cause's text; `source` walks the chain for the log.
            other => {
                tracing::error!(error = %other, source = ?std::error::Error::source(other), "internal failure")
            }
        }
        // The body is filled in by `ProblemContext::dress`, which knows the page context.
        let mut res = self.status().into_response();
        if let Self::TooMany(seconds) = self {
            res.headers_mut()
                .insert(axum::http::header::RETRY_AFTER, seconds.into());
        }
        res
    }
}

/// A problem page: a heading and a few paragraphs, all from the message catalogue.
#[derive(Template)]
#[template(path = "problem.html")]
pub struct ProblemPage {
    /// Layout context.
    pub chrome: Chrome,
    /// Message id of the title and heading.
    pub heading: &'static str,
    /// Message ids of the paragraphs (`-html` ids may hold links).
    pub paragraphs: &'static [&'static str],
}

impl ProblemPage {
    /// The page for an error status.
    pub fn for_status(chrome: Chrome, status: StatusCode) -> Self {
        let (heading, paragraphs): (&'static str, &'static [&'static str]) = match status {
            StatusCode::NOT_FOUND => (
                "not-found-heading",
                &["not-found-typed", "not-found-pasted", "not-found-home-html"],
            ),
            StatusCode::PAYLOAD_TOO_LARGE => (
                "too-large-heading",
                &["too-large-what", "too-large-kept", "too-large-next"],
            ),
            StatusCode::TOO_MANY_REQUESTS => (
                "too-many-heading",
                &["too-many-what", "too-many-kept", "too-many-next"],
            ),
            StatusCode::FORBIDDEN => (
                "forbidden-heading",
                &["forbidden-what", "forbidden-kept", "forbidden-next"],
            ),
            s if s.is_server_error() => (
                "server-error-heading",
                &[
                    "server-error-try-later",
                    "server-error-kept",
                    "server-error-contact-html",
                ],
            ),
            _ => (
                "bad-request-heading",
                &["bad-request-what", "bad-request-kept", "bad-request-next"],
            ),
        };
        Self {
            chrome,
            heading,
            paragraphs,
        }
    }
}

/// What a problem page needs from the request besides its [`Visit`], kept before the request
/// is handed on (a cheap clone), so that any error response can be dressed as a page
/// afterwards.
pub struct ProblemContext {
    uri: axum::http::Uri,
}

impl ProblemContext {
    /// The context of `req`; `None` for the JSON APIs, which keep their own error bodies.
    pub fn capture<B>(req: &axum::http::Request<B>) -> Option<Self> {
        let path = req.uri().path();
        if path.starts_with("/api/") || path.starts_with("/open311/") {
            return None;
        }
        Some(Self {
            uri: req.uri().clone(),
        })
    }

    /// The request's path.
    pub fn path(&self) -> &str {
        self.uri.path()
    }

    /// `res`, or, for an error response that is not already a page, the problem page `page`
    /// makes for its status in its place ([`public_page`] for the public site), for the
    /// request's `visit`.
    pub fn dress(
        self,
        state: &AppState,
        visit: &Visit,
        res: Response,
        page: impl FnOnce(Chrome, StatusCode) -> Response,
    ) -> Response {
        let status = res.status();
        if status.as_u16() < 400 || res.extensions().get::<RenderedPage>().is_some() {
            return res;
        }
        // The request's own session, so the frame sets a cookie if a page ever reads it. A
        // problem page has no form (the cookie banner's carries no token), so it reads none
        // and starts none: a first visit to an unknown URL sets no cookie (issue 15).
        let chrome = Chrome::for_visit(state, visit.clone(), &self.uri);
        let mut page = page(chrome, status);
        // Keep headers the inner layers chose (e.g. `Allow` on 405), but not the old body's
        // type.
        for (name, value) in res.headers() {
            if name != axum::http::header::CONTENT_TYPE
                && name != axum::http::header::CONTENT_LENGTH
            {
                page.headers_mut().append(name.clone(), value.clone());
            }
        }
        page
    }
}

/// The public problem page for an error `status`.
pub fn public_page(chrome: Chrome, status: StatusCode) -> Response {
    render_with_status(status, &ProblemPage::for_status(chrome, status))
}

/// The response used when a handler panics: a bare 500 that [`ProblemContext::dress`] turns
/// into a page.
pub fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}
