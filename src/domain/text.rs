//! Free text typed by the public: trimmed, with line endings normalised and a length limit
//! counted in characters (what the character-count component shows), not bytes.

/// Why a piece of text was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextError {
    /// More characters than allowed.
    TooLong,
}

/// Text that is non-empty and no longer than its limit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoundedText(String);

impl BoundedText {
    /// `Ok(None)` for blank input; `Err` when over `max` characters.
    pub fn parse(raw: &str, max: usize) -> Result<Option<Self>, TextError> {
        // Keep newlines and tabs, drop other control characters: they are never meant.
        let cleaned: String = raw
            .replace("\r\n", "\n")
            .chars()
            .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
            .collect();
        let trimmed = cleaned.trim();
        if trimmed.is_empty() {
            return Ok(None);
        }
        if trimmed.chars().count() > max {
            return Err(TextError::TooLong);
        }
        Ok(Some(Self(trimmed.to_owned())))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, owned.
    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_text_is_no_answer() {
        assert_eq!(BoundedText::parse("  \r\n ", 10), Ok(None));
    }

    #[test]
    fn limit_counts_characters_not_bytes() {
        assert!(BoundedText::parse("ééééé", 5).is_ok_and(|t| t.is_some()));
        assert_eq!(BoundedText::parse("éééééé", 5), Err(TextError::TooLong));
    }

    #[test]
    fn control_characters_are_dropped_but_newlines_kept() {
        let text = BoundedText::parse("a\u{0}b\r\nc", 10).ok().flatten();
        assert_eq!(text.map(BoundedText::into_string), Some("ab\nc".to_owned()));
    }
}
