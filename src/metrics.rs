//! Operational metrics: the names, labels and buckets in one place, and the Prometheus
//! recorder that `serve --metrics-listen` exposes on its own address.
//!
//! Call sites use the small functions here, never the `metrics` macros directly, so every
//! label set stays bounded and free of personal data: route *patterns* (never raw paths),
//! report kinds and priorities, sizes and durations. Without `--metrics-listen` no recorder is
//! installed and each call costs a relaxed atomic load.

use std::sync::Mutex;
use std::time::Duration;

use ::metrics::{counter, gauge, histogram};
use metrics_exporter_prometheus::{BuildError, Matcher, PrometheusBuilder, PrometheusHandle};

/// Requests served, by route pattern, method and status.
pub const REQUESTS: &str = "saferstreets_http_requests_total";
/// Request latency in seconds, by route pattern and method.
pub const REQUEST_SECONDS: &str = "saferstreets_http_request_duration_seconds";
/// Reports newly stored, by kind (`stalking`, `place`) and priority (`none` for place reports).
pub const REPORTS: &str = "saferstreets_reports_received_total";
/// Requests committed together by SQLite's group-commit writer.
pub const BATCH_SIZE: &str = "saferstreets_group_commit_batch_size";
/// Place reports counted by the in-memory hotspot index.
pub const HOTSPOT_REPORTS: &str = "saferstreets_hotspot_index_reports";
/// Seconds the last hotspot index (re)build took (the first one reads every report).
pub const HOTSPOT_BUILD_SECONDS: &str = "saferstreets_hotspot_index_build_seconds";

/// Latency buckets: 1 ms to 10 s.
const LATENCY_BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];
/// Batch-size buckets, up to the writer's largest batch (256).
const BATCH_BUCKETS: [f64; 9] = [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0];

static HANDLE: Mutex<Option<PrometheusHandle>> = Mutex::new(None);

/// Whether [`install`] ran: without a recorder, [`request`] returns before it builds its
/// labels (three small allocations a request; issue 15).
static INSTALLED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Install the process-wide Prometheus recorder once; later calls return the same handle, so
/// several servers in one test process share it.
pub fn install() -> Result<PrometheusHandle, BuildError> {
    let mut slot = HANDLE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(handle) = slot.as_ref() {
        return Ok(handle.clone());
    }
    let recorder = PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Full(REQUEST_SECONDS.to_owned()), &LATENCY_BUCKETS)?
        .set_buckets_for_metric(Matcher::Full(BATCH_SIZE.to_owned()), &BATCH_BUCKETS)?
        .build_recorder();
    let handle = recorder.handle();
    ::metrics::set_global_recorder(recorder)?;
    INSTALLED.store(true, std::sync::atomic::Ordering::Relaxed);
    *slot = Some(handle.clone());
    Ok(handle)
}

/// One request answered: `route` is the matched pattern (`/report-stalking/{slug}`), or
/// `unmatched` for a path no route knows.
pub fn request(route: &str, method: &str, status: u16, elapsed: Duration) {
    if !INSTALLED.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let route = route.to_owned();
    let method = method.to_owned();
    counter!(REQUESTS, "route" => route.clone(), "method" => method.clone(), "status" => status.to_string())
        .increment(1);
    histogram!(REQUEST_SECONDS, "route" => route, "method" => method).record(elapsed.as_secs_f64());
}

/// A report newly stored (not a repeated send of one already stored).
pub fn report_received(kind: &'static str, priority: &str) {
    counter!(REPORTS, "kind" => kind, "priority" => priority.to_owned()).increment(1);
}

/// One group commit of `size` requests.
pub fn commit_batch(size: usize) {
    histogram!(BATCH_SIZE).record(size as f64);
}

/// The hotspot index now holds `reports`, built in `took`.
pub fn hotspot_index(reports: usize, took: Duration) {
    gauge!(HOTSPOT_REPORTS).set(reports as f64);
    gauge!(HOTSPOT_BUILD_SECONDS).set(took.as_secs_f64());
}

/// Alert deliveries, by channel (`email`, `webhook`) and outcome (`delivered`, `failed`).
pub const ALERT_DELIVERIES: &str = "saferstreets_alert_deliveries_total";
/// Alerts in the outbox not delivered yet.
pub const ALERT_BACKLOG: &str = "saferstreets_alert_outbox_backlog";

/// One alert delivery attempt ended.
pub fn alert_delivery(channel: &str, outcome: &'static str) {
    counter!(ALERT_DELIVERIES, "channel" => channel.to_owned(), "outcome" => outcome).increment(1);
}

/// The outbox holds `n` undelivered alerts.
pub fn alert_backlog(n: i64) {
    gauge!(ALERT_BACKLOG).set(n as f64);
}
