//! Cookie consent: one cookie records the visitor's choice about additional (usage) cookies.
//! Until they say yes, we set only essential cookies and count nothing.

use cookie::{Cookie, SameSite};

/// Name of the consent cookie.
pub const CONSENT_COOKIE: &str = "ss_cookie_consent";

// How long a choice is kept: until the browser closes. A cookie that outlives the visit is a
// trace on a shared device that this site was used, and a victim's device may be checked by the
// person harming them; asking again in each browser session is the smaller cost. So the consent
// cookie, like the session cookie, has no `Max-Age` or `Expires` (docs/SECURITY.md).

/// What the visitor has said about usage cookies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consent {
    /// Not asked yet: show the banner.
    Unset,
    /// Yes to usage counts.
    Accepted,
    /// No to usage counts.
    Rejected,
}

impl Consent {
    /// The choice stored in the consent cookie's value, if the request sent one.
    pub fn from_cookie(value: Option<&str>) -> Self {
        match value {
            Some("yes") => Self::Accepted,
            Some("no") => Self::Rejected,
            _ => Self::Unset,
        }
    }

    /// Parse a form answer (`accept`/`yes` or `reject`/`no`).
    pub fn from_answer(answer: &str) -> Option<Self> {
        match answer {
            "accept" | "yes" => Some(Self::Accepted),
            "reject" | "no" => Some(Self::Rejected),
            _ => None,
        }
    }

    /// The `Set-Cookie` value recording this choice until the browser closes.
    pub fn cookie(self, secure: bool) -> String {
        let value = if self == Self::Accepted { "yes" } else { "no" };
        Cookie::build((CONSENT_COOKIE, value))
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(secure)
            .build()
            .to_string()
    }

    /// Whether the visitor has accepted usage cookies.
    pub fn accepted(self) -> bool {
        self == Self::Accepted
    }

    /// Whether the banner should ask.
    pub fn unset(self) -> bool {
        self == Self::Unset
    }
}
