//! "Tell us about a place where you felt unsafe": anonymous, no name, contact or account. The
//! questions as data, the flow, and the cleaning of free text before it is stored.

use super::answers::{Answers, Errors, Value};
use super::flow::Flow;
use super::questions::{InputKind, Kind, Opt, YES_NO, opt};

pub mod filter;

pub use filter::{Bands, Day, HotspotQuery, ReasonSet, Weekdays};

/// What about the place (environment): the reasons councils can act on.
pub const PLACE_REASONS: &[Opt] = &[
    opt("lighting", "up-reason-lighting"),
    opt("cctv", "up-reason-cctv"),
    opt("isolated", "up-reason-isolated"),
    opt("layout", "up-reason-layout"),
    opt("visibility", "up-reason-visibility"),
    opt("rundown", "up-reason-rundown"),
    opt("drugs-alcohol", "up-reason-drugs-alcohol"),
    opt("other", "up-reason-other"),
    opt("none", "up-reason-none-place"),
];

/// What people did (behaviour).
pub const BEHAVIOUR_REASONS: &[Opt] = &[
    opt("verbal-stranger", "up-reason-verbal-stranger"),
    opt("verbal-group", "up-reason-verbal-group"),
    opt("followed", "up-reason-followed"),
    opt("other-harassment", "up-reason-other-harassment"),
    opt("none", "up-reason-none-people"),
];

/// Every reason code with its bit, for the hotspot counts (`none` is not a reason).
pub const REASON_BITS: &[(&str, u32)] = &[
    ("lighting", ReasonSet::LIGHTING.bits()),
    ("cctv", ReasonSet::CCTV.bits()),
    ("isolated", ReasonSet::ISOLATED.bits()),
    ("layout", ReasonSet::LAYOUT.bits()),
    ("visibility", ReasonSet::VISIBILITY.bits()),
    ("rundown", ReasonSet::RUNDOWN.bits()),
    ("drugs-alcohol", ReasonSet::DRUGS_ALCOHOL.bits()),
    ("other", ReasonSet::OTHER.bits()),
    ("verbal-stranger", ReasonSet::VERBAL_STRANGER.bits()),
    ("verbal-group", ReasonSet::VERBAL_GROUP.bits()),
    ("followed", ReasonSet::FOLLOWED.bits()),
    ("other-harassment", ReasonSet::OTHER_HARASSMENT.bits()),
];

/// Reasons about the place itself that a council can fix (street lights, empty or isolated
/// places, hedges, fly-tipping). Only these are ever shared with councils (Open311).
pub const ENVIRONMENTAL: &[&str] = &[
    "lighting",
    "cctv",
    "isolated",
    "layout",
    "visibility",
    "rundown",
];

/// Staff's own third-person label for each reason code ("Followed", not the public form's
/// "I was followed"), for charts, top hotspots and the dashboard's filters.
pub const STAFF_REASON_LABELS: &[(&str, &str)] = &[
    ("lighting", "staff-reason-place-lighting"),
    ("cctv", "staff-reason-place-cctv"),
    ("isolated", "staff-reason-place-isolated"),
    ("layout", "staff-reason-place-layout"),
    ("visibility", "staff-reason-place-visibility"),
    ("rundown", "staff-reason-place-rundown"),
    ("drugs-alcohol", "staff-reason-place-drugs-alcohol"),
    ("other", "staff-reason-place-other"),
    ("verbal-stranger", "staff-reason-place-verbal-stranger"),
    ("verbal-group", "staff-reason-place-verbal-group"),
    ("followed", "staff-reason-place-followed"),
    ("other-harassment", "staff-reason-place-other-harassment"),
];

/// The staff label (a message id) of a reason code.
pub fn staff_reason_label(code: &str) -> Option<&'static str> {
    STAFF_REASON_LABELS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, label)| *label)
}

/// Time of day, in three-hour bands (the stored value is the band's first hour).
pub const TIME_BANDS: &[Opt] = &[
    opt("0", "up-time-0"),
    opt("3", "up-time-3"),
    opt("6", "up-time-6"),
    opt("9", "up-time-9"),
    opt("12", "up-time-12"),
    opt("15", "up-time-15"),
    opt("18", "up-time-18"),
    opt("21", "up-time-21"),
];

/// How often they feel unsafe there.
pub const FREQUENCY: &[Opt] = &[
    opt("once", "up-often-once"),
    opt("sometimes", "up-often-sometimes"),
    opt("often", "up-often-often"),
    opt("always", "up-often-always"),
];

