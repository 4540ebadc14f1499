//! The report's options as data. Templates, validation and the check-answers page are all
//! driven from these and from the step table in `flow.rs`.

pub use crate::domain::questions::{InputKind, Kind, Opt, YES_NO, label_of, opt};

/// Yes / no / not sure.
pub const YES_NO_UNSURE: &[Opt] = &[
    opt("yes", "answer-yes"),
    opt("no", "answer-no"),
    opt("unsure", "answer-unsure"),
];

/// For yourself or someone else.
pub const WHO_FOR: &[Opt] = &[
    opt("self", "rs-who-for-self"),
    opt("other", "rs-who-for-other"),
];

/// What is happening.
pub const BEHAVIOURS: &[Opt] = &[
    opt("following", "rs-behaviour-following"),
    opt("watching", "rs-behaviour-watching"),
    opt("turning-up", "rs-behaviour-turning-up"),
    opt("contact", "rs-behaviour-contact"),
    opt("gifts", "rs-behaviour-gifts"),
    opt("friends-family", "rs-behaviour-friends-family"),
    opt("tracking", "rs-behaviour-tracking"),
    opt("online", "rs-behaviour-online"),
    opt("threats", "rs-behaviour-threats"),
    opt("damage", "rs-behaviour-damage"),
    opt("sexual", "rs-behaviour-sexual"),
    opt("other", "rs-behaviour-other"),
];

/// How often it happens now.
pub const FREQUENCY: &[Opt] = &[
    opt("daily", "rs-often-daily"),
    opt("weekly-several", "rs-often-weekly-several"),
    opt("weekly", "rs-often-weekly"),
    opt("monthly", "rs-often-monthly"),
    opt("less", "rs-often-less"),
    opt("stopped", "rs-often-stopped"),
];

/// Who is doing it.
pub const RELATIONSHIP: &[Opt] = &[
    opt("partner", "rs-rel-partner"),
    opt("ex-partner", "rs-rel-ex-partner"),
    opt("family", "rs-rel-family"),
    opt("known", "rs-rel-known"),
    opt("colleague", "rs-rel-colleague"),
    opt("neighbour", "rs-rel-neighbour"),
    opt("stranger", "rs-rel-stranger"),
    opt("unknown", "rs-rel-unknown"),
];

/// Where it happens.
pub const PLACES: &[Opt] = &[
    opt("online", "rs-where-online"),
    opt("in-person", "rs-where-in-person"),
    opt("both", "rs-where-both"),
];

/// Evidence kept.
pub const EVIDENCE: &[Opt] = &[
    opt("messages", "rs-evidence-messages"),
    opt("screenshots", "rs-evidence-screenshots"),
    opt("diary", "rs-evidence-diary"),
    opt("photos", "rs-evidence-photos"),
    opt("recordings", "rs-evidence-recordings"),
    opt("gifts", "rs-evidence-gifts"),
    opt("witnesses", "rs-evidence-witnesses"),
    opt("none", "rs-evidence-none"),
];

/// Named or anonymous.
pub const IDENTITY: &[Opt] = &[
    opt("named", "rs-identity-named"),
    opt("anonymous", "rs-identity-anonymous"),
];

/// How we may contact them.
pub const CONTACT: &[Opt] = &[
    opt("phone", "rs-contact-phone"),
    opt("email", "rs-contact-email"),
    opt("none", "rs-contact-none"),
];

/// How the person reporting for someone else knows them.
pub const REPORTER_RELATIONSHIP: &[Opt] = &[
    opt("partner", "rs-reporter-partner"),
    opt("family", "rs-reporter-family"),
    opt("friend", "rs-reporter-friend"),
    opt("colleague", "rs-reporter-colleague"),
    opt("neighbour", "rs-reporter-neighbour"),
    opt("professional", "rs-reporter-professional"),
    opt("other", "rs-reporter-other"),
];

/// How we may contact the person it is happening to (someone else's report).
pub const CONTACT_THEM: &[Opt] = &[
    opt("phone", "rs-contact-them-phone"),
    opt("email", "rs-contact-them-email"),
    opt("through-you", "rs-contact-them-through-you"),
];
