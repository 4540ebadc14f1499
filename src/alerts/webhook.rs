//! The signed webhook for force systems. The body names the report by its public reference
//! and gives its priority, force and time: nothing the victim wrote, no contact details.
//!
//! The signature is `sha256=` and the hex HMAC-SHA256, under the shared secret, of the
//! timestamp header's value, a `.`, and the exact body bytes (the scheme Stripe and Slack use):
//! binding the time stops an old delivery being replayed outside the receiver's window, and
//! signing the bytes sent avoids any question of JSON canonical form.

use hmac::{KeyInit, Mac};
use serde::Serialize;
use sha2::Sha256;

use crate::clock::Timestamp;
use crate::storage::Alert;

/// The signature header.
pub const SIGNATURE: &str = "X-Saferstreets-Signature";
/// The header with the signing time (Unix seconds).
pub const TIMESTAMP: &str = "X-Saferstreets-Timestamp";
/// The header a receiver drops repeats by: the same on every retry of one alert.
pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";

/// The JSON body.
#[derive(Debug, Serialize)]
pub struct Body<'a> {
    /// What happened: always `report.alert`.
    pub event: &'static str,
    /// The report's public reference. It is what the victim quotes when they call 101 and what
    /// staff search by, so a force system can link its incident to our case; it is random and
    /// opens nothing without a staff sign-in. (The database row id would differ between
    /// instances' restores and mean nothing outside this service.)
    pub report_id: &'a str,
    /// `urgent` or `high`.
    pub priority: &'a str,
    /// The force's code.
    pub force: &'a str,
    /// When the report was received, RFC 3339 UTC.
    pub received_at: String,
    /// The same as the `Idempotency-Key` header, for receivers that keep only the body.
    pub idempotency_key: &'a str,
}

/// The body for `alert`, as sent.
pub fn body(alert: &Alert) -> Result<Vec<u8>, serde_json::Error> {
    serde_json::to_vec(&Body {
        event: "report.alert",
        report_id: &alert.reference,
        priority: &alert.priority,
        force: &alert.force_code,
        received_at: rfc3339(alert.received_at),
        idempotency_key: &alert.idempotency_key,
    })
}

/// `sha256=<hex>` over `timestamp.body`.
pub fn signature(secret: &[u8], timestamp: Timestamp, body: &[u8]) -> String {
    let mut mac = mac(secret);
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// What a receiver does (also used by our tests): the signature matches, compared in constant
/// time, and the timestamp is within `window` seconds of `now`.
pub fn verify(
    secret: &[u8],
    timestamp: &str,
    body: &[u8],
    signature: &str,
    now: Timestamp,
    window: i64,
) -> bool {
    let Ok(at) = timestamp.parse::<Timestamp>() else {
        return false;
    };
    let Some(hex_sig) = signature.strip_prefix("sha256=") else {
        return false;
    };
    let Ok(given) = hex::decode(hex_sig) else {
        return false;
    };
    if (now - at).abs() > window {
        return false;
    }
    let mut mac = mac(secret);
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(body);
    mac.verify_slice(&given).is_ok()
}

fn mac(secret: &[u8]) -> hmac::Hmac<Sha256> {
    // HMAC takes keys of any length; this cannot fail.
    <hmac::Hmac<Sha256> as KeyInit>::new_from_slice(secret)
        .unwrap_or_else(|_| <hmac::Hmac<Sha256> as KeyInit>::new(&Default::default()))
}

fn rfc3339(at: Timestamp) -> String {
    jiff::Timestamp::from_second(at).map_or_else(|_| String::new(), |t| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alert() -> Alert {
        Alert {
            id: 7,
            idempotency_key: "k1".to_owned(),
            channel: "webhook".to_owned(),
            attempts: 1,
            report_id: 3,
            reference: "ABCD2345EFGH".to_owned(),
            force_code: "northshire".to_owned(),
            priority: "urgent".to_owned(),
            received_at: 1_795_694_400,
        }
    }

    #[test]
    fn the_body_holds_the_reference_priority_force_and_time_only() {
        let v: serde_json::Value = serde_json::from_slice(&body(&alert()).unwrap()).unwrap();
        let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "event",
                "force",
                "idempotency_key",
                "priority",
                "received_at",
                "report_id"
            ]
        );
        assert_eq!(v["received_at"], "2026-11-26T12:00:00Z");
    }

    #[test]
    fn a_signature_verifies_and_any_change_breaks_it() {
        let secret = b"0123456789abcdef0123456789abcdef";
        let body = body(&alert()).unwrap();
        let sig = signature(secret, 1000, &body);
        // Known answer, so the scheme cannot drift without this test noticing.
        let mut mac = mac(secret);
        mac.update(b"1000.");
        mac.update(&body);
        assert_eq!(
            sig,
            format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
        );
        assert!(verify(secret, "1000", &body, &sig, 1100, 300));
        assert!(!verify(secret, "1001", &body, &sig, 1100, 300));
        assert!(!verify(b"another secret", "1000", &body, &sig, 1100, 300));
        let mut changed = body.clone();
        changed[3] ^= 1;
        assert!(!verify(secret, "1000", &changed, &sig, 1100, 300));
        // Outside the replay window.
        assert!(!verify(secret, "1000", &body, &sig, 1400, 300));
        assert!(!verify(
            secret,
            "1000",
            &body,
            sig.trim_start_matches("sha256="),
            1100,
            300
        ));
    }
}