/// Age bands (optional question).
pub const AGE: &[Opt] = &[
    opt("under-18", "up-age-under-18"),
    opt("18-24", "up-age-18-24"),
    opt("25-34", "up-age-25-34"),
    opt("35-44", "up-age-35-44"),
    opt("45-54", "up-age-45-54"),
    opt("55-64", "up-age-55-64"),
    opt("65-plus", "up-age-65-plus"),
    opt("prefer-not", "up-prefer-not"),
];

/// Sex.
pub const SEX: &[Opt] = &[
    opt("female", "up-sex-female"),
    opt("male", "up-sex-male"),
    opt("prefer-not", "up-prefer-not"),
];

/// Whether their gender is the same as the sex registered at birth.
pub const GENDER: &[Opt] = &[
    opt("yes", "answer-yes"),
    opt("no", "answer-no"),
    opt("prefer-not", "up-prefer-not"),
];

/// Ethnic group (the five ONS groups).
pub const ETHNICITY: &[Opt] = &[
    opt("asian", "up-eth-asian"),
    opt("black", "up-eth-black"),
    opt("mixed", "up-eth-mixed"),
    opt("white", "up-eth-white"),
    opt("other", "up-eth-other"),
    opt("prefer-not", "up-prefer-not"),
];

/// Disability.
pub const DISABILITY: &[Opt] = &[
    opt("yes", "answer-yes"),
    opt("no", "answer-no"),
    opt("prefer-not", "up-prefer-not"),
];

/// Why they did not report a crime.
pub const NOT_REPORTED: &[Opt] = &[
    opt("no-crime", "up-nr-no-crime"),
    opt("nothing-done", "up-nr-nothing-done"),
    opt("afraid", "up-nr-afraid"),
    opt("not-sure-how", "up-nr-not-sure-how"),
    opt("reported", "up-nr-reported"),
    opt("other", "up-nr-other"),
    opt("prefer-not", "up-prefer-not"),
];

/// A date as days since 1970-01-01 (how report days are stored and counted).
pub fn day_number(date: jiff::civil::Date) -> i64 {
    date.since(jiff::civil::date(1970, 1, 1))
        .map_or(0, |span| i64::from(span.get_days()))
}

/// A question page of the place report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// Where.
    Where,
    /// What about the place.
    PlaceReasons,
    /// What people did.
    PeopleReasons,
    /// The date.
    When,
    /// The time of day.
    TimeOfDay,
    /// How often.
    Frequency,
    /// Anything else (optional, cleaned of contact details).
    Details,
    /// Whether to answer questions about themselves.
    AboutYou,
    /// Age band.
    Age,
    /// Sex.
    Sex,
    /// Gender same as at birth.
    Gender,
    /// Ethnic group.
    Ethnicity,
    /// Disability.
    Disability,
    /// Why a crime was not reported.
    NotReported,
}

/// Longest "anything else", in characters.
pub const DETAILS_MAX: usize = 500;

impl Step {
    /// Every step, in the order asked.
    pub const ALL: [Step; 14] = [
        Step::Where,
        Step::PlaceReasons,
        Step::PeopleReasons,
        Step::When,
        Step::TimeOfDay,
        Step::Frequency,
        Step::Details,
        Step::AboutYou,
        Step::Age,
        Step::Sex,
        Step::Gender,
        Step::Ethnicity,
        Step::Disability,
        Step::NotReported,
    ];

