//! The online stalking and harassment report: start page, one question per page (driven by
//! `domain::stalking::flow`), check answers, send, confirmation.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use crate::app::stalking::{self, Desk};
use crate::domain::contacts;
use crate::domain::flow as form;
use crate::domain::reference::Reference;
use crate::domain::stalking::flow::{Stalking, Step};
use crate::domain::stalking::{Answers, priority};
use crate::http::abuse::ClientIp;
use crate::http::chrome::Chrome;
use crate::http::error::AppError;
use crate::http::forms::CsrfForm;
use crate::http::multipage::draft::{self, Carry, Draft, Route};
use crate::http::multipage::{
    ChangeQuery, Current, FormPages, SendForm, Sendable, after_send, challenge, check,
    confirm_once, current, next_url, save_step, sendable, show_step, step_url,
};
use crate::http::render::{render, render_with_status};
use crate::http::session::{SessionId, rotated};
use crate::http::state::AppState;

const BASE: &str = "/report-stalking";

/// The interruption page shown after high-risk answers.
const SAFETY_URL: &str = "/report-stalking/your-safety";

impl FormPages for Stalking {
    const BASE: &'static str = BASE;
    const DRAFT: &'static str = "stalking";
    const MSG: &'static str = "rs";
    const STOP_URL: &'static str = "/report-stalking/emergency";
    const CONFIRMATION_URL: &'static str = "/report-stalking/confirmation";

    /// Later questions are worded for the person it is happening to.
    fn who(answers: &Answers) -> &'static str {
        if answers.is(Step::WhoFor.slug(), "other") {
            "other"
        } else {
            "self"
        }
    }

    fn in_summary(step: Step) -> bool {
        // Only a "no" gets this far: not worth a row.
        step != Step::Danger
    }

    /// High-risk answers (threats, fear, a weapon) are followed by what to do now: once after
    /// the last risk question, or at once when a Change from the check page makes the answers
    /// high-risk (it was not shown for the answers before).
    fn interruption(step: Step, before: &Answers, after: &Answers, change: bool) -> Option<String> {
        if !priority::high_risk(after) {
            return None;
        }
        if change {
            (!priority::high_risk(before)).then(|| format!("{SAFETY_URL}?change=check"))
        } else {
            (step == Step::Weapons).then(|| SAFETY_URL.to_owned())
        }
    }

    fn not_sent(state: &AppState, chrome: Chrome, submission: String) -> Response {
        render_with_status(
            StatusCode::SERVICE_UNAVAILABLE,
            &NotSentPage {
                pow: challenge(state),
                chrome,
                submission,
                minutes: state.config.draft_idle_minutes.to_string(),
            },
        )
    }
}

/// Routes of the report.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(BASE, get(start))
        .route("/report-stalking/emergency", get(emergency))
        .route(SAFETY_URL, get(safety))
        .route("/report-stalking/check", get(check::<Stalking>).post(send))
        .route("/report-stalking/confirmation", get(confirmation))
        .route(
            "/report-stalking/{slug}",
            get(show_step::<Stalking>).post(save_step::<Stalking>),
        )
}

/// The report's start page.
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

/// The start page begins a report: the visitor gets a new session id (keeping any draft), so
/// an id planted in their browser before they came is worth nothing from here on.
async fn start(
    State(state): State<AppState>,
    session: SessionId,
    chrome: Chrome,
) -> Result<Response, AppError> {
    let new = draft::rotate(&state, &session, Some((Stalking::DRAFT, Carry::Move))).await?;
    let page = render(&StartPage {
        chrome: chrome.with_session(&new),
    });
    Ok(rotated(page, new))
}

async fn emergency(chrome: Chrome) -> Response {
    render(&EmergencyPage { chrome })
}

/// A sentence with one phone number in it, shown as a `tel:` link. The message takes the
/// number as `$number`, so a translation may put it anywhere in the sentence.
#[derive(Debug, Clone)]
pub struct PhoneSentence {
    /// Text before the number.
    pub before: String,
    /// The number as shown.
    pub number: &'static str,
    /// The number as dialled.
    pub tel: String,
    /// Text after the number.
    pub after: String,
}

