//! Shared application state handed to every handler.

use std::sync::Arc;

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::clock::Clock;
use crate::config::Config;
use crate::storage::DynStore;

/// Everything a request may need. Cloned by every middleware layer on every request, so it is
/// one `Arc` (one atomic increment) rather than a struct of several.
#[derive(Clone, Debug)]
pub struct AppState(Arc<Shared>);

impl AppState {
    /// Wrap the shared parts.
    pub fn new(shared: Shared) -> Self {
        Self(Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// The parts of [`AppState`].
#[derive(Debug)]
pub struct Shared {
    /// Settings.
    pub config: Arc<Config>,
    /// The database.
    pub store: DynStore,
    /// The time.
    pub clock: Arc<dyn Clock>,
    /// User-facing text.
    pub text: crate::i18n::Texts,
    /// Keys derived from the service secret.
    pub keys: Arc<Keys>,
    /// The Content-Security-Policy header value, built once.
    pub csp: axum::http::HeaderValue,
    /// Keys that encrypt victims' answers at rest.
    pub keyring: Arc<crate::crypto::Keyring>,
    /// Force areas and gazetteer.
    pub geography: crate::geography::Geography,
    /// Pages that are the same for everyone, rendered once.
    pub pages: super::render::PageCache,
    /// Rate limits, trusted proxies and the proof-of-work switch.
    pub guard: super::abuse::Guard,
    /// The map tiles served from `/tiles/basemap.pmtiles`.
    pub basemap: crate::tiles::Basemap,
    /// Per-key token buckets of Open311 `POST requests`.
    pub open311_limits: super::abuse::partner::PostLimits,
    /// Page views counted in memory until the next flush.
    pub page_views: super::usage::Tally,
}

/// Keys derived from the one service secret, each for a single purpose.
pub struct Keys {
    csrf: [u8; 32],
    client: [u8; 32],
    pow: [u8; 32],
    disclosure: [u8; 32],
    session: [u8; 32],
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys([redacted])")
    }
}

type HmacSha256 = Hmac<Sha256>;

/// HMAC-SHA256 of `message` under `key`.
pub fn hmac(key: &[u8], message: &[u8]) -> [u8; 32] {
    // HMAC accepts keys of any length, so this cannot fail; fall back to an empty key anyway.
    let mut mac = HmacSha256::new_from_slice(key)
        .unwrap_or_else(|_| HmacSha256::new_from_slice(&[]).unwrap_or_else(|_| unreachable!()));
    mac.update(message);
    mac.finalize().into_bytes().into()
}

impl Keys {
    /// Derive the purpose keys from the service secret.
    pub fn derive(secret: &[u8]) -> Self {
        Self {
            csrf: hmac(secret, b"saferstreets csrf v1"),
            client: hmac(secret, b"saferstreets client v1"),
            pow: hmac(secret, b"saferstreets proof of work v1"),
            disclosure: hmac(secret, b"saferstreets disclosure v1"),
            session: hmac(secret, b"saferstreets session v1"),
        }
    }

    /// A pseudonym for sign-in counting (`purpose` keeps accounts, clients and pairs apart):
    /// an HMAC under both the secret and the random key of the day (`Store::daily_key`). The
    /// day's key is deleted with the counts once its last window is over, so afterwards not
    /// even someone holding the database and the secret can tell whose a pseudonym was; and
    /// while it lasts, the database alone is not enough either.
    pub fn sign_in_pseudonym(&self, daily_key: &[u8], purpose: &str, text: &str) -> String {
        let key = hmac(&self.client, daily_key);
        let message = [purpose.as_bytes(), b"\0", text.as_bytes()].concat();
        format!("{purpose}:{}", hex::encode(&hmac(&key, &message)[..16]))
    }

    /// A client's pseudonym for sign-in counting: its address, or its /64 for IPv6 (one
    /// household or phone gets a whole /64), under today's key.
    pub fn client_pseudonym(&self, daily_key: &[u8], addr: Option<std::net::IpAddr>) -> String {
        self.sign_in_pseudonym(daily_key, "client", &super::abuse::client_text(addr))
    }

    /// The key that signs proof-of-work challenges (shared by every instance).
    pub fn pow(&self) -> &[u8] {
        &self.pow
    }

    /// The key of the disclosure-control rounding (`domain::disclosure`), shared by every
    /// instance so they publish the same figures.
    pub fn disclosure(&self) -> [u8; 32] {
        self.disclosure
    }

    /// The tag that shows a public session id was issued by us (any instance): the cookie
    /// carries `id.tag`, so a value a client made up is never honoured.
    pub fn session_tag(&self, session_id: &str) -> String {
        hex::encode(hmac(&self.session, session_id.as_bytes()))
    }

    /// Whether `tag` is the tag of `session_id` (constant time).
    pub fn session_tag_valid(&self, session_id: &str, tag: &str) -> bool {
        let Ok(given) = hex::decode(tag) else {
            return false;
        };
        let Ok(mut mac) = HmacSha256::new_from_slice(&self.session) else {
            return false;
        };
        mac.update(session_id.as_bytes());
        mac.verify_slice(&given).is_ok()
    }

    /// The CSRF token that belongs to a session id.
    pub fn csrf_token(&self, session_id: &str) -> String {
        hex::encode(hmac(&self.csrf, session_id.as_bytes()))
    }

    /// Whether `token` is the CSRF token of `session_id` (constant time).
    pub fn csrf_valid(&self, session_id: &str, token: &str) -> bool {
        let Ok(given) = hex::decode(token) else {
            return false;
        };
        let Ok(mut mac) = HmacSha256::new_from_slice(&self.csrf) else {
            return false;
        };
        mac.update(session_id.as_bytes());
        mac.verify_slice(&given).is_ok()
    }
}
