//! Free text typed by the public: trimmed, with line endings normalised and a length limit
//! counted in characters (what the character-count component shows), not bytes; and the
//! scrubbing of contact details out of text that is kept.

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

    /// The same text with contact details replaced ([`scrub`]). May exceed the limit by the
    /// markers' length: the limit is for what was typed.
    #[must_use]
    pub fn scrubbed(self) -> Self {
        Self(scrub(&self.0))
    }

    /// The text, owned.
    pub fn into_string(self) -> String {
        self.0
    }
}

/// Free text with email addresses and phone numbers replaced, so a description or a comment
/// cannot carry contact details into stored data (place reports, feedback). Hand-written: two simple scans beat a regex crate
/// for these two shapes.
pub fn scrub(text: &str) -> String {
    let words: Vec<String> = text
        .split_inclusive(char::is_whitespace)
        .map(|w| {
            let bare = w.trim_end();
            if bare.contains('@') && bare.contains('.') {
                format!("[email removed]{}", &w[bare.len()..])
            } else {
                w.to_owned()
            }
        })
        .collect();
    scrub_phones(&words.concat())
}

/// Replace runs of 9 or more digits (allowing spaces, dashes, dots, brackets and a leading +
/// between them) with a marker.
fn scrub_phones(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit()
            || (chars[i] == '+' && chars.get(i + 1).is_some_and(char::is_ascii_digit))
        {
            let mut j = i;
            let mut digits = 0;
            let mut last_digit = i;
            while j < chars.len() && (chars[j].is_ascii_digit() || " -.()+".contains(chars[j])) {
                if chars[j].is_ascii_digit() {
                    digits += 1;
                    last_digit = j;
                }
                j += 1;
            }
            if digits >= 9 {
                out.push_str("[number removed]");
                i = last_digit + 1;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
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

    #[test]
    fn phone_numbers_written_together_or_international_are_removed() {
        for text in [
            "ring 07700900777 tonight",
            "ring +447700900777 tonight",
            "ring +44 7700 900777 tonight",
        ] {
            let clean = scrub(text);
            assert_eq!(clean, "ring [number removed] tonight", "{text}");
        }
    }
}
