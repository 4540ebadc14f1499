//! Investigators' stalking-report queue and case page: filters, priority with its reasons,
//! the victim's answers (decrypted only here, and every view audited), safe-contact
//! instructions first, and status changes with notes and assignment.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Extension, Router};
use serde::Deserialize;

use super::auth::one_error;
use super::lists::{DateBoxes, Page, Pager};
use super::{Me, when};
use crate::app::staff::cases::{self, Change};
use crate::domain::FormErrors;
use crate::domain::date_filter::{self, DateParts};
use crate::domain::purpose;
use crate::domain::reference::Reference;
use crate::domain::staff::{Role, Status, UserStatus};
use crate::domain::stalking::Answers;
use crate::domain::stalking::flow::Stalking;
use crate::domain::stalking::priority::Priority;
use crate::http::chrome::Chrome;
use crate::http::error::AppError;
use crate::http::forms::CsrfForm;
use crate::http::multipage::views::{SummaryRow, summary_rows};
use crate::http::render::{render, render_with_status};
use crate::http::state::AppState;
use crate::storage::{Assignee, Case, QueueQuery, QueueRow, StaffUser};

/// Reports per page of the queue.
const PAGE: i64 = 50;

/// The longest note.
pub const NOTE_MAX: usize = 2_000;

/// Questions whose answers say how (and whether) to contact the victim safely: shown first.
const CONTACT: &[&str] = &[
    "your-name-or-anonymous",
    "name",
    "contact",
    "phone",
    "email",
    "safe-times",
    "leave-message",
    "do-not-contact",
];

/// Questions about the person it is happening to, in a report by someone else (who they
/// are, whether they know, whether and how to contact them): shown together, after contact.
const VICTIM: &[&str] = &[
    "their-name",
    "your-relationship-to-them",
    "do-they-know",
    "safe-to-contact-them",
    "how-to-contact-them",
    "their-phone",
    "their-email",
];

/// Whether a check-answers row is the answer to one of `slugs`.
fn row_is(row: &SummaryRow, slugs: &[&str]) -> bool {
    slugs
        .iter()
        .any(|slug| row.href.ends_with(&format!("/{slug}?change=check")))
}

/// Routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/staff/reports", get(queue))
        .route("/staff/reports/find", get(find))
        .route("/staff/reports/{id}", get(case).post(update))
}

/// Queue filters from the address (all optional). A date is typed in the GOV.UK date
/// input's three boxes; a date with a problem is named in an error summary and not applied.
#[derive(Debug, Default, Deserialize)]
pub struct Filters {
    #[serde(default)]
    status: String,
    #[serde(default)]
    priority: String,
    #[serde(flatten)]
    dates: DateBoxes,
    #[serde(default)]
    assigned: String,
    page: Option<i64>,
}

/// A line of the queue as shown.
#[derive(Debug)]
pub struct Line {
    /// Id.
    pub id: i64,
    /// Reference, grouped.
    pub reference: String,
    /// Sent.
    pub sent: String,
    /// Priority code.
    pub priority: String,
    /// Status code.
    pub status: String,
    /// Assignee's email, or empty.
    pub assignee: String,
}

/// The queue page.
#[derive(Template)]
#[template(path = "staff/reports.html")]
pub struct QueuePage {
    /// Layout context.
    pub chrome: Chrome,
    /// Who is signed in.
    pub me: Option<Me>,
    /// The lines.
    pub lines: Vec<Line>,
    /// How many match.
    pub total: i64,
    /// The filters as given (for the form).
    pub filters: Filters,
    /// The "sent from" boxes as typed.
    pub from: DateParts,
    /// The "sent up to" boxes as typed.
    pub to: DateParts,
    /// Problems with the reference typed or the dates.
    pub errors: FormErrors,
    /// The reference typed into the search box.
    pub reference: String,
    /// The reference searched for belongs to no report of the force.
    pub not_found: bool,
    /// Investigators of the force (id, email) for the "assigned to" filter.
    pub investigators: Vec<(i64, String)>,
    /// Link to the previous page, if any.
    pub previous: Option<String>,
    /// Link to the next page, if any.
    pub next: Option<String>,
}

impl QueuePage {
    /// Statuses for the filter.
    pub fn statuses(&self) -> Vec<&'static str> {
        Status::ALL.iter().map(|s| s.code()).collect()
    }
}

fn grouped(reference: &str) -> String {
    Reference::parse(reference).map_or_else(|| reference.to_owned(), |r| r.to_string())
}

async fn investigators(state: &AppState, force: &str) -> Result<Vec<StaffUser>, AppError> {
    Ok(state
        .store
        .staff_users(force)
        .await?
        .into_iter()
        .filter(|u| u.role == Role::Investigator && u.status == UserStatus::Active)
        .collect())
}

