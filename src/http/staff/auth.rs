//! Signing in (email and password, then an authenticator code), signing out, and setting up
//! a new account from its one-time link. The counting and checking of attempts is the use
//! case `app::staff::sign_in`; these handlers read the forms, keep the step between password
//! and code in the session, and render.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use serde::{Deserialize, Serialize};
use totp_rs::TOTP;

use super::{Me, clear_pending, expired_cookie, load_pending, save_pending, session_cookie};
use crate::app::staff::StaffError;
use crate::app::staff::credentials::{blocking, hash_password, matching_step, totp};
use crate::app::staff::sign_in::{self, Attempt, Outcome, Pseudonyms, user_entry};
use crate::app::staff::users::setup_hash;
use crate::domain::FormErrors;
use crate::domain::purpose;
use crate::domain::staff::{UserStatus, password_problem};
use crate::http::abuse::ClientIp;
use crate::http::chrome::Chrome;
use crate::http::error::AppError;
use crate::http::forms::CsrfForm;
use crate::http::render::{render, render_with_status};
use crate::http::session::{PENDING_SETUP, PENDING_SIGN_IN};
use crate::http::session::{SessionId, rotated};
use crate::http::state::{AppState, Keys};
use crate::storage::StaffUser;

/// Minutes between the password and the code.
const CODE_MINUTES: i64 = 5;
/// Minutes to finish set-up once the link is opened.
const SETUP_MINUTES: i64 = 30;

/// Routes that work without a staff session.
pub fn open_routes() -> Router<crate::http::state::AppState> {
    Router::new()
        .route("/staff/sign-in", get(show_sign_in).post(sign_in))
        .route("/staff/sign-in/code", get(show_code).post(code))
        .route("/staff/setup/{token}", get(open_link))
        .route("/staff/setup", get(show_password).post(choose_password))
        .route(
            "/staff/setup/authenticator",
            get(show_authenticator).post(enrol),
        )
}

/// Routes for someone signed in.
pub fn protected_routes() -> Router<crate::http::state::AppState> {
    Router::new()
        .route("/staff", get(home))
        .route("/staff/sign-out", post(sign_out))
        .route("/staff/sign-out-everywhere", post(sign_out_everywhere))
}
impl Pseudonyms for Keys {
    fn sign_in_pseudonym(&self, daily_key: &[u8], purpose: &str, text: &str) -> String {
        Keys::sign_in_pseudonym(self, daily_key, purpose, text)
    }
}

/// An attempt from `client` (its address as counted), now.
fn attempt<'a>(state: &'a AppState, client: &'a str) -> Attempt<'a> {
    Attempt {
        store: &state.store,
        keys: state.keys.as_ref(),
        client,
        now: state.clock.now(),
    }
}

/// Delete what sign-in counting no longer needs (counts whose window is over, keys of days
/// whose last window is over): every minute while serving.
pub async fn purge_sign_in(state: &AppState) -> Result<(), AppError> {
    sign_in::purge(&state.store, state.clock.now()).await?;
    Ok(())
}

/// Only our own staff paths are followed after sign-in: visible ASCII (a control character
/// or a non-ASCII byte cannot go in a `Location` header), under `/staff`, with no `//` or `\`
/// that a browser could read as another host. Anything else goes to `/staff`.
fn safe_next(next: Option<&str>) -> String {
    let safe = |n: &str| {
        let under_staff = n == "/staff"
            || ["/staff/", "/staff?", "/staff#"]
                .iter()
                .any(|p| n.starts_with(p));
        under_staff
            && n.bytes().all(|b| b.is_ascii_graphic())
            && !n.starts_with("/staff/sign-")
            && !n.contains("//")
            && !n.contains('\\')
    };
    match next {
        Some(n) if safe(n) => n.to_owned(),
        _ => "/staff".to_owned(),
    }
}

