//! Random bytes from the operating system.

/// `N` random bytes. The OS generator does not fail on the platforms we run on; if it ever
/// does, the process must not carry on with predictable tokens, so it aborts.
pub fn bytes<const N: usize>() -> [u8; N] {
    let mut buf = [0u8; N];
    if let Err(e) = getrandom::fill(&mut buf) {
        tracing::error!(error = %e, "operating system random generator failed");
        std::process::abort();
    }
    buf
}
