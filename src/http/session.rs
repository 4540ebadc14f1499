//! The one essential cookie: a random session id. It ties CSRF tokens to the browser and keys
//! the server-side draft. The database only ever sees a hash of it.
//!
//! Only ids we issued are honoured: the cookie carries the id and an HMAC tag under a key
//! derived from the service secret (so every instance can check it, with no lookup), and a
//! value without a valid tag is ignored and replaced. Because anyone can fetch a real id and
//! try to plant it in a victim's browser, handlers also move the visitor to a fresh id at the
//! moments that matter (a report started or sent, a confirmation shown, a staff set-up link
//! opened): they put [`Rotated`] in the response and this layer sets the new cookie.

/// The pending staff sign-in step (password accepted, code not yet given).
pub(crate) const PENDING_SIGN_IN: &str = "pending-sign-in";
/// The pending staff account set-up (link opened, authenticator not yet confirmed).
pub(crate) const PENDING_SETUP: &str = "pending-setup";
/// The staff steps kept in the public session; a rotation of the session id drops them.
pub(crate) const PENDING_NAMES: [&str; 2] = [PENDING_SIGN_IN, PENDING_SETUP];

use std::sync::{Arc, OnceLock};

use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::http::header::SET_COOKIE;
use axum::middleware::Next;
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

/// The visitor's session id (64 hex characters), put in request extensions by [`middleware`].
#[derive(Clone, Debug)]
pub struct SessionId {
    /// A fresh id is drawn when first used, so a request that never needs one (a cached
    /// content page, most first visits) costs no random bytes. Clones share it.
    id: Arc<OnceLock<String>>,
    /// Issued on this request: nothing can be held under it yet, and nobody else has it.
    fresh: bool,
}

/// Marker a handler puts in response extensions when it ended the session, so the middleware
/// does not hand out a fresh cookie on the same response.
#[derive(Clone, Copy, Debug)]
pub struct SessionEnded;

/// Marker on a response that holds nothing of a session (a page the same for every visitor,
/// the cookie banner's answer): the middleware starts no session for it, so a first visit to
/// a content page sets no cookie (issue 15).
#[derive(Clone, Copy, Debug)]
pub struct Sessionless;

/// Marker a handler puts in response extensions when it moved the visitor to a new session
/// id: the middleware sets the cookie to it.
#[derive(Clone, Debug)]
pub struct Rotated(pub SessionId);

impl SessionId {
    /// A new random id (drawn when first used).
    pub fn generate() -> Self {
        Self {
            id: Arc::new(OnceLock::new()),
            fresh: true,
        }
    }

    fn known(id: &str, fresh: bool) -> Self {
        Self {
            id: Arc::new(OnceLock::from(id.to_owned())),
            fresh,
        }
    }

    /// The id from the request's session cookie, if we issued it.
    pub fn from_headers(headers: &HeaderMap, state: &AppState) -> Option<Self> {
        let value = read_cookie(headers, cookie_name(&state.config))?;
        Self::from_cookie_value(value, &state.keys)
    }

    /// The id in a cookie value (`id.tag`), if the tag shows we issued it.
    pub fn from_cookie_value(value: &str, keys: &Keys) -> Option<Self> {
        let (id, tag) = value.split_once('.')?;
        let well_formed = id.len() == 64 && id.bytes().all(|b| b.is_ascii_hexdigit());
        (well_formed && keys.session_tag_valid(id, tag)).then(|| Self::known(id, false))
    }

    /// The id in a `Set-Cookie` value, if it sets the session cookie.
    pub fn from_set_cookie(value: &str, state: &AppState) -> Option<Self> {
        let cookie = Cookie::parse(value).ok()?;
        (cookie.name() == cookie_name(&state.config))
            .then(|| Self::from_cookie_value(cookie.value(), &state.keys))
            .flatten()
            .map(|s| Self { fresh: true, ..s })
    }

    /// The raw id, for CSRF tokens.
    pub fn as_str(&self) -> &str {
        self.id
            .get_or_init(|| hex::encode(crate::random::bytes::<32>()))
    }

    /// Whether the id was issued on this request (no cookie, or one we did not issue, came
    /// with it).
    pub fn is_fresh(&self) -> bool {
        self.fresh
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
    // A plain split rather than a cookie parser: this runs several times on every request,
    // our cookie values never need decoding, and it borrows instead of allocating.
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.trim_matches('"'))
}

/// Give every request for an HTML page a session id, setting the cookie when it is new and the
/// response may depend on it (not [`Sessionless`]), or a handler moved the visitor to another.
pub async fn middleware(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let id = SessionId::from_headers(req.headers(), &state).unwrap_or_else(SessionId::generate);
    req.extensions_mut().insert(id.clone());
    let mut res = next.run(req).await;
    let set = match res.extensions().get::<Rotated>() {
        Some(Rotated(to)) => Some(to.clone()),
        // A page that is the same for everyone holds nothing of a session: no cookie for it,
        // so a first visit to a content page starts no session (issue 15).
        None if id.fresh
            && res.extensions().get::<SessionEnded>().is_none()
            && res.extensions().get::<Sessionless>().is_none() =>
        {
            Some(id)
        }
        None => None,
    };
    if let Some(to) = set
        && let Ok(value) = session_cookie(&state, &to).parse()
    {
        res.headers_mut().append(SET_COOKIE, value);
    }
    res
}
