//! The order of the questions, as data: which steps apply given the answers so far, which
//! comes next, and where Back goes. One table drives pages, redirects and "Change" links.

use super::answers::{Answers, Errors};
use super::questions::{self as q, InputKind, Kind};

/// A question page of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// In immediate danger?
    Danger,
    /// For yourself or someone else?
    WhoFor,
    /// What is happening?
    Behaviours,
    /// Has it happened more than once?
    Repeated,
    /// When did it start?
    Started,
    /// How often now?
    Frequency,
    /// Getting worse?
    Worse,
    /// Who is doing it?
    Relationship,
    /// Describe them (optional).
    Description,
    /// Threats to harm?
    Threats,
    /// Frightened of what they might do?
    Afraid,
    /// Access to weapons?
    Weapons,
    /// Online, in person or both?
    Places,
    /// What happened, in their own words.
    Narrative,
    /// Evidence kept.
    Evidence,
    /// Named or anonymous?
    Identity,
    /// Full name.
    Name,
    /// Date of birth.
    DateOfBirth,
    /// Postcode and address.
    Address,
    /// How to contact them safely.
    Contact,
    /// Phone number.
    Phone,
    /// Email address.
    Email,
    /// Safe times to contact.
    SafeTimes,
    /// May we leave a message?
    LeaveMessage,
    /// Anyone we must not speak to.
    DoNotContact,
}

/// Longest narrative, in characters.
pub const NARRATIVE_MAX: usize = 5000;

const fn text(max: usize, optional: bool, long: bool, input: InputKind) -> Kind {
    Kind::Text {
        max,
        optional,
        long,
        input,
    }
}

const fn errors(missing: &'static str, invalid: &'static str) -> Errors {
    Errors {
        missing,
        invalid,
        future: "",
        incomplete: "",
    }
}

impl Step {
    /// Every step, in the order asked.
    pub const ALL: [Step; 25] = [
        Step::Danger,
        Step::WhoFor,
        Step::Behaviours,
        Step::Repeated,
        Step::Started,
        Step::Frequency,
        Step::Worse,
        Step::Relationship,
        Step::Description,
        Step::Threats,
        Step::Afraid,
        Step::Weapons,
        Step::Places,
        Step::Narrative,
        Step::Evidence,
        Step::Identity,
        Step::Name,
        Step::DateOfBirth,
        Step::Address,
        Step::Contact,
        Step::Phone,
        Step::Email,
        Step::SafeTimes,
        Step::LeaveMessage,
        Step::DoNotContact,
    ];

