//! The answers of one multi-page form: a map from question to a validated value. Values only enter it
//! through [`parse`], which checks them against the question's kind, so an `Answers` never
//! holds a forged option, an impossible date or an over-long text.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::questions::{InputKind, Kind, Opt};
use crate::domain::FormErrors;
use crate::domain::text::BoundedText;

/// One validated answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Value {
    /// The code of one option.
    One(String),
    /// Codes of the chosen options, and the "other" detail if that option was chosen.
    Many {
        /// Chosen codes, in the order shown.
        codes: Vec<String>,
        /// Detail of "other".
        other: Option<String>,
    },
    /// Free text; `None` when an optional question was left blank.
    Text(Option<String>),
    /// A date; `day` is `None` when only the month and year were given.
    Date {
        /// Day of month.
        day: Option<i8>,
        /// Month, 1–12.
        month: i8,
        /// Four-digit year.
        year: i16,
    },
    /// A place. `point` is in micro-degrees (about 0.1 m), so answers stay comparable with
    /// `Eq`; `None` when the visitor described the place instead.
    Location {
        /// Latitude and longitude × 1,000,000.
        point: Option<(i64, i64)>,
        /// What to show: the place's name, or the visitor's description.
        label: String,
        /// How it was given: `map`, `search` or `described`.
        how: String,
    },
    /// A UK postcode (normalised, e.g. `SW1A 1AA`) and an optional address.
    Address {
        /// Normalised postcode.
        postcode: String,
        /// The rest of the address.
        address: Option<String>,
    },
}

/// All answers given so far, keyed by question (step slug).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers(pub BTreeMap<String, Value>);

impl Answers {
    /// The answer to a question.
    pub fn get(&self, question: &str) -> Option<&Value> {
        self.0.get(question)
    }

    /// The chosen code of a one-of question.
    pub fn one(&self, question: &str) -> Option<&str> {
        match self.0.get(question) {
            Some(Value::One(code)) => Some(code),
            _ => None,
        }
    }

    /// Whether a one-of question was answered with `code`.
    pub fn is(&self, question: &str, code: &str) -> bool {
        self.one(question) == Some(code)
    }

    /// The chosen codes of an any-of question.
    pub fn many(&self, question: &str) -> &[String] {
        match self.0.get(question) {
            Some(Value::Many { codes, .. }) => codes,
            _ => &[],
        }
    }

    /// Whether a question has an answer.
    pub fn has(&self, question: &str) -> bool {
        self.0.contains_key(question)
    }

    /// Record an answer.
    pub fn set(&mut self, question: &str, value: Value) {
        self.0.insert(question.to_owned(), value);
    }

    /// Forget the answer to one question.
    pub fn retain_except(&mut self, question: &str) {
        self.0.remove(question);
    }

    /// Forget every answer whose question is not in `keep`.
    pub fn retain(&mut self, keep: &[&str]) {
        self.0.retain(|k, _| keep.contains(&k.as_str()));
    }
}

/// What the visitor typed or chose on one question page, before validation.
#[derive(Clone, Debug, Default)]
pub struct Raw {
    /// The `answer` field(s): one for radios and text, any number for checkboxes.
    pub answer: Vec<String>,
    /// The `other` detail of checkboxes.
    pub other: Option<String>,
    /// Date parts.
    pub day: Option<String>,
    /// Date parts.
    pub month: Option<String>,
    /// Date parts.
    pub year: Option<String>,
    /// Address parts.
    pub postcode: Option<String>,
    /// Address parts.
    pub address: Option<String>,
}

impl Raw {
    /// The fields that show a stored answer again (on a Change visit), so that sending the
    /// page unchanged gives back the same answer. The fuzz target `form_answers` checks that.
    pub fn from_value(value: &Value) -> Self {
        match value {
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
            Value::Location { label, .. } => Raw {
                answer: vec![label.clone()],
                ..Raw::default()
            },
            Value::Address { postcode, address } => Raw {
                postcode: Some(postcode.clone()),
                address: address.clone(),
                ..Raw::default()
            },
        }
    }
}