impl PhoneSentence {
    /// Message `id`, with the number listed under `key` in [`contacts`] as a link; `who` picks
    /// the wording. Built here rather than with the `-tel-…` Fluent terms because the
    /// interruption card needs the inverse link colour on its blue panel.
    pub fn new(chrome: &Chrome, id: &str, key: &str, who: &str) -> Self {
        // A character no message contains marks where the number goes.
        const MARK: &str = "\u{1}";
        let text = chrome.t_args(id, &[("number", MARK), ("who", who)]);
        let (before, after) = text.split_once(MARK).unwrap_or((text.as_str(), ""));
        let (number, tel) =
            contacts::phone(key).map_or(("", String::new()), |p| (p.display, p.tel.to_owned()));
        Self {
            before: before.to_owned(),
            number,
            tel,
            after: after.to_owned(),
        }
    }
}

/// The interruption card after high-risk answers: what to do now, then on with the report.
#[derive(Template)]
#[template(path = "report_stalking/safety.html")]
pub struct SafetyPage {
    /// Layout context.
    pub chrome: Chrome,
    /// The `$who` wording variant.
    pub who: &'static str,
    /// "Call 999" sentence.
    pub call: PhoneSentence,
    /// Textphone or Relay UK sentence.
    pub relay: PhoneSentence,
    /// Where Continue goes.
    pub next: String,
    /// Where Back goes.
    pub back: String,
}

impl SafetyPage {
    /// A message in the report's `$who` wording.
    pub fn m(&self, id: &str) -> String {
        self.chrome.t_args(id, &[("who", self.who)])
    }
}

/// `GET /report-stalking/your-safety`: shown once the risk questions are answered and any
/// answer is high-risk; anyone else is sent on to where their answers lead.
async fn safety(
    State(state): State<AppState>,
    session: SessionId,
    mut chrome: Chrome,
    Query(q): Query<ChangeQuery>,
) -> Result<Response, AppError> {
    let answers = match current::<Stalking>(&state, &session, &mut chrome, false).await? {
        Current::Respond(r) => return Ok(r),
        Current::Open { answers, .. } => answers,
    };
    let change = q.is_change();
    let next = form::next::<Stalking>(&answers);
    let answered =
        answers.has(Step::Weapons.slug()) && form::reachable::<Stalking>(Step::Weapons, &answers);
    if !answered || !priority::high_risk(&answers) {
        return Ok(Redirect::to(&next_url::<Stalking>(next, false)).into_response());
    }
    let next = if change {
        next_url::<Stalking>(next, true)
    } else {
        // Onwards in order, as after any answer.
        form::following::<Stalking>(Step::Weapons, &answers).map_or_else(
            || next_url::<Stalking>(next, false),
            |s| step_url::<Stalking>(s, false),
        )
    };
    let who = Stalking::who(&answers);
    Ok(render(&SafetyPage {
        call: PhoneSentence::new(&chrome, "rs-safety-call", "999", who),
        relay: PhoneSentence::new(&chrome, "rs-safety-relay", "18000", who),
        back: step_url::<Stalking>(Step::Weapons, change),
        chrome,
        who,
        next,
    }))
}

/// The page shown when the report could not be stored: nothing was sent, answers are kept.
#[derive(Template)]
#[template(path = "report_stalking/not_sent.html")]
pub struct NotSentPage {
    /// Layout context.
    pub chrome: Chrome,
    /// The draft's submission id, so Try again sends the same draft.
    pub submission: String,
    /// A proof-of-work challenge, while proof of work is on.
    pub pow: Option<String>,
    /// Minutes the answers are kept.
    pub minutes: String,
}

async fn send(
    State(state): State<AppState>,
    session: SessionId,
    ClientIp(client): ClientIp,
    chrome: Chrome,
    CsrfForm(form): CsrfForm<SendForm>,
) -> Result<Response, AppError> {
    let (submission, answers) =
        match sendable::<Stalking>(&state, &session, client, chrome.clone(), &form).await? {
            Sendable::Respond(r) => return Ok(r),
            Sendable::Send {
                submission,
                answers,
            } => (submission, answers),
        };
    let stored = store_report(&state, &session, &submission, &answers, chrome.lang()).await;
    if let Err(e) = stored {
        tracing::error!(error = %e, "stalking report not stored");
        return Ok(Stalking::not_sent(&state, chrome, submission));
    }
    // Stored, but the answer to the visitor fails: "not sent" is shown (never a reference
    // without a stored report), and trying again finds the stored report.
    crate::fail_point!("send.after_commit", |_| Ok(Stalking::not_sent(
        &state,
        chrome.clone(),
        submission.clone()
    )));
    Ok(after_send::<Stalking>(&state, &session).await)
}

