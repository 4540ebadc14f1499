//! What a multi-page form's templates show: a question page built from the step table, and
//! the check-answers rows.

use askama::Template;

use super::FormPages;
use crate::domain::FormErrors;
use crate::domain::answers::{Answers, Raw, Value};
use crate::domain::flow;
use crate::domain::questions::{InputKind, Kind, Opt, label_of};
use crate::http::chrome::Chrome;
use crate::http::view::{CheckItem, Choice};

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
    fn empty(kind: Kind) -> Self {
        Self::from_raw(kind, &Raw::default())
    }

    /// The control showing what was just typed (to redisplay after an error).
    pub fn from_raw(kind: Kind, raw: &Raw) -> Self {
        let first = raw.answer.first().cloned().unwrap_or_default();
        let text = |s: &Option<String>| s.clone().unwrap_or_default();
        match kind {
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
            // Asked on its own page; shown here only if a form ever routes it generically.
            Kind::Location => Widget::Textarea {
                value: first,
                max: 500,
            },
        }
    }

    /// The control showing a stored answer.
    pub fn from_answer(kind: Kind, value: Option<&Value>) -> Self {
        let Some(value) = value else {
            return Self::empty(kind);
        };
        Self::from_raw(kind, &Raw::from_value(value))
    }
}

/// One question page.
#[derive(Template)]
#[template(path = "multipage/question.html")]
pub struct QuestionPage {
    /// Layout context.
    pub chrome: Chrome,
    /// Where the form posts.
    pub action: String,
    /// The form's name, shown above each question.
    pub caption: String,
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
    /// The question's place on the visitor's path (1 for the first), for the neutral title.
    pub step_number: String,
}

impl QuestionPage {
    /// Build the page for `step`.
    pub fn new<F: FormPages>(
        chrome: Chrome,
        step: F::Step,
        answers: &Answers,
        widget: Widget,
        errors: FormErrors,
        change: bool,
    ) -> Self {
        let who = F::who(answers);
        let text = |id: String| {
            if chrome.catalog().has(&id) {
                chrome.t_args(&id, &[("who", who)])
            } else {
                String::new()
            }
        };
        let (slug, msg, base) = (F::slug(step), F::MSG, F::BASE);
        let back = match flow::back::<F>(step, answers, change) {
            flow::Back::Start => base.to_owned(),
            flow::Back::Check => format!("{base}/check"),
            flow::Back::Ask { step, change } => super::step_url::<F>(step, change),
        };
        let step_number = flow::path::<F>(answers)
            .iter()
            .position(|s| *s == step)
            .map_or(1, |i| i + 1)
            .to_string();
        Self {
            heading: text(format!("{msg}-{slug}")),
            hint: text(format!("{msg}-{slug}-hint")),
            other_label: text(format!("{msg}-{slug}-other-label")),
            caption: chrome.t(&format!("{msg}-title")).to_owned(),
            action: format!("{base}/{slug}"),
            chrome,
            widget,
            errors,
            back,
            change,
            step_number,
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

/// The rows of the check page: every answered question on the path that belongs there.
pub fn summary_rows<F: FormPages>(chrome: &Chrome, answers: &Answers) -> Vec<SummaryRow> {
    let who = F::who(answers);
    flow::path::<F>(answers)
        .into_iter()
        .filter(|s| F::in_summary(*s))
        .filter_map(|step| {
            let slug = F::slug(step);
            let value = answers.get(slug)?;
            let key = chrome.t_args(&format!("{}-{slug}-summary", F::MSG), &[("who", who)]);
            Some(SummaryRow {
                lines: answer_lines(chrome, F::kind(step), value),
                href: format!("{}/{slug}?change=check", F::BASE),
                hidden: key.to_lowercase(),
                key,
            })
        })
        .collect()
}

fn answer_lines(chrome: &Chrome, kind: Kind, value: &Value) -> Vec<String> {
    let label = |options: &[Opt], code: &str| {
        label_of(options, code).map_or_else(|| code.to_owned(), |id| chrome.t(id).to_owned())
    };
    match (kind, value) {
        (Kind::Single(options), Value::One(code)) => vec![label(options, code)],
        (Kind::Multi { options, .. }, Value::Many { codes, other }) => {
            let mut lines: Vec<String> = codes.iter().map(|c| label(options, c)).collect();
            if let Some(detail) = other {
                lines.push(detail.clone());
            }
            lines
        }
        (_, Value::Text(None)) => vec![chrome.t("answer-not-given").to_owned()],
        (_, Value::Text(Some(text))) => text.lines().map(str::to_owned).collect(),
        (_, Value::Date { day, month, year }) => {
            let month_name = chrome.t_args("month-name", &[("month", &format!("m{month}"))]);
            vec![match day {
                Some(d) => format!("{d} {month_name} {year}"),
                None => format!("{month_name} {year}"),
            }]
        }
        (_, Value::Location { label, .. }) => vec![label.clone()],
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