    /// The URL segment and the key of its answer.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Where => "where",
            Step::PlaceReasons => "the-place",
            Step::PeopleReasons => "people",
            Step::When => "when",
            Step::TimeOfDay => "time-of-day",
            Step::Frequency => "how-often",
            Step::Details => "anything-else",
            Step::AboutYou => "about-you",
            Step::Age => "age",
            Step::Sex => "sex",
            Step::Gender => "gender",
            Step::Ethnicity => "ethnicity",
            Step::Disability => "disability",
            Step::NotReported => "not-reported",
        }
    }

    /// What kind of answer it takes.
    pub fn kind(self) -> Kind {
        match self {
            Step::Where => Kind::Location,
            Step::PlaceReasons => Kind::Multi {
                options: PLACE_REASONS,
                exclusive: Some("none"),
                other: Some("other"),
            },
            Step::PeopleReasons => Kind::Multi {
                options: BEHAVIOUR_REASONS,
                exclusive: Some("none"),
                other: None,
            },
            Step::When => Kind::Date {
                day_optional: false,
            },
            Step::TimeOfDay => Kind::Single(TIME_BANDS),
            Step::Frequency => Kind::Single(FREQUENCY),
            Step::Details => Kind::Text {
                max: DETAILS_MAX,
                optional: true,
                long: true,
                input: InputKind::Plain,
            },
            Step::AboutYou => Kind::Single(YES_NO),
            Step::Age => Kind::Single(AGE),
            Step::Sex => Kind::Single(SEX),
            Step::Gender => Kind::Single(GENDER),
            Step::Ethnicity => Kind::Single(ETHNICITY),
            Step::Disability => Kind::Single(DISABILITY),
            Step::NotReported => Kind::Multi {
                options: NOT_REPORTED,
                exclusive: Some("prefer-not"),
                other: None,
            },
        }
    }

    /// Message ids of its validation errors.
    pub fn errors(self) -> Errors {
        let missing = |m| Errors {
            missing: m,
            ..Errors::default()
        };
        match self {
            Step::Where => missing("up-err-where"),
            Step::PlaceReasons => Errors {
                missing: "up-err-place",
                invalid: "up-err-place-other-long",
                incomplete: "up-err-place-none",
                ..Errors::default()
            },
            Step::PeopleReasons => Errors {
                missing: "up-err-people",
                incomplete: "up-err-people-none",
                ..Errors::default()
            },
            Step::When => Errors {
                missing: "up-err-when-missing",
                invalid: "up-err-when-real",
                future: "up-err-when-future",
                incomplete: "up-err-when-incomplete",
            },
            Step::TimeOfDay => missing("up-err-time"),
            Step::Frequency => missing("up-err-often"),
            Step::Details => Errors {
                invalid: "up-err-details-long",
                ..Errors::default()
            },
            Step::AboutYou => missing("up-err-about-you"),
            Step::Age => missing("up-err-age"),
            Step::Sex => missing("up-err-sex"),
            Step::Gender => missing("up-err-gender"),
            Step::Ethnicity => missing("up-err-ethnicity"),
            Step::Disability => missing("up-err-disability"),
            Step::NotReported => missing("up-err-not-reported"),
        }
    }
}

/// The place report as a [`Flow`].
#[derive(Debug, Clone, Copy)]
pub struct UnsafePlace;

impl Flow for UnsafePlace {
    type Step = Step;

    fn steps() -> &'static [Step] {
        &Step::ALL
    }

    fn slug(step: Step) -> &'static str {
        step.slug()
    }

    fn kind(step: Step) -> Kind {
        step.kind()
    }

    fn errors(step: Step) -> Errors {
        step.errors()
    }

    fn applies(step: Step, a: &Answers) -> bool {
        match step {
            Step::Age | Step::Sex | Step::Gender | Step::Ethnicity | Step::Disability => {
                a.is(Step::AboutYou.slug(), "yes")
            }
            _ => true,
        }
    }

    fn cross_check(step: Step, a: &Answers) -> Option<(&'static str, &'static str)> {
        // At least one reason across the two reason pages.
        let none = |s: Step| a.many(s.slug()) == ["none"];
        (step == Step::PeopleReasons && none(Step::PlaceReasons) && none(Step::PeopleReasons))
            .then_some(("answer", "up-err-no-reason"))
    }
}

/// The reasons chosen, as bits of [`REASON_BITS`].
pub fn reason_bits(a: &Answers) -> u32 {
    let chosen = a
        .many(Step::PlaceReasons.slug())
        .iter()
        .chain(a.many(Step::PeopleReasons.slug()));
    chosen
        .filter_map(|code| REASON_BITS.iter().find(|(c, _)| c == code).map(|(_, b)| *b))
        .fold(0, |acc, b| acc | b)
}

pub use super::text::scrub;

/// Answers kept as free text: retained for `retention_place_text_days`. The "other" detail of
/// the place reasons is kept here under its own key, apart from the reason codes.
pub const TEXT_ANSWERS: &[&str] = &["anything-else", "place-description", OTHER_DETAIL];

/// Key of the place reasons' "other" detail among the free-text answers.
pub const OTHER_DETAIL: &str = "the-place-other";

/// Answers about the sender (special-category data): retained for
/// `retention_place_about_days`.
pub const ABOUT_ANSWERS: &[&str] = &[
    "about-you",
    "age",
    "sex",
    "gender",
    "ethnicity",
    "disability",
];

/// A place report's kept answers split by how long each part is kept: each part is sealed
/// separately, so retention can drop one without touching the others.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeptParts {
    /// Free text (already cleaned of contact details).
    pub text: Answers,
    /// About the sender.
    pub about: Answers,
    /// The rest (reason codes, how often, why not reported, channel).
    pub rest: Answers,
}