/// Message ids for a question's validation errors.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Errors {
    /// Nothing chosen or typed.
    pub missing: &'static str,
    /// Too many characters, or the wrong format.
    pub invalid: &'static str,
    /// A date in the future.
    pub future: &'static str,
    /// A date without the parts it needs.
    pub incomplete: &'static str,
}

/// Longest "other" detail and address, in characters.
pub const OTHER_MAX_CHARS: usize = 200;
/// Longest address, in characters.
pub const ADDRESS_MAX_CHARS: usize = 500;

/// Validate one page's answer against its question. `today` is the date in the UK.
pub fn parse(kind: Kind, errors: Errors, raw: &Raw, today: Date) -> Result<Value, FormErrors> {
    let mut problems = FormErrors::default();
    let value = match kind {
        Kind::Single(options) => parse_single(options, raw, errors, &mut problems),
        Kind::Multi {
            options,
            exclusive,
            other,
        } => parse_multi(options, exclusive, other, raw, errors, &mut problems),
        Kind::Text {
            max,
            optional,
            input,
            ..
        } => parse_text(max, optional, input, raw, errors, &mut problems),
        Kind::Date { day_optional } => parse_date(day_optional, raw, errors, today, &mut problems),
        Kind::Address => parse_address(raw, errors, &mut problems),
        // Located by its own page (it needs the gazetteer and the force areas).
        Kind::Location => {
            problems.add("q", errors.missing);
            None
        }
    };
    match value {
        Some(v) if problems.is_empty() => Ok(v),
        _ => Err(problems),
    }
}

fn parse_single(
    options: &[Opt],
    raw: &Raw,
    errors: Errors,
    problems: &mut FormErrors,
) -> Option<Value> {
    let chosen = raw.answer.first().map(|s| s.trim()).unwrap_or_default();
    match options.iter().find(|o| o.code == chosen) {
        Some(o) if raw.answer.len() == 1 => Some(Value::One(o.code.to_owned())),
        // Nothing, several, or a value we never offered: ask again.
        _ => {
            problems.add("answer", errors.missing);
            None
        }
    }
}

fn parse_multi(
    options: &[Opt],
    exclusive: Option<&str>,
    other: Option<&str>,
    raw: &Raw,
    errors: Errors,
    problems: &mut FormErrors,
) -> Option<Value> {
    let chosen: Vec<&str> = raw.answer.iter().map(|s| s.trim()).collect();
    let known = chosen.iter().all(|c| options.iter().any(|o| o.code == *c));
    if chosen.is_empty() || !known {
        problems.add("answer", errors.missing);
        return None;
    }
    if let Some(none) = exclusive
        && chosen.contains(&none)
        && chosen.len() > 1
    {
        problems.add("answer", errors.incomplete);
        return None;
    }
    // Keep the order shown and drop repeats.
    let codes: Vec<String> = options
        .iter()
        .filter(|o| chosen.contains(&o.code))
        .map(|o| o.code.to_owned())
        .collect();
    let detail = match other {
        Some(code) if codes.iter().any(|c| c == code) => {
            match BoundedText::parse(raw.other.as_deref().unwrap_or_default(), OTHER_MAX_CHARS) {
                Ok(t) => t.map(BoundedText::into_string),
                Err(_) => {
                    problems.add("other", errors.invalid);
                    return None;
                }
            }
        }
        _ => None,
    };
    Some(Value::Many {
        codes,
        other: detail,
    })
}

fn parse_text(
    max: usize,
    optional: bool,
    input: InputKind,
    raw: &Raw,
    errors: Errors,
    problems: &mut FormErrors,
) -> Option<Value> {
    let typed = raw.answer.first().map(String::as_str).unwrap_or_default();
    let text = match BoundedText::parse(typed, max) {
        Ok(t) => t.map(BoundedText::into_string),
        Err(_) => {
            problems.add("answer", errors.invalid);
            return None;
        }
    };
    let Some(text) = text else {
        if optional {
            return Some(Value::Text(None));
        }
        problems.add("answer", errors.missing);
        return None;
    };
    let well_formed = match input {
        InputKind::Plain | InputKind::Name => true,
        InputKind::Phone => phone_ok(&text),
        InputKind::Email => email_ok(&text),
    };
    if !well_formed {
        problems.add("answer", errors.invalid);
        return None;
    }
    Some(Value::Text(Some(text)))
}

