//! The staff back office under `/staff`: sign-in with a password and an authenticator code,
//! then pages per role. Access is deny-by-default: [`POLICY`] lists every protected route with
//! the roles allowed on it, and [`guard`] refuses (and audits) anything else. A member of staff
//! only ever sees their own force's data: handlers compare each object's force with theirs and
//! answer 404 (audited) when it differs, so other forces' ids are not even confirmed.

pub mod audit;
pub mod auth;
pub mod comments;
pub mod deliveries;
pub mod feedback;
pub mod lists;
pub mod places;
pub mod reports;
pub mod users;

use askama::Template;
use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Serialize, de::DeserializeOwned};
use sha2::{Digest, Sha256};

use super::chrome::Chrome;
use super::error::AppError;
use super::render::render_with_status;
use super::session::{SessionId, read_cookie};
use super::session_slot::{SealedSlot, Slot};
use super::state::AppState;
use crate::app::staff::StaffError;
use crate::audit::AuditEntry;
use crate::domain::staff::{Role, UserStatus};

/// The staff session cookie. `__Host-` makes browsers insist on Secure, path `/` and no
/// Domain, so no other host or path can plant or read it; browsers treat `localhost` as
/// secure, so it works on a developer's machine too.
pub const COOKIE: &str = "__Host-ss_staff";

/// Who may use a protected route.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// HTTP method.
    pub method: &'static str,
    /// The route as registered.
    pub path: &'static str,
    /// Roles allowed; everyone else is refused.
    pub roles: &'static [Role],
}

const ALL: &[Role] = &Role::ALL;
const INVESTIGATOR: &[Role] = &[Role::Investigator];
const ADMIN: &[Role] = &[Role::Admin];
const PLACES: &[Role] = &[Role::Analyst, Role::Partner];
/// Police analysts only: partners never see what people wrote.
const ANALYST: &[Role] = &[Role::Analyst];

/// Every protected route and who may use it. A route missing here is refused to everyone.
pub const POLICY: &[Rule] = &[
    rule("GET", "/staff", ALL),
    rule("POST", "/staff/sign-out", ALL),
    rule("POST", "/staff/sign-out-everywhere", ALL),
    rule("GET", "/staff/reports", INVESTIGATOR),
    rule("GET", "/staff/reports/find", INVESTIGATOR),
    rule("GET", "/staff/reports/{id}", INVESTIGATOR),
    rule("POST", "/staff/reports/{id}", INVESTIGATOR),
    rule("GET", "/staff/places", PLACES),
    rule("GET", "/staff/places/hotspots.geojson", PLACES),
    rule("GET", "/staff/places/export.csv", PLACES),
    rule("GET", "/staff/places/export.geojson", PLACES),
    rule("GET", "/staff/places/comments", ANALYST),
    rule("GET", "/staff/feedback", ADMIN),
    rule("GET", "/staff/audit", ADMIN),
    rule("GET", "/staff/audit/export.csv", ADMIN),
    rule("GET", "/staff/alerts", ADMIN),
    rule("GET", "/staff/users", ADMIN),
    rule("GET", "/staff/users/new", ADMIN),
    rule("POST", "/staff/users/new", ADMIN),
    rule("GET", "/staff/users/{id}", ADMIN),
    rule("POST", "/staff/users/{id}", ADMIN),
];

/// Routes open before sign-in (they lead to it).
pub const OPEN: &[(&str, &str)] = &[
    ("GET", "/staff/sign-in"),
    ("POST", "/staff/sign-in"),
    ("GET", "/staff/sign-in/code"),
    ("POST", "/staff/sign-in/code"),
    ("GET", "/staff/setup/{token}"),
    ("GET", "/staff/setup"),
    ("POST", "/staff/setup"),
    ("GET", "/staff/setup/authenticator"),
    ("POST", "/staff/setup/authenticator"),
];

const fn rule(method: &'static str, path: &'static str, roles: &'static [Role]) -> Rule {
    Rule {
        method,
        path,
        roles,
    }
}

/// Whether `role` may use `method` on the route `path`.
pub fn allowed(method: &str, path: &str, role: Role) -> bool {
    POLICY
        .iter()
        .any(|r| r.method == method && r.path == path && r.roles.contains(&role))
}

/// The signed-in member of staff, put in the request by [`guard`].
#[derive(Debug, Clone)]
pub struct Me {
    /// User id.
    pub id: i64,
    /// Email.
    pub email: String,
    /// Role.
    pub role: Role,
    /// Their force.
    pub force_code: String,
    /// The session's store key.
    pub session_key: String,
}

impl Me {
    /// An audit entry by this member of staff, now.
    pub fn audit(&self, state: &AppState, action: &str, object: &str, outcome: &str) -> AuditEntry {
        AuditEntry {
            at: state.clock.now(),
            actor_id: Some(self.id),
            actor: self.email.clone(),
            role: self.role.code().to_owned(),
            force_code: self.force_code.clone(),
            action: action.to_owned(),
            object: object.to_owned(),
            outcome: outcome.to_owned(),
            detail: String::new(),
        }
    }

