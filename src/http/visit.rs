//! What the frame (`http::frame`) reads off a request once, before any handler runs: the
//! visitor's session, the client as the abuse controls see it, the cookie choices, the
//! language and the best content coding. It goes into the request as one extension, so a
//! handler, the page chrome and the frame itself never read the same header twice.
//!
//! Issue 15: on a returning visitor's cached page, looking up the `Cookie` header once for
//! each cookie (session, consent twice, language) and parsing `Accept-Encoding` twice was a
//! tenth of the instructions the server spent; each extra request extension costs a map
//! insert too, so the session and the client travel in this one.

use std::net::SocketAddr;
use std::ops::Range;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{Extensions, HeaderMap, HeaderValue, header};

use super::abuse::ClientIp;
use super::assets::Coding;
use super::consent::{CONSENT_COOKIE, Consent};
use super::language::LANGUAGE_COOKIE;
use super::session::{Claim, SessionId, cookie_name};
use super::state::AppState;

/// The request's facts that every layer above the handlers shares.
#[derive(Clone, Debug)]
pub struct Visit {
    /// The visitor's session, worked out on first use.
    pub session: SessionId,
    /// The client: the peer, or the address a trusted proxy forwarded.
    pub client: ClientIp,
    /// The visitor's choice about usage cookies.
    pub consent: Consent,
    /// The visitor's language, as an index into the service's texts.
    pub language: usize,
    /// The best content coding the request accepts.
    pub coding: Coding,
}

impl Visit {
    /// Read the facts off a request's headers and extensions (for the peer address).
    pub fn read(state: &AppState, headers: &HeaderMap, extensions: &Extensions) -> Self {
        let cookies = Cookies::read(headers, cookie_name(&state.config));
        let peer = extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        Self {
            session: SessionId::claimed(cookies.session_claim(), state),
            client: ClientIp(state.guard.client(peer, headers)),
            consent: Consent::from_cookie(cookies.consent),
            language: super::language::choose(cookies.language, headers, &state.text),
            coding: Coding::best_in(headers.get_all(header::ACCEPT_ENCODING)),
        }
    }

    /// The request's visit as the frame left it, or read afresh where no frame ran.
    pub fn of(parts: &Parts, state: &AppState) -> Self {
        Self::pick(parts, state, Self::clone)
    }

    /// One fact of the request's visit.
    fn pick<T>(parts: &Parts, state: &AppState, fact: impl Fn(&Self) -> T) -> T {
        match parts.extensions.get::<Self>() {
            Some(visit) => fact(visit),
            None => fact(&Self::read(state, &parts.headers, &parts.extensions)),
        }
    }
}

/// Extractors for the facts handlers take from the visit.
macro_rules! from_visit {
    ($($fact:ty => $pick:expr;)*) => {$(
        impl FromRequestParts<AppState> for $fact {
            type Rejection = std::convert::Infallible;

            async fn from_request_parts(
                parts: &mut Parts,
                state: &AppState,
            ) -> Result<Self, Self::Rejection> {
                Ok(Visit::pick(parts, state, $pick))
            }
        }
    )*};
}

from_visit! {
    SessionId => |visit: &Visit| visit.session.clone();
    ClientIp => |visit: &Visit| visit.client;
}

/// The values of the three cookies a public page depends on, read in one pass over the
/// request's `Cookie` headers. Where a name comes twice, the first counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Cookies<'h> {
    /// Where the session cookie's value stands: it is kept, and checked only if used.
    session: Option<(&'h HeaderValue, Range<usize>)>,
    consent: Option<&'h str>,
    language: Option<&'h str>,
}

impl<'h> Cookies<'h> {
    /// Hand-rolled rather than a cookie parser: our cookie values never need decoding, this
    /// borrows instead of allocating, and it steps from `;` to `;` with memchr's vectorised
    /// search, comparing each name once against the three we want.
    fn read(headers: &'h HeaderMap, session_name: &str) -> Self {
        let mut found = Self::default();
        for header in headers.get_all(header::COOKIE) {
            let bytes = header.as_bytes();
            let mut start = 0;
            while start <= bytes.len() {
                let end = memchr::memchr(b';', &bytes[start..]).map_or(bytes.len(), |i| start + i);
                found.take(header, start..end, session_name.as_bytes());
                start = end + 1;
            }
        }
        found
    }

