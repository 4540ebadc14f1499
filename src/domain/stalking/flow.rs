//! The order of the questions, as data: which steps apply given the answers so far, which
//! comes next, and where Back goes. One table drives pages, redirects and "Change" links.

use super::answers::{Answers, Errors};
use super::questions::{self as q, InputKind, Kind};
use crate::domain::flow::{self, Flow};

/// A question page of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// In immediate danger?
    Danger,
    /// For yourself or someone else?
    WhoFor,
    /// Someone else: their name (optional).
    TheirName,
    /// Someone else: how the reporter knows them.
    YourRelationship,
    /// Someone else: do they know about this report?
    TheyKnow,
    /// Someone else: is it safe to contact them?
    SafeToContactThem,
    /// Someone else: how to contact them safely.
    HowToContactThem,
    /// Someone else: their phone number.
    TheirPhone,
    /// Someone else: their email address.
    TheirEmail,
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
    pub const ALL: [Step; 32] = [
        Step::Danger,
        Step::WhoFor,
        Step::TheirName,
        Step::YourRelationship,
        Step::TheyKnow,
        Step::SafeToContactThem,
        Step::HowToContactThem,
        Step::TheirPhone,
        Step::TheirEmail,
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
            Step::TheirName => "their-name",
            Step::YourRelationship => "your-relationship-to-them",
            Step::TheyKnow => "do-they-know",
            Step::SafeToContactThem => "safe-to-contact-them",
            Step::HowToContactThem => "how-to-contact-them",
            Step::TheirPhone => "their-phone",
            Step::TheirEmail => "their-email",
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
            Step::TheirName => text(100, true, false, InputKind::Name),
            Step::YourRelationship => Kind::Single(q::REPORTER_RELATIONSHIP),
            Step::TheyKnow | Step::SafeToContactThem => Kind::Single(q::YES_NO_UNSURE),
            Step::HowToContactThem => Kind::Single(q::CONTACT_THEM),
            Step::TheirPhone => text(20, false, false, InputKind::Phone),
            Step::TheirEmail => text(254, false, false, InputKind::Email),
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
            Step::TheirName => errors("", "rs-err-their-name-long"),
            Step::YourRelationship => errors("rs-err-your-relationship", ""),
            Step::TheyKnow => errors("rs-err-they-know", ""),
            Step::SafeToContactThem => errors("rs-err-safe-to-contact-them", ""),
            Step::HowToContactThem => errors("rs-err-how-to-contact-them", ""),
            Step::TheirPhone => errors("rs-err-their-phone-missing", "rs-err-phone-format"),
            Step::TheirEmail => errors("rs-err-their-email-missing", "rs-err-email-format"),
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
                | Step::TheirName
                | Step::TheirPhone
                | Step::TheirEmail
                | Step::DateOfBirth
                | Step::Address
                | Step::Phone
                | Step::Email
                | Step::SafeTimes
                | Step::DoNotContact
        )
    }
}

/// The stalking report as a [`Flow`].
#[derive(Debug, Clone, Copy)]
pub struct Stalking;

impl Flow for Stalking {
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
        let named = a.is(Step::Identity.slug(), "named");
        let contact = a.one(Step::Contact.slug());
        let for_other = a.is(Step::WhoFor.slug(), "other");
        let contact_them = a.one(Step::HowToContactThem.slug());
        match step {
            Step::TheirName | Step::YourRelationship | Step::TheyKnow | Step::SafeToContactThem => {
                for_other
            }
            Step::HowToContactThem => for_other && a.is(Step::SafeToContactThem.slug(), "yes"),
            Step::TheirPhone => {
                for_other
                    && a.is(Step::SafeToContactThem.slug(), "yes")
                    && contact_them == Some("phone")
            }
            Step::TheirEmail => {
                for_other
                    && a.is(Step::SafeToContactThem.slug(), "yes")
                    && contact_them == Some("email")
            }
            // Someone reporting for another person gives their name and a safe way back to
            // them, but not their own date of birth or address: those help us find the victim
            // on our systems and decide which officers help, so the reporter's would mislead
            // and would only be personal data kept without need. The victim's own are not
            // asked either: a third party may not know them, and we ask the victim directly
            // when it is safe (the branch above says whether and how).
            Step::DateOfBirth | Step::Address => named && !for_other,
            Step::Name | Step::Contact | Step::DoNotContact => named,
            Step::Phone | Step::LeaveMessage => named && contact == Some("phone"),
            Step::Email => named && contact == Some("email"),
            Step::SafeTimes => named && contact.is_some_and(|c| c != "none"),
            _ => true,
        }
    }

    fn stops_after(step: Step, a: &Answers) -> bool {
        // In immediate danger: call 999, do not go on filling in a form.
        step == Step::Danger && a.is(Step::Danger.slug(), "yes")
    }
}

/// Where the visitor goes from a question of this report.
pub type Next = flow::Next<Step>;

/// The steps that apply, given the answers so far.
pub fn path(a: &Answers) -> Vec<Step> {
    flow::path::<Stalking>(a)
}

/// The first unanswered question, or where the answers lead.
pub fn next(a: &Answers) -> Next {
    flow::next::<Stalking>(a)
}

/// Whether `step` may be shown now.
pub fn reachable(step: Step, a: &Answers) -> bool {
    flow::reachable::<Stalking>(step, a)
}

/// The step before `step`.
pub fn previous(step: Step, a: &Answers) -> Option<Step> {
    flow::previous::<Stalking>(step, a)
}

/// Forget answers to questions no longer asked.
pub fn prune(a: &mut Answers) {
    flow::prune::<Stalking>(a);
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
        assert_eq!(next(&a), Next::Stop);
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
    fn a_report_for_someone_else_asks_about_them_and_not_the_reporters_birth_or_address() {
        let mut a = Answers::default();
        answer(&mut a, Step::WhoFor, "other");
        answer(&mut a, Step::Identity, "named");
        answer(&mut a, Step::SafeToContactThem, "yes");
        answer(&mut a, Step::HowToContactThem, "email");
        let steps = path(&a);
        assert_eq!(
            steps[1..6],
            [
                Step::WhoFor,
                Step::TheirName,
                Step::YourRelationship,
                Step::TheyKnow,
                Step::SafeToContactThem
            ]
        );
        assert!(steps.contains(&Step::TheirEmail) && !steps.contains(&Step::TheirPhone));
        assert!(steps.contains(&Step::Name) && steps.contains(&Step::Contact));
        assert!(!steps.contains(&Step::DateOfBirth) && !steps.contains(&Step::Address));
        answer(&mut a, Step::SafeToContactThem, "no");
        assert!(!path(&a).contains(&Step::HowToContactThem));
        answer(&mut a, Step::WhoFor, "self");
        let steps = path(&a);
        assert!(!steps.contains(&Step::TheirName) && steps.contains(&Step::DateOfBirth));
    }

    #[test]
    fn back_in_change_mode_goes_to_check_only_when_it_can_be_shown() {
        use crate::domain::flow::{Back, back};
        let mut a = Answers::default();
        answer(&mut a, Step::Identity, "named");
        answer(&mut a, Step::Contact, "email");
        // Name is unanswered: the check page would send the visitor straight back.
        assert_eq!(
            back::<Stalking>(Step::Name, &a, true),
            Back::Ask {
                step: Step::Identity,
                change: true
            }
        );
        assert_eq!(
            back::<Stalking>(Step::Name, &a, false),
            Back::Ask {
                step: Step::Identity,
                change: false
            }
        );
        assert_eq!(back::<Stalking>(Step::Danger, &a, false), Back::Start);
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
