//! The one essential cookie: a random session id. It ties CSRF tokens to the browser and keys
//! the server-side draft. The database only ever sees a hash of it.
//!
//! Only ids we issued are honoured: the cookie carries the id and an HMAC tag under a key
//! derived from the service secret (so every instance can check it, with no lookup), and a
//! value without a valid tag is ignored and replaced. Because anyone can fetch a real id and
//! try to plant it in a victim's browser, handlers also move the visitor to a fresh id at the
//! moments that matter (a report started or sent, a confirmation shown, a staff set-up link
//! opened): they put [`Rotated`] in the response and [`settle`] sets the new cookie.

/// The pending staff sign-in step (password accepted, code not yet given).
pub(crate) const PENDING_SIGN_IN: &str = "pending-sign-in";
/// The pending staff account set-up (link opened, authenticator not yet confirmed).
pub(crate) const PENDING_SETUP: &str = "pending-setup";
/// The staff steps kept in the public session; a rotation of the session id drops them.
pub(crate) const PENDING_NAMES: [&str; 2] = [PENDING_SIGN_IN, PENDING_SETUP];

use std::sync::{Arc, OnceLock};

use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, HeaderValue};
use axum::response::Response;
use cookie::{Cookie, SameSite};
use sha2::{Digest, Sha256};

use super::state::{AppState, Keys};
use crate::config::Config;

/// Name of the session cookie where the browser allows the `__Host-` prefix (HTTPS, or a
/// loopback host, which browsers treat as secure): no other host or path can set it.
pub const HOST_SESSION_COOKIE: &str = "__Host-ss_session";
/// Name of the session cookie on plain HTTP to a non-loopback host, where `Secure` (and so the
/// prefix) would make browsers drop it.
pub const SESSION_COOKIE: &str = "ss_session";

/// The session cookie's name and whether it is `Secure`, from the public address.
pub fn cookie_name(config: &Config) -> &'static str {
    if secure(config) {
        HOST_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}

fn secure(config: &Config) -> bool {
    *config.secure_cookies.get_or_init(|| secure_address(config))
}

fn secure_address(config: &Config) -> bool {
    if config.uses_tls() {
        return true;
    }
    // Browsers treat these hosts as secure contexts even over plain HTTP, so a Secure cookie
    // (and the `__Host-` prefix) works there, as it does for the staff cookie.
    let url = config.base_url();
    let host = url
        .parse::<axum::http::Uri>()
        .ok()
        .and_then(|u| u.host().map(str::to_ascii_lowercase));
    matches!(
        host.as_deref(),
        Some("localhost" | "127.0.0.1" | "[::1]" | "::1")
    ) || host.is_some_and(|h| h.ends_with(".localhost"))
}

/// The visitor's session id (64 hex characters), part of every request's
/// [`Visit`](super::visit::Visit) (a handler takes it as an extractor); the frame
/// (`http::frame`) then [`settle`]s the cookie.
///
/// Worked out on first use: the cookie's tag is checked, or a fresh id drawn, only when a
/// handler asks for the id. A cached content page never does, so serving one to a returning
/// visitor costs no HMAC and no random bytes (issue 15). Clones share the outcome.
#[derive(Clone)]
pub struct SessionId(Arc<Lazy>);

struct Lazy {
    /// The cookie's value (`id.tag`) and the keys to check it with, until first use.
    claim: Option<(Claim, Arc<Keys>)>,
    /// The id, and whether it was issued on this request (no cookie, or one we did not
    /// issue, came with it): nothing can be held under a fresh id yet, and nobody else has it.
    resolved: OnceLock<(String, bool)>,
}

impl std::fmt::Debug for SessionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the id itself: it is a bearer credential.
        f.debug_struct("SessionId").finish_non_exhaustive()
    }
}

/// Marker a handler puts in response extensions when it ended the session, so [`settle`]
/// does not hand out a fresh cookie on the same response.
#[derive(Clone, Copy, Debug)]
pub struct SessionEnded;

/// Marker a handler puts in response extensions when it moved the visitor to a new session
/// id: [`settle`] sets the cookie to it.
#[derive(Clone, Debug)]
pub struct Rotated(pub SessionId);

impl SessionId {
    /// A new random id (drawn when first used).
    pub fn generate() -> Self {
        Self(Arc::new(Lazy {
            claim: None,
            resolved: OnceLock::new(),
        }))
    }

