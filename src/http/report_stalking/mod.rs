//! The online stalking and harassment report: start page, one question per page (driven by
//! `domain::stalking::flow`), check answers, send, confirmation.

mod draft;
mod views;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Extension, Router};
use serde::Deserialize;

use self::draft::{Draft, Loaded};
use self::views::{QuestionPage, Widget, summary_rows};
use crate::domain::FormErrors;
use crate::domain::stalking::Answers;
use crate::domain::stalking::answers::{self, Raw};
use crate::domain::stalking::flow::{self, Next, Step};
use crate::domain::stalking::priority;
use crate::domain::stalking::reference::Reference;
use crate::http::chrome::Chrome;
use crate::http::error::{AppError, render, render_with_status};
use crate::http::forms::CsrfForm;
use crate::http::session::SessionId;
use crate::http::state::AppState;
use crate::storage::{NewStalkingReport, StoreError};

const BASE: &str = "/report-stalking";

/// Routes of the report.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(BASE, get(start))
        .route("/report-stalking/emergency", get(emergency))
        .route("/report-stalking/check", get(check).post(send))
        .route("/report-stalking/confirmation", get(confirmation))
        .route("/report-stalking/{slug}", get(show_step).post(save_step))
}

fn step_url(step: Step, change: bool) -> String {
    if change {
        format!("{BASE}/{}?change=check", step.slug())
    } else {
        format!("{BASE}/{}", step.slug())
    }
}

fn next_url(next: Next, change: bool) -> String {
    match next {
        Next::Ask(step) => step_url(step, change),
        Next::Stop => format!("{BASE}/emergency"),
        Next::Check => format!("{BASE}/check"),
    }
}

/// Simple pages of the report: start, emergency, expired.
#[derive(Template)]
#[template(path = "report_stalking/start.html")]
pub struct StartPage {
    /// Layout context.
    pub chrome: Chrome,
}

/// The page shown when the visitor is in immediate danger.
#[derive(Template)]
#[template(path = "report_stalking/emergency.html")]
pub struct EmergencyPage {
    /// Layout context.
    pub chrome: Chrome,
}

/// The page shown when a draft has expired.
#[derive(Template)]
#[template(path = "report_stalking/expired.html")]
pub struct ExpiredPage {
    /// Layout context.
    pub chrome: Chrome,
    /// Minutes of idleness after which drafts are deleted.
    pub minutes: String,
}

async fn start(chrome: Chrome) -> Response {
    render(&StartPage { chrome })
}

async fn emergency(chrome: Chrome) -> Response {
    render(&EmergencyPage { chrome })
}

fn expired(chrome: Chrome, state: &AppState) -> Response {
    let minutes = state.config.draft_idle_minutes.to_string();
    render(&ExpiredPage { chrome, minutes })
}

/// `?change=check` on a question: the visitor came from the check page.
#[derive(Debug, Deserialize)]
pub struct ChangeQuery {
    change: Option<String>,
}

impl ChangeQuery {
    fn active(&self) -> bool {
        self.change.as_deref() == Some("check")
    }
}

/// The draft's answers, or where to send a visitor who has none (yet).
enum Current {
    Answers(Draft),
    Respond(Response),
}

/// Find the draft for a question page. `first` is true for the first question, which may be
/// shown (and answered) before any draft exists.
async fn current(
    state: &AppState,
    session: &SessionId,
    chrome: &Chrome,
    first: bool,
) -> Result<Current, AppError> {
    Ok(match draft::load(state, session).await? {
        Loaded::Expired => Current::Respond(expired(chrome.clone(), state)),
        Loaded::Found(d @ Draft::Open { .. }) => Current::Answers(d),
        Loaded::None | Loaded::Found(Draft::Sent { .. }) if first => Current::Answers(Draft::new()),
        Loaded::None | Loaded::Found(Draft::Sent { .. }) => {
            Current::Respond(Redirect::to(&step_url(Step::Danger, false)).into_response())
        }
    })
}

async fn show_step(
    State(state): State<AppState>,
    Extension(session): Extension<SessionId>,
    chrome: Chrome,
    Path(slug): Path<String>,
    Query(q): Query<ChangeQuery>,
) -> Result<Response, AppError> {
    let step = Step::from_slug(&slug).ok_or(AppError::NotFound)?;
    let draft = match current(&state, &session, &chrome, step == Step::Danger).await? {
        Current::Respond(r) => return Ok(r),
        Current::Answers(d) => d,
    };
    let Draft::Open { answers, .. } = &draft else {
        return Err(AppError::Internal("draft not open".into()));
    };
    if !flow::reachable(step, answers) {
        return Ok(Redirect::to(&next_url(flow::next(answers), false)).into_response());
    }
    let widget = Widget::from_answer(step, answers.get(step.slug()));
    let page = QuestionPage::new(
        chrome,
        step,
        answers,
        widget,
        FormErrors::default(),
        q.active(),
    );
    Ok(render(&page))
}