/// The sign-in page.
#[derive(Template)]
#[template(path = "staff/sign_in.html")]
pub struct SignInPage {
    /// Layout context.
    pub chrome: Chrome,
    /// Where to go afterwards.
    pub next: String,
    /// The email typed.
    pub email: String,
    /// The problem, if any.
    pub errors: FormErrors,
    /// Message id of a notice (signed out, set up, timed out).
    pub notice: Option<&'static str>,
    /// Nobody is signed in here.
    pub me: Option<Me>,
}

/// Query of the sign-in page.
#[derive(Debug, Deserialize)]
pub struct SignInQuery {
    next: Option<String>,
    done: Option<String>,
}

async fn show_sign_in(chrome: Chrome, Query(q): Query<SignInQuery>) -> Response {
    let notice = match q.done.as_deref() {
        Some("signed-out") => Some("staff-notice-signed-out"),
        Some("set-up") => Some("staff-notice-set-up"),
        _ => q.next.as_ref().map(|_| "staff-notice-sign-in-first"),
    };
    render(&SignInPage {
        chrome,
        next: safe_next(q.next.as_deref()),
        email: String::new(),
        errors: FormErrors::default(),
        notice,
        me: None,
    })
}

/// The sign-in form.
#[derive(Debug, Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

/// Between the password and the code.
#[derive(Debug, Serialize, Deserialize)]
struct PendingSignIn {
    user_id: i64,
    next: String,
}

