//! Staff accounts and the stalking-report workflow: roles, statuses and their transitions,
//! and the password rules. No HTTP or SQL here.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

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

/// Why a new password is refused: the message id.
pub fn password_problem(password: &str, email: &str) -> Option<&'static str> {
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
    let local = email.split('@').next().unwrap_or_default().to_lowercase();
    let one_char = lower.chars().all(|c| lower.starts_with(c));
    if COMMON.contains(lower.as_str())
        || COMMON.contains(stem)
        || one_char
        || (!local.is_empty() && lower.contains(&local))
    {
        return Some("staff-password-common");
    }
    None
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
        assert_eq!(Role::parse("superuser"), None);
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

    #[test]
    fn passwords_must_be_long_and_uncommon() {
        let email = "sam.jones@northshire.police.example";
        assert_eq!(password_problem("", email), Some("staff-password-missing"));
        assert_eq!(
            password_problem("short1!", email),
            Some("staff-password-short")
        );
        assert_eq!(
            password_problem(&"a".repeat(129), email),
            Some("staff-password-long")
        );
        for common in [
            "password1234",
            "Password2024!",
            "iloveyou12345",
            "qwertyuiop12",
            "zzzzzzzzzzzz",
        ] {
            assert_eq!(
                password_problem(common, email),
                Some("staff-password-common"),
                "{common}"
            );
        }
        assert_eq!(
            password_problem("sam.jones-2026!", email),
            Some("staff-password-common")
        );
        assert_eq!(password_problem("violet kettle marching 7", email), None);
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