/// Every field a question page can send. All are lists, so a forged request that repeats a
/// field is answered with a validation message rather than refused as malformed.
#[derive(Debug, Default, Deserialize)]
pub struct StepForm {
    #[serde(default)]
    answer: Vec<String>,
    #[serde(default)]
    other: Vec<String>,
    #[serde(default)]
    day: Vec<String>,
    #[serde(default)]
    month: Vec<String>,
    #[serde(default)]
    year: Vec<String>,
    #[serde(default)]
    postcode: Vec<String>,
    #[serde(default)]
    address: Vec<String>,
    #[serde(default)]
    change: Vec<String>,
}

fn first(values: Vec<String>) -> Option<String> {
    values.into_iter().next()
}

async fn save_step(
    State(state): State<AppState>,
    Extension(session): Extension<SessionId>,
    chrome: Chrome,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<StepForm>,
) -> Result<Response, AppError> {
    let step = Step::from_slug(&slug).ok_or(AppError::NotFound)?;
    let change = form.change.first().map(String::as_str) == Some("check");
    let draft = match current(&state, &session, &chrome, step == Step::Danger).await? {
        Current::Respond(r) => return Ok(r),
        Current::Answers(d) => d,
    };
    let Draft::Open {
        submission,
        mut answers,
    } = draft
    else {
        return Err(AppError::Internal("draft not open".into()));
    };
    if !flow::reachable(step, &answers) {
        return Ok(Redirect::to(&next_url(flow::next(&answers), false)).into_response());
    }
    let raw = Raw {
        answer: form.answer,
        other: first(form.other),
        day: first(form.day),
        month: first(form.month),
        year: first(form.year),
        postcode: first(form.postcode),
        address: first(form.address),
    };
    let value = match answers::parse(
        step.kind(),
        step.errors(),
        &raw,
        uk_today(state.clock.now()),
    ) {
        Ok(v) => v,
        Err(errors) => {
            let widget = Widget::from_raw(step, &raw);
            let page = QuestionPage::new(chrome, step, &answers, widget, errors, change);
            return Ok(render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
    };
    answers.set(step.slug(), value);
    flow::prune(&mut answers);
    let next = flow::next(&answers);
    let to = if change || next == Next::Stop {
        next_url(next, change)
    } else {
        // Onwards in order, even through questions answered before (after Back).
        let path = flow::path(&answers);
        path.iter()
            .position(|s| *s == step)
            .and_then(|i| path.get(i + 1))
            .map_or_else(|| next_url(next, false), |s| step_url(*s, false))
    };
    draft::save(
        &state,
        &session,
        &Draft::Open {
            submission,
            answers,
        },
    )
    .await?;
    Ok(Redirect::to(&to).into_response())
}

/// The check-answers page.
#[derive(Template)]
#[template(path = "report_stalking/check.html")]
pub struct CheckPage {
    /// Layout context.
    pub chrome: Chrome,
    /// The answers, as rows.
    pub rows: Vec<views::SummaryRow>,
    /// The draft's submission id, sent back with the form.
    pub submission: String,
    /// `self` or `other`.
    pub who: &'static str,
    /// Where Back goes.
    pub back: String,
}

fn check_page(chrome: Chrome, answers: &Answers, submission: String) -> CheckPage {
    let who = views::who(answers);
    let back = flow::path(answers)
        .last()
        .map_or_else(|| BASE.to_owned(), |s| step_url(*s, false));
    CheckPage {
        rows: summary_rows(&chrome, answers),
        chrome,
        submission,
        who,
        back,
    }
}

async fn check(
    State(state): State<AppState>,
    Extension(session): Extension<SessionId>,
    chrome: Chrome,
) -> Result<Response, AppError> {
    // Back from the confirmation page comes here: show the confirmation again, never the
    // sent answers and never an empty new report that might be filled in twice.
    if let Loaded::Found(Draft::Sent { .. }) = draft::load(&state, &session).await? {
        return Ok(Redirect::to("/report-stalking/confirmation").into_response());
    }
    let draft = match current(&state, &session, &chrome, false).await? {
        Current::Respond(r) => return Ok(r),
        Current::Answers(d) => d,
    };
    let Draft::Open {
        submission,
        answers,
    } = draft
    else {
        return Err(AppError::Internal("draft not open".into()));
    };
    let next = flow::next(&answers);
    if next != Next::Check {
        return Ok(Redirect::to(&next_url(next, false)).into_response());
    }
    Ok(render(&check_page(chrome, &answers, submission)))
}

/// The send form on the check page (and on the "not sent" page's Try again).
#[derive(Debug, Deserialize)]
pub struct SendForm {
    submission: Option<String>,
}

/// The page shown when the report could not be stored: nothing was sent, answers are kept.
#[derive(Template)]
#[template(path = "report_stalking/not_sent.html")]
pub struct NotSentPage {
    /// Layout context.
    pub chrome: Chrome,
    /// The draft's submission id, so Try again sends the same draft.
    pub submission: String,
    /// Minutes the answers are kept.
    pub minutes: String,
}

async fn send(
    State(state): State<AppState>,
    Extension(session): Extension<SessionId>,
    chrome: Chrome,
    CsrfForm(form): CsrfForm<SendForm>,
) -> Result<Response, AppError> {
    let confirmation = || Redirect::to("/report-stalking/confirmation").into_response();
    let draft = match draft::load(&state, &session).await? {
        Loaded::Expired => return Ok(expired(chrome, &state)),
        Loaded::None => return Ok(Redirect::to(BASE).into_response()),
        Loaded::Found(d) => d,
    };
    let (submission, answers) = match draft {
        // Sent already (double click, refresh, Back then Send): same report, same reference.
        Draft::Sent { submission, .. }
            if form.submission.as_deref() == Some(submission.as_str()) =>
        {
            return Ok(confirmation());
        }
        Draft::Sent { .. } => return Ok(Redirect::to(BASE).into_response()),
        Draft::Open {
            submission,
            answers,
        } => (submission, answers),
    };
    if form.submission.as_deref() != Some(submission.as_str())
        || flow::next(&answers) != Next::Check
    {
        // A page from another draft, or answers still missing: show where things stand.
        return Ok(Redirect::to(&next_url(flow::next(&answers), false)).into_response());
    }
    if let Err(e) = store_report(&state, &session, &submission, &answers).await {
        tracing::error!(error = %e, "stalking report not stored");
        let minutes = state.config.draft_idle_minutes.to_string();
        return Ok(render_with_status(
            StatusCode::SERVICE_UNAVAILABLE,
            &NotSentPage {
                chrome,
                submission,
                minutes,
            },
        ));
    }
    Ok(confirmation())
}

/// Seal and store the report, replacing the draft's answers in the same transaction; a clash
/// of random references (about one in 10^15) draws again.
async fn store_report(
    state: &AppState,
    session: &SessionId,
    submission: &str,
    answers: &Answers,
) -> Result<String, AppError> {
    let sent = draft::sealed(
        state,
        session,
        &Draft::Sent {
            submission: submission.to_owned(),
        },
    )?;
    let assessment = priority::assess(answers);
    let plaintext = serde_json::to_vec(answers).map_err(|e| AppError::Internal(e.to_string()))?;
    let sealed = state
        .keyring
        .seal(&plaintext, &report_purpose(submission))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let reasons = serde_json::to_string(&assessment.reasons)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    for _ in 0..3 {
        let report = NewStalkingReport {
            reference: Reference::generate().as_compact().to_owned(),
            submission_id: submission.to_owned(),
            force_code: state.config.force_code.clone(),
            created_at: state.clock.now(),
            priority: assessment.priority.code().to_owned(),
            priority_rank: assessment.priority.rank(),
            reasons: reasons.clone(),
            key_id: state.keyring.active_id().to_owned(),
            sealed: sealed.clone(),
        };
        match state
            .store
            .submit_stalking_report(&report, Some(&sent))
            .await
        {
            Err(StoreError::Duplicate) => continue,
            other => return Ok(other?),
        }
    }
    Err(AppError::Internal(
        "no free reference after three draws".into(),
    ))
}

/// The associated data binding a report's sealed answers to its submission.
pub fn report_purpose(submission: &str) -> Vec<u8> {
    format!("stalking-report:{submission}").into_bytes()
}

/// The confirmation page.
#[derive(Template)]
#[template(path = "report_stalking/confirmation.html")]
pub struct ConfirmationPage {
    /// Layout context.
    pub chrome: Chrome,
    /// The reference, grouped for reading.
    pub reference: String,
}

fn confirmation_page(chrome: Chrome, compact: &str) -> Response {
    let reference = Reference::parse(compact).map_or_else(|| compact.to_owned(), |r| r.to_string());
    render(&ConfirmationPage { chrome, reference })
}

async fn confirmation(
    State(state): State<AppState>,
    Extension(session): Extension<SessionId>,
    chrome: Chrome,
) -> Result<Response, AppError> {
    match draft::load(&state, &session).await? {
        Loaded::Found(Draft::Sent { submission }) => {
            match state.store.stalking_reference_for(&submission).await? {
                Some(reference) => Ok(confirmation_page(chrome, &reference)),
                None => Err(AppError::Internal("sent draft without a report".into())),
            }
        }
        Loaded::Expired => Ok(expired(chrome, &state)),
        _ => Ok(Redirect::to(BASE).into_response()),
    }
}

/// Today's date in the UK, for "not in the future" checks.
pub fn uk_today(now: crate::clock::Timestamp) -> jiff::civil::Date {
    let tz = jiff::tz::TimeZone::get("Europe/London").unwrap_or(jiff::tz::TimeZone::UTC);
    jiff::Timestamp::from_second(now)
        .map(|t| t.to_zoned_datetime(tz).date())
        .unwrap_or_default()
}
