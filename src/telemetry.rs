//! Logging set-up. Log lines carry route patterns, statuses and timings; handlers never log
//! form answers, and nothing logs client addresses.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

/// Install the global subscriber on stderr: JSON lines or readable text, level from
/// `RUST_LOG` (default `info`). Text is coloured only when stderr is a terminal, so a log
/// file, a pipe or journald never receives ANSI escape codes.
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    // A second call (tests) keeps the first subscriber.
    let _ = match format {
        LogFormat::Json => builder.json().with_ansi(false).try_init(),
        LogFormat::Text => builder
            .with_ansi(std::io::stderr().is_terminal())
            .try_init(),
    };
}
