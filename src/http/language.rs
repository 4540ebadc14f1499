//! The visitor's language: a choice made with the switcher at the top of every public page,
//! kept in an essential cookie, wins over the browser's `Accept-Language`, which decides while
//! no choice has been made. The switcher is a plain link (`/language?set=cy&return=/path`), so
//! it works without JavaScript.

use axum::extract::{Query, State};
use axum::http::header::{self, HeaderValue};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use cookie::{Cookie, SameSite};
use serde::Deserialize;

use super::chrome::safe_return_path;
use super::state::AppState;
use crate::i18n::Texts;

/// Name of the language cookie.
pub const LANGUAGE_COOKIE: &str = "ss_lang";

// Like the session and consent cookies it has no `Max-Age`: a cookie that outlives the visit
// would tell whoever checks a shared device that this site was used (see `consent.rs`).

/// The visitor's language as an index into [`Texts`]: the language cookie's choice (its
/// value, if the request sent one) when it names a language we have, else the best match for
/// `Accept-Language`, else the default.
pub fn choose(cookie: Option<&str>, headers: &HeaderMap, texts: &Texts) -> usize {
    cookie.and_then(|tag| texts.find(tag)).unwrap_or_else(|| {
        texts.choose(
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
        )
    })
}

/// The `Set-Cookie` value recording the choice of `tag` until the browser closes.
pub fn cookie(tag: &str, secure: bool) -> String {
    Cookie::build((LANGUAGE_COOKIE, tag.to_owned()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .build()
        .to_string()
}

/// The `Set-Cookie` value that removes the language cookie (quick exit).
pub fn expired_cookie(secure: bool) -> String {
    Cookie::build((LANGUAGE_COOKIE, ""))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(cookie::time::Duration::ZERO)
        .build()
        .to_string()
}

/// The switcher's query.
#[derive(Debug, Deserialize)]
pub struct Choice {
    /// The language wanted (`cy`, `en`); anything we do not have means the default.
    #[serde(default)]
    set: String,
    /// The page to go back to, checked like every other return path.
    #[serde(default)]
    r#return: Option<String>,
}

/// `GET /language?set=cy&return=/path`: keep the choice and go back to the page. An unknown
/// language is English, never an error.
pub async fn switch(State(state): State<AppState>, Query(choice): Query<Choice>) -> Response {
    let index = state.text.find(&choice.set).unwrap_or(0);
    let tag = state.text.get(index).lang().to_owned();
    let mut res = StatusCode::SEE_OTHER.into_response();
    let h = res.headers_mut();
    if let Ok(location) = HeaderValue::from_str(&safe_return_path(choice.r#return.as_deref())) {
        h.insert(header::LOCATION, location);
    }
    if let Ok(value) = HeaderValue::from_str(&cookie(&tag, state.config.uses_tls())) {
        h.insert(header::SET_COOKIE, value);
    }
    res
}

/// One entry of the language switcher.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The language tag for `lang` and `hreflang`: `en` or `cy`.
    pub tag: &'static str,
    /// The language's own name for itself.
    pub name: &'static str,
    /// The switch link (unused for the current language).
    pub href: String,
    /// Whether the page is in this language.
    pub current: bool,
}

/// Each language's own name, for the switcher (the default's primary tag first). A language
/// folder without an entry here is still chosen by `Accept-Language`, only not offered.
const NAMES: &[(&str, &str)] = &[("en", "English"), ("cy", "Cymraeg")];

/// The switcher's links for a page at `path` shown in language `current` (a [`Texts`] index).
pub fn links(texts: &Texts, current: usize, path: &str) -> Vec<Link> {
    let mut back = String::new();
    back.extend(form_urlencoded::byte_serialize(
        safe_return_path(Some(path)).as_bytes(),
    ));
    NAMES
        .iter()
        .filter_map(|&(tag, name)| {
            let index = texts.find(tag)?;
            Some(Link {
                tag,
                name,
                href: format!("/language?set={tag}&return={back}"),
                current: index == current,
            })
        })
        .collect()
}