    fn known(id: &str, fresh: bool) -> Self {
        Self(Arc::new(Lazy {
            claim: None,
            resolved: OnceLock::from((id.to_owned(), fresh)),
        }))
    }

    /// The session a request's session cookie (its value, if it sent one) claims, checked
    /// when first used: the cookie's id if we issued it, otherwise a fresh one.
    pub fn claimed(cookie: Option<Claim>, state: &AppState) -> Self {
        Self(Arc::new(Lazy {
            claim: cookie.map(|value| (value, Arc::clone(&state.keys))),
            resolved: OnceLock::new(),
        }))
    }

    fn resolved(&self) -> &(String, bool) {
        self.0.resolved.get_or_init(|| {
            self.0
                .claim
                .as_ref()
                .and_then(|(claim, keys)| verified_id(claim.value()?, keys))
                .map_or_else(
                    || (hex::encode(crate::random::bytes::<32>()), true),
                    |id| (id.to_owned(), false),
                )
        })
    }

    /// The id in a cookie value (`id.tag`), if the tag shows we issued it.
    pub fn from_cookie_value(value: &str, keys: &Keys) -> Option<Self> {
        verified_id(value, keys).map(|id| Self::known(id, false))
    }

    /// The id in a `Set-Cookie` value, if it sets the session cookie.
    pub fn from_set_cookie(value: &str, state: &AppState) -> Option<Self> {
        let cookie = Cookie::parse(value).ok()?;
        (cookie.name() == cookie_name(&state.config))
            .then(|| Self::from_cookie_value(cookie.value(), &state.keys))
            .flatten()
            .map(|s| Self::known(s.as_str(), true))
    }

    /// The raw id, for CSRF tokens.
    pub fn as_str(&self) -> &str {
        &self.resolved().0
    }

    /// Whether a handler has asked for the id (or whether it is fresh) yet.
    pub fn was_used(&self) -> bool {
        self.0.resolved.get().is_some()
    }

    /// Whether the id was issued on this request (no cookie, or one we did not issue, came
    /// with it).
    pub fn is_fresh(&self) -> bool {
        self.resolved().1
    }

    /// The cookie's value: the id and its tag.
    pub fn cookie_value(&self, keys: &Keys) -> String {
        format!("{}.{}", self.as_str(), keys.session_tag(self.as_str()))
    }

    /// The key under which server-side data is stored: a hash, so a copy of the database
    /// does not hold live cookies.
    pub fn store_key(&self) -> String {
        hex::encode(Sha256::digest(self.as_str().as_bytes()))
    }
}

/// A session cookie's value where the request holds it: its header and the value's place in
/// it. Kept rather than copied out, and read as text only if a handler asks for the id: a
/// shared page never does (issue 15).
#[derive(Clone, Debug)]
pub struct Claim {
    header: HeaderValue,
    value: std::ops::Range<usize>,
}

impl Claim {
    /// The cookie value at `value` in `header`.
    pub fn new(header: &HeaderValue, value: std::ops::Range<usize>) -> Self {
        Self {
            header: header.clone(),
            value,
        }
    }

    /// The value, if it is text.
    fn value(&self) -> Option<&str> {
        std::str::from_utf8(self.header.as_bytes().get(self.value.clone())?).ok()
    }
}

/// The id in a cookie value (`id.tag`), if the tag shows we issued it.
fn verified_id<'v>(value: &'v str, keys: &Keys) -> Option<&'v str> {
    let (id, tag) = value.split_once('.')?;
    let well_formed = id.len() == 64 && id.bytes().all(|b| b.is_ascii_hexdigit());
    (well_formed && keys.session_tag_valid(id, tag)).then_some(id)
}

/// The `Set-Cookie` value for the session cookie.
pub fn session_cookie(state: &AppState, id: &SessionId) -> String {
    Cookie::build((cookie_name(&state.config), id.cookie_value(&state.keys)))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure(&state.config))
        .build()
        .to_string()
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn expired_session_cookie(state: &AppState) -> String {
    Cookie::build((cookie_name(&state.config), ""))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure(&state.config))
        .max_age(cookie::time::Duration::ZERO)
        .build()
        .to_string()
}

/// Mark `res` as moving the visitor to session `id`.
pub fn rotated(mut res: Response, id: SessionId) -> Response {
    res.extensions_mut().insert(Rotated(id));
    res
}