/// Split kept answers into [`KeptParts`].
pub fn split_kept(kept: &Answers) -> KeptParts {
    let mut parts = KeptParts::default();
    for (key, value) in &kept.0 {
        if TEXT_ANSWERS.contains(&key.as_str()) {
            parts.text.set(key, value.clone());
        } else if ABOUT_ANSWERS.contains(&key.as_str()) {
            parts.about.set(key, value.clone());
        } else if let Value::Many {
            codes,
            other: Some(other),
        } = value
        {
            parts
                .text
                .set(OTHER_DETAIL, Value::Text(Some(other.clone())));
            let codes = codes.clone();
            parts.rest.set(key, Value::Many { codes, other: None });
        } else {
            parts.rest.set(key, value.clone());
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::flow;

    #[test]
    fn every_counted_reason_has_a_staff_label_of_its_own() {
        for (code, _) in REASON_BITS {
            let label = staff_reason_label(code).unwrap_or_else(|| panic!("{code}"));
            assert!(label.starts_with("staff-"), "{code}: {label}");
        }
        assert_eq!(STAFF_REASON_LABELS.len(), REASON_BITS.len());
    }

    #[test]
    fn an_empty_or_isolated_place_is_something_a_council_can_act_on() {
        assert!(ENVIRONMENTAL.contains(&"isolated"));
        assert!(PLACE_REASONS.iter().any(|o| o.code == "isolated"));
        assert!(!BEHAVIOUR_REASONS.iter().any(|o| o.code == "isolated"));
        for code in ENVIRONMENTAL {
            assert!(
                !BEHAVIOUR_REASONS.iter().any(|o| o.code == *code),
                "{code} is about people, not the place"
            );
        }
    }

    #[test]
    fn free_text_and_answers_about_the_sender_are_split_from_the_rest() {
        let mut a = Answers::default();
        a.set(
            "the-place",
            Value::Many {
                codes: vec!["other".into()],
                other: Some("gate".into()),
            },
        );
        a.set("anything-else", Value::Text(Some("dark".into())));
        a.set("ethnicity", Value::One("mixed".into()));
        a.set("how-often", Value::One("often".into()));
        let parts = split_kept(&a);
        assert_eq!(parts.text.0.len(), 2);
        assert_eq!(parts.about.one("ethnicity"), Some("mixed"));
        assert_eq!(parts.rest.many("the-place"), ["other"]);
        assert_eq!(parts.rest.one("how-often"), Some("often"));
        assert!(!format!("{:?}", parts.rest).contains("gate"));
    }

    #[test]
    fn contact_details_are_removed_from_descriptions() {
        let text = "Call me on 07700 900 982 or +44 (0)113 496 0000, email jo.b@example.com. Bus 42 stops here at 10.30.";
        let clean = scrub(text);
        assert!(
            !clean.contains("07700") && !clean.contains("496") && !clean.contains("example.com"),
            "{clean}"
        );
        assert!(
            clean.contains("Bus 42") && clean.contains("10.30"),
            "short numbers stay: {clean}"
        );
        assert_eq!(clean.matches("[number removed]").count(), 2, "{clean}");
        assert!(clean.contains("[email removed]"));
    }

    #[test]
    fn about_you_questions_only_when_wanted() {
        let mut a = Answers::default();
        a.set("about-you", Value::One("no".into()));
        assert!(!flow::path::<UnsafePlace>(&a).contains(&Step::Age));
        a.set("about-you", Value::One("yes".into()));
        assert!(flow::path::<UnsafePlace>(&a).contains(&Step::Ethnicity));
    }

    #[test]
    fn at_least_one_reason_across_both_pages() {
        let mut a = Answers::default();
        let many = |c: &[&str]| Value::Many {
            codes: c.iter().map(|s| s.to_string()).collect(),
            other: None,
        };
        a.set("the-place", many(&["none"]));
        a.set("people", many(&["none"]));
        assert_eq!(
            UnsafePlace::cross_check(Step::PeopleReasons, &a),
            Some(("answer", "up-err-no-reason"))
        );
        a.set("people", many(&["followed"]));
        assert_eq!(UnsafePlace::cross_check(Step::PeopleReasons, &a), None);
        a.set("the-place", many(&["lighting", "cctv"]));
        assert_eq!(reason_bits(&a), 1 | 2 | 1 << 10);
    }
}