/// What the queue page shows besides the queue: the search box's state.
#[derive(Debug, Default)]
struct Search {
    reference: String,
    errors: FormErrors,
    not_found: bool,
}

async fn queue_page(
    state: &AppState,
    chrome: Chrome,
    me: Me,
    f: Filters,
    search: Search,
) -> Result<QueuePage, AppError> {
    let page = Page::new(f.page, PAGE, 10_000);
    let mut errors = search.errors;
    let (from, to) = date_filter::range(&f.dates.from(), &f.dates.to(), &mut errors);
    let q = QueueQuery {
        force_code: me.force_code.clone(),
        status: Status::parse(&f.status),
        priority: Priority::from_code(&f.priority),
        from: from.map(|d| crate::domain::place::day_number(d) * 86_400),
        // "Up to" a day includes that day.
        to: to.map(|d| (crate::domain::place::day_number(d) + 1) * 86_400),
        assigned_to: match f.assigned.as_str() {
            // Ids start at 1: `0` has always meant nobody too.
            "none" | "0" => Assignee::Unassigned,
            other => other.parse().map_or(Assignee::Anyone, Assignee::User),
        },
        limit: PAGE,
        offset: page.offset(),
    };
    let (rows, total) = state.store.stalking_queue(&q).await?;
    let staff = investigators(state, &me.force_code).await?;
    let email_of = |id: Option<i64>| {
        id.and_then(|id| staff.iter().find(|u| u.id == id))
            .map(|u| u.email.clone())
            .unwrap_or_default()
    };
    let lines = rows
        .iter()
        .map(|r: &QueueRow| Line {
            id: r.id,
            reference: grouped(&r.reference),
            sent: when(r.created_at),
            priority: r.priority.code().to_owned(),
            status: r.status.code().to_owned(),
            assignee: email_of(r.assigned_to),
        })
        .collect();
    let link = |p: i64| {
        let mut query = form_urlencoded::Serializer::new(String::new());
        query
            .append_pair("status", &f.status)
            .append_pair("priority", &f.priority);
        f.dates.append(&mut query);
        query
            .append_pair("assigned", &f.assigned)
            .append_pair("page", &p.to_string());
        format!("/staff/reports?{}", query.finish())
    };
    let Pager { previous, next } = page.pager(page.more_than(total), link);
    Ok(QueuePage {
        chrome,
        me: Some(me),
        lines,
        total,
        previous,
        next,
        investigators: staff.iter().map(|u| (u.id, u.email.clone())).collect(),
        from: f.dates.from(),
        to: f.dates.to(),
        filters: f,
        errors,
        reference: search.reference,
        not_found: search.not_found,
    })
}

async fn queue(
    State(state): State<AppState>,
    chrome: Chrome,
    Extension(me): Extension<Me>,
    Query(f): Query<Filters>,
) -> Result<Response, AppError> {
    let page = queue_page(&state, chrome, me, f, Search::default()).await?;
    let status = if page.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render_with_status(status, &page))
}

/// The search box.
#[derive(Debug, Default, Deserialize)]
pub struct Find {
    #[serde(default)]
    reference: String,
}

