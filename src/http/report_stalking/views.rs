//! What the report's templates show: a question page built from the step table, and the
//! check-answers rows.

use askama::Template;

use crate::domain::FormErrors;
use crate::domain::stalking::answers::Raw;
use crate::domain::stalking::flow::{self, Step};
use crate::domain::stalking::questions::{InputKind, Kind, Opt, label_of};
use crate::domain::stalking::{Answers, Value};
use crate::http::chrome::Chrome;
use crate::http::view::{CheckItem, Choice};

/// `self` or `other`: later questions are worded for the person it is happening to.
pub fn who(answers: &Answers) -> &'static str {
    if answers.is(Step::WhoFor.slug(), "other") {
        "other"
    } else {
        "self"
    }
}

/// The form control of a question, with what to show in it.
#[derive(Debug)]
pub enum Widget {
    /// Radios.
    Radios {
        /// Options.
        items: Vec<Choice>,
        /// Chosen code.
        selected: String,
    },
    /// Checkboxes.
    Checkboxes {
        /// Options, ticked or not.
        items: Vec<CheckItem>,
        /// "Other" option's code, or "" when there is no detail to ask for.
        other: &'static str,
        /// The "other" detail typed.
        other_value: String,
    },
    /// A textarea with a character count.
    Textarea {
        /// Typed text.
        value: String,
        /// Character limit.
        max: usize,
    },
    /// A one-line input.
    Input {
        /// Typed text.
        value: String,
        /// `text`, `tel` or `email`.
        input_type: &'static str,
        /// GOV.UK width class suffix, or "".
        width: &'static str,
        /// Whether the browser may spell-check it.
        spellcheck: bool,
    },
    /// Day, month and year.
    Date {
        /// Typed day.
        day: String,
        /// Typed month.
        month: String,
        /// Typed year.
        year: String,
    },
    /// Postcode and address.
    Address {
        /// Typed postcode.
        postcode: String,
        /// Typed address.
        address: String,
    },
}

fn choices(options: &[Opt]) -> Vec<Choice> {
    options
        .iter()
        .map(|o| Choice::new(o.code, o.label))
        .collect()
}

impl Widget {
    fn empty(step: Step) -> Self {
        Self::from_raw(step, &Raw::default())
    }

    /// The control showing what was just typed (to redisplay after an error).
    pub fn from_raw(step: Step, raw: &Raw) -> Self {
        let first = raw.answer.first().cloned().unwrap_or_default();
        let text = |s: &Option<String>| s.clone().unwrap_or_default();
        match step.kind() {
            Kind::Single(options) => Widget::Radios {
                items: choices(options),
                selected: first,
            },
            Kind::Multi {
                options,
                exclusive,
                other,
            } => Widget::Checkboxes {
                items: options
                    .iter()
                    .map(|o| CheckItem {
                        value: o.code,
                        label: o.label,
                        checked: raw.answer.iter().any(|a| a == o.code),
                        exclusive: exclusive == Some(o.code),
                    })
                    .collect(),
                other: other.unwrap_or(""),
                other_value: text(&raw.other),
            },
            Kind::Text {
                max, long: true, ..
            } => Widget::Textarea { value: first, max },
            Kind::Text { input, .. } => {
                let (input_type, width, spellcheck) = match input {
                    InputKind::Plain => ("text", "", true),
                    InputKind::Name => ("text", "", false),
                    InputKind::Phone => ("tel", "20", false),
                    InputKind::Email => ("email", "", false),
                };
                Widget::Input {
                    value: first,
                    input_type,
                    width,
                    spellcheck,
                }
            }
            Kind::Date { .. } => Widget::Date {
                day: text(&raw.day),
                month: text(&raw.month),
                year: text(&raw.year),
            },
            Kind::Address => Widget::Address {
                postcode: text(&raw.postcode),
                address: text(&raw.address),
            },
        }
    }

    /// The control showing a stored answer.
    pub fn from_answer(step: Step, value: Option<&Value>) -> Self {
        let Some(value) = value else {
            return Self::empty(step);
        };
        let raw = match value {
            Value::One(code) => Raw {
                answer: vec![code.clone()],
                ..Raw::default()
            },
            Value::Many { codes, other } => Raw {
                answer: codes.clone(),
                other: other.clone(),
                ..Raw::default()
            },
            Value::Text(text) => Raw {
                answer: text.iter().cloned().collect(),
                ..Raw::default()
            },
            Value::Date { day, month, year } => Raw {
                day: day.map(|d| d.to_string()),
                month: Some(month.to_string()),
                year: Some(year.to_string()),
                ..Raw::default()
            },
            Value::Address { postcode, address } => Raw {
                postcode: Some(postcode.clone()),
                address: address.clone(),
                ..Raw::default()
            },
        };
        Self::from_raw(step, &raw)
    }
}

