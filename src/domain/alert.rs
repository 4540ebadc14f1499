//! Who is told when an urgent or high-priority stalking report arrives: the channels an alert
//! goes out on, and which priorities raise one.

use crate::domain::stalking::priority::Priority;

/// A way of telling the force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Channel {
    /// An email with no report content (SMTP).
    Email,
    /// A signed JSON POST to a force system.
    Webhook,
}

impl Channel {
    /// Every channel, in the order they are written to the outbox.
    pub const ALL: [Channel; 2] = [Channel::Email, Channel::Webhook];

    /// The code stored in the outbox and used as a metric label.
    pub fn code(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Webhook => "webhook",
        }
    }

    /// The channel stored as `code`.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// Whether a report of this priority raises an alert: urgent and high do, standard does not.
pub fn raises_alert(priority: Priority) -> bool {
    matches!(priority, Priority::Urgent | Priority::High)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urgent_and_high_raise_alerts_and_standard_does_not() {
        assert!(raises_alert(Priority::Urgent));
        assert!(raises_alert(Priority::High));
        assert!(!raises_alert(Priority::Standard));
    }

    #[test]
    fn channel_codes_read_back() {
        for c in Channel::ALL {
            assert_eq!(Channel::from_code(c.code()), Some(c));
        }
        assert_eq!(Channel::from_code("sms"), None);
    }
}
