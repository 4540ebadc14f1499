//! The web side of every multi-page form (GOV.UK "question pages"): one GET/POST handler pair
//! serves every question of a [`FormPages`] form from its step table, plus the check-answers
//! page, the server-side draft and the expired-draft page. Each form adds its own start page,
//! send handler and confirmation.

pub mod draft;
pub mod views;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use self::draft::{Carry, Draft, Loaded};
use self::views::{QuestionPage, SummaryRow, Widget, summary_rows};
use crate::domain::FormErrors;
use crate::domain::answers::{self, Answers, Raw};
use crate::domain::flow::{self, Flow, Next};
use crate::http::abuse::{Class, pow};
use crate::http::chrome::Chrome;
use crate::http::error::AppError;
use crate::http::forms::CsrfForm;
use crate::http::render::{render, render_with_status};
use crate::http::session::{SessionId, rotated};
use crate::http::state::AppState;

/// A [`Flow`] served as web pages.
pub trait FormPages: Flow {
    /// The start page; questions live under it (`{BASE}/{slug}`, `{BASE}/check`).
    const BASE: &'static str;
    /// The draft's name in the session.
    const DRAFT: &'static str;
    /// Prefix of the form's message ids: `{MSG}-title`, `{MSG}-{slug}` (the question),
    /// `{MSG}-{slug}-hint`, `{MSG}-{slug}-summary`, `{MSG}-check-…`.
    const MSG: &'static str;
    /// Where the form goes when [`Flow::stops_after`] says it stops.
    const STOP_URL: &'static str;
    /// Where the form goes after it is sent.
    const CONFIRMATION_URL: &'static str;

    /// The `$who` wording variant the answers call for.
    fn who(_answers: &Answers) -> &'static str {
        "self"
    }

    /// Whether a step's answer is listed on the check page.
    fn in_summary(_step: Self::Step) -> bool {
        true
    }

    /// A page to show between `step` and where the form goes next (an interruption card),
    /// given the answers `before` and `after` this answer and whether the visitor came from
    /// the check page; that page's Continue goes on.
    fn interruption(
        _step: Self::Step,
        _before: &Answers,
        _after: &Answers,
        _change: bool,
    ) -> Option<String> {
        None
    }

    /// The "not sent, try again" page (503): nothing was stored, the answers are kept, and
    /// Try again sends draft `submission` once more.
    fn not_sent(state: &AppState, chrome: Chrome, submission: String) -> Response;
}

/// The URL of a question.
pub fn step_url<F: FormPages>(step: F::Step, change: bool) -> String {
    let suffix = if change { "?change=check" } else { "" };
    format!("{}/{}{suffix}", F::BASE, F::slug(step))
}

/// Where [`Next`] leads.
pub fn next_url<F: FormPages>(next: Next<F::Step>, change: bool) -> String {
    match next {
        Next::Ask(step) => step_url::<F>(step, change),
        Next::Stop => F::STOP_URL.to_owned(),
        Next::Check => format!("{}/check", F::BASE),
    }
}

fn first_step<F: FormPages>() -> Option<F::Step> {
    F::steps().first().copied()
}

/// The page shown when a draft has expired.
#[derive(Template)]
#[template(path = "multipage/expired.html")]
pub struct ExpiredPage {
    /// Layout context.
    pub chrome: Chrome,
    /// Minutes of idleness after which drafts are deleted.
    pub minutes: String,
    /// The first question, to start again.
    pub restart: String,
}

/// The expired-draft page of a form.
pub fn expired<F: FormPages>(chrome: Chrome, state: &AppState) -> Response {
    let minutes = state.config.draft_idle_minutes.to_string();
    let restart = first_step::<F>().map_or_else(|| F::BASE.to_owned(), |s| step_url::<F>(s, false));
    render(&ExpiredPage {
        chrome,
        minutes,
        restart,
    })
}

/// `?change=check` on a question: the visitor came from the check page.
#[derive(Debug, Deserialize)]
pub struct ChangeQuery {
    change: Option<String>,
}

impl ChangeQuery {
    /// Whether the visitor came from the check page.
    pub fn is_change(&self) -> bool {
        self.change.as_deref() == Some("check")
    }
}

/// The draft's answers, or the response for a visitor who has none (yet).
pub enum Current {
    /// An open draft.
    Open {
        /// Its submission id.
        submission: String,
        /// The answers so far.
        answers: Answers,
        /// When the draft was started.
        started: crate::clock::Timestamp,
    },
    /// Answer with this instead.
    Respond(Response),
}

