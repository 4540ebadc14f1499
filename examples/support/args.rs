//! Command-line options for the examples: `--name value` pairs, read without a parser crate
//! because each example takes two or three and prints its usage in its doc comment.

/// The value after `--name`, if given.
pub fn text_arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

/// The number after `--name`, or `default`.
#[allow(dead_code)] // not every example takes a number
pub fn arg(name: &str, default: u64) -> u64 {
    text_arg(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
