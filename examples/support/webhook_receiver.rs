//! A local webhook receiver for the examples that deliver alerts (`crash_test --alerts`,
//! `outbox_bench`): it checks every signature with `alerts::webhook::verify`, as a force system
//! would, and counts deliveries by `Idempotency-Key`, so repeats can be told from new alerts.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use saferstreets::alerts::webhook;

/// What arrived, shared with the handler.
#[derive(Default)]
pub struct Receiver {
    /// The shared secret the service signs with.
    pub secret: String,
    /// Each answer waits a random time below this, so a kill can land while deliveries are
    /// in flight (zero: answer at once).
    pub max_delay: Duration,
    /// Idempotency key → (report reference, times received).
    pub got: Mutex<HashMap<String, (String, usize)>>,
    pub requests: AtomicUsize,
    pub bad_signatures: AtomicUsize,
    /// Requests being answered now.
    pub active: AtomicUsize,
}

/// Counts a request as active until dropped.
struct Active<'a>(&'a AtomicUsize);

impl Drop for Active<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The `POST` handler: 401 for a bad signature, else 200 and the delivery counted.
pub async fn receive(
    State(r): State<std::sync::Arc<Receiver>>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    r.requests.fetch_add(1, Ordering::Relaxed);
    r.active.fetch_add(1, Ordering::SeqCst);
    let _active = Active(&r.active);
    if !r.max_delay.is_zero() {
        let most = u64::try_from(r.max_delay.as_millis()).unwrap_or(u64::MAX);
        tokio::time::sleep(Duration::from_millis(fastrand::u64(0..most))).await;
    }
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    // The service signs with its real clock, so the receiver checks against it too.
    #[allow(clippy::disallowed_methods)]
    let now = jiff::Timestamp::now().as_second();
    if !webhook::verify(
        r.secret.as_bytes(),
        &header(webhook::TIMESTAMP),
        &body,
        &header(webhook::SIGNATURE),
        now,
        300,
    ) {
        r.bad_signatures.fetch_add(1, Ordering::Relaxed);
        return StatusCode::UNAUTHORIZED;
    }
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    let reference = json["report_id"].as_str().unwrap_or_default().to_owned();
    r.got
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .entry(header(webhook::IDEMPOTENCY_KEY))
        .or_insert((reference, 0))
        .1 += 1;
    StatusCode::OK
}