/// Find the open draft for a page. `first` is true for the first question, which may be
/// shown (and answered) before any draft exists.
pub async fn current<F: FormPages>(
    state: &AppState,
    session: &SessionId,
    chrome: &mut Chrome,
    first: bool,
) -> Result<Current, AppError> {
    let (loaded, expires) = draft::load_until(state, session, F::DRAFT).await?;
    chrome.set_draft_expires(expires);
    Ok(current_from::<F>(state, chrome, loaded, first))
}

/// [`current`] for a draft already loaded.
fn current_from<F: FormPages>(
    state: &AppState,
    chrome: &Chrome,
    loaded: Loaded,
    first: bool,
) -> Current {
    let restart = || {
        let to = first_step::<F>().map_or_else(|| F::BASE.to_owned(), |s| step_url::<F>(s, false));
        Current::Respond(Redirect::to(&to).into_response())
    };
    match loaded {
        Loaded::Expired => Current::Respond(expired::<F>(chrome.clone(), state)),
        Loaded::Found(Draft::Open {
            submission,
            answers,
            started,
        }) => Current::Open {
            submission,
            answers,
            started,
        },
        Loaded::Empty | Loaded::Found(Draft::Sent { .. }) if first => Current::Open {
            submission: draft::new_submission(),
            answers: Answers::default(),
            started: state.clock.now(),
        },
        Loaded::Empty | Loaded::Found(Draft::Sent { .. }) => restart(),
    }
}

