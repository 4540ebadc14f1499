//! "Tell us about a place where you felt unsafe": anonymous, one question per page (the
//! generic question pages of `multipage`), a place page of its own (search the gazetteer or
//! describe the place), check answers, send, receipt.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Deserialize;

use crate::app::place::{self as submit, PlaceContext, PlaceError};
use crate::domain::FormErrors;
use crate::domain::answers::{Answers, Value};
use crate::domain::flow;
use crate::domain::place::{self, Step, UnsafePlace};
use crate::domain::text::BoundedText;
use crate::geo::{self, LatLng};
use crate::http::abuse::ClientIp;
use crate::http::chrome::Chrome;
use crate::http::error::AppError;
use crate::http::forms::CsrfForm;
use crate::http::multipage::draft::{self, Carry, Draft};
use crate::http::multipage::{
    Current, FormPages, SendForm, Sendable, after_send, challenge, check, confirm_once, current,
    next_url, save_step, sendable, show_step, step_url,
};
use crate::http::render::{render, render_shared, render_with_status};
use crate::http::session::{SessionId, rotated};
use crate::http::state::AppState;

const BASE: &str = "/unsafe-place";

impl FormPages for UnsafePlace {
    const BASE: &'static str = BASE;
    const DRAFT: &'static str = "place";
    const MSG: &'static str = "up";
    const STOP_URL: &'static str = "/unsafe-place";
    const CONFIRMATION_URL: &'static str = "/unsafe-place/confirmation";

    fn not_sent(state: &AppState, chrome: Chrome, submission: String) -> Response {
        render_with_status(
            StatusCode::SERVICE_UNAVAILABLE,
            &NotSentPage {
                pow: challenge(state),
                chrome,
                submission,
            },
        )
    }
}

/// Routes of the place report.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(BASE, get(start))
        .route("/unsafe-place/where", get(show_where).post(save_where))
        .route("/unsafe-place/check", get(check::<UnsafePlace>).post(send))
        .route("/unsafe-place/confirmation", get(confirmation))
        .route(
            "/unsafe-place/{slug}",
            get(show_step::<UnsafePlace>).post(save_step::<UnsafePlace>),
        )
}

/// The start page.
#[derive(Template)]
#[template(path = "unsafe_place/start.html")]
pub struct StartPage {
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
    let new = draft::rotate(&state, &session, Some((UnsafePlace::DRAFT, Carry::Move))).await?;
    let chrome = chrome.with_session(&new);
    let page = render_shared(&state.pages, &chrome, || StartPage {
        chrome: chrome.clone(),
    });
    Ok(rotated(page, new))
}

/// One search result.
#[derive(Debug)]
pub struct Found {
    /// Its position in the gazetteer.
    pub index: usize,
    /// Name and postcode.
    pub label: String,
    /// Chosen.
    pub checked: bool,
}

/// The place page.
#[derive(Template)]
#[template(path = "unsafe_place/where.html")]
pub struct WherePage {
    /// Layout context.
    pub chrome: Chrome,
    /// What was searched for.
    pub q: String,
    /// Whether a search was made (to say when nothing matched).
    pub searched: bool,
    /// Matching places.
    pub results: Vec<Found>,
    /// The description typed.
    pub description: String,
    /// Open the "describe it" part (it holds an answer or an error).
    pub describe_open: bool,
    /// The place chosen before, if any.
    pub current: String,
    /// Problems.
    pub errors: FormErrors,
    /// Where Back goes.
    pub back: String,
    /// Came from the check page.
    pub change: bool,
    /// The map's settings (shown only with JavaScript).
    pub map: MapSettings,
}

/// What the map script needs, as data attributes on the map element.
#[derive(Debug, Clone)]
pub struct MapSettings {
    /// Tile URL template, or empty for no background.
    pub tile_url: String,
    /// Attribution text for the tiles.
    pub attribution: String,
    /// Where the map opens: the middle of the force areas.
    pub lat: String,
    /// Where the map opens.
    pub lng: String,
    /// The point already chosen, if any.
    pub pin_lat: String,
    /// The point already chosen, if any.
    pub pin_lng: String,
}

