//! Form extraction for every POST from a browser: same-origin check, CSRF token check and size
//! limit, with each failure mapped to a problem page rather than a bare rejection.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, header};
use serde::de::DeserializeOwned;

use super::error::AppError;
use super::state::AppState;
use super::visit::Visit;

/// Name of the hidden CSRF field in every form.
pub const CSRF_FIELD: &str = "csrf";

/// A form body that passed the same-origin and CSRF checks. Repeated names (checkboxes)
/// deserialise into `Vec`s.
#[derive(Debug)]
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        if !same_origin(req.headers()) {
            return Err(AppError::Forbidden);
        }
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        if !content_type.starts_with("application/x-www-form-urlencoded") {
            return Err(AppError::BadRequest);
        }
        let session = req.extensions().get::<Visit>().map(|v| v.session.clone());
        let body = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                AppError::TooLarge
            } else {
                AppError::BadRequest
            }
        })?;
        let token = form_urlencoded::parse(&body)
            .find(|(k, _)| k == CSRF_FIELD)
            .map(|(_, v)| v.into_owned());
        match (session, token) {
            (Some(session), Some(token)) if state.keys.csrf_valid(session.as_str(), &token) => {}
            _ => return Err(AppError::Forbidden),
        }
        serde_html_form::from_bytes(&body)
            .map(CsrfForm)
            .map_err(|_| AppError::BadRequest)
    }
}

/// Refuse requests a browser marks as coming from another site. Browsers send
/// `Sec-Fetch-Site` on every request and pages cannot forge it, so when it is present it
/// decides; our `no-referrer` policy makes browsers send `Origin: null` on POSTs, so `Origin`
/// is only compared with `Host` for older clients without `Sec-Fetch-Site`. Clients that send
/// neither (tests, curl) must still present the CSRF token.
pub fn same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return matches!(site.to_str(), Ok("same-origin" | "none"));
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let (Ok(origin), Some(host)) = (
        origin.to_str(),
        headers.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) else {
        return false;
    };
    origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
        .is_some_and(|authority| authority.eq_ignore_ascii_case(host))
}

/// Where a browser says a POST came from, for forms without a CSRF token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provenance {
    /// `Sec-Fetch-Site: same-origin`, or an `Origin` naming our host.
    SameOrigin,
    /// Another site, or a browser-initiated request with no origin (`Sec-Fetch-Site: none`
    /// on a POST, `Origin` of another host).
    Elsewhere,
    /// Neither header is usable (`Origin: null`, which our `no-referrer` policy gives, and
    /// no `Sec-Fetch-Site`): an old browser, or not a browser.
    Unknown,
}

/// The provenance of a request from its `Sec-Fetch-Site` and `Origin` headers. Stricter than
/// [`same_origin`]: only positive evidence counts as same-origin, because the form it guards
/// has no CSRF token behind it.
pub fn provenance(headers: &HeaderMap) -> Provenance {
    if let Some(site) = headers.get("sec-fetch-site") {
        return if site.as_bytes() == b"same-origin" {
            Provenance::SameOrigin
        } else {
            Provenance::Elsewhere
        };
    }
    match headers.get(header::ORIGIN).map(|v| v.to_str()) {
        None | Some(Ok("null")) => Provenance::Unknown,
        Some(_) if same_origin(headers) => Provenance::SameOrigin,
        Some(_) => Provenance::Elsewhere,
    }
}

/// A form body from a browser that says it came from our own pages ([`Provenance`]), for the
/// cookie banner, whose form is on pages shared by every visitor and so carries no token
/// (docs/SECURITY.md, "The cookie banner without a token").
#[derive(Debug)]
pub struct SameOriginForm<T> {
    /// Where the request came from; a handler decides what `Unknown` gets.
    pub provenance: Provenance,
    /// The form.
    pub form: T,
}

impl<T: DeserializeOwned> FromRequest<AppState> for SameOriginForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let provenance = provenance(req.headers());
        if provenance == Provenance::Elsewhere {
            return Err(AppError::Forbidden);
        }
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        if !content_type.starts_with("application/x-www-form-urlencoded") {
            return Err(AppError::BadRequest);
        }
        let body = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                AppError::TooLarge
            } else {
                AppError::BadRequest
            }
        })?;
        let form = serde_html_form::from_bytes(&body).map_err(|_| AppError::BadRequest)?;
        Ok(Self { provenance, form })
    }
}
