//! What people wrote about unsafe places, for police analysts: a paged list of their force's
//! place reports, newest first, each with its free text (cleaned of contact details when it
//! was sent, sealed at rest, opened only here) — including reports that describe a place
//! without a pin, which no hotspot counts. Filters: the days it happened, reasons, only
//! reports with free text, pinned or described. Partners never reach this page (`POLICY`);
//! every page shown is audited with the ids of the reports on it, before anything is opened.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};
use serde::Deserialize;

use super::lists::{DateBoxes, Page, Pager};
use super::places::Tick;
use super::{Me, when};
use crate::domain::FormErrors;
use crate::domain::answers::{Answers, Value};
use crate::domain::date_filter::{self, DateParts};
use crate::domain::place::{self as place, Day, OTHER_DETAIL, REASON_BITS, ReasonSet, TIME_BANDS};
use crate::geo::hex;
use crate::http::chrome::Chrome;
use crate::http::error::AppError;
use crate::http::render::render_with_status;
use crate::http::state::AppState;
use crate::storage::sealed::PLACE_TEXT;
use crate::storage::{Located, PlaceListQuery, PlaceListRow};

/// Reports per page.
const PAGE: i64 = 25;

/// Routes.
pub fn routes() -> Router<AppState> {
    Router::new().route("/staff/places/comments", get(list))
}

/// The filter form (reasons repeat their name, so it is read with `serde_html_form`).
#[derive(Debug, Default, Deserialize)]
pub struct Filters {
    #[serde(flatten)]
    dates: DateBoxes,
    /// Reason codes.
    #[serde(default)]
    reasons: Vec<String>,
    /// `with` for only reports with free text.
    #[serde(default)]
    text: String,
    /// `pinned`, `described` or anything else for both.
    #[serde(default)]
    located: String,
    #[serde(default)]
    page: Option<i64>,
}

impl Filters {
    fn parse(raw: Option<&str>) -> Self {
        serde_html_form::from_str(raw.unwrap_or_default()).unwrap_or_default()
    }

    fn located(&self) -> Located {
        match self.located.as_str() {
            "pinned" => Located::Pinned,
            "described" => Located::Described,
            _ => Located::Any,
        }
    }

    /// The reasons ticked, as bits; `None` for none ticked (every report).
    fn reason_bits(&self) -> Option<i64> {
        let set = self
            .reasons
            .iter()
            .filter_map(|c| ReasonSet::of_code(c))
            .fold(ReasonSet::empty(), |a, b| a | b);
        (!set.is_empty()).then(|| i64::from(set.bits()))
    }

    /// The same filters on another page.
    fn link(&self, page: i64) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        self.dates.append(&mut s);
        for r in &self.reasons {
            s.append_pair("reasons", r);
        }
        s.append_pair("text", &self.text)
            .append_pair("located", &self.located)
            .append_pair("page", &page.to_string());
        format!("/staff/places/comments?{}", s.finish())
    }
}

/// One labelled piece of free text.
#[derive(Debug)]
pub struct Said {
    /// Message id of what it answers.
    pub label: &'static str,
    /// The text.
    pub text: String,
}

/// A report as listed.
#[derive(Debug)]
pub struct Line {
    /// Id.
    pub id: i64,
    /// When it was sent.
    pub sent: String,
    /// The day it happened.
    pub day: String,
    /// Message id of its time band.
    pub band: &'static str,
    /// The centre of its finest hexagon, for a pinned place.
    pub pinned: Option<String>,
    /// Message ids of its reasons.
    pub reasons: Vec<&'static str>,
    /// What was written (a described place's description first).
    pub said: Vec<Said>,
    /// The free text was deleted under the retention period.
    pub purged: bool,
}

/// The page.
#[derive(Template)]
#[template(path = "staff/comments.html")]
pub struct CommentsPage {
    /// Layout context.
    pub chrome: Chrome,
    /// Who is signed in.
    pub me: Option<Me>,
    /// Problems with the dates.
    pub errors: FormErrors,
    /// The "from" boxes.
    pub from: DateParts,
    /// The "to" boxes.
    pub to: DateParts,
    /// Reason checkboxes.
    pub reason_options: Vec<Tick>,
    /// Only reports with free text.
    pub with_text: bool,
    /// `any`, `pinned` or `described`.
    pub located: &'static str,
    /// The reports.
    pub lines: Vec<Line>,
    /// Position of the first report shown (from 1).
    pub first: i64,
    /// Position of the last report shown (0 for none).
    pub last: i64,
    /// Days free text is kept.
    pub text_days: i64,
    /// Previous page.
    pub previous: Option<String>,
    /// Next page.
    pub next: Option<String>,
}

