//! Admins manage the users of their own force: add one (a one-time set-up link, made by
//! `app::staff::users`), disable or re-enable, or issue a new set-up link.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Extension, Router};
use serde::Deserialize;

use super::auth::one_error;
use super::{Me, when};
use crate::app::staff::users::{add_user, reset_setup, setup_url};
use crate::domain::FormErrors;
use crate::domain::staff::{Role, UserStatus, normalise_email};
use crate::http::chrome::Chrome;
use crate::http::error::AppError;
use crate::http::forms::CsrfForm;
use crate::http::render::{render, render_with_status};
use crate::http::state::AppState;
use crate::storage::{StaffUser, StoreError};

/// Routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/staff/users", get(list))
        .route("/staff/users/new", get(show_new).post(add))
        .route("/staff/users/{id}", get(show).post(change))
}

/// One line of the list.
#[derive(Debug)]
pub struct UserLine {
    /// Id.
    pub id: i64,
    /// Email.
    pub email: String,
    /// Message id of the role.
    pub role: String,
    /// Message id of the status.
    pub status: String,
}

impl From<&StaffUser> for UserLine {
    fn from(u: &StaffUser) -> Self {
        Self {
            id: u.id,
            email: u.email.clone(),
            role: format!("staff-role-{}", u.role.code()),
            status: format!("staff-user-status-{}", u.status.code()),
        }
    }
}

/// The list of users.
#[derive(Template)]
#[template(path = "staff/users.html")]
pub struct UsersPage {
    /// Layout context.
    pub chrome: Chrome,
    /// Who is signed in.
    pub me: Option<Me>,
    /// The force's users.
    pub users: Vec<UserLine>,
}

async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    Extension(me): Extension<Me>,
) -> Result<Response, AppError> {
    let users = state.store.staff_users(&me.force_code).await?;
    Ok(render(&UsersPage {
        chrome,
        users: users.iter().map(UserLine::from).collect(),
        me: Some(me),
    }))
}

