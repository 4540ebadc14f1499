//! Feedback from the phase banner: a short form, stored for staff (its text cleaned of contact
//! details and sealed), then a thank-you page that leads back to where the visitor was.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::FormErrors;
use crate::domain::feedback::{FeedbackAnswers, IMPROVE_MAX_CHARS, Satisfaction};
use crate::http::chrome::{Chrome, safe_return_path};
use crate::http::error::AppError;
use crate::http::forms::CsrfForm;
use crate::http::render::{render, render_with_status};
use crate::http::state::AppState;
use crate::http::view::Choice;
use crate::storage::NewFeedback;

/// The feedback form.
#[derive(Template)]
#[template(path = "public/feedback.html")]
pub struct FeedbackPage {
    /// Layout context.
    pub chrome: Chrome,
    /// Where the visitor came from.
    pub from: String,
    /// The satisfaction code chosen, if any.
    pub satisfaction: String,
    /// What they typed.
    pub improve: String,
    /// Problems.
    pub errors: FormErrors,
    /// The choices.
    pub options: Vec<Choice>,
    /// The character limit.
    pub max_chars: usize,
}

/// The thank-you page.
#[derive(Template)]
#[template(path = "public/feedback_thanks.html")]
pub struct ThanksPage {
    /// Layout context.
    pub chrome: Chrome,
    /// Where to go back to.
    pub from: String,
}

/// `?from=` on the feedback pages.
#[derive(Debug, Deserialize)]
pub struct FromQuery {
    from: Option<String>,
}

/// `GET /feedback`.
pub async fn show(chrome: Chrome, Query(q): Query<FromQuery>) -> Response {
    render(&FeedbackPage {
        chrome,
        from: safe_return_path(q.from.as_deref()),
        satisfaction: String::new(),
        improve: String::new(),
        errors: FormErrors::default(),
        options: satisfaction_choices(),
        max_chars: IMPROVE_MAX_CHARS,
    })
}

/// The submitted form.
#[derive(Debug, Deserialize)]
pub struct FeedbackForm {
    satisfaction: Option<String>,
    improve: Option<String>,
    from: Option<String>,
}

/// `POST /feedback`.
pub async fn send(
    State(state): State<AppState>,
    chrome: Chrome,
    CsrfForm(form): CsrfForm<FeedbackForm>,
) -> Result<Response, AppError> {
    let from = safe_return_path(form.from.as_deref());
    match FeedbackAnswers::parse(form.satisfaction.as_deref(), form.improve.as_deref()) {
        Err(errors) => Ok(render_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &FeedbackPage {
                chrome,
                from,
                satisfaction: form.satisfaction.unwrap_or_default(),
                improve: form.improve.unwrap_or_default(),
                errors,
                options: satisfaction_choices(),
                max_chars: IMPROVE_MAX_CHARS,
            },
        )),
        Ok(answers) => {
            state
                .store
                .insert_feedback(
                    &NewFeedback {
                        satisfaction: answers.satisfaction.code().to_owned(),
                        improve: answers.improve.map(|t| t.into_string()),
                        page: from.clone(),
                        created_at: state.clock.now(),
                    },
                    &state.keyring,
                )
                .await?;
            let mut to = String::from("/feedback/thank-you?from=");
            to.extend(form_urlencoded::byte_serialize(from.as_bytes()));
            Ok(Redirect::to(&to).into_response())
        }
    }
}

/// `GET /feedback/thank-you`.
pub async fn thank_you(chrome: Chrome, Query(q): Query<FromQuery>) -> Response {
    render(&ThanksPage {
        chrome,
        from: safe_return_path(q.from.as_deref()),
    })
}

fn satisfaction_choices() -> Vec<Choice> {
    Satisfaction::ALL
        .iter()
        .map(|s| Choice::new(s.code(), s.label()))
        .collect()
}
