//! Security headers on every response, and `Cache-Control: no-store` on every page, because a
//! victim's browser may be looked at by the person harming them.

use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::http::header::{self, HeaderName};
use axum::middleware::Next;
use axum::response::Response;

use super::state::AppState;

/// The Content-Security-Policy: our own origin only, no inline script or style.
/// `extra_img` lets a configured map tile server through `img-src` (later issues).
pub fn content_security_policy(extra_img: &[String]) -> String {
    let mut img = String::from("'self' data:");
    for source in extra_img {
        img.push(' ');
        img.push_str(source);
    }
    format!(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src {img}; \
         font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; \
         form-action 'self'; base-uri 'none'; manifest-src 'self'; worker-src 'none'"
    )
}

const FIXED: [(&str, &str); 6] = [
    ("referrer-policy", "no-referrer"),
    ("x-content-type-options", "nosniff"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    (
        "permissions-policy",
        "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), \
         interest-cohort=(), browsing-topics=()",
    ),
    ("x-frame-options", "DENY"),
];

/// Add the security headers and default caching rules.
pub async fn headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    for (name, value) in FIXED {
        h.insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    h.insert(header::CONTENT_SECURITY_POLICY, state.csp.clone());
    if state.config.uses_tls() {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}
