//! Every question of the report as data: its kind, its options and its limits. Templates,
//! validation and the check-answers page are all driven from here.

/// One option of a radios or checkboxes question. `label` is a message id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Opt {
    /// The stored code.
    pub code: &'static str,
    /// Message id of the label (may use `$who`).
    pub label: &'static str,
}

const fn opt(code: &'static str, label: &'static str) -> Opt {
    Opt { code, label }
}

/// What kind of answer a question takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One of several (radios).
    Single(&'static [Opt]),
    /// Any of several (checkboxes); `exclusive` is an option that cannot be combined;
    /// `other` is the code whose free-text detail is asked for alongside.
    Multi {
        /// The options.
        options: &'static [Opt],
        /// A "none of these" option.
        exclusive: Option<&'static str>,
        /// The "other" option's code, whose detail goes in the `other` field.
        other: Option<&'static str>,
    },
    /// Free text (textarea when `long`, else a one-line input).
    Text {
        /// Most characters.
        max: usize,
        /// May be left blank.
        optional: bool,
        /// A textarea with a character count, rather than an input.
        long: bool,
        /// What the input holds, for the keyboard shown on phones.
        input: InputKind,
    },
    /// A date; `day_optional` for "approximately when".
    Date {
        /// Month and year are enough.
        day_optional: bool,
    },
    /// A postcode with an optional address.
    Address,
}

/// The kind of one-line text input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// Anything.
    Plain,
    /// A person's name.
    Name,
    /// A UK or international phone number.
    Phone,
    /// An email address.
    Email,
}

/// Yes / no.
pub const YES_NO: &[Opt] = &[opt("yes", "rs-yes"), opt("no", "rs-no")];
/// Yes / no / not sure.
pub const YES_NO_UNSURE: &[Opt] = &[
    opt("yes", "rs-yes"),
    opt("no", "rs-no"),
    opt("unsure", "rs-unsure"),
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

/// The label of `code` among `options`.
pub fn label_of(options: &[Opt], code: &str) -> Option<&'static str> {
    options.iter().find(|o| o.code == code).map(|o| o.label)
}
