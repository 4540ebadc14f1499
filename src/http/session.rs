//! The one essential cookie: a random session id. It ties CSRF tokens to the browser and keys
//! the server-side draft. The database only ever sees a hash of it.

use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::http::header::SET_COOKIE;
use axum::middleware::Next;
use axum::response::Response;
use cookie::{Cookie, SameSite};
use sha2::{Digest, Sha256};

use super::state::AppState;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "ss_session";

/// The visitor's session id (64 hex characters), put in request extensions by [`middleware`].
#[derive(Clone, Debug)]
pub struct SessionId(String);

/// Marker a handler puts in response extensions when it ended the session, so the middleware
/// does not hand out a fresh cookie on the same response.
#[derive(Clone, Copy, Debug)]
pub struct SessionEnded;

impl SessionId {
    /// A new random id.
    pub fn generate() -> Self {
        Self(hex::encode(crate::random::bytes::<32>()))
    }

    /// The id from the request's cookie, if it is well formed.
    pub fn from_headers(headers: &HeaderMap) -> Option<Self> {
        Self::parse(read_cookie(headers, SESSION_COOKIE)?)
    }

    fn parse(value: &str) -> Option<Self> {
        (value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| Self(value.to_ascii_lowercase()))
    }

    /// The id in a `Set-Cookie` value, if it sets the session cookie.
    pub fn from_set_cookie(value: &str) -> Option<Self> {
        let cookie = Cookie::parse(value).ok()?;
        (cookie.name() == SESSION_COOKIE)
            .then(|| Self::parse(cookie.value()))
            .flatten()
    }

    /// The raw id, for CSRF tokens.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key under which server-side data is stored: a hash, so a copy of the database
    /// does not hold live cookies.
    pub fn store_key(&self) -> String {
        hex::encode(Sha256::digest(self.0.as_bytes()))
    }
}

/// The `Set-Cookie` value for the session cookie.
pub fn session_cookie(id: &SessionId, secure: bool) -> String {
    Cookie::build((SESSION_COOKIE, id.0.clone()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure)
        .build()
        .to_string()
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn expired_session_cookie(secure: bool) -> String {
    Cookie::build((SESSION_COOKIE, ""))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure)
        .max_age(cookie::time::Duration::ZERO)
        .build()
        .to_string()
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

/// Give every visitor of an HTML page a session id, setting the cookie when it is new.
pub async fn middleware(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let (id, new) = match SessionId::from_headers(req.headers()) {
        Some(id) => (id, false),
        None => (SessionId::generate(), true),
    };
    req.extensions_mut().insert(id.clone());
    let mut res = next.run(req).await;
    if new && res.extensions().get::<SessionEnded>().is_none() {
        let cookie = session_cookie(&id, state.config.uses_tls());
        if let Ok(value) = cookie.parse() {
            res.headers_mut().append(SET_COOKIE, value);
        }
    }
    res
}