/// One question page.
#[derive(Template)]
#[template(path = "report_stalking/question.html")]
pub struct QuestionPage {
    /// Layout context.
    pub chrome: Chrome,
    /// The question's URL segment.
    pub slug: &'static str,
    /// The heading (the question), worded for who it is happening to.
    pub heading: String,
    /// The hint, or "".
    pub hint: String,
    /// Label of the "other" detail, or "".
    pub other_label: String,
    /// The control.
    pub widget: Widget,
    /// Problems.
    pub errors: FormErrors,
    /// Where Back goes.
    pub back: String,
    /// Came from the check page.
    pub change: bool,
}

impl QuestionPage {
    /// Build the page for `step`.
    pub fn new(
        chrome: Chrome,
        step: Step,
        answers: &Answers,
        widget: Widget,
        errors: FormErrors,
        change: bool,
    ) -> Self {
        let who = who(answers);
        let text = |id: String| {
            if chrome.catalog().has(&id) {
                chrome.t_args(&id, &[("who", who)])
            } else {
                String::new()
            }
        };
        let slug = step.slug();
        let back = if change {
            "/report-stalking/check".to_owned()
        } else {
            flow::previous(step, answers).map_or_else(
                || "/report-stalking".to_owned(),
                |p| format!("/report-stalking/{}", p.slug()),
            )
        };
        Self {
            heading: text(format!("rs-{slug}")),
            hint: text(format!("rs-{slug}-hint")),
            other_label: text(format!("rs-{slug}-other-label")),
            chrome,
            slug,
            widget,
            errors,
            back,
            change,
        }
    }
}

/// One row of the check-answers summary list.
#[derive(Debug)]
pub struct SummaryRow {
    /// The question, short.
    pub key: String,
    /// The answer, one entry per line.
    pub lines: Vec<String>,
    /// The "Change" link.
    pub href: String,
    /// Hidden text completing "Change" for screen readers.
    pub hidden: String,
}

/// The rows of the check page: every question on the path but the first.
pub fn summary_rows(chrome: &Chrome, answers: &Answers) -> Vec<SummaryRow> {
    let who = who(answers);
    flow::path(answers)
        .into_iter()
        .filter(|s| *s != Step::Danger)
        .filter_map(|step| {
            let value = answers.get(step.slug())?;
            let key = chrome.t_args(&format!("rs-{}-summary", step.slug()), &[("who", who)]);
            Some(SummaryRow {
                lines: answer_lines(chrome, step, value),
                href: format!("/report-stalking/{}?change=check", step.slug()),
                hidden: key.to_lowercase(),
                key,
            })
        })
        .collect()
}

fn answer_lines(chrome: &Chrome, step: Step, value: &Value) -> Vec<String> {
    let label = |options: &[Opt], code: &str| {
        label_of(options, code).map_or_else(|| code.to_owned(), |id| chrome.t(id).to_owned())
    };
    match (step.kind(), value) {
        (Kind::Single(options), Value::One(code)) => vec![label(options, code)],
        (Kind::Multi { options, .. }, Value::Many { codes, other }) => {
            let mut lines: Vec<String> = codes.iter().map(|c| label(options, c)).collect();
            if let Some(detail) = other {
                lines.push(detail.clone());
            }
            lines
        }
        (_, Value::Text(None)) => vec![chrome.t("rs-not-given").to_owned()],
        (_, Value::Text(Some(text))) => text.lines().map(str::to_owned).collect(),
        (_, Value::Date { day, month, year }) => {
            let month_name = chrome.t_args("month-name", &[("month", &format!("m{month}"))]);
            vec![match day {
                Some(d) => format!("{d} {month_name} {year}"),
                None => format!("{month_name} {year}"),
            }]
        }
        (_, Value::Address { postcode, address }) => {
            let mut lines: Vec<String> = address
                .iter()
                .flat_map(|a| a.lines())
                .map(str::to_owned)
                .collect();
            lines.push(postcode.clone());
            lines
        }
        _ => Vec::new(),
    }
}
