//! Form decoding and validation: arbitrary bytes as the urlencoded body of a question page,
//! decoded as `save_step` decodes it (serde_html_form into `StepForm`), then validated as the
//! answer to every question of both public forms.
//!
//! Checked besides "no panic": a refusal always names a field and a message to show; an
//! accepted answer, shown again on a Change visit and sent back unchanged, gives the same
//! answer; it survives the draft's JSON.

#![no_main]

use jiff::civil::{Date, date};
use libfuzzer_sys::fuzz_target;
use saferstreets::domain::answers::{self, Answers, Raw, Value};
use saferstreets::domain::flow::{self, Flow};
use saferstreets::domain::place::UnsafePlace;
use saferstreets::domain::stalking::flow::Stalking;
use saferstreets::http::multipage::StepForm;
use saferstreets::http::multipage::views::Widget;

/// Fields a question page has (the error summary links to them).
const FIELDS: [&str; 8] = [
    "answer", "other", "day", "month", "year", "postcode", "address", "q",
];

fuzz_target!(|body: &[u8]| {
    // A body serde_html_form refuses is a 400 in the handler: nothing more to check.
    let Ok(form) = serde_html_form::from_bytes::<StepForm>(body) else {
        return;
    };
    let raw = form.into_raw();
    let today = date(2026, 11, 25);
    every_question::<Stalking>(&raw, today);
    every_question::<UnsafePlace>(&raw, today);
});

fn every_question<F: Flow>(raw: &Raw, today: Date) {
    for &step in F::steps() {
        let (kind, errors) = (F::kind(step), F::errors(step));
        // The page shown again with what was typed.
        let _ = Widget::from_raw(kind, raw);
        match answers::parse(kind, errors, raw, today) {
            Ok(value) => {
                let shown = Raw::from_value(&value);
                let again = answers::parse(kind, errors, &shown, today);
                assert_eq!(again.as_ref(), Ok(&value), "{step:?}: {raw:?} → {shown:?}");
                let _ = Widget::from_answer(kind, Some(&value));
                let json = serde_json::to_string(&value).expect("an answer serialises");
                let back: Value = serde_json::from_str(&json).expect("and reads back");
                assert_eq!(back, value);
                let mut answers = Answers::default();
                answers.set(F::slug(step), value);
                let _ = F::cross_check(step, &answers);
                flow::prune::<F>(&mut answers);
                let _ = flow::next::<F>(&answers);
            }
            Err(problems) => {
                assert!(!problems.is_empty(), "{step:?} refused {raw:?} with no message");
                for p in &problems.0 {
                    assert!(!p.message.is_empty(), "{step:?}: blank message for {raw:?}");
                    assert!(FIELDS.contains(&p.field), "{step:?}: field {}", p.field);
                }
            }
        }
    }
}
