//! The feedback form: how satisfied the visitor was and what could be better (cleaned of
//! email addresses and phone numbers before it is kept, like a place report's free text).

use super::FormErrors;
use super::text::BoundedText;

/// Longest "what could be better" answer, in characters.
pub const IMPROVE_MAX_CHARS: usize = 1200;

/// The five GOV.UK satisfaction answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Satisfaction {
    /// Very satisfied.
    VerySatisfied,
    /// Satisfied.
    Satisfied,
    /// Neither satisfied nor dissatisfied.
    Neither,
    /// Dissatisfied.
    Dissatisfied,
    /// Very dissatisfied.
    VeryDissatisfied,
}

impl Satisfaction {
    /// Every answer, in the order shown.
    pub const ALL: [Self; 5] = [
        Self::VerySatisfied,
        Self::Satisfied,
        Self::Neither,
        Self::Dissatisfied,
        Self::VeryDissatisfied,
    ];

    /// The stored and submitted code.
    pub fn code(self) -> &'static str {
        match self {
            Self::VerySatisfied => "very-satisfied",
            Self::Satisfied => "satisfied",
            Self::Neither => "neither",
            Self::Dissatisfied => "dissatisfied",
            Self::VeryDissatisfied => "very-dissatisfied",
        }
    }

    /// The label's message id.
    pub fn label(self) -> &'static str {
        match self {
            Self::VerySatisfied => "feedback-very-satisfied",
            Self::Satisfied => "feedback-satisfied",
            Self::Neither => "feedback-neither",
            Self::Dissatisfied => "feedback-dissatisfied",
            Self::VeryDissatisfied => "feedback-very-dissatisfied",
        }
    }

    /// Parse a submitted code; anything else (including forged values) is `None`.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Valid feedback answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedbackAnswers {
    /// How satisfied.
    pub satisfaction: Satisfaction,
    /// What could be better.
    pub improve: Option<BoundedText>,
}

impl FeedbackAnswers {
    /// Check the raw answers; every problem is reported, in page order.
    pub fn parse(satisfaction: Option<&str>, improve: Option<&str>) -> Result<Self, FormErrors> {
        let mut errors = FormErrors::default();
        let satisfaction = match satisfaction.map(str::trim).filter(|s| !s.is_empty()) {
            None => {
                errors.add("satisfaction", "feedback-error-satisfaction-missing");
                None
            }
            Some(code) => {
                let parsed = Satisfaction::from_code(code);
                if parsed.is_none() {
                    errors.add("satisfaction", "feedback-error-satisfaction-missing");
                }
                parsed
            }
        };
        let improve = match BoundedText::parse(improve.unwrap_or_default(), IMPROVE_MAX_CHARS) {
            // Visitors type contact details into comments although nobody will reply.
            Ok(text) => text.map(BoundedText::scrubbed),
            Err(_) => {
                errors.add("improve", "feedback-error-improve-too-long");
                None
            }
        };
        match satisfaction {
            Some(satisfaction) if errors.is_empty() => Ok(Self {
                satisfaction,
                improve,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forged_satisfaction_value_is_refused() {
        let errors = FeedbackAnswers::parse(Some("delighted"), None).err();
        assert_eq!(
            errors.and_then(|e| e.for_field("satisfaction")),
            Some("feedback-error-satisfaction-missing")
        );
    }

    #[test]
    fn both_problems_are_reported_together() {
        let long = "x".repeat(IMPROVE_MAX_CHARS + 1);
        let errors = FeedbackAnswers::parse(None, Some(&long))
            .err()
            .unwrap_or_default();
        assert_eq!(errors.0.len(), 2);
    }

    #[test]
    fn improve_is_optional() {
        let answers = FeedbackAnswers::parse(Some("satisfied"), Some("   "));
        assert_eq!(
            answers,
            Ok(FeedbackAnswers {
                satisfaction: Satisfaction::Satisfied,
                improve: None
            })
        );
    }

    #[test]
    fn contact_details_are_removed_from_what_could_be_better() {
        let answers = FeedbackAnswers::parse(
            Some("satisfied"),
            Some("Call me on 07700900777 or +44 7700 900777, or a@b.example"),
        );
        let improve = answers
            .ok()
            .and_then(|a| a.improve)
            .map(BoundedText::into_string);
        assert_eq!(
            improve.as_deref(),
            Some("Call me on [number removed] or [number removed], or [email removed]")
        );
    }
}