/// Find a report by the reference a victim read out: dashes, spaces and case do not
/// matter, and the check character is checked before anything is looked up, so a mistyped
/// reference is named as such rather than "not found". Every search is audited: a found
/// report under its id, a miss under the reference (a valid one: nothing typed at random
/// reaches the log), another force's report as denied, exactly like opening its id.
async fn find(
    State(state): State<AppState>,
    chrome: Chrome,
    Extension(me): Extension<Me>,
    Query(form): Query<Find>,
) -> Result<Response, AppError> {
    let typed = form.reference.trim().to_owned();
    let search = |errors, not_found| Search {
        reference: typed.clone(),
        errors,
        not_found,
    };
    let parsed = if typed.is_empty() {
        Err("staff-error-reference-missing")
    } else {
        Reference::parse(&typed).ok_or("staff-error-reference-invalid")
    };
    let reference = match parsed {
        Ok(reference) => reference,
        Err(message) => {
            let entry = me.audit(&state, "find-report", "", "invalid");
            state.store.audit(&entry).await?;
            let errors = one_error("reference", message);
            let page = queue_page(
                &state,
                chrome,
                me,
                Filters::default(),
                search(errors, false),
            )
            .await?;
            return Ok(render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
    };
    match state
        .store
        .stalking_by_reference(reference.as_compact())
        .await?
    {
        Some((id, force)) if force == me.force_code => {
            let object = format!("stalking-report:{id}");
            let mut entry = me.audit(&state, "find-report", &object, "ok");
            entry.detail = format!("reference {}", reference.as_compact());
            state.store.audit(&entry).await?;
            Ok(Redirect::to(&format!("/staff/reports/{id}")).into_response())
        }
        other => {
            // Another force's report gets the same answer as none, but is logged as denied.
            let (object, outcome) = match other {
                Some((id, _)) => (format!("stalking-report:{id}"), "denied"),
                None => (format!("reference:{}", reference.as_compact()), "not-found"),
            };
            let mut entry = me.audit(&state, "find-report", &object, outcome);
            entry.detail = format!("reference {}", reference.as_compact());
            state.store.audit(&entry).await?;
            let page = queue_page(
                &state,
                chrome,
                me,
                Filters::default(),
                search(FormErrors::default(), true),
            )
            .await?;
            Ok(render_with_status(StatusCode::NOT_FOUND, &page))
        }
    }
}

/// A note in the history, decrypted.
#[derive(Debug)]
pub struct HistoryLine {
    /// When.
    pub at: String,
    /// Who.
    pub author: String,
    /// Status before → after (codes).
    pub from: String,
    /// After.
    pub to: String,
    /// Assigned to after (email).
    pub assignee: String,
    /// The note.
    pub note: String,
}

/// The case page.
#[derive(Template)]
#[template(path = "staff/report.html")]
pub struct CasePage {
    /// Layout context.
    pub chrome: Chrome,
    /// Who is signed in.
    pub me: Option<Me>,
    /// The report's id.
    pub id: i64,
    /// Reference, grouped.
    pub reference: String,
    /// Sent.
    pub sent: String,
    /// The language the report was made in, named for staff.
    pub language: String,
    /// Priority code.
    pub priority: String,
    /// Message ids of the priority's reasons.
    pub reasons: Vec<String>,
    /// Current status code.
    pub status: String,
    /// Current status.
    pub current: Status,
    /// Current assignee id.
    pub assigned_to: Option<i64>,
    /// How to contact the victim safely.
    pub contact: Vec<SummaryRow>,
    /// What a report by someone else says about the person it is happening to.
    pub victim: Vec<SummaryRow>,
    /// Every other answer.
    pub answers: Vec<SummaryRow>,
    /// The history.
    pub history: Vec<HistoryLine>,
    /// Investigators (id, email).
    pub investigators: Vec<(i64, String)>,
    /// Problems with the update form.
    pub errors: FormErrors,
    /// The note typed (kept on error).
    pub note: String,
    /// Longest note.
    pub note_max: usize,
}

impl CasePage {
    /// Statuses the report may move to.
    pub fn next_statuses(&self) -> Vec<&'static str> {
        Status::ALL
            .iter()
            .filter(|s| self.current.may_become(**s))
            .map(|s| s.code())
            .collect()
    }
}

/// The name staff read for a report's language code; a code we have no name for is shown as is.
fn language_name(chrome: &Chrome, code: &str) -> String {
    let id = format!("staff-language-{code}");
    if chrome.catalog().has(&id) {
        chrome.t(&id).to_owned()
    } else {
        code.to_owned()
    }
}

/// A report of the member of staff's force, or an audited 404.
async fn own_case(state: &AppState, me: &Me, id: &str, action: &str) -> Result<Case, AppError> {
    let object = format!("stalking-report:{id}");
    let case = match id.parse::<i64>() {
        Ok(n) => state.store.stalking_case(n).await?,
        Err(_) => None,
    };
    match case {
        Some(c) if c.force_code == me.force_code => Ok(c),
        _ => Err(me.not_found(state, action, &object).await),
    }
}

async fn case_page(
    state: &AppState,
    chrome: Chrome,
    me: Me,
    case: Case,
    errors: FormErrors,
    note: String,
) -> Result<CasePage, AppError> {
    let plaintext = state
        .keyring
        .open(&case.sealed, &purpose::report(&case.submission_id))?;
    let answers: Answers = serde_json::from_slice(&plaintext)?;
    let (contact, rest): (Vec<SummaryRow>, Vec<SummaryRow>) =
        summary_rows::<Stalking>(&chrome, &answers)
            .into_iter()
            .partition(|row| row_is(row, CONTACT));
    let (victim, rest): (Vec<SummaryRow>, Vec<SummaryRow>) =
        rest.into_iter().partition(|row| row_is(row, VICTIM));
    let staff = investigators(state, &me.force_code).await?;
    let email_of = |id: Option<i64>| {
        id.and_then(|id| staff.iter().find(|u| u.id == id))
            .map(|u| u.email.clone())
            .unwrap_or_default()
    };
    let mut history = Vec::new();
    for n in state.store.case_notes(case.row.id).await? {
        let note = match &n.sealed {
            Some(sealed) => {
                let bytes = state.keyring.open(sealed, &purpose::note(case.row.id))?;
                String::from_utf8_lossy(&bytes).into_owned()
            }
            None => String::new(),
        };
        history.push(HistoryLine {
            at: when(n.at),
            author: n.author,
            from: n.status_from.code().to_owned(),
            to: n.status_to.code().to_owned(),
            assignee: email_of(n.assigned_to),
            note,
        });
    }
    let reasons: Vec<String> = serde_json::from_str::<Vec<String>>(&case.row.reasons)
        .unwrap_or_default()
        .into_iter()
        .map(|r| format!("staff-reason-{r}"))
        .collect();
    let language = language_name(&chrome, &case.language);
    Ok(CasePage {
        chrome,
        me: Some(me),
        id: case.row.id,
        reference: grouped(&case.row.reference),
        sent: when(case.row.created_at),
        language,
        priority: case.row.priority.code().to_owned(),
        reasons,
        status: case.row.status.code().to_owned(),
        current: case.row.status,
        assigned_to: case.row.assigned_to,
        contact,
        victim,
        answers: rest,
        history,
        investigators: staff.iter().map(|u| (u.id, u.email.clone())).collect(),
        errors,
        note,
        note_max: NOTE_MAX,
    })
}

async fn case(
    State(state): State<AppState>,
    chrome: Chrome,
    Extension(me): Extension<Me>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let case = own_case(&state, &me, &id, "view-report").await?;
    // The view is recorded before anything is decrypted: no record, no view.
    let object = format!("stalking-report:{}", case.row.id);
    state
        .store
        .audit(&me.audit(&state, "view-report", &object, "ok"))
        .await?;
    let page = case_page(
        &state,
        chrome,
        me,
        case,
        FormErrors::default(),
        String::new(),
    )
    .await?;
    Ok(render(&page))
}

/// The update form.
#[derive(Debug, Deserialize)]
pub struct UpdateForm {
    #[serde(default)]
    status: String,
    /// The status the page showed.
    #[serde(default)]
    seen: String,
    #[serde(default)]
    assigned_to: String,
    #[serde(default)]
    note: String,
}

/// The form's change, checked against the case: the problems to show, or a 404 (audited)
/// for an assignee who is not an investigator of the force.
async fn checked(
    state: &AppState,
    me: &Me,
    case: &Case,
    form: UpdateForm,
) -> Result<Result<Change, (FormErrors, String)>, AppError> {
    let mut errors = FormErrors::default();
    let to = Status::parse(&form.status);
    match to {
        Some(s) if case.row.status.may_become(s) => {}
        Some(_) => errors.add("status", "staff-error-status-move"),
        None => errors.add("status", "staff-error-status"),
    }
    let assigned_to = match form.assigned_to.as_str() {
        "" | "none" => None,
        text => {
            let staff = investigators(state, &me.force_code).await?;
            match text
                .parse::<i64>()
                .ok()
                .filter(|n| staff.iter().any(|u| u.id == *n))
            {
                Some(n) => Some(n),
                // Not an investigator of this force: a forged id.
                None => {
                    let object = format!("stalking-report:{}", case.row.id);
                    return Err(me.not_found(state, "assign-report", &object).await);
                }
            }
        }
    };
    let note = form.note.trim().to_owned();
    if note.chars().count() > NOTE_MAX {
        errors.add("note", "staff-error-note-long");
    }
    if form.seen != case.row.status.code() && errors.is_empty() {
        errors = one_error("status", "staff-error-changed");
    }
    Ok(match to.filter(|_| errors.is_empty()) {
        Some(to) => Ok(Change {
            to,
            assigned_to,
            note,
        }),
        None => Err((errors, note)),
    })
}

async fn update(
    State(state): State<AppState>,
    chrome: Chrome,
    Extension(me): Extension<Me>,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<UpdateForm>,
) -> Result<Response, AppError> {
    let case = own_case(&state, &me, &id, "update-report").await?;
    let change = match checked(&state, &me, &case, form).await? {
        Ok(change) => change,
        Err((errors, note)) => {
            let page = case_page(&state, chrome, me, case, errors, note).await?;
            return Ok(render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
    };
    let object = format!("stalking-report:{}", case.row.id);
    let entry = me.audit(&state, "update-report", &object, "ok");
    let now = state.clock.now();
    let done = cases::update(
        &state.store,
        &state.keyring,
        &case,
        &change,
        me.id,
        now,
        entry,
    );
    if !done.await? {
        let errors = one_error("status", "staff-error-changed");
        let page = case_page(&state, chrome, me, case, errors, change.note).await?;
        return Ok(render_with_status(StatusCode::CONFLICT, &page));
    }
    Ok(Redirect::to(&format!("/staff/reports/{}", case.row.id)).into_response())
}
