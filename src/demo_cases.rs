//! Synthetic stalking reports for demonstrations and benchmarks of the staff queue: complete,
//! plausible answer sets (every one a valid path through the form), sealed like real reports,
//! with priorities assessed by the same rules (`app::stalking::sealed_report`). Names and
//! numbers are made up.

use crate::app::stalking::{self, SubmitError};
use crate::clock::Timestamp;
use crate::crypto::Keyring;
use crate::domain::answers::{Answers, Value};
use crate::storage::DynStore;

/// Reports written per transaction.
const BATCH: usize = 2_000;

const FIRST: &[&str] = &[
    "Alex", "Sam", "Jo", "Priya", "Tom", "Aisha", "Chris", "Megan", "Dan", "Zara",
];
const LAST: &[&str] = &["Example", "Sample", "Placeholder", "Madeup", "Fictional"];
const BEHAVIOURS: &[&str] = &[
    "following",
    "tracking",
    "turning-up",
    "messages",
    "threats",
    "damage",
];
const RELATIONSHIPS: &[&str] = &[
    "ex-partner",
    "partner",
    "family",
    "known",
    "colleague",
    "stranger",
];

fn pick<'a>(rng: &mut fastrand::Rng, from: &[&'a str]) -> &'a str {
    from.get(rng.usize(0..from.len()))
        .copied()
        .unwrap_or_default()
}

fn one(a: &mut Answers, q: &str, code: &str) {
    a.set(q, Value::One(code.to_owned()));
}

fn text(a: &mut Answers, q: &str, t: &str) {
    a.set(q, Value::Text(Some(t.to_owned())));
}

fn yes_no(rng: &mut fastrand::Rng, p: f64) -> &'static str {
    if rng.f64() < p { "yes" } else { "no" }
}

/// One plausible set of answers: a named report by the victim, to be contacted by phone.
pub fn answers(rng: &mut fastrand::Rng) -> Answers {
    let mut a = Answers::default();
    one(&mut a, "danger", "no");
    one(&mut a, "who-for", "self");
    let mut behaviours: Vec<String> = BEHAVIOURS
        .iter()
        .filter(|_| rng.f64() < 0.4)
        .map(|b| (*b).to_owned())
        .collect();
    if behaviours.is_empty() {
        behaviours.push("following".to_owned());
    }
    a.set(
        "what-is-happening",
        Value::Many {
            codes: behaviours,
            other: None,
        },
    );
    one(&mut a, "more-than-once", "yes");
    a.set(
        "when-it-started",
        Value::Date {
            day: None,
            month: rng.i8(1..=12),
            year: 2025,
        },
    );
    one(
        &mut a,
        "how-often",
        if rng.bool() { "daily" } else { "weekly" },
    );
    one(&mut a, "getting-worse", yes_no(rng, 0.4));
    one(&mut a, "who-is-doing-it", pick(rng, RELATIONSHIPS));
    text(
        &mut a,
        "describe-them",
        "Medium height, usually in a dark coat",
    );
    one(&mut a, "threats", yes_no(rng, 0.3));
    one(&mut a, "afraid", yes_no(rng, 0.6));
    one(&mut a, "weapons", yes_no(rng, 0.1));
    one(&mut a, "where", "both");
    text(
        &mut a,
        "what-happened",
        "Made-up demonstration report: they keep appearing near my home and my work.",
    );
    a.set(
        "evidence",
        Value::Many {
            codes: vec!["messages".to_owned()],
            other: None,
        },
    );
    one(&mut a, "your-name-or-anonymous", "named");
    text(
        &mut a,
        "name",
        &format!("{} {}", pick(rng, FIRST), pick(rng, LAST)),
    );
    a.set(
        "date-of-birth",
        Value::Date {
            day: Some(rng.i8(1..=28)),
            month: rng.i8(1..=12),
            year: rng.i16(1950..=2005),
        },
    );
    a.set(
        "address",
        Value::Address {
            postcode: "NS1 2AB".to_owned(),
            address: Some(format!("{} Example Street", rng.u8(1..200))),
        },
    );
    one(&mut a, "contact", "phone");
    text(
        &mut a,
        "phone",
        &format!("07700 900{:03}", rng.u16(0..1000)),
    );
    text(&mut a, "safe-times", "Weekday mornings");
    one(&mut a, "leave-message", yes_no(rng, 0.5));
    a.set("do-not-contact", Value::Text(None));
    a
}

/// Generate `n` reports for `force`, sent over the 90 days before `now`.
pub async fn generate_stalking_reports(
    store: &DynStore,
    keyring: &Keyring,
    force: &str,
    n: u64,
    seed: u64,
    now: Timestamp,
    mut progress: impl FnMut(u64),
) -> Result<u64, SubmitError> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut written = 0;
    let mut batch = Vec::with_capacity(BATCH);
    while written < n {
        let a = answers(&mut rng);
        let submission = format!("demo-case-{seed}-{}", written + batch.len() as u64);
        let created_at = now - i64::from(rng.u32(0..90 * 86_400));
        batch.push(stalking::sealed_report(
            &a,
            &submission,
            keyring,
            force,
            created_at,
        )?);
        if batch.len() == BATCH || written + batch.len() as u64 == n {
            store.insert_stalking_reports(&batch).await?;
            written += batch.len() as u64;
            batch.clear();
            progress(written);
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::flow;
    use crate::domain::stalking::flow::Stalking;

    #[test]
    fn demo_answers_are_a_complete_path_through_the_form() {
        let mut rng = fastrand::Rng::with_seed(3);
        for _ in 0..50 {
            let a = answers(&mut rng);
            assert_eq!(flow::next::<Stalking>(&a), flow::Next::Check, "{a:?}");
        }
    }
}
