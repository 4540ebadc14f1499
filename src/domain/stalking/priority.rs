//! A first priority for a report, from its risk answers and behaviours, with the reasons, so
//! staff see why. It orders the queue; it never replaces an officer's own risk assessment.
//!
//! The weights follow the risk factors that stalking screening tools (e.g. S-DASH) treat as
//! most serious: threats, weapons, escalation, fear, and an ex-partner as the stalker.

use serde::{Deserialize, Serialize};

use super::answers::Answers;
use super::flow::Step;
use crate::domain::staff::UnknownCode;

/// How soon staff should look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// In the normal order.
    Standard,
    /// Before standard reports.
    High,
    /// First.
    Urgent,
}

impl Priority {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Priority::Standard => "standard",
            Priority::High => "high",
            Priority::Urgent => "urgent",
        }
    }

    /// Parse a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        Priority::ALL.into_iter().find(|p| p.code() == code)
    }

    /// Every priority, most pressing last.
    pub const ALL: [Priority; 3] = [Priority::Standard, Priority::High, Priority::Urgent];

    /// Sort key: urgent first.
    pub fn rank(self) -> i64 {
        match self {
            Priority::Urgent => 0,
            Priority::High => 1,
            Priority::Standard => 2,
        }
    }
}

impl TryFrom<String> for Priority {
    type Error = UnknownCode;
    fn try_from(code: String) -> Result<Self, UnknownCode> {
        UnknownCode::check("priority", code, Priority::from_code)
    }
}

/// The priority and the reasons (codes; staff pages show their text).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// The priority.
    pub priority: Priority,
    /// Why, most serious first.
    pub reasons: Vec<String>,
}

const RULES: &[(&str, &str, &str, u32)] = &[
    // (question, answer code, reason code, weight)
    ("threats", "yes", "threats-to-harm", 3),
    ("weapons", "yes", "access-to-weapons", 3),
    ("getting-worse", "yes", "getting-worse", 2),
    ("afraid", "yes", "victim-afraid", 2),
    ("who-is-doing-it", "ex-partner", "ex-partner", 2),
    ("who-is-doing-it", "partner", "partner", 2),
    ("how-often", "daily", "daily-contact", 1),
];

const BEHAVIOUR_RULES: &[(&str, &str, u32)] = &[
    ("threats", "threatening-behaviour", 1),
    ("turning-up", "turns-up-at-home-or-work", 1),
    ("tracking", "tracking", 1),
    ("damage", "damage", 1),
    ("sexual", "sexual-behaviour", 1),
];

/// Rules for a report about someone else: (question, answer code, reason code, weight).
const THIRD_PARTY_RULES: &[(&str, &str, &str, u32)] = &[
    // Contacting them is not safe: whoever does this may see their phone or messages.
    (
        "safe-to-contact-them",
        "no",
        "not-safe-to-contact-victim",
        1,
    ),
];

/// The answers that call for immediate safety advice and for the report to be read first:
/// threats to hurt or kill, fear of what the person might do, a weapon.
pub const HIGH_RISK: &[(&str, &str)] = &[("threats", "yes"), ("afraid", "yes"), ("weapons", "yes")];

/// Whether any high-risk answer was given (see [`HIGH_RISK`]).
pub fn high_risk(a: &Answers) -> bool {
    HIGH_RISK.iter().any(|(q, code)| a.is(q, code))
}