/// A page refused for too many attempts: 429, with `Retry-After` when the wait is known.
fn refused(wait: Option<i64>, page: &impl Template) -> Response {
    let mut response = render_with_status(axum::http::StatusCode::TOO_MANY_REQUESTS, page);
    if let Some(seconds) = wait
        && let Ok(value) = axum::http::HeaderValue::from_str(&seconds.max(1).to_string())
    {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

async fn sign_in(
    State(state): State<AppState>,
    session: SessionId,
    ClientIp(addr): ClientIp,
    chrome: Chrome,
    CsrfForm(form): CsrfForm<SignInForm>,
) -> Result<Response, AppError> {
    let next = safe_next(form.next.as_deref());
    let typed: String = form.email.chars().take(254).collect();
    let page = |error| SignInPage {
        chrome: chrome.clone(),
        next: next.clone(),
        email: typed.clone(),
        errors: one_error("email", error),
        notice: None,
        me: None,
    };
    let wrong = |error| render_with_status(UNPROCESSABLE, &page(error));
    if form.email.trim().is_empty() || form.password.is_empty() {
        return Ok(wrong("staff-error-sign-in-missing"));
    }
    let client = crate::http::abuse::client_text(addr);
    let user = match attempt(&state, &client)
        .password(&typed, form.password)
        .await?
    {
        Outcome::Passed(user) => user,
        Outcome::Locked => return Ok(refused(None, &page("staff-error-throttled"))),
        Outcome::Wait(wait) => return Ok(refused(Some(wait), &page("staff-error-wait"))),
        _ => return Ok(wrong("staff-error-sign-in")),
    };
    // The step between password and code is held under a new public session id, so an id
    // planted in the browser beforehand never holds a half-signed-in state.
    let session = crate::http::multipage::draft::rotate(&state, &session, None).await?;
    let pending = PendingSignIn {
        user_id: user.id,
        next,
    };
    save_pending(&state, &session, PENDING_SIGN_IN, &pending, CODE_MINUTES).await?;
    Ok(rotated(
        Redirect::to("/staff/sign-in/code").into_response(),
        session,
    ))
}

/// The status of a form sent back with its problems.
const UNPROCESSABLE: axum::http::StatusCode = axum::http::StatusCode::UNPROCESSABLE_ENTITY;

/// The code page.
#[derive(Template)]
#[template(path = "staff/code.html")]
pub struct CodePage {
    /// Layout context.
    pub chrome: Chrome,
    /// The problem, if any.
    pub errors: FormErrors,
    /// Where the form goes.
    pub action: &'static str,
    /// Nobody is signed in yet.
    pub me: Option<Me>,
}

async fn show_code(
    State(state): State<AppState>,
    session: SessionId,
    chrome: Chrome,
) -> Result<Response, AppError> {
    if load_pending::<PendingSignIn>(&state, &session, PENDING_SIGN_IN)
        .await?
        .is_none()
    {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    }
    Ok(render(&CodePage {
        chrome,
        errors: FormErrors::default(),
        action: "/staff/sign-in/code",
        me: None,
    }))
}

/// The code form.
#[derive(Debug, Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
}

async fn code(
    State(state): State<AppState>,
    session: SessionId,
    ClientIp(addr): ClientIp,
    chrome: Chrome,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<Response, AppError> {
    let Some(pending) = load_pending::<PendingSignIn>(&state, &session, PENDING_SIGN_IN).await?
    else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let page = |error| CodePage {
        chrome: chrome.clone(),
        errors: one_error("code", error),
        action: "/staff/sign-in/code",
        me: None,
    };
    let wrong = |error| render_with_status(UNPROCESSABLE, &page(error));
    let client = crate::http::abuse::client_text(addr);
    let outcome = attempt(&state, &client)
        .code(&state.keyring, pending.user_id, &form.code)
        .await?;
    let user = match outcome {
        Outcome::Passed(user) => user,
        Outcome::Gone | Outcome::Locked => {
            clear_pending(&state, &session, PENDING_SIGN_IN).await?;
            return Ok(Redirect::to("/staff/sign-in").into_response());
        }
        Outcome::Missing => return Ok(wrong("staff-error-code-missing")),
        Outcome::Wait(wait) => return Ok(refused(Some(wait), &page("staff-error-wait"))),
        Outcome::Reused => return Ok(wrong("staff-error-code-used")),
        Outcome::Wrong => return Ok(wrong("staff-error-code")),
    };
    clear_pending(&state, &session, PENDING_SIGN_IN).await?;
    // A new, random session id at every sign-in.
    let cookie = hex::encode(crate::random::bytes::<32>());
    let key = super::session_key(&cookie);
    sign_in::open_session(&state.store, &user, &key, state.clock.now()).await?;
    Ok((
        [(header::SET_COOKIE, session_cookie(&cookie))],
        Redirect::to(&pending.next),
    )
        .into_response())
}

/// The back office's first page.
#[derive(Template)]
#[template(path = "staff/home.html")]
pub struct HomePage {
    /// Layout context.
    pub chrome: Chrome,
    /// Who is signed in.
    pub me: Option<Me>,
}

async fn home(chrome: Chrome, Extension(me): Extension<Me>) -> Response {
    render(&HomePage {
        chrome,
        me: Some(me),
    })
}

async fn sign_out(
    State(state): State<AppState>,
    Extension(me): Extension<Me>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    state.store.delete_staff_session(&me.session_key).await?;
    state
        .store
        .audit(&me.audit(&state, "sign-out", "", "ok"))
        .await?;
    Ok((
        [(header::SET_COOKIE, expired_cookie())],
        Redirect::to("/staff/sign-in?done=signed-out"),
    )
        .into_response())
}

async fn sign_out_everywhere(
    State(state): State<AppState>,
    Extension(me): Extension<Me>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    let n = state.store.delete_staff_sessions(me.id).await?;
    let mut entry = me.audit(&state, "sign-out-everywhere", "", "ok");
    entry.detail = format!("{n} sessions ended");
    state.store.audit(&entry).await?;
    Ok((
        [(header::SET_COOKIE, expired_cookie())],
        Redirect::to("/staff/sign-in?done=signed-out"),
    )
        .into_response())
}

/// Set-up in progress, bound to the link it came from: a new link for the user (an admin's
/// reset) changes the stored hash, which ends every set-up begun with the old one.
#[derive(Debug, Serialize, Deserialize)]
struct PendingSetup {
    user_id: i64,
    /// SHA-256 of the set-up token of the link that was opened.
    token_hash: String,
    /// Argon2 hash of the chosen password, once chosen.
    password_hash: Option<String>,
    /// The authenticator secret shown, once generated.
    secret: Option<Vec<u8>>,
}

/// A set-up link that does not work (used, expired or never issued).
#[derive(Template)]
#[template(path = "staff/link_expired.html")]
pub struct LinkExpiredPage {
    /// Layout context.
    pub chrome: Chrome,
    /// Nobody is signed in.
    pub me: Option<Me>,
}

fn link_expired(chrome: Chrome) -> Response {
    render_with_status(
        axum::http::StatusCode::GONE,
        &LinkExpiredPage { chrome, me: None },
    )
}

async fn pending_user(
    state: &AppState,
    session: &SessionId,
) -> Result<Option<(PendingSetup, StaffUser)>, AppError> {
    let Some(p) = load_pending::<PendingSetup>(state, session, PENDING_SETUP).await? else {
        return Ok(None);
    };
    // Looked up by the link's hash, so a set-up whose link was replaced finds no one.
    let user = state.store.staff_user_by_setup(&p.token_hash).await?;
    let live = user.filter(|u| {
        u.id == p.user_id
            && u.status == UserStatus::Pending
            && u.setup_expires_at.is_some_and(|t| t > state.clock.now())
    });
    Ok(live.map(|u| (p, u)))
}

/// Opening the link moves its token out of the address bar and history into the session, under
/// a new session id: an id planted in the browser beforehand never holds the set-up, so whoever
/// planted it cannot choose the password or enrol their own authenticator.
async fn open_link(
    State(state): State<AppState>,
    session: SessionId,
    chrome: Chrome,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let token_hash = setup_hash(&token);
    let user = state.store.staff_user_by_setup(&token_hash).await?;
    let Some(user) = user.filter(|u| u.setup_expires_at.is_some_and(|t| t > state.clock.now()))
    else {
        return Ok(link_expired(chrome));
    };
    let p = PendingSetup {
        user_id: user.id,
        token_hash,
        password_hash: None,
        secret: None,
    };
    let new = crate::http::multipage::draft::rotate(&state, &session, None).await?;
    save_pending(&state, &new, PENDING_SETUP, &p, SETUP_MINUTES).await?;
    Ok(rotated(Redirect::to("/staff/setup").into_response(), new))
}

/// Choosing a password.
#[derive(Template)]
#[template(path = "staff/setup_password.html")]
pub struct PasswordPage {
    /// Layout context.
    pub chrome: Chrome,
    /// The account's email.
    pub email: String,
    /// The problem, if any.
    pub errors: FormErrors,
    /// Nobody is signed in.
    pub me: Option<Me>,
}

async fn show_password(
    State(state): State<AppState>,
    session: SessionId,
    chrome: Chrome,
) -> Result<Response, AppError> {
    let Some((_, user)) = pending_user(&state, &session).await? else {
        return Ok(link_expired(chrome));
    };
    Ok(render(&PasswordPage {
        chrome,
        email: user.email,
        errors: FormErrors::default(),
        me: None,
    }))
}

/// The password form.
#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

async fn choose_password(
    State(state): State<AppState>,
    session: SessionId,
    chrome: Chrome,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<Response, AppError> {
    let Some((mut pending, user)) = pending_user(&state, &session).await? else {
        return Ok(link_expired(chrome));
    };
    let names = [
        state.config.service_name.as_str(),
        state.config.force_name.as_str(),
        user.force_code.as_str(),
    ];
    let problem = password_problem(&form.password, &user.email, &names)
        .or_else(|| (form.password != form.confirm).then_some("staff-password-mismatch"));
    if let Some(error) = problem {
        return Ok(render_with_status(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            &PasswordPage {
                chrome,
                email: user.email,
                errors: one_error("password", error),
                me: None,
            },
        ));
    }
    let password = form.password;
    pending.password_hash = Some(blocking(move || hash_password(&password)).await??);
    pending.secret = Some(crate::random::bytes::<20>().to_vec());
    save_pending(&state, &session, PENDING_SETUP, &pending, SETUP_MINUTES).await?;
    Ok(Redirect::to("/staff/setup/authenticator").into_response())
}

/// Enrolling an authenticator app.
#[derive(Template)]
#[template(path = "staff/setup_authenticator.html")]
pub struct AuthenticatorPage {
    /// Layout context.
    pub chrome: Chrome,
    /// The QR code, as SVG markup made here.
    pub qr_svg: String,
    /// The secret in base 32, for typing in.
    pub secret: String,
    /// The problem, if any.
    pub errors: FormErrors,
    /// Nobody is signed in.
    pub me: Option<Me>,
}

fn authenticator_page(
    chrome: Chrome,
    generator: &TOTP,
    error: Option<&'static str>,
) -> Result<AuthenticatorPage, AppError> {
    let qr = qrcode::QrCode::new(generator.get_url().as_bytes()).map_err(StaffError::from)?;
    let svg = qr
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(200, 200)
        .build();
    // The renderer's XML declaration cannot appear inside HTML; the SVG is given a role and
    // a name for screen readers, which are told the secret in text below it.
    let svg = svg
        .trim_start_matches(r#"<?xml version="1.0" standalone="yes"?>"#)
        .replacen(
            "<svg ",
            &format!(
                r#"<svg role="img" aria-label="{}" class="app-qr" "#,
                chrome.t("staff-setup-qr-label")
            ),
            1,
        );
    let secret = generator.get_secret_base32();
    let grouped = secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(AuthenticatorPage {
        chrome,
        qr_svg: svg,
        secret: grouped,
        errors: error.map_or_else(FormErrors::default, |e| one_error("code", e)),
        me: None,
    })
}

async fn show_authenticator(
    State(state): State<AppState>,
    session: SessionId,
    chrome: Chrome,
) -> Result<Response, AppError> {
    let Some((pending, user)) = pending_user(&state, &session).await? else {
        return Ok(link_expired(chrome));
    };
    let Some(secret) = pending.secret.as_deref() else {
        return Ok(Redirect::to("/staff/setup").into_response());
    };
    Ok(render(&authenticator_page(
        chrome,
        &totp(secret, &user.email)?,
        None,
    )?))
}

async fn enrol(
    State(state): State<AppState>,
    session: SessionId,
    chrome: Chrome,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<Response, AppError> {
    let Some((pending, user)) = pending_user(&state, &session).await? else {
        return Ok(link_expired(chrome));
    };
    let (Some(secret), Some(password_hash)) = (pending.secret.as_deref(), &pending.password_hash)
    else {
        return Ok(Redirect::to("/staff/setup").into_response());
    };
    let generator = totp(secret, &user.email)?;
    let Some(step) = matching_step(&generator, &form.code, state.clock.now()) else {
        let error = if form.code.trim().is_empty() {
            "staff-error-code-missing"
        } else {
            "staff-error-code"
        };
        return Ok(render_with_status(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            &authenticator_page(chrome, &generator, Some(error))?,
        ));
    };
    let sealed = state.keyring.seal(secret, &purpose::totp(user.id))?;
    let entry = user_entry(&user, state.clock.now(), "set-up", "ok");
    let done = state
        .store
        .complete_staff_setup(
            user.id,
            &pending.token_hash,
            password_hash,
            &sealed,
            step,
            state.clock.now(),
            &entry,
        )
        .await?;
    clear_pending(&state, &session, PENDING_SETUP).await?;
    if !done {
        return Ok(link_expired(chrome));
    }
    Ok(Redirect::to("/staff/sign-in?done=set-up").into_response())
}

/// A form's single problem.
pub fn one_error(field: &'static str, message: &'static str) -> FormErrors {
    let mut errors = FormErrors::default();
    errors.add(field, message);
    errors
}
