//! The report's answers are the shared form answers (`domain::answers`).

pub use crate::domain::answers::*;