    /// The URL segment and the key of its answer.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Danger => "danger",
            Step::WhoFor => "who-for",
            Step::Behaviours => "what-is-happening",
            Step::Repeated => "more-than-once",
            Step::Started => "when-it-started",
            Step::Frequency => "how-often",
            Step::Worse => "getting-worse",
            Step::Relationship => "who-is-doing-it",
            Step::Description => "describe-them",
            Step::Threats => "threats",
            Step::Afraid => "afraid",
            Step::Weapons => "weapons",
            Step::Places => "where",
            Step::Narrative => "what-happened",
            Step::Evidence => "evidence",
            Step::Identity => "your-name-or-anonymous",
            Step::Name => "name",
            Step::DateOfBirth => "date-of-birth",
            Step::Address => "address",
            Step::Contact => "contact",
            Step::Phone => "phone",
            Step::Email => "email",
            Step::SafeTimes => "safe-times",
            Step::LeaveMessage => "leave-message",
            Step::DoNotContact => "do-not-contact",
        }
    }

    /// The step for a URL segment.
    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// What kind of answer it takes.
    pub fn kind(self) -> Kind {
        match self {
            Step::Danger => Kind::Single(q::YES_NO),
            Step::WhoFor => Kind::Single(q::WHO_FOR),
            Step::Behaviours => Kind::Multi {
                options: q::BEHAVIOURS,
                exclusive: None,
                other: Some("other"),
            },
            Step::Repeated | Step::Worse | Step::Threats | Step::Afraid | Step::Weapons => {
                Kind::Single(q::YES_NO_UNSURE)
            }
            Step::Started => Kind::Date { day_optional: true },
            Step::Frequency => Kind::Single(q::FREQUENCY),
            Step::Relationship => Kind::Single(q::RELATIONSHIP),
            Step::Description => text(1000, true, true, InputKind::Plain),
            Step::Places => Kind::Single(q::PLACES),
            Step::Narrative => text(NARRATIVE_MAX, false, true, InputKind::Plain),
            Step::Evidence => Kind::Multi {
                options: q::EVIDENCE,
                exclusive: Some("none"),
                other: None,
            },
            Step::Identity => Kind::Single(q::IDENTITY),
            Step::Name => text(100, false, false, InputKind::Name),
            Step::DateOfBirth => Kind::Date {
                day_optional: false,
            },
            Step::Address => Kind::Address,
            Step::Contact => Kind::Single(q::CONTACT),
            Step::Phone => text(20, false, false, InputKind::Phone),
            Step::Email => text(254, false, false, InputKind::Email),
            Step::SafeTimes => text(200, true, false, InputKind::Plain),
            Step::LeaveMessage => Kind::Single(q::YES_NO),
            Step::DoNotContact => text(500, true, true, InputKind::Plain),
        }
    }

    /// Message ids of its validation errors.
    pub fn errors(self) -> Errors {
        match self {
            Step::Danger => errors("rs-err-danger", ""),
            Step::WhoFor => errors("rs-err-who-for", ""),
            Step::Behaviours => Errors {
                missing: "rs-err-behaviours",
                invalid: "rs-err-behaviours-other-long",
                ..Errors::default()
            },
            Step::Repeated => errors("rs-err-repeated", ""),
            Step::Started => Errors {
                missing: "rs-err-started-missing",
                invalid: "rs-err-started-real",
                future: "rs-err-started-future",
                incomplete: "rs-err-started-incomplete",
            },
            Step::Frequency => errors("rs-err-frequency", ""),
            Step::Worse => errors("rs-err-worse", ""),
            Step::Relationship => errors("rs-err-relationship", ""),
            Step::Description => errors("", "rs-err-description-long"),
            Step::Threats => errors("rs-err-threats", ""),
            Step::Afraid => errors("rs-err-afraid", ""),
            Step::Weapons => errors("rs-err-weapons", ""),
            Step::Places => errors("rs-err-places", ""),
            Step::Narrative => errors("rs-err-narrative-missing", "rs-err-narrative-long"),
            Step::Evidence => Errors {
                missing: "rs-err-evidence",
                incomplete: "rs-err-evidence-none",
                ..Errors::default()
            },
            Step::Identity => errors("rs-err-identity", ""),
            Step::Name => errors("rs-err-name-missing", "rs-err-name-long"),
            Step::DateOfBirth => Errors {
                missing: "rs-err-dob-missing",
                invalid: "rs-err-dob-real",
                future: "rs-err-dob-future",
                incomplete: "rs-err-dob-incomplete",
            },
            Step::Address => Errors {
                missing: "rs-err-postcode-missing",
                invalid: "rs-err-postcode-real",
                incomplete: "rs-err-address-long",
                ..Errors::default()
            },
            Step::Contact => errors("rs-err-contact", ""),
            Step::Phone => errors("rs-err-phone-missing", "rs-err-phone-format"),
            Step::Email => errors("rs-err-email-missing", "rs-err-email-format"),
            Step::SafeTimes => errors("", "rs-err-safe-times-long"),
            Step::LeaveMessage => errors("rs-err-leave-message", ""),
            Step::DoNotContact => errors("", "rs-err-do-not-contact-long"),
        }
    }

    /// Whether its answer identifies or contacts the person, and so is shown with care.
    pub fn is_personal(self) -> bool {
        matches!(
            self,
            Step::Name
                | Step::DateOfBirth
                | Step::Address
                | Step::Phone
                | Step::Email
                | Step::SafeTimes
                | Step::DoNotContact
        )
    }
}

/// Where the visitor goes from a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// Another question.
    Ask(Step),
    /// The emergency page: the report stops.
    Emergency,
    /// Everything is answered.
    Check,
}

