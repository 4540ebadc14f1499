//! The online stalking and harassment report: its questions (as data), the order they are
//! asked in, the priority they imply, and the reference a sent report gets.

pub mod answers;
pub mod flow;
pub mod priority;
pub mod questions;
pub mod reference;

pub use answers::{Answers, Value};
pub use flow::Step;