/// Store the report through the use case, with the draft's `Sent` marker as the session row
/// that replaces it, and the language the visitor sent it in.
async fn store_report(
    state: &AppState,
    session: &SessionId,
    submission: &str,
    answers: &Answers,
    language: &str,
) -> Result<String, AppError> {
    let sent = draft::sealed(
        state,
        session,
        Stalking::DRAFT,
        &Draft::Sent {
            submission: submission.to_owned(),
            route: Route {
                named: answers.is(Step::Identity.slug(), "named"),
                urgent: priority::high_risk(answers),
            },
        },
    )?;
    let desk = Desk {
        store: &state.store,
        keyring: &state.keyring,
        clock: state.clock.as_ref(),
        force_code: &state.config.force_code,
        alerts: &crate::alerts::channels(&state.config),
        language,
    };
    Ok(stalking::submit(desk, submission, answers, &sent).await?)
}

impl From<stalking::SubmitError> for AppError {
    fn from(e: stalking::SubmitError) -> Self {
        use stalking::SubmitError;
        match e {
            SubmitError::Sealing(e) => Self::Crypto(e),
            SubmitError::Json(e) => Self::Json(e),
            SubmitError::Store(e) => Self::Store(e),
            SubmitError::NoFreeReference => Self::Invariant("no free reference after three draws"),
        }
    }
}

/// The confirmation page.
#[derive(Template)]
#[template(path = "report_stalking/confirmation.html")]
pub struct ConfirmationPage {
    /// Layout context.
    pub chrome: Chrome,
    /// The reference, grouped for reading.
    pub reference: String,
    /// The route the answers took (named or not, urgent or not).
    pub route: Route,
    /// "Call 999" sentence, for the urgent route.
    pub call: PhoneSentence,
}

fn confirmation_page(chrome: Chrome, compact: &str, route: Route) -> Response {
    let reference = Reference::parse(compact).map_or_else(|| compact.to_owned(), |r| r.to_string());
    let call = PhoneSentence::new(&chrome, "rs-safety-call", "999", "self");
    render(&ConfirmationPage {
        chrome,
        reference,
        route,
        call,
    })
}

async fn confirmation(
    State(state): State<AppState>,
    session: SessionId,
    chrome: Chrome,
) -> Result<Response, AppError> {
    let confirm = match confirm_once::<Stalking>(&state, &session, chrome).await? {
        Ok(confirm) => confirm,
        Err(r) => return Ok(r),
    };
    match state
        .store
        .stalking_reference_for(&confirm.submission)
        .await?
    {
        Some(reference) => {
            let page = confirmation_page(confirm.chrome.clone(), &reference, confirm.route);
            Ok(confirm.respond(page))
        }
        None => Err(AppError::Invariant("sent draft without a report")),
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::stalking::Step;
    use crate::domain::stalking::questions::Kind;
    use crate::i18n::Catalog;

    /// The numbers of a hint's "For example, …" (GOV.UK date inputs: day, month and year as
    /// typed into the boxes).
    fn example(hint: &str) -> Vec<u32> {
        let after = hint.split("For example, ").nth(1).unwrap_or_default();
        after
            .split(|c: char| !c.is_ascii_digit())
            .take_while(|s| !s.is_empty())
            .filter_map(|s| s.parse().ok())
            .collect()
    }

    #[test]
    fn every_date_hint_gives_an_example_for_exactly_the_boxes_asked() {
        let text = Catalog::load("en-GB").unwrap_or_else(|e| panic!("{e}"));
        let mut dates = 0;
        for step in Step::ALL {
            let Kind::Date { day_optional } = step.kind() else {
                continue;
            };
            dates += 1;
            let hint = text.t(&format!("rs-{}-hint", step.slug())).to_owned();
            // Day, month and year boxes are always shown, so the example fills all three,
            // with a real day and month.
            let numbers = example(&hint);
            assert_eq!(numbers.len(), 3, "{hint}");
            assert!((1..=31).contains(&numbers[0]) && (1..=12).contains(&numbers[1]));
            assert!(numbers[2] > 1900, "{hint}");
            assert_eq!(
                day_optional,
                hint.contains("leave it empty"),
                "says when the day may be left out: {hint}"
            );
        }
        assert_eq!(dates, 2);
        assert_eq!(
            text.t("rs-when-it-started-hint"),
            "An approximate date is fine. For example, 14 3 2024 for 14 March 2024. If you do \
             not remember the day, leave it empty and enter the month and year."
        );
    }
}
