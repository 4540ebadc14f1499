//! Security headers on every response, and `Cache-Control: no-store` on every page, because a
//! victim's browser may be looked at by the person harming them.

use axum::http::header::{self, HeaderName};
use axum::http::{HeaderMap, HeaderValue};

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

/// Parsed once at compile time: `from_static` on a plain string at run time re-checks the
/// name on every response.
const FIXED: [(HeaderName, HeaderValue); 6] = [
    (
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    ),
    (
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    ),
    (
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    ),
    (
        HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("same-origin"),
    ),
    (
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static(
            "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), \
             interest-cohort=(), browsing-topics=()",
        ),
    ),
    (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
];

/// Add the security headers and default caching rules.
pub fn add_headers(state: &AppState, h: &mut HeaderMap) {
    // Room for all of them at once, rather than growing the map twice on the way.
    h.reserve(FIXED.len() + 3);
    for (name, value) in FIXED {
        h.insert(name, value);
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
}