    /// Record an attempt on another force's object (or one that does not exist) and answer
    /// 404: the same answer either way.
    pub async fn not_found(&self, state: &AppState, action: &str, object: &str) -> AppError {
        let entry = self.audit(state, action, object, "denied");
        if let Err(e) = state.store.audit(&entry).await {
            return AppError::Store(e);
        }
        AppError::NotFound
    }

    /// Message id of the role's name.
    pub fn role_label(&self) -> String {
        format!("staff-role-{}", self.role.code())
    }

    /// Whether the user may use a route (for showing links).
    pub fn may(&self, method: &str, path: &str) -> bool {
        allowed(method, path, self.role)
    }
}

impl From<StaffError> for AppError {
    /// A use case's storage, sealing and task failures are logged as such; the rest are
    /// credential failures.
    fn from(e: StaffError) -> Self {
        match e {
            StaffError::Store(e) => Self::Store(e),
            StaffError::Sealed(e) => Self::Crypto(e),
            StaffError::Join(e) => Self::Join(e),
            StaffError::Invariant(what) => Self::Invariant(what),
            other => Self::Credentials(other),
        }
    }
}

/// Routes of the back office.
pub fn routes(state: &AppState) -> Router<AppState> {
    let protected = Router::new()
        .merge(auth::protected_routes())
        .merge(reports::routes())
        .merge(places::routes())
        .merge(comments::routes())
        .merge(feedback::routes())
        .merge(audit::routes())
        .merge(users::routes())
        .merge(deliveries::routes())
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), guard));
    auth::open_routes().merge(protected)
}

/// The store key of a staff session cookie value.
pub fn session_key(cookie: &str) -> String {
    hex::encode(Sha256::digest(cookie.as_bytes()))
}

/// The staff cookie with `value`: `__Host-` rules (Secure, `Path=/`, no domain), HttpOnly,
/// SameSite=Strict, and no expiry (it ends with the browser; the server ends it sooner).
fn staff_cookie(value: &str) -> cookie::CookieBuilder<'static> {
    cookie::Cookie::build((COOKIE, value.to_owned()))
        .path("/")
        .http_only(true)
        .secure(true)
        .same_site(cookie::SameSite::Strict)
}

/// The `Set-Cookie` value that starts a staff session.
pub fn session_cookie(value: &str) -> String {
    staff_cookie(value).build().to_string()
}

/// The `Set-Cookie` value that removes it.
pub fn expired_cookie() -> String {
    staff_cookie("")
        .max_age(cookie::time::Duration::ZERO)
        .build()
        .to_string()
}

/// Where to send someone whose session is missing or over: the sign-in page, then back.
fn to_sign_in(req: &Request) -> Response {
    let back = if req.method() == Method::GET {
        req.uri()
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default()
    } else {
        String::new()
    };
    let target = if back.is_empty() {
        "/staff/sign-in".to_owned()
    } else {
        let next: String = form_urlencoded::byte_serialize(back.as_bytes()).collect();
        format!("/staff/sign-in?next={next}")
    };
    (
        [(header::SET_COOKIE, expired_cookie())],
        Redirect::to(&target),
    )
        .into_response()
}

/// Check the staff session (idle and absolute limits), then the route's policy.
pub async fn guard(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let Some(cookie) = read_cookie(req.headers(), COOKIE).map(str::to_owned) else {
        return to_sign_in(&req);
    };
    let key = session_key(&cookie);
    let me = match signed_in(&state, &key).await {
        Ok(Some(me)) => me,
        Ok(None) => return to_sign_in(&req),
        Err(e) => return e.into_response(),
    };
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_default();
    if !allowed(req.method().as_str(), &route, me.role) {
        let entry = me.audit(&state, "access", &route, "denied");
        if let Err(e) = state.store.audit(&entry).await {
            return AppError::Store(e).into_response();
        }
        // A staff page (staff layout, the user's role), not the public "form not sent" page.
        let (parts, _) = req.into_parts();
        let page = Forbidden {
            chrome: Chrome::from_parts(&parts, &state),
            me: Some(me),
        };
        return render_with_status(StatusCode::FORBIDDEN, &page);
    }
    req.extensions_mut().insert(me);
    next.run(req).await
}

/// A problem page in the back office's own layout: no quick exit or cookie banner, and
/// words for staff (the public pages speak of a visitor's saved answers). Nobody's name is
/// looked up for it, so it has no navigation.
#[derive(Template)]
#[template(path = "staff/problem.html")]
pub struct Problem {
    /// Layout context.
    pub chrome: Chrome,
    /// Who is signed in (never looked up for a problem page).
    pub me: Option<Me>,
    /// Message id of the title and heading.
    heading: &'static str,
    /// Message ids of the paragraphs.
    paragraphs: &'static [&'static str],
}

