//! The cookie banner's choice and the cookies page (list of cookies and a settings form).

use askama::Template;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::http::header::{self, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::FormErrors;
use crate::http::chrome::{Chrome, safe_return_path};
use crate::http::consent::Consent;
use crate::http::error::AppError;
use crate::http::forms::{CsrfForm, Provenance, SameOriginForm};
use crate::http::render::{render, render_with_status};
use crate::http::state::AppState;
use crate::http::view::Choice;
use axum::extract::State;

/// The cookies page.
#[derive(Template)]
#[template(path = "public/cookies.html")]
pub struct CookiesPage {
    /// Layout context.
    pub chrome: Chrome,
    /// The "usage" radio's current value, `yes` or `no`.
    pub usage: &'static str,
    /// Just saved: show the success banner.
    pub saved: bool,
    /// Problems with the submitted form.
    pub errors: FormErrors,
    /// The yes/no options.
    pub options: [Choice; 2],
}

const USAGE_OPTIONS: [Choice; 2] = [
    Choice::new("yes", "cookies-usage-yes"),
    Choice::new("no", "cookies-usage-no"),
];

/// Query of `GET /cookies`.
#[derive(Debug, Deserialize)]
pub struct CookiesQuery {
    saved: Option<String>,
}

/// `GET /cookies`.
pub async fn show(chrome: Chrome, Query(q): Query<CookiesQuery>) -> Response {
    let usage = usage_value(chrome.consent);
    render(&CookiesPage {
        chrome,
        usage,
        saved: q.saved.is_some(),
        errors: FormErrors::default(),
        options: USAGE_OPTIONS,
    })
}

/// The settings form on the cookies page.
#[derive(Debug, Deserialize)]
pub struct SettingsForm {
    usage: Option<String>,
}

/// `POST /cookies`: save the settings form.
pub async fn save(
    State(state): State<AppState>,
    chrome: Chrome,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> Response {
    let Some(choice) = form.usage.as_deref().and_then(Consent::from_answer) else {
        let mut errors = FormErrors::default();
        errors.add("usage", "cookies-error-choose");
        let usage = usage_value(chrome.consent);
        return render_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &CookiesPage {
                chrome,
                usage,
                saved: false,
                errors,
                options: USAGE_OPTIONS,
            },
        );
    };
    with_consent_cookie(Redirect::to("/cookies?saved=yes"), choice, &state)
}

/// The cookie banner's form.
#[derive(Debug, Deserialize)]
pub struct BannerForm {
    cookies: Option<String>,
    return_to: Option<String>,
}

/// `POST /cookies/consent`: the banner's Accept or Reject, then back to the page. The banner
/// is on pages shared by every visitor, so its form has no CSRF token; the browser's
/// `Sec-Fetch-Site` or `Origin` must say the POST came from our own pages. When a browser
/// says neither (an old one), the choice is not taken on trust: the visitor goes to the
/// cookies page, whose form has a token, to make it there.
pub async fn banner_choice(
    State(state): State<AppState>,
    SameOriginForm { provenance, form }: SameOriginForm<BannerForm>,
) -> Result<Response, AppError> {
    let choice = form
        .cookies
        .as_deref()
        .and_then(Consent::from_answer)
        .ok_or(AppError::BadRequest)?;
    if provenance != Provenance::SameOrigin {
        return Ok(Redirect::to("/cookies").into_response());
    }
    let back = safe_return_path(form.return_to.as_deref());
    let flag = if choice.accepted() {
        "accepted"
    } else {
        "rejected"
    };
    Ok(with_consent_cookie(
        Redirect::to(&format!("{back}?cookies={flag}")),
        choice,
        &state,
    ))
}

fn with_consent_cookie(redirect: Redirect, choice: Consent, state: &AppState) -> Response {
    let mut res = redirect.into_response();
    if let Ok(cookie) = HeaderValue::from_str(&choice.cookie(state.config.uses_tls())) {
        res.headers_mut().append(header::SET_COOKIE, cookie);
    }
    res
}

fn usage_value(consent: Consent) -> &'static str {
    if consent.accepted() { "yes" } else { "no" }
}
