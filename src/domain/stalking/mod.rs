//! The online stalking and harassment report: its questions (as data), the order they are
//! asked in, and the priority they imply (the reference a sent report gets is `domain::reference`,
//! shared with place reports).

pub mod answers;
pub mod flow;
pub mod priority;
pub mod questions;

pub use answers::{Answers, Value};
pub use flow::Step;