/// 10 to 15 digits, written with spaces, brackets, dashes or a leading `+`.
fn phone_ok(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    (10..=15).contains(&digits)
        && text
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || " ()-".contains(c) || (c == '+' && i == 0))
}

/// The shape GOV.UK asks for: something@domain.tld, no spaces, at most 254 characters.
fn email_ok(text: &str) -> bool {
    let Some((local, domain)) = text.rsplit_once('@') else {
        return false;
    };
    text.len() <= 254
        && !local.is_empty()
        && !text.chars().any(char::is_whitespace)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

fn parse_date(
    day_optional: bool,
    raw: &Raw,
    errors: Errors,
    today: Date,
    problems: &mut FormErrors,
) -> Option<Value> {
    let part = |s: &Option<String>| s.as_deref().map(str::trim).unwrap_or_default().to_owned();
    let (d, m, y) = (part(&raw.day), part(&raw.month), part(&raw.year));
    if d.is_empty() && m.is_empty() && y.is_empty() {
        problems.add(if day_optional { "month" } else { "day" }, errors.missing);
        return None;
    }
    if m.is_empty() || y.is_empty() || (!day_optional && d.is_empty()) {
        let field = if !day_optional && d.is_empty() {
            "day"
        } else if m.is_empty() {
            "month"
        } else {
            "year"
        };
        problems.add(field, errors.incomplete);
        return None;
    }
    let number = |s: &str| s.parse::<i32>().ok();
    let (Some(month), Some(year)) = (number(&m), number(&y)) else {
        problems.add(
            if number(&m).is_none() {
                "month"
            } else {
                "year"
            },
            errors.invalid,
        );
        return None;
    };
    if y.len() != 4 || !(1900..=9999).contains(&year) || !(1..=12).contains(&month) {
        problems.add(
            if (1..=12).contains(&month) {
                "year"
            } else {
                "month"
            },
            errors.invalid,
        );
        return None;
    }
    let day = if d.is_empty() {
        None
    } else {
        match number(&d) {
            Some(n) if (1..=31).contains(&n) => Some(n),
            _ => {
                problems.add("day", errors.invalid);
                return None;
            }
        }
    };
    let (year, month) = (year as i16, month as i8);
    let first_day = Date::new(year, month, 1).ok()?;
    let date = match day {
        Some(n) => match Date::new(year, month, n as i8) {
            Ok(date) => date,
            Err(_) => {
                problems.add("day", errors.invalid);
                return None;
            }
        },
        None => first_day,
    };
    if date > today {
        problems.add(if day.is_some() { "day" } else { "month" }, errors.future);
        return None;
    }
    Some(Value::Date {
        day: day.map(|n| n as i8),
        month,
        year,
    })
}

fn parse_address(raw: &Raw, errors: Errors, problems: &mut FormErrors) -> Option<Value> {
    let typed = raw.postcode.as_deref().unwrap_or_default();
    let postcode = if typed.trim().is_empty() {
        problems.add("postcode", errors.missing);
        None
    } else {
        let p = normalise_postcode(typed);
        if p.is_none() {
            problems.add("postcode", errors.invalid);
        }
        p
    };
    let address = match BoundedText::parse(
        raw.address.as_deref().unwrap_or_default(),
        ADDRESS_MAX_CHARS,
    ) {
        Ok(t) => t.map(BoundedText::into_string),
        Err(_) => {
            problems.add("address", errors.incomplete);
            return None;
        }
    };
    Some(Value::Address {
        postcode: postcode?,
        address,
    })
}

/// A UK postcode in its usual form (`SW1A 1AA`), or `None` if it cannot be one.
/// Hand-written: the shape rules are short and no maintained crate checks only the format.
pub fn normalise_postcode(text: &str) -> Option<String> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if !(5..=7).contains(&compact.len()) || !compact.is_ascii() {
        return None;
    }
    let (outward, inward) = compact.split_at(compact.len() - 3);
    let inward_ok = {
        let b = inward.as_bytes();
        b[0].is_ascii_digit() && b[1].is_ascii_alphabetic() && b[2].is_ascii_alphabetic()
    };
    let outward_ok = outward.as_bytes()[0].is_ascii_alphabetic()
        && outward.bytes().any(|b| b.is_ascii_digit())
        && outward.bytes().all(|b| b.is_ascii_alphanumeric());
    (inward_ok && outward_ok).then(|| format!("{outward} {inward}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::questions::YES_NO;

    const E: Errors = Errors {
        missing: "m",
        invalid: "i",
        future: "f",
        incomplete: "c",
    };

    fn today() -> Date {
        Date::new(2026, 11, 25).unwrap_or_default()
    }

    fn date(d: &str, m: &str, y: &str, day_optional: bool) -> Result<Value, FormErrors> {
        let raw = Raw {
            day: Some(d.into()),
            month: Some(m.into()),
            year: Some(y.into()),
            ..Raw::default()
        };
        parse(Kind::Date { day_optional }, E, &raw, today())
    }

    fn first_error(r: Result<Value, FormErrors>) -> Option<(&'static str, &'static str)> {
        r.err()
            .and_then(|e| e.0.first().map(|f| (f.field, f.message)))
    }

    #[test]
    fn dates_must_be_real_past_and_complete() {
        assert_eq!(
            first_error(date("31", "2", "2024", false)),
            Some(("day", "i"))
        );
        assert_eq!(
            first_error(date("1", "12", "2026", false)),
            Some(("day", "f"))
        );
        assert_eq!(
            first_error(date("", "12", "2026", true)),
            Some(("month", "f"))
        );
        assert_eq!(first_error(date("", "3", "24", true)), Some(("year", "i")));
        assert_eq!(
            first_error(date("", "", "2024", true)),
            Some(("month", "c"))
        );
        assert_eq!(
            first_error(date("", "3", "2024", false)),
            Some(("day", "c"))
        );
        assert_eq!(first_error(date("", "", "", false)), Some(("day", "m")));
        assert_eq!(
            date("", "3", "2024", true),
            Ok(Value::Date {
                day: None,
                month: 3,
                year: 2024
            })
        );
        assert_eq!(
            date("29", "2", "2024", false),
            Ok(Value::Date {
                day: Some(29),
                month: 2,
                year: 2024
            })
        );
        assert!(date("25", "11", "2026", false).is_ok(), "today is allowed");
    }

    #[test]
    fn forged_or_repeated_radio_values_are_refused() {
        let kind = Kind::Single(YES_NO);
        for answer in [
            vec!["maybe".to_owned()],
            vec!["yes".to_owned(), "no".to_owned()],
            vec![],
        ] {
            let raw = Raw {
                answer,
                ..Raw::default()
            };
            assert!(parse(kind, E, &raw, today()).is_err());
        }
    }

    #[test]
    fn postcodes_are_normalised_or_refused() {
        assert_eq!(normalise_postcode(" sw1a1aa "), Some("SW1A 1AA".to_owned()));
        assert_eq!(normalise_postcode("M1 1AE"), Some("M1 1AE".to_owned()));
        for bad in ["", "12345", "SW1A", "ABC DEF", "SW1A 1A", "S\u{301}W1 1AA"] {
            assert_eq!(normalise_postcode(bad), None, "{bad}");
        }
    }

    #[test]
    fn phones_and_emails_have_a_plausible_shape() {
        for good in ["07700 900982", "+44 808 157 0192", "(01632) 960-001"] {
            assert!(phone_ok(good), "{good}");
        }
        for bad in ["999", "0770090098x", "07700+900982", "1234567890123456"] {
            assert!(!phone_ok(bad), "{bad}");
        }
        assert!(email_ok("name@example.co.uk"));
        for bad in [
            "name",
            "@example.com",
            "a b@example.com",
            "a@example",
            "a@.com",
            "a@b..com",
        ] {
            assert!(!email_ok(bad), "{bad}");
        }
    }
}
