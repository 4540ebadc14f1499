//! Small view models shared by templates.

/// One option of a radios or checkboxes component.
#[derive(Clone, Copy, Debug)]
pub struct Choice {
    /// The submitted value.
    pub value: &'static str,
    /// Message id of the label.
    pub label: &'static str,
    /// Message id of the hint, or empty.
    pub hint: &'static str,
}

impl Choice {
    /// An option without a hint.
    pub const fn new(value: &'static str, label: &'static str) -> Self {
        Self {
            value,
            label,
            hint: "",
        }
    }
}

/// One checkbox, with whether it is ticked.
#[derive(Clone, Copy, Debug)]
pub struct CheckItem {
    /// The submitted value.
    pub value: &'static str,
    /// Message id of the label.
    pub label: &'static str,
    /// Ticked.
    pub checked: bool,
    /// A "none of these" box that unticks the others.
    pub exclusive: bool,
}