/// What was written, from the opened free-text answers, labelled.
fn said(answers: &Answers) -> Vec<Said> {
    [
        ("place-description", "staff-comments-description"),
        (OTHER_DETAIL, "staff-comments-place-other"),
        ("anything-else", "staff-comments-anything-else"),
    ]
    .into_iter()
    .filter_map(|(key, label)| match answers.get(key) {
        Some(Value::Text(Some(text))) if !text.trim().is_empty() => Some(Said {
            label,
            text: text.clone(),
        }),
        _ => None,
    })
    .collect()
}

fn line(state: &AppState, row: &PlaceListRow, text_since: i64) -> Result<Line, AppError> {
    let said = match &row.text_sealed {
        Some(sealed) => {
            let bytes = PLACE_TEXT.open(&state.keyring, sealed, &row.submission_id)?;
            said(&serde_json::from_slice::<Answers>(&bytes)?)
        }
        None => Vec::new(),
    };
    let band = TIME_BANDS
        .iter()
        .find(|b| b.code == row.hour.to_string())
        .map_or("", |b| b.label);
    let pinned = row.cell.map(|cell| {
        hex::centre(cell as u64)
            .map(|c| format!("{:.4}, {:.4}", c.lat(), c.lng()))
            .unwrap_or_default()
    });
    let reasons = ReasonSet::from_bits_retain(u32::try_from(row.reasons).unwrap_or_default())
        .codes()
        .filter_map(place::staff_reason_label)
        .collect();
    Ok(Line {
        id: row.id,
        sent: when(row.created_at),
        day: Day(row.day).format("%-d %b %Y"),
        band,
        pinned,
        reasons,
        said,
        purged: row.text_sealed.is_none() && row.created_at < text_since,
    })
}

async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    Extension(me): Extension<Me>,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let f = Filters::parse(raw.as_deref());
    let mut errors = FormErrors::default();
    let (from, to) = date_filter::range(&f.dates.from(), &f.dates.to(), &mut errors);
    let page = Page::new(f.page, PAGE, 100_000);
    let q = PlaceListQuery {
        force_code: me.force_code.clone(),
        from_day: from.map(place::day_number),
        to_day: to.map(place::day_number),
        reasons: f.reason_bits(),
        with_text: f.text == "with",
        located: f.located(),
        // One more than a page says whether there is a next one, without counting.
        limit: PAGE + 1,
        offset: page.offset(),
    };
    let mut rows = state.store.place_list(&q).await?;
    let more = rows.len() as i64 > PAGE;
    rows.truncate(usize::try_from(PAGE).unwrap_or_default());
    // Recorded before anything is opened: no record, no view.
    let ids: Vec<String> = rows.iter().map(|r| r.id.to_string()).collect();
    let mut entry = me.audit(&state, "view-place-reports", "place-reports", "ok");
    entry.detail = format!("ids={}", ids.join(","));
    state.store.audit(&entry).await?;
    let text_days = state.config.retention_place_text_days;
    let text_since = state.clock.now() - text_days * 86_400;
    let lines = rows
        .iter()
        .map(|r| line(&state, r, text_since))
        .collect::<Result<Vec<_>, _>>()?;
    let reason_options = REASON_BITS
        .iter()
        .filter_map(|(code, _)| {
            Some(Tick {
                value: (*code).to_owned(),
                label: place::staff_reason_label(code)?.to_owned(),
                checked: f.reasons.iter().any(|r| r == code),
            })
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let Pager { previous, next } = page.pager(more, |n| f.link(n));
    let located = match q.located {
        Located::Any => "any",
        Located::Pinned => "pinned",
        Located::Described => "described",
    };
    Ok(render_with_status(
        status,
        &CommentsPage {
            chrome,
            me: Some(me),
            errors,
            from: f.dates.from(),
            to: f.dates.to(),
            reason_options,
            with_text: q.with_text,
            located,
            first: page.first(),
            last: page.last(lines.len()),
            lines,
            text_days,
            previous,
            next,
        },
    ))
}
