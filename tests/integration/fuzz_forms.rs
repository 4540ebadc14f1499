//! Property test: whatever is typed into any field of the report (any Unicode, control
//! characters, markup, SQL-looking text, very long text) gives a page or a validation error,
//! never a server error, and is always HTML-escaped when shown again.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::helpers::spawn_app;
use crate::report_stalking::{NAMED_BY_PHONE, complete};

const FIELDS: [&str; 7] = [
    "answer", "other", "day", "month", "year", "postcode", "address",
];

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,300}",
        "[\\x00-\\x1f<>&\"']{0,50}",
        Just("'; DROP TABLE stalking_reports; --".to_owned()),
        Just("</textarea><script>alert(1)</script>".to_owned()),
        Just("\u{202e}\u{0}\u{feff}".to_owned()),
        proptest::collection::vec(any::<char>(), 4990..5100).prop_map(|c| c.into_iter().collect()),
    ]
}

#[test]
fn any_input_to_any_question_is_a_page_or_a_validation_error() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let app = runtime.block_on(async {
        let app = spawn_app().await;
        complete(&app, NAMED_BY_PHONE).await;
        app
    });
    let slugs: Vec<&str> = NAMED_BY_PHONE.iter().map(|(s, _)| *s).collect();
    let strategy = (
        proptest::sample::select(slugs),
        proptest::collection::vec(
            (proptest::sample::select(FIELDS.to_vec()), any_text()),
            1..4,
        ),
        0u32..1_000_000,
    );
    let mut runner = TestRunner::new(Config {
        cases: 96,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&strategy, |(slug, fields, marker)| {
            // A marker that cannot occur in our own markup shows whether typed text is escaped.
            let tag = format!("<b{marker}>");
            let typed: Vec<(&str, String)> = fields
                .iter()
                .map(|(f, v)| (*f, format!("{v}{tag}")))
                .collect();
            let refs: Vec<(&str, &str)> = typed.iter().map(|(f, v)| (*f, v.as_str())).collect();
            let page = runtime.block_on(app.post_form(&format!("/report-stalking/{slug}"), &refs));
            // 413: several fields of 5,000 four-byte characters can pass the body limit, which
            // gets the "too long" page.
            prop_assert!(
                matches!(page.status, 303 | 413 | 422),
                "{slug} {fields:?} gave {}",
                page.status
            );
            prop_assert!(
                !page.body.contains(&tag),
                "{slug}: typed markup was not escaped"
            );
            Ok(())
        })
        .expect("property holds");
    // Whatever was saved, the check page still renders.
    let check = runtime.block_on(app.get("/report-stalking/check"));
    assert!(matches!(check.status, 200 | 303), "{}", check.status);
}