/// Longest description of a place, in characters.
const DESCRIPTION_MAX: usize = 500;
/// Most search results shown.
const RESULTS: usize = 10;

fn label(p: &geo::Place) -> String {
    match &p.postcode {
        Some(pc) => format!("{} ({pc})", p.name),
        None => p.name.clone(),
    }
}

fn map_settings(state: &AppState, answers: &Answers) -> MapSettings {
    let (lat, lng) = state.geography.areas.bbox().map_or((53.8, -1.55), |b| {
        let c = b.center();
        (c.y, c.x)
    });
    let (pin_lat, pin_lng) = match answers.get(Step::Where.slug()) {
        // Only a pin put on the map goes back into the map's fields: a place found by search
        // is shown by name, so a later description or search is not overridden by it.
        Some(Value::Location {
            point: Some((la, ln)),
            how,
            ..
        }) if how == "map" => (
            format!("{:.6}", *la as f64 / 1e6),
            format!("{:.6}", *ln as f64 / 1e6),
        ),
        _ => (String::new(), String::new()),
    };
    MapSettings {
        tile_url: state.config.map_tile_url.clone(),
        attribution: state.config.map_attribution.clone(),
        lat: format!("{lat:.5}"),
        lng: format!("{lng:.5}"),
        pin_lat,
        pin_lng,
    }
}

fn where_page(chrome: Chrome, state: &AppState, answers: &Answers, change: bool) -> WherePage {
    let (current, description) = match answers.get(Step::Where.slug()) {
        Some(Value::Location {
            point: None, label, ..
        }) => (String::new(), label.clone()),
        Some(Value::Location { label, .. }) => (label.clone(), String::new()),
        _ => (String::new(), String::new()),
    };
    WherePage {
        chrome,
        q: String::new(),
        searched: false,
        results: Vec::new(),
        describe_open: !description.is_empty(),
        description,
        current,
        errors: FormErrors::default(),
        back: if change {
            format!("{BASE}/check")
        } else {
            BASE.to_owned()
        },
        change,
        map: map_settings(state, answers),
    }
}

/// `?change=check`.
#[derive(Debug, Deserialize)]
pub struct ChangeQuery {
    change: Option<String>,
}

async fn show_where(
    State(state): State<AppState>,
    session: SessionId,
    mut chrome: Chrome,
    Query(q): Query<ChangeQuery>,
) -> Result<Response, AppError> {
    let answers = match current::<UnsafePlace>(&state, &session, &mut chrome, true).await? {
        Current::Respond(r) => return Ok(r),
        Current::Open { answers, .. } => answers,
    };
    let change = q.change.as_deref() == Some("check");
    Ok(render(&where_page(chrome, &state, &answers, change)))
}

/// What the place page sends. Lists, so repeated fields are not a malformed request.
#[derive(Debug, Default, Deserialize)]
pub struct WhereForm {
    #[serde(default)]
    action: Vec<String>,
    #[serde(default)]
    q: Vec<String>,
    #[serde(default)]
    place: Vec<String>,
    #[serde(default)]
    lat: Vec<String>,
    #[serde(default)]
    lng: Vec<String>,
    #[serde(default)]
    description: Vec<String>,
    #[serde(default)]
    change: Vec<String>,
}

fn first(v: &[String]) -> &str {
    v.first().map_or("", String::as_str)
}

/// The place the form gives: one found by search, a pin on the map, or a description (on a
/// Change visit, nothing new keeps the place already given); else the field and message id
/// of the problem.
fn where_answer(
    state: &AppState,
    chrome: &Chrome,
    chosen: Option<&geo::Place>,
    point: Option<LatLng>,
    description: &str,
    answers: &Answers,
) -> Result<Value, (&'static str, &'static str)> {
    let areas = &state.geography.areas;
    if let Some(p) = chosen {
        return located(areas, p.point, label(p), "search");
    }
    if let Some(p) = point {
        return located(
            areas,
            p,
            pin_label(chrome, &state.geography.places, p),
            "map",
        );
    }
    match BoundedText::parse(description, DESCRIPTION_MAX) {
        Ok(Some(text)) => Ok(Value::Location {
            point: None,
            label: place::scrub(text.as_str()),
            how: "described".to_owned(),
        }),
        Ok(None) => answers
            .get(Step::Where.slug())
            .cloned()
            .ok_or(("q", "up-err-where")),
        Err(_) => Err(("description", "up-err-description-long")),
    }
}

