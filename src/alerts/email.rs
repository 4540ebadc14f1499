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
