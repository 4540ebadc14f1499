//! Questions as data, shared by every multi-page form: what kind of answer each takes and
//! its options. Templates, validation and check-answers pages are driven from these.

/// One option of a radios or checkboxes question. `label` is a message id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Opt {
    /// The stored code.
    pub code: &'static str,
    /// Message id of the label (may use `$who`).
    pub label: &'static str,
}

/// An option.
pub const fn opt(code: &'static str, label: &'static str) -> Opt {
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
    /// A place: a point (from a map or a place search) or a description. Asked on a page of
    /// its own, not by the generic question page.
    Location,
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
pub const YES_NO: &[Opt] = &[opt("yes", "answer-yes"), opt("no", "answer-no")];

/// The label of `code` among `options`.
pub fn label_of(options: &[Opt], code: &str) -> Option<&'static str> {
    options.iter().find(|o| o.code == code).map(|o| o.label)
}