/// The problem page for an error `status` on a back-office path (`http::frame` picks it).
pub fn problem_page(chrome: Chrome, status: StatusCode) -> Response {
    let (heading, paragraphs): (&'static str, &'static [&'static str]) = match status {
        StatusCode::NOT_FOUND => (
            "staff-problem-not-found-heading",
            &["staff-problem-not-found-what"],
        ),
        StatusCode::TOO_MANY_REQUESTS => (
            "staff-problem-too-many-heading",
            &["staff-problem-too-many-what", "staff-problem-too-many-next"],
        ),
        StatusCode::FORBIDDEN => (
            "staff-problem-forbidden-heading",
            &[
                "staff-problem-forbidden-what",
                "staff-problem-forbidden-next",
            ],
        ),
        StatusCode::PAYLOAD_TOO_LARGE => (
            "staff-problem-too-large-heading",
            &["staff-problem-too-large-what"],
        ),
        s if s.is_server_error() => (
            "staff-problem-server-error-heading",
            &[
                "staff-problem-server-error-what",
                "staff-problem-server-error-check",
            ],
        ),
        _ => (
            "staff-problem-bad-request-heading",
            &["staff-problem-bad-request-what"],
        ),
    };
    render_with_status(
        status,
        &Problem {
            chrome,
            me: None,
            heading,
            paragraphs,
        },
    )
}

/// The refusal of a route the user's role may not use.
#[derive(Template)]
#[template(path = "staff/forbidden.html")]
pub struct Forbidden {
    /// Layout context.
    pub chrome: Chrome,
    /// Who is signed in.
    pub me: Option<Me>,
}

/// The member of staff behind a session key, if the session is live (it is ended if not).
async fn signed_in(state: &AppState, key: &str) -> Result<Option<Me>, AppError> {
    let Some(session) = state.store.staff_session(key).await? else {
        return Ok(None);
    };
    let now = state.clock.now();
    let idle = now - session.seen_at > state.config.staff_idle_minutes * 60;
    let old = now - session.created_at > state.config.staff_absolute_hours * 3_600;
    if idle || old {
        state.store.delete_staff_session(key).await?;
        return Ok(None);
    }
    let user = state.store.staff_user(session.user_id).await?;
    let Some(user) = user.filter(|u| u.status == UserStatus::Active) else {
        state.store.delete_staff_session(key).await?;
        return Ok(None);
    };
    // Activity is written at most once a minute: enough for a 30-minute idle limit.
    if now - session.seen_at >= 60 {
        state.store.touch_staff_session(key, now).await?;
    }
    Ok(Some(Me {
        id: user.id,
        email: user.email,
        role: user.role,
        force_code: user.force_code,
        session_key: key.to_owned(),
    }))
}

/// Short-lived state between sign-in steps (password → code; link → password →
/// authenticator), sealed in the visitor's session row like a form draft.
const fn pending_slot<T: Serialize + DeserializeOwned>(name: &'static str) -> SealedSlot<T> {
    SealedSlot::new(name, crate::domain::purpose::pending)
}

/// The session's pending state `name`, if any and still live. A step that no longer reads as
/// a `T` (written by another version) is treated as none, so signing in starts again.
pub async fn load_pending<T: Serialize + DeserializeOwned>(
    state: &AppState,
    session: &SessionId,
    name: &'static str,
) -> Result<Option<T>, AppError> {
    match pending_slot::<T>(name).load(state, session).await {
        Ok(Slot::Found(value)) => Ok(Some(value)),
        Ok(Slot::Empty | Slot::Expired) | Err(AppError::Json(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Keep `value` as the session's pending state `name` for `minutes`.
pub async fn save_pending<T: Serialize + DeserializeOwned>(
    state: &AppState,
    session: &SessionId,
    name: &'static str,
    value: &T,
    minutes: i64,
) -> Result<(), AppError> {
    pending_slot(name)
        .save(state, session, value, minutes)
        .await
}

/// Forget the pending state `name`.
pub async fn clear_pending(
    state: &AppState,
    session: &SessionId,
    name: &'static str,
) -> Result<(), AppError> {
    pending_slot::<serde_json::Value>(name)
        .clear(state, session)
        .await
}

/// A timestamp as shown to staff: UK date and time.
pub fn when(t: crate::clock::Timestamp) -> String {
    let tz = jiff::tz::TimeZone::get("Europe/London").unwrap_or(jiff::tz::TimeZone::UTC);
    jiff::Timestamp::from_second(t).map_or_else(
        |_| String::new(),
        |t| {
            t.to_zoned_datetime(tz)
                .strftime("%-d %b %Y %H:%M")
                .to_string()
        },
    )
}