/// `GET {BASE}/{slug}`: a question.
pub async fn show_step<F: FormPages>(
    State(state): State<AppState>,
    session: SessionId,
    mut chrome: Chrome,
    Path(slug): Path<String>,
    Query(q): Query<ChangeQuery>,
) -> Result<Response, AppError> {
    let step = flow::from_slug::<F>(&slug).ok_or(AppError::NotFound)?;
    let is_first = first_step::<F>() == Some(step);
    let answers = match current::<F>(&state, &session, &mut chrome, is_first).await? {
        Current::Respond(r) => return Ok(r),
        Current::Open { answers, .. } => answers,
    };
    if !flow::reachable::<F>(step, &answers) {
        return Ok(Redirect::to(&next_url::<F>(flow::next::<F>(&answers), false)).into_response());
    }
    let widget = Widget::from_answer(F::kind(step), answers.get(&slug));
    let change = q.change.as_deref() == Some("check");
    let page = QuestionPage::new::<F>(
        chrome,
        step,
        &answers,
        widget,
        FormErrors::default(),
        change,
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

impl StepForm {
    /// The fields a question validates, as [`answers::parse`] takes them: every `answer`
    /// (checkboxes repeat it) and the first of each other field. Public so the fuzz targets
    /// decode a body exactly as [`save_step`] does.
    pub fn into_raw(self) -> Raw {
        Raw {
            answer: self.answer,
            other: first(self.other),
            day: first(self.day),
            month: first(self.month),
            year: first(self.year),
            postcode: first(self.postcode),
            address: first(self.address),
        }
    }
}

fn first(values: Vec<String>) -> Option<String> {
    values.into_iter().next()
}

/// `POST {BASE}/{slug}`: validate and save an answer, then go on.
pub async fn save_step<F: FormPages>(
    State(state): State<AppState>,
    session: SessionId,
    mut chrome: Chrome,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<StepForm>,
) -> Result<Response, AppError> {
    let step = flow::from_slug::<F>(&slug).ok_or(AppError::NotFound)?;
    let is_first = first_step::<F>() == Some(step);
    let change = form.change.first().map(String::as_str) == Some("check");
    let (submission, mut answers, started) =
        match current::<F>(&state, &session, &mut chrome, is_first).await? {
            Current::Respond(r) => return Ok(r),
            Current::Open {
                submission,
                answers,
                started,
            } => (submission, answers, started),
        };
    if !flow::reachable::<F>(step, &answers) {
        return Ok(Redirect::to(&next_url::<F>(flow::next::<F>(&answers), false)).into_response());
    }
    let raw = form.into_raw();
    let today = crate::clock::uk_today(state.clock.now());
    let value = match answers::parse(F::kind(step), F::errors(step), &raw, today) {
        Ok(v) => v,
        Err(errors) => {
            let widget = Widget::from_raw(F::kind(step), &raw);
            let page = QuestionPage::new::<F>(chrome, step, &answers, widget, errors, change);
            return Ok(render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
    };
    let all_before = answers.clone();
    let before = answers.get(&slug).cloned();
    answers.set(&slug, value);
    if let Some((field, message)) = F::cross_check(step, &answers) {
        let mut errors = FormErrors::default();
        errors.add(field, message);
        match before {
            Some(v) => answers.set(&slug, v),
            None => answers.retain_except(&slug),
        }
        let widget = Widget::from_raw(F::kind(step), &raw);
        let page = QuestionPage::new::<F>(chrome, step, &answers, widget, errors, change);
        return Ok(render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
    }
    flow::prune::<F>(&mut answers);
    let next = flow::next::<F>(&answers);
    let interruption = F::interruption(step, &all_before, &answers, change);
    let to = if let Some(page) = interruption {
        page
    } else if change || next == Next::Stop {
        next_url::<F>(next, change)
    } else {
        // Onwards in order, even through questions answered before (after Back).
        flow::following::<F>(step, &answers)
            .map_or_else(|| next_url::<F>(next, false), |s| step_url::<F>(s, false))
    };
    let open = Draft::Open {
        submission,
        answers,
        started,
    };
    // Answering the first question starts (or restarts) the report: from here on the draft
    // lives under an id only this browser has, even if someone planted the old one.
    if is_first {
        let new = draft::rotate(&state, &session, Some((F::DRAFT, Carry::Move))).await?;
        draft::save(&state, &new, F::DRAFT, &open).await?;
        return Ok(rotated(Redirect::to(&to).into_response(), new));
    }
    draft::save(&state, &session, F::DRAFT, &open).await?;
    Ok(Redirect::to(&to).into_response())
}

/// The check-answers page.
#[derive(Template)]
#[template(path = "multipage/check.html")]
pub struct CheckPage {
    /// Layout context.
    pub chrome: Chrome,
    /// Where the form posts.
    pub action: String,
    /// Message id prefix of the form.
    pub msg: &'static str,
    /// The answers, as rows.
    pub rows: Vec<SummaryRow>,
    /// The draft's submission id, sent back with the form.
    pub submission: String,
    /// The `$who` wording variant.
    pub who: &'static str,
    /// Where Back goes.
    pub back: String,
    /// A proof-of-work challenge, while proof of work is on.
    pub pow: Option<String>,
}

impl CheckPage {
    /// A message of this form: `{MSG}-{suffix}`.
    pub fn m(&self, suffix: &str) -> String {
        self.chrome
            .t_args(&format!("{}-{suffix}", self.msg), &[("who", self.who)])
    }
}

/// `GET {BASE}/check`.
pub async fn check<F: FormPages>(
    State(state): State<AppState>,
    session: SessionId,
    chrome: Chrome,
) -> Result<Response, AppError> {
    // Back from the confirmation page comes here: show the confirmation again, never the
    // sent answers and never an empty new form that might be filled in twice.
    let (loaded, expires) = draft::load_until(&state, &session, F::DRAFT).await?;
    let mut chrome = chrome;
    chrome.set_draft_expires(expires);
    if let Loaded::Found(Draft::Sent { .. }) = loaded {
        return Ok(Redirect::to(F::CONFIRMATION_URL).into_response());
    }
    let (submission, answers) = match current_from::<F>(&state, &chrome, loaded, false) {
        Current::Respond(r) => return Ok(r),
        Current::Open {
            submission,
            answers,
            ..
        } => (submission, answers),
    };
    let next = flow::next::<F>(&answers);
    if next != Next::Check {
        return Ok(Redirect::to(&next_url::<F>(next, false)).into_response());
    }
    let back = flow::path::<F>(&answers)
        .last()
        .map_or_else(|| F::BASE.to_owned(), |s| step_url::<F>(*s, false));
    Ok(render(&CheckPage {
        rows: summary_rows::<F>(&chrome, &answers),
        action: format!("{}/check", F::BASE),
        msg: F::MSG,
        who: F::who(&answers),
        pow: challenge(&state),
        chrome,
        submission,
        back,
    }))
}

/// A proof-of-work challenge for a send form, while proof of work is on.
pub fn challenge(state: &AppState) -> Option<String> {
    state.guard.work_required().then(|| {
        pow::issue(
            state.keys.pow(),
            state.config.proof_of_work_bits,
            state.clock.now(),
        )
    })
}

/// The send form on a check page (and on a "not sent" page's Try again).
#[derive(Debug, Deserialize)]
pub struct SendForm {
    /// The submission id of the draft the page showed.
    pub submission: Option<String>,
    /// The honeypot: hidden from people, so anything in it was typed by a script.
    pub homepage: Option<String>,
    /// The proof-of-work challenge the page carried, if any.
    pub pow_challenge: Option<String>,
    /// The browser's answer to it.
    pub pow_answer: Option<String>,
}

/// The page shown when a send is refused before anything is stored: the answers are kept.
#[derive(Template)]
#[template(path = "multipage/refused.html")]
pub struct RefusedPage {
    /// Layout context.
    pub chrome: Chrome,
    /// The check-answers page, to send again from.
    pub check: String,
    /// Minutes to wait, when the refusal was a rate limit.
    pub wait_minutes: Option<String>,
}

/// Refuse a send before anything is stored, for a script's tell-tale signs (the honeypot
/// filled, sent too soon after starting) or over the rate limits. While proof of work is on,
/// a send without a valid, unused answer falls under the stricter limit instead (browsers
/// without JavaScript still get through, a few at a time).
async fn guard_send(
    state: &AppState,
    client: Option<std::net::IpAddr>,
    form: &SendForm,
    started: crate::clock::Timestamp,
) -> Result<(), Option<u64>> {
    let now = state.clock.now();
    if form.homepage.as_deref().is_some_and(|v| !v.is_empty()) {
        tracing::info!("send refused: honeypot");
        return Err(None);
    }
    if now - started < state.config.min_fill_seconds {
        tracing::info!("send refused: too soon after starting");
        return Err(None);
    }
    let mut class = Class::Send;
    if state.guard.work_required() {
        let answer = pow::verify(
            state.keys.pow(),
            form.pow_challenge.as_deref(),
            form.pow_answer.as_deref(),
            now,
        );
        let fresh = match answer {
            Ok(solved) => state
                .store
                .claim_once(&format!("pow:{}", solved.id), solved.expires)
                .await
                .unwrap_or_else(|error| {
                    // Counted as no answer, so the stricter bucket applies; never a refusal
                    // of the report itself.
                    tracing::error!(%error, "could not claim a proof-of-work challenge");
                    false
                }),
            Err(why) => {
                tracing::info!(?why, "send without a proof of work");
                false
            }
        };
        if !fresh {
            class = Class::SendWithoutWork;
        }
    }
    state.guard.take(class, client).map_err(Some)?;
    state.guard.note_send();
    Ok(())
}

/// What a send request may do with the session's draft.
pub enum Sendable {
    /// Store these answers under this submission id.
    Send {
        /// The draft's submission id.
        submission: String,
        /// Its complete answers.
        answers: Answers,
    },
    /// Answer with this instead (already sent, expired, another draft's page, unanswered
    /// questions).
    Respond(Response),
}

/// Decide whether a send may store the draft. A second send of a sent draft (double click,
/// refresh, Back then Send) goes to the same confirmation, so one draft is one report.
pub async fn sendable<F: FormPages>(
    state: &AppState,
    session: &SessionId,
    client: Option<std::net::IpAddr>,
    chrome: Chrome,
    form: &SendForm,
) -> Result<Sendable, AppError> {
    let respond = |to: &str| Ok(Sendable::Respond(Redirect::to(to).into_response()));
    let loaded = match draft::load(state, session, F::DRAFT).await {
        Ok(loaded) => loaded,
        Err(e) => {
            tracing::error!(error = %e, "report not sent: draft unavailable");
            let submission = form.submission.clone().unwrap_or_default();
            return Ok(Sendable::Respond(F::not_sent(state, chrome, submission)));
        }
    };
    let (submission, answers, started) = match loaded {
        Loaded::Expired => return Ok(Sendable::Respond(expired::<F>(chrome, state))),
        Loaded::Empty => return respond(F::BASE),
        Loaded::Found(Draft::Sent { submission, .. }) => {
            if form.submission.as_deref() != Some(submission.as_str()) {
                return respond(F::BASE);
            }
            // The same draft sent again: to its confirmation, under a new id as at the send.
            let new = draft::rotate(state, session, Some((F::DRAFT, Carry::Move))).await?;
            let to = Redirect::to(F::CONFIRMATION_URL).into_response();
            return Ok(Sendable::Respond(rotated(to, new)));
        }
        Loaded::Found(Draft::Open {
            submission,
            answers,
            started,
        }) => (submission, answers, started),
    };
    let next = flow::next::<F>(&answers);
    if form.submission.as_deref() != Some(submission.as_str()) || next != Next::Check {
        // A page from another draft, or answers still missing: show where things stand.
        return respond(&next_url::<F>(next, false));
    }
    if let Err(wait) = guard_send(state, client, form, started).await {
        let status = if wait.is_some() {
            StatusCode::TOO_MANY_REQUESTS
        } else {
            StatusCode::BAD_REQUEST
        };
        let page = RefusedPage {
            chrome,
            check: format!("{}/check", F::BASE),
            wait_minutes: wait.map(|s| s.div_ceil(60).to_string()),
        };
        let mut res = render_with_status(status, &page);
        if let Some(seconds) = wait {
            res.headers_mut()
                .insert(axum::http::header::RETRY_AFTER, seconds.into());
        }
        return Ok(Sendable::Respond(res));
    }
    Ok(Sendable::Send {
        submission,
        answers,
    })
}

/// After a send: move the visitor to a new id, keeping the `Sent` marker under the old one
/// too (see [`Carry::Copy`]), and redirect to the confirmation. The report is stored already,
/// so a failure here only costs the rotation, never the confirmation.
pub async fn after_send<F: FormPages>(state: &AppState, session: &SessionId) -> Response {
    let to = Redirect::to(F::CONFIRMATION_URL).into_response();
    match draft::rotate(state, session, Some((F::DRAFT, Carry::Copy))).await {
        Ok(new) => rotated(to, new),
        Err(error) => {
            tracing::error!(%error, "session not renewed after a send");
            to
        }
    }
}

/// A confirmation page that may be shown: the sent draft's submission id, and the page
/// context for the session the visitor now has.
pub struct Confirm {
    /// The submission id of the sent draft.
    pub submission: String,
    /// The route its answers took, for a tailored confirmation.
    pub route: draft::Route,
    /// Layout context, for the new session.
    pub chrome: Chrome,
    /// The new session, if the visitor was moved to one; put it on the response.
    pub renewed: Option<SessionId>,
}

impl Confirm {
    /// `res`, setting the new session's cookie.
    pub fn respond(self, res: Response) -> Response {
        match self.renewed {
            Some(id) => rotated(res, id),
            None => res,
        }
    }
}

/// Show a sent draft's confirmation once: the reference is for the person who sent it, not
/// for whoever picks up the device later. Claims the showing (once across every instance and
/// every copy of the `Sent` marker), drops the marker and renews the session; a second visit
/// finds nothing and goes to the start page, like a visitor with no draft.
pub async fn confirm_once<F: FormPages>(
    state: &AppState,
    session: &SessionId,
    chrome: Chrome,
) -> Result<Result<Confirm, Response>, AppError> {
    let (submission, route) = match draft::load(state, session, F::DRAFT).await? {
        Loaded::Found(Draft::Sent { submission, route }) => (submission, route),
        Loaded::Expired => return Ok(Err(expired::<F>(chrome, state))),
        _ => return Ok(Err(Redirect::to(F::BASE).into_response())),
    };
    // Every copy of the marker expires within the idle time of the send (rotations keep the
    // expiry), so a claim kept twice as long outlives them all.
    let until = state.clock.now() + 2 * state.config.draft_idle_minutes * 60;
    let first = state
        .store
        .claim_once(&shown_key(&submission), until)
        .await?;
    let renewed = match draft::rotate(state, session, Some((F::DRAFT, Carry::Drop))).await {
        Ok(new) => Some(new),
        Err(error) => {
            // The claim is what keeps the reference from being shown twice.
            tracing::error!(%error, "session not renewed after a confirmation");
            None
        }
    };
    let chrome = match &renewed {
        Some(new) => chrome.with_session(new),
        None => chrome,
    };
    let confirm = Confirm {
        submission,
        route,
        chrome,
        renewed,
    };
    if !first {
        let to = Redirect::to(F::BASE).into_response();
        return Ok(Err(confirm.respond(to)));
    }
    Ok(Ok(confirm))
}

/// The claim that a submission's confirmation was shown: a hash, so the sessions table does
/// not repeat the report's submission id.
fn shown_key(submission: &str) -> String {
    use sha2::{Digest, Sha256};
    format!(
        "shown:{}",
        hex::encode(Sha256::digest(submission.as_bytes()))
    )
}
