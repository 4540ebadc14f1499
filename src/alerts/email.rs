//! The alert email: that a report is waiting, when it came, and a link to its case page. No
//! reference, no priority reasons, nothing the victim wrote: mailboxes are forwarded, synced
//! to phones and kept for years, and the case page is behind a staff sign-in anyway.

use lettre::message::{Mailbox, Message, header::ContentType};

use crate::storage::Alert;

/// The subject line (it says no more than the body).
pub fn subject(alert: &Alert) -> &'static str {
    if alert.priority == "urgent" {
        "An urgent report is waiting"
    } else {
        "A high-priority report is waiting"
    }
}

/// The plain-text body. `case_url` is the staff case page; `received` the time as staff read
/// it (UK time).
pub fn text(alert: &Alert, received: &str, case_url: &str) -> String {
    format!(
        "{}.\n\nReceived: {received} (UK time)\n\nOpen the case (staff sign-in needed):\n{case_url}\n\n\
         This email leaves out what the report says, on purpose. Please do not forward it.\n",
        subject(alert)
    )
}

/// The message for `alert`. Its Message-ID is made from the alert's idempotency key, so a retry
/// after a lost reply carries the same id and mail systems that drop repeats can do so.
pub fn message(
    from: &Mailbox,
    to: &Mailbox,
    alert: &Alert,
    received: &str,
    case_url: &str,
) -> Result<Message, lettre::error::Error> {
    Message::builder()
        .from(from.clone())
        .to(to.clone())
        .subject(subject(alert))
        .message_id(Some(format!(
            "<{}@saferstreets.alert>",
            alert.idempotency_key
        )))
        .header(ContentType::TEXT_PLAIN)
        .body(text(alert, received, case_url))
}

/// `at` as staff read times: UK date and time, e.g. `6 Dec 2026 03:31`.
pub fn uk_time(at: crate::clock::Timestamp) -> String {
    let tz = jiff::tz::TimeZone::get("Europe/London").unwrap_or(jiff::tz::TimeZone::UTC);
    jiff::Timestamp::from_second(at).map_or_else(
        |_| String::new(),
        |t| {
            t.to_zoned_datetime(tz)
                .strftime("%-d %b %Y %H:%M")
                .to_string()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alert(priority: &str) -> Alert {
        Alert {
            id: 1,
            idempotency_key: "0123456789abcdef0123456789abcdef".to_owned(),
            channel: "email".to_owned(),
            attempts: 1,
            report_id: 42,
            reference: "ABCD2345EFG".to_owned(),
            force_code: "northshire".to_owned(),
            priority: priority.to_owned(),
            received_at: 1_795_694_400,
        }
    }

    #[test]
    fn the_email_says_a_report_is_waiting_when_and_where_and_nothing_else() {
        let a = alert("urgent");
        let body = text(
            &a,
            &uk_time(a.received_at),
            "https://x.example/staff/reports/42",
        );
        assert!(body.starts_with("An urgent report is waiting.\n"));
        assert!(body.contains("Received: 26 Nov 2026 12:00 (UK time)"));
        assert!(body.contains("https://x.example/staff/reports/42"));
        assert!(!body.contains(&a.reference) && !body.contains("northshire"));
        assert_eq!(subject(&alert("high")), "A high-priority report is waiting");
    }

    #[test]
    fn uk_time_follows_summer_time() {
        // 1 July 2026 12:00 UTC is 13:00 in London.
        assert_eq!(uk_time(1_782_907_200), "1 Jul 2026 13:00");
    }
}