    /// Keep the pair (`name=value`) at `pair` in `header` if it is the first of a cookie we
    /// want.
    fn take(&mut self, header: &'h HeaderValue, pair: Range<usize>, session_name: &[u8]) {
        let bytes = header.as_bytes();
        let text = &bytes[pair.clone()];
        let name_start = pair.start + (text.len() - text.trim_ascii_start().len());
        let Some(eq) = memchr::memchr(b'=', &bytes[name_start..pair.end]).map(|i| name_start + i)
        else {
            return;
        };
        let name = &bytes[name_start..eq];
        let value = value_in(bytes, eq + 1..pair.end);
        if name == session_name {
            self.session.get_or_insert((header, value));
            return;
        }
        let slot = if name == CONSENT_COOKIE.as_bytes() {
            &mut self.consent
        } else if name == LANGUAGE_COOKIE.as_bytes() {
            &mut self.language
        } else {
            return;
        };
        if slot.is_none() {
            *slot = std::str::from_utf8(&bytes[value]).ok();
        }
    }

    /// The session cookie's value, to be checked when first used.
    fn session_claim(&self) -> Option<Claim> {
        self.session
            .as_ref()
            .map(|(header, value)| Claim::new(header, value.clone()))
    }
}

/// `value` in `bytes` without trailing spaces and surrounding quotes (`"…"`).
fn value_in(bytes: &[u8], mut value: Range<usize>) -> Range<usize> {
    while value.end > value.start && bytes[value.end - 1].is_ascii_whitespace() {
        value.end -= 1;
    }
    while value.end > value.start && bytes[value.end - 1] == b'"' {
        value.end -= 1;
    }
    while value.start < value.end && bytes[value.start] == b'"' {
        value.start += 1;
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Cookies<'_> {
        fn session_text(&self) -> Option<&str> {
            let (header, value) = self.session.as_ref()?;
            std::str::from_utf8(&header.as_bytes()[value.clone()]).ok()
        }
    }

    fn read(values: &[&'static str]) -> Cookies<'static> {
        // Leaked so the borrowed values outlive the map: a test's few bytes.
        let headers: &'static mut HeaderMap = Box::leak(Box::default());
        for v in values {
            headers.append(header::COOKIE, v.parse().expect("value"));
        }
        Cookies::read(headers, "ss_session")
    }

    #[test]
    fn reads_each_cookie_wherever_it_stands() {
        let all = read(&["a=1; ss_session=abc.def; ss_cookie_consent=no;ss_lang=\"cy\" "]);
        assert_eq!(all.session_text(), Some("abc.def"));
        assert_eq!(all.consent, Some("no"));
        assert_eq!(all.language, Some("cy"));
        let split = read(&["ss_lang=", "x=ss_session=1; ss_session=2"]);
        assert_eq!(split.language, Some(""));
        assert_eq!(split.session_text(), Some("2"));
        assert_eq!(split.consent, None);
    }

    #[test]
    fn a_name_must_match_whole_and_the_first_of_a_name_counts() {
        // `__Host-ss_session` ends with `ss_session`; ` ss_lang = cy` has spaces in its name.
        let c = read(&["__Host-ss_session=1; ss_lang = cy; ss_cookie_consent=yes"]);
        assert_eq!(c.session, None);
        assert_eq!(c.language, None);
        assert_eq!(c.consent, Some("yes"));
        let twice = read(&["ss_session=first; ss_session=second"]);
        assert_eq!(twice.session_text(), Some("first"));
        assert_eq!(read(&["ss_session"]), Cookies::default());
        assert_eq!(read(&[]), Cookies::default());
    }

    #[test]
    fn a_choice_that_is_not_text_is_not_taken_and_a_session_is_checked_only_when_used() {
        let mut headers = HeaderMap::new();
        headers.append(
            header::COOKIE,
            HeaderValue::from_bytes(b"ss_session=\xff; ss_cookie_consent=\xfe; ss_lang=cy")
                .expect("value"),
        );
        let c = Cookies::read(&headers, "ss_session");
        assert_eq!(c.consent, None);
        assert_eq!(c.language, Some("cy"));
        // Kept as it came; `SessionId` finds it is not one of ours when a handler asks.
        assert!(c.session.is_some());
        assert_eq!(c.session_text(), None);
    }
}