/// The value of the first cookie called `name` in the request's `Cookie` headers.
pub fn read_cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .find_map(|v| cookie_in(v.as_bytes(), name.as_bytes()))
}

/// The value of cookie `name` in one `Cookie` header (`a=1; b=2`).
///
/// Hand-rolled rather than a cookie parser, for the same reasons as the frame's one-pass reader
/// (`http::visit`): our cookie values never need decoding, and it borrows instead of
/// allocating. This one serves the back office, which wants a single other cookie (the staff
/// session).
fn cookie_in<'h>(header: &'h [u8], name: &[u8]) -> Option<&'h str> {
    let mut rest = header;
    loop {
        let end = memchr::memchr(b';', rest).unwrap_or(rest.len());
        let value = rest[..end]
            .trim_ascii_start()
            .strip_prefix(name)
            .and_then(|after| after.strip_prefix(b"="));
        if let Some(value) = value {
            let value = std::str::from_utf8(value.trim_ascii_end()).ok()?;
            return Some(value.trim_matches('"'));
        }
        rest = rest.get(end + 1..)?;
    }
}

/// The session cookie `res` needs, if any, given the request's session `id`: the new id when
/// a handler moved the visitor to one ([`Rotated`]); otherwise this request's id when a
/// handler used it (a form's CSRF token, a draft) and it was issued on this request; none
/// when a handler ended the session ([`SessionEnded`]).
///
/// "Used" is what decides, not the kind of page: a response that never asked for the id
/// cannot depend on it, so a page the same for every visitor, an asset or an API answer
/// starts no session, and a first visit to a content page sets no cookie (issue 15).
pub fn settle(state: &AppState, id: &SessionId, mut res: Response) -> Response {
    let set = match res.extensions().get::<Rotated>() {
        Some(Rotated(to)) => Some(to.clone()),
        None if res.extensions().get::<SessionEnded>().is_none()
            && id.was_used()
            && id.is_fresh() =>
        {
            Some(id.clone())
        }
        None => None,
    };
    if let Some(to) = set
        && let Ok(value) = session_cookie(state, &to).parse()
    {
        res.headers_mut().append(SET_COOKIE, value);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_cookie_wherever_it_stands_in_the_header() {
        let header = b"a=1; ss_session=abc.def; ss_cookie_consent=no";
        assert_eq!(cookie_in(header, b"a"), Some("1"));
        assert_eq!(cookie_in(header, b"ss_session"), Some("abc.def"));
        assert_eq!(cookie_in(header, b"ss_cookie_consent"), Some("no"));
        assert_eq!(cookie_in(b"ss_lang=cy", b"ss_lang"), Some("cy"));
        assert_eq!(cookie_in(b" ss_lang = cy", b"ss_lang"), None);
        assert_eq!(cookie_in(b"ss_lang=\"cy\" ;x=1", b"ss_lang"), Some("cy"));
        assert_eq!(cookie_in(b"ss_lang=", b"ss_lang"), Some(""));
    }

    #[test]
    fn a_name_inside_another_name_or_value_is_not_the_cookie() {
        // `__Host-ss_session` ends with `ss_session`; a value may contain `name=`.
        assert_eq!(cookie_in(b"__Host-ss_session=1", b"ss_session"), None);
        assert_eq!(
            cookie_in(b"__Host-ss_session=1; ss_session=2", b"ss_session"),
            Some("2")
        );
        assert_eq!(cookie_in(b"x=ss_session=3", b"ss_session"), None);
        assert_eq!(cookie_in(b"ss_sessionx=1", b"ss_session"), None);
        assert_eq!(cookie_in(b"", b"ss_session"), None);
    }

    #[test]
    fn the_first_of_several_headers_that_holds_the_cookie_wins() {
        let mut headers = HeaderMap::new();
        headers.append(axum::http::header::COOKIE, "a=1".parse().expect("value"));
        headers.append(
            axum::http::header::COOKIE,
            "b=2; a=3".parse().expect("value"),
        );
        assert_eq!(read_cookie(&headers, "b"), Some("2"));
        assert_eq!(read_cookie(&headers, "a"), Some("1"));
        assert_eq!(read_cookie(&headers, "c"), None);
        let mut binary = HeaderMap::new();
        binary.append(
            axum::http::header::COOKIE,
            axum::http::HeaderValue::from_bytes(b"a=\xff").expect("value"),
        );
        assert_eq!(read_cookie(&binary, "a"), None);
    }
}