/// Assess a report's answers.
pub fn assess(a: &Answers) -> Assessment {
    let mut score = 0;
    let mut reasons = Vec::new();
    for (question, code, reason, weight) in RULES {
        if a.is(question, code) {
            score += weight;
            reasons.push((*weight, *reason));
        }
    }
    let behaviours = a.many(Step::Behaviours.slug());
    for (code, reason, weight) in BEHAVIOUR_RULES {
        if behaviours.iter().any(|b| b == code) {
            score += weight;
            reasons.push((*weight, *reason));
        }
    }
    if a.is(Step::WhoFor.slug(), "other") {
        for (question, code, reason, weight) in THIRD_PARTY_RULES {
            if a.is(question, code) {
                score += weight;
                reasons.push((*weight, *reason));
            }
        }
        // They do not know and cannot safely be told: nobody can check with them how much
        // danger they are in, so staff must look sooner.
        if a.is("do-they-know", "no") && a.is("safe-to-contact-them", "no") {
            score += 2;
            reasons.push((2, "victim-unaware-and-unreachable"));
        }
    }
    let threats_and_weapons = a.is("threats", "yes") && a.is("weapons", "yes");
    // The visitor was told a high-risk report is read first (the interruption page and the
    // confirmation say so): it is never left at standard.
    let priority = if threats_and_weapons || score >= 7 {
        Priority::Urgent
    } else if score >= 3 || high_risk(a) {
        Priority::High
    } else {
        Priority::Standard
    };
    // Most serious first; equal weights keep rule order.
    reasons.sort_by_key(|r| std::cmp::Reverse(r.0));
    Assessment {
        priority,
        reasons: reasons.into_iter().map(|(_, r)| r.to_owned()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::stalking::Value;

    fn with(pairs: &[(&str, &str)]) -> Answers {
        let mut a = Answers::default();
        for (q, v) in pairs {
            a.set(q, Value::One((*v).to_owned()));
        }
        a
    }

    #[test]
    fn threats_with_weapons_are_urgent() {
        let got = assess(&with(&[("threats", "yes"), ("weapons", "yes")]));
        assert_eq!(got.priority, Priority::Urgent);
        assert_eq!(got.reasons, ["threats-to-harm", "access-to-weapons"]);
    }

    #[test]
    fn an_escalating_ex_partner_is_high() {
        let got = assess(&with(&[
            ("getting-worse", "yes"),
            ("who-is-doing-it", "ex-partner"),
        ]));
        assert_eq!(got.priority, Priority::High);
    }

    #[test]
    fn no_risk_factors_is_standard_with_no_reasons() {
        let got = assess(&with(&[("threats", "no"), ("weapons", "unsure")]));
        assert_eq!(
            got,
            Assessment {
                priority: Priority::Standard,
                reasons: vec![]
            }
        );
    }

    #[test]
    fn fear_alone_is_never_left_at_standard() {
        let got = assess(&with(&[("afraid", "yes")]));
        assert_eq!(got.priority, Priority::High);
        assert!(high_risk(&with(&[("weapons", "yes")])));
        assert!(!high_risk(&with(&[
            ("threats", "unsure"),
            ("afraid", "no"),
            ("weapons", "unsure")
        ])));
    }

    #[test]
    fn someone_who_does_not_know_and_cannot_be_contacted_safely_is_high() {
        let got = assess(&with(&[
            ("who-for", "other"),
            ("do-they-know", "no"),
            ("safe-to-contact-them", "no"),
        ]));
        assert_eq!(got.priority, Priority::High);
        assert_eq!(
            got.reasons,
            [
                "victim-unaware-and-unreachable",
                "not-safe-to-contact-victim"
            ]
        );
    }

    #[test]
    fn someone_who_knows_or_can_be_contacted_adds_less_or_nothing() {
        let knows = assess(&with(&[
            ("who-for", "other"),
            ("do-they-know", "yes"),
            ("safe-to-contact-them", "no"),
        ]));
        assert_eq!(knows.priority, Priority::Standard);
        assert_eq!(knows.reasons, ["not-safe-to-contact-victim"]);
        let reachable = assess(&with(&[
            ("who-for", "other"),
            ("do-they-know", "no"),
            ("safe-to-contact-them", "yes"),
        ]));
        assert_eq!(reachable.priority, Priority::Standard);
        assert!(reachable.reasons.is_empty());
    }

    #[test]
    fn third_party_answers_count_only_in_a_report_for_someone_else() {
        // Left over from a change back to "myself" (pruned in the form, but never trusted).
        let got = assess(&with(&[
            ("who-for", "self"),
            ("do-they-know", "no"),
            ("safe-to-contact-them", "no"),
        ]));
        assert_eq!(got.priority, Priority::Standard);
        assert!(got.reasons.is_empty());
    }

    #[test]
    fn behaviours_add_up() {
        let mut a = with(&[("afraid", "yes")]);
        a.set(
            "what-is-happening",
            Value::Many {
                codes: vec!["tracking".into(), "turning-up".into(), "damage".into()],
                other: None,
            },
        );
        let got = assess(&a);
        assert_eq!(got.priority, Priority::High);
        assert_eq!(got.reasons[0], "victim-afraid");
        assert_eq!(got.reasons.len(), 4);
    }
}