/// The form for a new user.
#[derive(Template)]
#[template(path = "staff/user_new.html")]
pub struct NewUserPage {
    /// Layout context.
    pub chrome: Chrome,
    /// Who is signed in.
    pub me: Option<Me>,
    /// Email typed.
    pub email: String,
    /// Role chosen.
    pub role: String,
    /// Problems.
    pub errors: FormErrors,
    /// Role codes and their message ids.
    pub roles: Vec<(&'static str, String)>,
}

fn roles() -> Vec<(&'static str, String)> {
    Role::ALL
        .iter()
        .map(|r| (r.code(), format!("staff-role-{}", r.code())))
        .collect()
}

async fn show_new(chrome: Chrome, Extension(me): Extension<Me>) -> Response {
    render(&NewUserPage {
        chrome,
        me: Some(me),
        email: String::new(),
        role: String::new(),
        errors: FormErrors::default(),
        roles: roles(),
    })
}

/// The new-user form. Any `force` field is ignored: users are always added to the admin's own
/// force.
#[derive(Debug, Deserialize)]
pub struct NewUserForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

/// The one-time set-up link, shown once.
#[derive(Template)]
#[template(path = "staff/user_link.html")]
pub struct LinkPage {
    /// Layout context.
    pub chrome: Chrome,
    /// Who is signed in.
    pub me: Option<Me>,
    /// For whom.
    pub email: String,
    /// The link.
    pub link: String,
    /// Hours it works for.
    pub hours: String,
}

async fn add(
    State(state): State<AppState>,
    chrome: Chrome,
    Extension(me): Extension<Me>,
    CsrfForm(form): CsrfForm<NewUserForm>,
) -> Result<Response, AppError> {
    let email = normalise_email(&form.email);
    let role = Role::parse(&form.role);
    let mut errors = FormErrors::default();
    if email.is_none() {
        errors.add("email", "staff-error-email");
    }
    if role.is_none() {
        if !form.role.is_empty() {
            // Not one of the choices offered: a forged value.
            let mut entry = me.audit(&state, "add-user", "", "denied");
            entry.detail = "unknown role".to_owned();
            state.store.audit(&entry).await?;
        }
        errors.add("role", "staff-error-role");
    }
    let (Some(email), Some(role)) = (email, role) else {
        return Ok(render_with_status(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            &NewUserPage {
                chrome,
                me: Some(me),
                email: form.email.chars().take(254).collect(),
                role: form.role.chars().take(20).collect(),
                errors,
                roles: roles(),
            },
        ));
    };
    let mut entry = me.audit(&state, "add-user", "", "ok");
    entry.detail = format!("{email} as {}", role.code());
    let now = state.clock.now();
    let hours = state.config.setup_link_hours;
    match add_user(
        &state.store,
        (&email, role, &me.force_code),
        now,
        hours,
        &entry,
    )
    .await
    {
        Ok((_, token)) => Ok(render(&LinkPage {
            chrome,
            me: Some(me),
            email,
            link: setup_url(&state.config.base_url(), &token),
            hours: hours.to_string(),
        })),
        Err(StoreError::Duplicate) => Ok(render_with_status(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            &NewUserPage {
                chrome,
                me: Some(me),
                email,
                role: role.code().to_owned(),
                errors: one_error("email", "staff-error-email-taken"),
                roles: roles(),
            },
        )),
        Err(e) => Err(e.into()),
    }
}

/// One user.
#[derive(Template)]
#[template(path = "staff/user.html")]
pub struct UserPage {
    /// Layout context.
    pub chrome: Chrome,
    /// Who is signed in.
    pub me: Option<Me>,
    /// The user.
    pub user: UserLine,
    /// Whether it is the admin's own account (which they cannot disable).
    pub is_me: bool,
    /// Whether they are disabled.
    pub disabled: bool,
    /// Whether they finished set-up.
    pub set_up: bool,
    /// When they were added.
    pub added: String,
}

/// A user of the admin's force, or an audited 404.
async fn own_user(
    state: &AppState,
    me: &Me,
    id: &str,
    action: &str,
) -> Result<StaffUser, AppError> {
    let object = format!("user:{id}");
    let user = match id.parse::<i64>() {
        Ok(n) => state.store.staff_user(n).await?,
        Err(_) => None,
    };
    match user {
        Some(u) if u.force_code == me.force_code => Ok(u),
        _ => Err(me.not_found(state, action, &object).await),
    }
}

async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    Extension(me): Extension<Me>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let user = own_user(&state, &me, &id, "view-user").await?;
    Ok(render(&UserPage {
        chrome,
        is_me: user.id == me.id,
        disabled: user.status == UserStatus::Disabled,
        set_up: user.password_hash.is_some(),
        added: when(user.created_at),
        user: UserLine::from(&user),
        me: Some(me),
    }))
}

/// What to do to a user.
#[derive(Debug, Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    action: String,
}

async fn change(
    State(state): State<AppState>,
    chrome: Chrome,
    Extension(me): Extension<Me>,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<ChangeForm>,
) -> Result<Response, AppError> {
    let user = own_user(&state, &me, &id, "change-user").await?;
    let object = format!("user:{}", user.id);
    let now = state.clock.now();
    let mut entry = me.audit(&state, "change-user", &object, "ok");
    entry.detail = form.action.chars().take(20).collect();
    match form.action.as_str() {
        "disable" if user.id != me.id => {
            state
                .store
                .set_staff_status(user.id, UserStatus::Disabled, now, &entry)
                .await?;
        }
        "enable" => {
            state
                .store
                .set_staff_status(user.id, UserStatus::Active, now, &entry)
                .await?;
        }
        "reset" if user.id != me.id => {
            let hours = state.config.setup_link_hours;
            let token = reset_setup(&state.store, user.id, now, hours, &entry).await?;
            return Ok(render(&LinkPage {
                chrome,
                me: Some(me),
                email: user.email,
                link: setup_url(&state.config.base_url(), &token),
                hours: hours.to_string(),
            }));
        }
        _ => return Err(AppError::BadRequest),
    }
    Ok(Redirect::to(&format!("/staff/users/{}", user.id)).into_response())
}