/// The steps that apply, given the answers so far, in order. Stops early when in danger.
pub fn path(a: &Answers) -> Vec<Step> {
    let mut steps = Vec::with_capacity(Step::ALL.len());
    for step in Step::ALL {
        let applies = match step {
            Step::Name | Step::DateOfBirth | Step::Address | Step::Contact | Step::DoNotContact => {
                a.is(Step::Identity.slug(), "named")
            }
            Step::Phone | Step::LeaveMessage => {
                a.is(Step::Identity.slug(), "named") && a.is(Step::Contact.slug(), "phone")
            }
            Step::Email => {
                a.is(Step::Identity.slug(), "named") && a.is(Step::Contact.slug(), "email")
            }
            Step::SafeTimes => {
                a.is(Step::Identity.slug(), "named")
                    && a.one(Step::Contact.slug()).is_some_and(|c| c != "none")
            }
            _ => true,
        };
        if applies {
            steps.push(step);
        }
        if step == Step::Danger && a.is(Step::Danger.slug(), "yes") {
            break;
        }
    }
    steps
}

/// The first question on the path without an answer, or where the answers lead.
pub fn next(a: &Answers) -> Next {
    if a.is(Step::Danger.slug(), "yes") {
        return Next::Emergency;
    }
    path(a)
        .into_iter()
        .find(|s| !a.has(s.slug()))
        .map_or(Next::Check, Next::Ask)
}

/// Whether the visitor may see `step` now: it is on the path and every step before it is
/// answered. Anything else sends them to [`next`].
pub fn reachable(step: Step, a: &Answers) -> bool {
    let steps = path(a);
    let Some(at) = steps.iter().position(|s| *s == step) else {
        return false;
    };
    steps[..at].iter().all(|s| a.has(s.slug()))
}

/// The step before `step` on the path (for the Back link); `None` for the first.
pub fn previous(step: Step, a: &Answers) -> Option<Step> {
    let steps = path(a);
    let at = steps.iter().position(|s| *s == step)?;
    at.checked_sub(1).map(|i| steps[i])
}

/// Drop answers to questions no longer on the path (e.g. a name after choosing anonymous),
/// so nothing the visitor took back is kept or sent.
pub fn prune(a: &mut Answers) {
    let keep: Vec<&str> = path(a).iter().map(|s| s.slug()).collect();
    a.retain(&keep);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::stalking::Value;

    fn answer(a: &mut Answers, step: Step, code: &str) {
        a.set(step.slug(), Value::One(code.to_owned()));
    }

    #[test]
    fn slugs_are_unique_and_round_trip() {
        for s in Step::ALL {
            assert_eq!(Step::from_slug(s.slug()), Some(s));
        }
        assert_eq!(Step::from_slug("nope"), None);
    }

    #[test]
    fn immediate_danger_stops_the_report() {
        let mut a = Answers::default();
        answer(&mut a, Step::Danger, "yes");
        assert_eq!(next(&a), Next::Emergency);
        assert_eq!(path(&a), [Step::Danger]);
        assert!(!reachable(Step::WhoFor, &a));
    }

    #[test]
    fn anonymous_reports_skip_identity_and_contact() {
        let mut a = Answers::default();
        answer(&mut a, Step::Identity, "anonymous");
        let steps = path(&a);
        assert!(!steps.contains(&Step::Name) && !steps.contains(&Step::Contact));
        answer(&mut a, Step::Identity, "named");
        answer(&mut a, Step::Contact, "email");
        let steps = path(&a);
        assert!(steps.contains(&Step::Email) && steps.contains(&Step::SafeTimes));
        assert!(!steps.contains(&Step::Phone) && !steps.contains(&Step::LeaveMessage));
    }

    #[test]
    fn later_steps_are_not_reachable_before_earlier_answers() {
        let mut a = Answers::default();
        assert_eq!(next(&a), Next::Ask(Step::Danger));
        assert!(reachable(Step::Danger, &a));
        assert!(!reachable(Step::Narrative, &a));
        answer(&mut a, Step::Danger, "no");
        assert!(reachable(Step::WhoFor, &a));
        assert_eq!(previous(Step::WhoFor, &a), Some(Step::Danger));
        assert_eq!(previous(Step::Danger, &a), None);
    }

    #[test]
    fn switching_to_anonymous_forgets_the_name() {
        let mut a = Answers::default();
        answer(&mut a, Step::Identity, "named");
        a.set(Step::Name.slug(), Value::Text(Some("Jo Bloggs".into())));
        answer(&mut a, Step::Identity, "anonymous");
        prune(&mut a);
        assert!(!a.has(Step::Name.slug()));
        assert!(a.has(Step::Identity.slug()));
    }
}