/// How a pin put on the map is shown (check answers, the place page): "near" the nearest
/// gazetteer place, never its coordinates, which mean nothing to most people.
fn pin_label(chrome: &Chrome, places: &[geo::Place], point: LatLng) -> String {
    match geo::nearest(places, point) {
        Some(p) => chrome.t_args("up-where-near", &[("place", p.name.as_str())]),
        None => chrome.t("up-where-pin").to_owned(),
    }
}

/// The place page again, with its problem (422).
fn refuse(mut page: WherePage, field: &'static str, message: &'static str) -> Response {
    page.errors.add(field, message);
    page.describe_open |= field == "description";
    render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

/// Where the form goes once the place is answered.
fn after_where(answers: &Answers, change: bool) -> String {
    let next = flow::next::<UnsafePlace>(answers);
    if change {
        next_url::<UnsafePlace>(next, true)
    } else {
        flow::following::<UnsafePlace>(Step::Where, answers).map_or_else(
            || next_url::<UnsafePlace>(next, false),
            |s| step_url::<UnsafePlace>(s, false),
        )
    }
}

async fn save_where(
    State(state): State<AppState>,
    session: SessionId,
    mut chrome: Chrome,
    CsrfForm(form): CsrfForm<WhereForm>,
) -> Result<Response, AppError> {
    let change = first(&form.change) == "check";
    let (submission, mut answers, started) =
        match current::<UnsafePlace>(&state, &session, &mut chrome, true).await? {
            Current::Respond(r) => return Ok(r),
            Current::Open {
                submission,
                answers,
                started,
            } => (submission, answers, started),
        };
    let places = &state.geography.places;
    let q = first(&form.q).trim().to_owned();
    let mut page = where_page(chrome, &state, &answers, change);
    page.q.clone_from(&q);
    page.description = first(&form.description).to_owned();
    if first(&form.action) == "search" {
        if q.is_empty() {
            return Ok(refuse(page, "q", "up-err-search-empty"));
        }
        page.searched = true;
        page.results = search_results(places, &q, None);
        return Ok(render(&page));
    }
    // Continue: a place from the search, a point from the map, or a description.
    let chosen = first(&form.place)
        .parse::<usize>()
        .ok()
        .and_then(|i| places.get(i));
    let point = LatLng::parse(first(&form.lat), first(&form.lng)).ok();
    let description = first(&form.description);
    let value = match where_answer(&state, &page.chrome, chosen, point, description, &answers) {
        Ok(v) => v,
        Err((field, message)) => {
            // A pin refused (outside every force area) stays on the map, where it can be
            // dragged into the area; without it the visitor would not see what was wrong.
            if let (None, Some(p)) = (chosen, point) {
                page.map.pin_lat = format!("{:.6}", p.lat());
                page.map.pin_lng = format!("{:.6}", p.lng());
            }
            if !q.is_empty() {
                page.searched = true;
                page.results = search_results(places, &q, None);
            }
            return Ok(refuse(page, field, message));
        }
    };
    answers.set(Step::Where.slug(), value);
    flow::prune::<UnsafePlace>(&mut answers);
    let to = after_where(&answers, change);
    let open = Draft::Open {
        submission,
        answers,
        started,
    };
    // The place is the first question: answering it starts the report under a new id, as
    // `multipage::save_step` does for the first question of other forms.
    let new = draft::rotate(&state, &session, Some((UnsafePlace::DRAFT, Carry::Move))).await?;
    draft::save(&state, &new, UnsafePlace::DRAFT, &open).await?;
    Ok(rotated(Redirect::to(&to).into_response(), new))
}

fn search_results(places: &[geo::Place], q: &str, chosen: Option<usize>) -> Vec<Found> {
    geo::search(places, q, RESULTS)
        .into_iter()
        .filter_map(|p| {
            let index = places.iter().position(|x| std::ptr::eq(x, p))?;
            Some(Found {
                index,
                label: label(p),
                checked: chosen == Some(index),
            })
        })
        .collect()
}

/// A located answer, or the page's error when no force covers the point.
fn located(
    areas: &geo::AreaIndex,
    point: LatLng,
    label: String,
    how: &str,
) -> Result<Value, (&'static str, &'static str)> {
    submit::located(areas, point, label, how).map_err(|_| ("q", "up-err-outside"))
}

/// The page shown when the report could not be stored.
#[derive(Template)]
#[template(path = "unsafe_place/not_sent.html")]
pub struct NotSentPage {
    /// Layout context.
    pub chrome: Chrome,
    /// The draft's submission id.
    pub submission: String,
    /// A proof-of-work challenge, while proof of work is on.
    pub pow: Option<String>,
}

async fn send(
    State(state): State<AppState>,
    session: SessionId,
    ClientIp(client): ClientIp,
    chrome: Chrome,
    CsrfForm(form): CsrfForm<SendForm>,
) -> Result<Response, AppError> {
    let (submission, answers) =
        match sendable::<UnsafePlace>(&state, &session, client, chrome.clone(), &form).await? {
            Sendable::Respond(r) => return Ok(r),
            Sendable::Send {
                submission,
                answers,
            } => (submission, answers),
        };
    let stored = store_report(&state, &session, &submission, &answers).await;
    if let Err(e) = stored {
        tracing::error!(error = %e, "place report not stored");
        return Ok(UnsafePlace::not_sent(&state, chrome, submission));
    }
    // Stored, but the answer to the visitor fails: "not sent" is shown (never a reference
    // without a stored report), and trying again finds the stored report.
    crate::fail_point!("send.after_commit", |_| Ok(UnsafePlace::not_sent(
        &state,
        chrome.clone(),
        submission.clone()
    )));
    Ok(after_send::<UnsafePlace>(&state, &session).await)
}

/// The answers as a report, stored with the sender's draft replaced by "sent".
async fn store_report(
    state: &AppState,
    session: &SessionId,
    submission: &str,
    answers: &Answers,
) -> Result<String, AppError> {
    let facts = submit::facts_of_answers(answers, &state.geography.areas, &state.config.force_code)
        .map_err(|e| {
            // Only a draft written by a bug holds a point that is not a coordinate.
            tracing::error!(error = %e, "place report not stored");
            match e {
                PlaceError::BadPoint(_) => AppError::Invariant("a draft's point is not a point"),
                PlaceError::OutsideForce => AppError::Invariant("a draft's point has no force"),
            }
        })?;
    let sent = draft::sealed(
        state,
        session,
        UnsafePlace::DRAFT,
        &Draft::Sent {
            submission: submission.to_owned(),
            route: draft::Route::default(),
        },
    )?;
    let ctx = PlaceContext {
        store: &state.store,
        keyring: &state.keyring,
        clock: state.clock.as_ref(),
    };
    Ok(submit::submit(&ctx, submission, &facts, Some(&sent)).await?)
}

/// The confirmation page.
#[derive(Template)]
#[template(path = "unsafe_place/confirmation.html")]
pub struct ConfirmationPage {
    /// Layout context.
    pub chrome: Chrome,
}

async fn confirmation(
    State(state): State<AppState>,
    session: SessionId,
    chrome: Chrome,
) -> Result<Response, AppError> {
    let confirm = match confirm_once::<UnsafePlace>(&state, &session, chrome).await? {
        Ok(confirm) => confirm,
        Err(r) => return Ok(r),
    };
    // The report's receipt is its key in the database, not something to show: the report is
    // anonymous, nobody can look it up by receipt, and a number on the screen of a shared
    // device is only a trace. Checking it exists keeps "sent" true.
    if state
        .store
        .place_receipt_for(&confirm.submission)
        .await?
        .is_none()
    {
        return Err(AppError::Invariant("sent draft without a report"));
    }
    let page = render(&ConfirmationPage {
        chrome: confirm.chrome.clone(),
    });
    Ok(confirm.respond(page))
}
