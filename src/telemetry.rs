//! Logging set-up. Log lines carry route patterns, statuses and timings; handlers never log
//! form answers, and nothing logs client addresses.

use tracing_subscriber::EnvFilter;

/// Install the global subscriber: JSON lines or readable text, level from `RUST_LOG`
/// (default `info`).
pub fn init(json: bool) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    // A second call (tests) keeps the first subscriber.
    let _ = if json {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}
