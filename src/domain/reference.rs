//! Report references, for stalking reports and place-report receipts alike: random (not
//! sequential, not guessable), in Crockford's base-32 alphabet (no I, L, O or U, so nothing is
//! misread aloud), grouped for reading, with a check character
//! computed by the Luhn mod N algorithm, which catches any single mistyped character and most
//! swapped neighbours. Hand-written: it is twenty lines and no crate does Luhn mod 32.

use std::fmt;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Random characters in a reference (50 bits).
const RANDOM_CHARS: usize = 10;

/// A report reference like `K7QM-3XDR-HT9B`… (10 random characters and a check character).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Reference(String);

fn value(c: u8) -> Option<usize> {
    ALPHABET.iter().position(|a| *a == c)
}

fn check_char(payload: &[u8]) -> Option<u8> {
    let n = ALPHABET.len();
    let mut sum = 0;
    let mut double = true;
    for c in payload.iter().rev() {
        let mut v = value(*c)? * if double { 2 } else { 1 };
        v = v / n + v % n;
        sum += v;
        double = !double;
    }
    Some(ALPHABET[(n - sum % n) % n])
}

impl Reference {
    /// A new random reference.
    pub fn generate() -> Self {
        let random = crate::random::bytes::<RANDOM_CHARS>();
        let payload: Vec<u8> = random
            .iter()
            .map(|b| ALPHABET[(*b % 32) as usize])
            .collect();
        let check = check_char(&payload).unwrap_or(b'0');
        let mut all = payload;
        all.push(check);
        Self(String::from_utf8_lossy(&all).into_owned())
    }

    /// Parse what a person typed or read out: case, spaces and dashes do not matter, and the
    /// commonly confused letters are read as Crockford says (O→0, I/L→1).
    pub fn parse(text: &str) -> Option<Self> {
        let chars: Vec<u8> = text
            .bytes()
            .filter(|b| !b.is_ascii_whitespace() && *b != b'-')
            .map(|b| match b.to_ascii_uppercase() {
                b'O' => b'0',
                b'I' | b'L' => b'1',
                other => other,
            })
            .collect();
        if chars.len() != RANDOM_CHARS + 1 {
            return None;
        }
        let (payload, check) = chars.split_at(RANDOM_CHARS);
        (check_char(payload)? == check[0])
            .then(|| Self(String::from_utf8_lossy(&chars).into_owned()))
    }

    /// The compact form stored in the database.
    pub fn as_compact(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Reference {
    /// Grouped for reading aloud: `K7QM-3XDR-HT9`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.0;
        write!(f, "{}-{}-{}", &s[..4], &s[4..8], &s[8..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_references_parse_back_in_any_case_and_grouping() {
        for _ in 0..200 {
            let r = Reference::generate();
            let shown = r.to_string();
            assert_eq!(shown.len(), 13);
            assert_eq!(Reference::parse(&shown), Some(r.clone()));
            assert_eq!(
                Reference::parse(&shown.to_lowercase().replace('-', " ")),
                Some(r)
            );
        }
    }

    #[test]
    fn every_single_character_mistake_is_caught() {
        let r = Reference::generate();
        let compact = r.as_compact().as_bytes().to_vec();
        for i in 0..compact.len() {
            for c in ALPHABET {
                if *c == compact[i] {
                    continue;
                }
                let mut typo = compact.clone();
                typo[i] = *c;
                assert_eq!(Reference::parse(&String::from_utf8_lossy(&typo)), None);
            }
        }
    }

    #[test]
    fn references_are_not_sequential() {
        let a = Reference::generate();
        let b = Reference::generate();
        assert_ne!(a, b);
    }
}
