//! Proof of work for the send step while the service is under load.
//!
//! The server hands out a challenge `id.expires.bits.mac`, signed with a key derived from the
//! service secret (so any instance can check what another issued). The browser finds a number
//! `n` such that SHA-256(`{challenge}:{n}`) starts with `bits` zero bits and sends it with the
//! report. A challenge works once (its id is claimed in the shared database), and only until
//! it expires.
//!
//! Written here rather than taken from a crate: it is a few lines over `sha2` and our HMAC,
//! and the crates on offer (e.g. Hashcash stamps) fix a format the browser script would then
//! have to parse. The browser side is `assets/src/app.js` (Web Crypto's SHA-256).

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::clock::Timestamp;
use crate::http::state::hmac;

/// How long a challenge can be answered.
pub const LIFETIME_SECONDS: i64 = 10 * 60;

/// A checked answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solved {
    /// The challenge's id, to be claimed once.
    pub id: String,
    /// When the challenge expires (the claim can be forgotten then).
    pub expires: Timestamp,
}

/// Why an answer was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalid {
    /// No challenge or no answer was sent (no JavaScript, or an old browser).
    Missing,
    /// Not a challenge of ours.
    Forged,
    /// Too old.
    Expired,
    /// The number does not give enough zero bits.
    Wrong,
}

fn mac(key: &[u8], body: &str) -> String {
    hex::encode(&hmac(key, body.as_bytes())[..16])
}

/// A new challenge needing `bits` zero bits.
pub fn issue(key: &[u8], bits: u8, now: Timestamp) -> String {
    let id = hex::encode(crate::random::bytes::<16>());
    let body = format!("{id}.{}.{bits}", now + LIFETIME_SECONDS);
    let mac = mac(key, &body);
    format!("{body}.{mac}")
}

/// Leading zero bits of a hash.
pub fn leading_zero_bits(hash: &[u8]) -> u32 {
    let mut bits = 0;
    for byte in hash {
        if *byte == 0 {
            bits += 8;
        } else {
            return bits + byte.leading_zeros();
        }
    }
    bits
}

fn work(challenge: &str, nonce: &str) -> u32 {
    leading_zero_bits(&Sha256::digest(format!("{challenge}:{nonce}").as_bytes()))
}

/// Check an answer to a challenge.
pub fn verify(
    key: &[u8],
    challenge: Option<&str>,
    nonce: Option<&str>,
    now: Timestamp,
) -> Result<Solved, Invalid> {
    let (Some(challenge), Some(nonce)) = (challenge, nonce) else {
        return Err(Invalid::Missing);
    };
    if challenge.is_empty() || nonce.is_empty() {
        return Err(Invalid::Missing);
    }
    let Some((body, given)) = challenge.rsplit_once('.') else {
        return Err(Invalid::Forged);
    };
    // Constant-time comparison of the signature, as for every secret we compare.
    let expected = mac(key, body);
    let same: bool = expected.as_bytes().ct_eq(given.as_bytes()).into();
    if !same {
        return Err(Invalid::Forged);
    }
    let mut parts = body.split('.');
    let (Some(id), Some(expires), Some(bits), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Invalid::Forged);
    };
    let (Ok(expires), Ok(bits)) = (expires.parse::<i64>(), bits.parse::<u32>()) else {
        return Err(Invalid::Forged);
    };
    if now >= expires {
        return Err(Invalid::Expired);
    }
    if nonce.len() > 20
        || !nonce.bytes().all(|b| b.is_ascii_digit())
        || work(challenge, nonce) < bits
    {
        return Err(Invalid::Wrong);
    }
    Ok(Solved {
        id: id.to_owned(),
        expires,
    })
}

/// Find an answer (as the browser does): for tests and benchmarks.
pub fn solve(challenge: &str) -> String {
    let bits = challenge
        .split('.')
        .nth(2)
        .and_then(|b| b.parse::<u32>().ok())
        .unwrap_or(0);
    let mut n: u64 = 0;
    loop {
        let nonce = n.to_string();
        if work(challenge, &nonce) >= bits {
            return nonce;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"test key";
    const NOW: i64 = 1_795_694_400;

    #[test]
    fn an_answer_is_accepted_once_solved_and_only_while_fresh() {
        let c = issue(KEY, 8, NOW);
        let n = solve(&c);
        let ok = verify(KEY, Some(&c), Some(&n), NOW).unwrap();
        assert_eq!(ok.expires, NOW + LIFETIME_SECONDS);
        assert_eq!(ok.id.len(), 32);
        assert_eq!(
            verify(KEY, Some(&c), Some(&n), NOW + LIFETIME_SECONDS),
            Err(Invalid::Expired)
        );
    }

    #[test]
    fn forged_wrong_and_missing_answers_are_refused() {
        let c = issue(KEY, 12, NOW);
        let n = solve(&c);
        assert_eq!(
            verify(b"other key", Some(&c), Some(&n), NOW),
            Err(Invalid::Forged)
        );
        // Lowering the difficulty breaks the signature.
        let easier = c.replacen(".12.", ".0.", 1);
        assert_eq!(
            verify(KEY, Some(&easier), Some("0"), NOW),
            Err(Invalid::Forged)
        );
        let wrong = (0..)
            .map(|i: u64| i.to_string())
            .find(|x| work(&c, x) < 12)
            .unwrap();
        assert_eq!(
            verify(KEY, Some(&c), Some(&wrong), NOW),
            Err(Invalid::Wrong)
        );
        assert_eq!(verify(KEY, Some(&c), Some("-1"), NOW), Err(Invalid::Wrong));
        assert_eq!(verify(KEY, Some(&c), None, NOW), Err(Invalid::Missing));
        assert_eq!(verify(KEY, Some(""), Some("1"), NOW), Err(Invalid::Missing));
        assert_eq!(
            verify(KEY, Some("no-dots"), Some("1"), NOW),
            Err(Invalid::Forged)
        );
    }

    #[test]
    fn zero_bits_are_counted_across_bytes() {
        assert_eq!(leading_zero_bits(&[0, 0, 0b0001_0000]), 19);
        assert_eq!(leading_zero_bits(&[0x80]), 0);
        assert_eq!(leading_zero_bits(&[0, 0]), 16);
    }
}
