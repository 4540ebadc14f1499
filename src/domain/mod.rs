//! Validated types and the rules of each form. Nothing here knows about HTTP or SQL.

pub mod alert;
pub mod answers;
pub mod contacts;
pub mod date_filter;
pub mod disclosure;
pub mod feedback;
pub mod flow;
pub mod place;
pub mod purpose;
pub mod questions;
pub mod reference;
pub mod staff;
pub mod stalking;
pub mod text;

/// A problem with one answer: the field it belongs to and the message id that explains it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The form field (and the id of its input, for the error summary's link).
    pub field: &'static str,
    /// Message id in the Fluent catalogue.
    pub message: &'static str,
}

/// All problems with one submitted form, in page order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormErrors(pub Vec<FieldError>);

impl FormErrors {
    /// Record a problem.
    pub fn add(&mut self, field: &'static str, message: &'static str) {
        self.0.push(FieldError { field, message });
    }

    /// True when nothing was wrong.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The message id for a field, if it has a problem.
    pub fn for_field(&self, field: &str) -> Option<&'static str> {
        self.0.iter().find(|e| e.field == field).map(|e| e.message)
    }
}
