//! /report-stalking: the victim's report, every branch, every validation error, drafts,
//! double submits, failures and privacy.

use saferstreets::domain::purpose::report as report_purpose;
use saferstreets::domain::reference::Reference;
use saferstreets::domain::stalking::{Answers, Value};

use crate::helpers::{Page, TestApp, spawn_app};

pub use crate::flows::stalking::{ANONYMOUS_FOR_OTHER, NAMED_BY_PHONE, answer_all, complete, send};

fn url(slug: &str) -> String {
    format!("/report-stalking/{slug}")
}

pub async fn stored_answers(
    app: &TestApp,
    reference: &str,
) -> (saferstreets::storage::StalkingReportRow, Answers) {
    let compact = Reference::parse(reference).expect("valid reference");
    let row = app
        .state
        .store
        .stalking_report(compact.as_compact())
        .await
        .expect("get")
        .expect("stored");
    let json = app
        .state
        .keyring
        .open(
            &row.report.sealed,
            &report_purpose(&row.report.submission_id),
        )
        .expect("decrypt");
    (row, serde_json::from_slice(&json).expect("answers"))
}

#[tokio::test]
async fn the_start_page_explains_the_report_and_starts_it() {
    let app = spawn_app().await;
    let start = app.get("/report-stalking").await;
    assert_eq!(start.h1(), "Report stalking or harassment");
    assert!(start.texts("main").join(" ").contains("call 999"));
    assert!(start.body.contains("about 15 minutes"));
    assert!(start.body.contains("without giving your name"));
    assert_eq!(
        start.attrs("a.govuk-button--start", "href"),
        ["/report-stalking/danger"]
    );
    let first = app.get("/report-stalking/danger").await;
    assert_eq!(first.status, 200);
    assert_eq!(first.h1(), "Are you or anyone else in immediate danger?");
    assert_eq!(
        first.attrs(".govuk-back-link", "href"),
        ["/report-stalking"]
    );
}

#[tokio::test]
async fn immediate_danger_stops_the_report_at_999() {
    let app = spawn_app().await;
    let page = app.post_form(&url("danger"), &[("answer", "yes")]).await;
    assert_eq!(page.header("location"), "/report-stalking/emergency");
    let emergency = app.get(&url("emergency")).await;
    assert_eq!(emergency.h1(), "Call 999 now");
    assert!(emergency.body.contains("18000") && emergency.body.contains("55"));
    // The report does not go on.
    let onwards = app.get(&url("who-for")).await;
    assert_eq!(onwards.header("location"), "/report-stalking/emergency");
    // Changing the answer lets it go on.
    let changed = app.post_form(&url("danger"), &[("answer", "no")]).await;
    assert_eq!(changed.header("location"), url("who-for"));
}

#[tokio::test]
async fn a_named_report_is_sent_with_its_priority_and_stored_encrypted() {
    let app = spawn_app().await;
    complete(&app, NAMED_BY_PHONE).await;
    let check = app.get(&url("check")).await;
    let keys = check.texts(".govuk-summary-list__key");
    assert_eq!(
        keys.len(),
        NAMED_BY_PHONE.len() - 1,
        "every answer but the danger question: {keys:?}"
    );
    let values = check.texts(".govuk-summary-list__value");
    assert!(values.contains(&"March 2025".to_owned()), "{values:?}");
    assert!(values.contains(&"27 March 1990".to_owned()));
    assert!(
        values.contains(&"1 Example Street SW1A 1AA".to_owned()),
        "{values:?}"
    );
    assert!(
        values.contains(
            &"Following Tracking with a device or app Something else Sends parcels".to_owned()
        ),
        "{values:?}"
    );
    assert!(
        values.contains(&"Not given".to_owned()),
        "blank optional answers say so"
    );
    assert!(
        check
            .attrs(".govuk-summary-list__actions a", "href")
            .iter()
            .all(|h| h.ends_with("?change=check"))
    );

    let reference = send(&app).await;
    assert!(
        Reference::parse(&reference).is_some(),
        "{reference} carries a valid check character"
    );
    let (row, answers) = stored_answers(&app, &reference).await;
    assert_eq!(
        row.report.priority, "urgent",
        "threats, escalation, fear, ex-partner, daily"
    );
    let reasons: Vec<String> = serde_json::from_str(&row.report.reasons).expect("reasons");
    assert_eq!(reasons[0], "threats-to-harm");
    assert!(reasons.contains(&"ex-partner".to_owned()) && reasons.contains(&"tracking".to_owned()));
    assert_eq!(row.report.force_code, "northshire");
    assert_eq!(row.status, "new");
    assert_eq!(
        answers.get("name"),
        Some(&Value::Text(Some("Alex Example".into())))
    );
    assert_eq!(
        answers.get("address"),
        Some(&Value::Address {
            postcode: "SW1A 1AA".into(),
            address: Some("1 Example Street".into())
        })
    );
    assert!(!row.report.sealed.windows(12).any(|w| w == b"Alex Example"));
}

#[tokio::test]
async fn an_anonymous_report_for_someone_else_skips_identity_and_contact() {
    let app = spawn_app().await;
    let who = app.post_form(&url("danger"), &[("answer", "no")]).await;
    assert_eq!(who.header("location"), url("who-for"));
    complete(&app, ANONYMOUS_FOR_OTHER).await;
    let page = app.get(&url("what-is-happening")).await;
    assert_eq!(
        page.texts("legend h1"),
        ["What is happening to them?"],
        "worded for someone else"
    );
    let check = app.get(&url("check")).await;
    let keys = check.texts(".govuk-summary-list__key");
    assert!(
        !keys
            .iter()
            .any(|k| k.contains("name") && k != "Name or anonymous" && k != "Their name"),
        "{keys:?}"
    );
    let reference = send(&app).await;
    let (row, answers) = stored_answers(&app, &reference).await;
    assert_eq!(row.report.priority, "standard");
    assert!(!answers.has("name") && !answers.has("contact"));
}

#[tokio::test]
async fn changing_to_anonymous_forgets_the_name_already_given() {
    let app = spawn_app().await;
    answer_all(&app, NAMED_BY_PHONE).await;
    let change = app.get(&url("your-name-or-anonymous?change=check")).await;
    assert_eq!(change.attrs("input[name=change]", "value"), ["check"]);
    assert_eq!(
        change.attrs(".govuk-back-link", "href"),
        ["/report-stalking/check"]
    );
    let back = app
        .post_form(
            &url("your-name-or-anonymous"),
            &[("answer", "anonymous"), ("change", "check")],
        )
        .await;
    assert_eq!(back.header("location"), "/report-stalking/check");
    let check = app.get(&url("check")).await;
    assert!(!check.body.contains("Alex Example") && !check.body.contains("07700"));
    let reference = send(&app).await;
    let (_, answers) = stored_answers(&app, &reference).await;
    assert!(!answers.has("name") && !answers.has("phone") && !answers.has("address"));
}

#[tokio::test]
async fn a_change_that_opens_new_questions_asks_them_then_returns_to_check() {
    let app = spawn_app().await;
    answer_all(&app, ANONYMOUS_FOR_OTHER).await;
    let next = app
        .post_form(
            &url("your-name-or-anonymous"),
            &[("answer", "named"), ("change", "check")],
        )
        .await;
    assert_eq!(
        next.header("location"),
        "/report-stalking/name?change=check"
    );
    let check_first = app.get(&url("check")).await;
    assert_eq!(
        check_first.header("location"),
        url("name"),
        "cannot send with questions unanswered"
    );
    app.post_form(
        &url("name"),
        &[("answer", "Sam Example"), ("change", "check")],
    )
    .await;
    app.post_form(
        &url("date-of-birth"),
        &[
            ("day", "1"),
            ("month", "1"),
            ("year", "1980"),
            ("change", "check"),
        ],
    )
    .await;
    app.post_form(
        &url("address"),
        &[("postcode", "M1 1AE"), ("change", "check")],
    )
    .await;
    let contact = app
        .post_form(&url("contact"), &[("answer", "none"), ("change", "check")])
        .await;
    assert_eq!(
        contact.header("location"),
        "/report-stalking/do-not-contact?change=check"
    );
    let done = app
        .post_form(
            &url("do-not-contact"),
            &[("answer", ""), ("change", "check")],
        )
        .await;
    assert_eq!(done.header("location"), "/report-stalking/check");
}

#[tokio::test]
async fn later_questions_cannot_be_reached_before_earlier_ones() {
    let app = spawn_app().await;
    let fresh = app.get(&url("what-happened")).await;
    assert_eq!(fresh.status, 303);
    assert_eq!(fresh.header("location"), url("danger"));
    let posted = app
        .post_form(&url("what-happened"), &[("answer", "x")])
        .await;
    assert_eq!(posted.header("location"), url("danger"));
    answer_all(&app, &NAMED_BY_PHONE[..3]).await;
    let skip = app.get(&url("phone")).await;
    assert_eq!(
        skip.header("location"),
        url("more-than-once"),
        "to the first unanswered question"
    );
    assert_eq!(
        app.get(&url("check")).await.header("location"),
        url("more-than-once")
    );
    assert_eq!(
        app.get(&url("confirmation")).await.header("location"),
        "/report-stalking"
    );
    assert_eq!(app.get(&url("no-such-question")).await.status, 404);
}

#[tokio::test]
async fn sending_twice_gives_one_report_and_the_same_reference() {
    let app = spawn_app().await;
    answer_all(&app, NAMED_BY_PHONE).await;
    let check = app.get(&url("check")).await;
    let submission = check.attrs("input[name=submission]", "value").remove(0);
    // A double click: two sends before either answer arrives.
    let check_url = url("check");
    let fields = [("submission", submission.as_str())];
    let (a, b) = tokio::join!(
        app.post_form(&check_url, &fields),
        app.post_form(&check_url, &fields)
    );
    assert_eq!((a.status, b.status), (303, 303));
    let first = app
        .get(&url("confirmation"))
        .await
        .texts(".app-reference")
        .remove(0);
    assert_eq!(
        first.replace('-', ""),
        app.state
            .store
            .stalking_reference_for(&submission)
            .await
            .expect("lookup")
            .expect("stored")
    );
    // Back to the check page (from the browser's history) and Send again; then a refresh.
    // The confirmation was seen, so it is not shown again (attacks::sessions), and nothing
    // more is stored.
    let again = app
        .post_form(&url("check"), &[("submission", &submission)])
        .await;
    assert_eq!(again.status, 303);
    assert_ne!(again.header("location"), "/report-stalking/confirmation");
    let refreshed = app.get(&url("confirmation")).await;
    assert!(refreshed.texts(".app-reference").is_empty());
    assert_eq!(
        app.state
            .store
            .count_stalking_reports()
            .await
            .expect("count"),
        1
    );
}

#[tokio::test]
async fn after_sending_the_answers_are_gone_from_the_session() {
    let app = spawn_app().await;
    answer_all(&app, NAMED_BY_PHONE).await;
    send(&app).await;
    // Back to the check page shows neither the answers nor (it was seen) the confirmation.
    assert_eq!(
        app.get(&url("check")).await.header("location"),
        url("danger")
    );
    let first = app.get(&url("danger")).await;
    assert!(
        first.attrs("input[checked]", "value").is_empty(),
        "a new report starts empty"
    );
}

#[tokio::test]
async fn a_storage_failure_says_not_sent_and_keeps_the_answers() {
    let app = spawn_app().await;
    answer_all(&app, NAMED_BY_PHONE).await;
    let pool = sqlx::SqlitePool::connect(&app.state.config.database_url)
        .await
        .expect("pool");
    sqlx::query("ALTER TABLE stalking_reports RENAME TO stalking_reports_away")
        .execute(&pool)
        .await
        .expect("rename");
    let check = app.get(&url("check")).await;
    let submission = check.attrs("input[name=submission]", "value").remove(0);
    let failed = app
        .post_form(&url("check"), &[("submission", &submission)])
        .await;
    assert_eq!(failed.status, 503);
    assert_eq!(failed.h1(), "Your report has not been sent");
    assert!(!failed.body.contains("stalking_reports"), "no SQL shown");
    assert!(
        failed.texts(".app-reference").is_empty(),
        "no reference without a stored report"
    );
    assert_eq!(
        failed.attrs("form input[name=submission]", "value"),
        std::slice::from_ref(&submission)
    );

    sqlx::query("ALTER TABLE stalking_reports_away RENAME TO stalking_reports")
        .execute(&pool)
        .await
        .expect("rename back");
    let check = app.get(&url("check")).await;
    assert!(check.body.contains("Alex Example"), "answers kept");
    let retried = app
        .post_form(&url("check"), &[("submission", &submission)])
        .await;
    assert_eq!(retried.header("location"), "/report-stalking/confirmation");
    assert_eq!(
        app.state
            .store
            .count_stalking_reports()
            .await
            .expect("count"),
        1
    );
}

#[tokio::test]
async fn an_idle_draft_expires_with_an_explanation() {
    let app = spawn_app().await;
    answer_all(&app, &NAMED_BY_PHONE[..4]).await;
    app.clock.advance(59 * 60);
    assert_eq!(
        app.get(&url("when-it-started")).await.status,
        200,
        "still there after 59 minutes"
    );
    app.clock.advance(60 * 60);
    let expired = app.get(&url("when-it-started")).await;
    assert_eq!(expired.status, 200);
    assert_eq!(expired.h1(), "Your answers have been deleted");
    assert!(expired.body.contains("60 minutes"));
    // And it really is gone: the next visit starts again.
    assert_eq!(
        app.get(&url("how-often")).await.header("location"),
        url("danger")
    );
    answer_all(&app, &NAMED_BY_PHONE[..2]).await;
    app.clock.advance(2 * 60 * 60);
    let post = app
        .post_form(&url("what-is-happening"), &[("answer", "following")])
        .await;
    assert_eq!(post.h1(), "Your answers have been deleted");
}

#[tokio::test]
async fn quick_exit_in_the_middle_deletes_the_draft() {
    let app = spawn_app().await;
    answer_all(&app, &NAMED_BY_PHONE[..14]).await;
    let exit = app.get("/exit").await;
    assert_eq!(exit.status, 303);
    assert!(app.session_cookie().is_none());
    // Even with the old cookie (a browser that ignored Clear-Site-Data), nothing is left.
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
        .fetch_one(
            &sqlx::SqlitePool::connect(&app.state.config.database_url)
                .await
                .expect("pool"),
        )
        .await
        .expect("count");
    assert_eq!(count, 0);
}

#[tokio::test]
async fn every_page_of_the_flow_is_private() {
    let app = spawn_app().await;
    let mut pages = vec![app.get("/report-stalking").await];
    for (slug, fields) in NAMED_BY_PHONE {
        pages.push(app.get(&url(slug)).await);
        app.post_form(&url(slug), fields).await;
    }
    let check = app.get(&url("check")).await;
    let submission = check.attrs("input[name=submission]", "value").remove(0);
    pages.push(check);
    app.post_form(&url("check"), &[("submission", &submission)])
        .await;
    // The confirmation is shown once: this is that one time.
    let confirmation = app.get(&url("confirmation")).await;
    let reference = confirmation.texts(".app-reference").concat();
    assert!(!reference.is_empty());
    pages.push(confirmation);
    for page in &pages {
        assert_eq!(page.status, 200, "{}", page.title());
        assert_eq!(page.header("cache-control"), "no-store");
        for secret in [
            "Alex",
            "07700",
            "SW1A",
            "Example Street",
            reference.as_str(),
        ] {
            assert!(
                !page.title().contains(secret),
                "{secret} in title {}",
                page.title()
            );
        }
        for input in page.attrs(
            "input[type=text], input[type=tel], input[type=email], textarea",
            "autocomplete",
        ) {
            assert_eq!(input, "off");
        }
    }
}

async fn error_of(
    app: &TestApp,
    slug: &str,
    fields: &[(&str, &str)],
) -> (Vec<String>, Vec<String>, Page) {
    let page = app.post_form(&url(slug), fields).await;
    assert_eq!(page.status, 422, "{slug} {fields:?}");
    assert!(page.title().starts_with("Error: "), "{}", page.title());
    (
        page.texts(".govuk-error-summary__list a"),
        page.attrs(".govuk-error-summary__list a", "href"),
        page,
    )
}

#[tokio::test]
async fn every_kind_of_question_explains_what_is_wrong_and_keeps_the_answer() {
    let app = spawn_app().await;
    let (msg, href, _) = error_of(&app, "danger", &[]).await;
    assert_eq!(
        (msg, href),
        (
            vec!["Select yes if you or anyone else is in immediate danger".to_owned()],
            vec!["#answer".to_owned()]
        )
    );
    let (msg, _, _) = error_of(&app, "danger", &[("answer", "perhaps")]).await;
    assert_eq!(
        msg,
        ["Select yes if you or anyone else is in immediate danger"],
        "forged values are refused"
    );
    answer_all(&app, &NAMED_BY_PHONE[..2]).await;

    let (msg, _, page) = error_of(
        &app,
        "what-is-happening",
        &[("answer", "other"), ("other", &"x".repeat(201))],
    )
    .await;
    assert_eq!(
        msg,
        ["What else is happening must be 200 characters or fewer"]
    );
    assert_eq!(
        page.attrs("input[name=answer][checked]", "value"),
        ["other"],
        "ticks kept"
    );
    assert_eq!(
        page.texts("#other-error"),
        ["Error: What else is happening must be 200 characters or fewer"]
    );
    let (msg, _, _) = error_of(&app, "what-is-happening", &[("answer", "flying")]).await;
    assert_eq!(msg, ["Select what is happening"]);
    answer_all(&app, &NAMED_BY_PHONE[2..4]).await;

    for (fields, message, href) in [
        (vec![], "Enter when it started", "#month"),
        (
            vec![("month", "13"), ("year", "2024")],
            "When it started must be a real date",
            "#month",
        ),
        (
            vec![("day", "30"), ("month", "2"), ("year", "2024")],
            "When it started must be a real date",
            "#day",
        ),
        (
            vec![("month", "12"), ("year", "2026")],
            "When it started must be today or in the past",
            "#month",
        ),
        (
            vec![("year", "2024")],
            "When it started must include a month and a year",
            "#month",
        ),
        (
            vec![("month", "3"), ("year", "24")],
            "When it started must be a real date",
            "#year",
        ),
    ] {
        let (msg, hrefs, page) = error_of(&app, "when-it-started", &fields).await;
        assert_eq!(
            (msg[0].as_str(), hrefs[0].as_str()),
            (message, href),
            "{fields:?}"
        );
        if let Some((_, v)) = fields.iter().find(|(k, _)| *k == "year") {
            assert_eq!(
                page.attrs("input#year", "value"),
                [v.to_string()],
                "typed year kept"
            );
        }
    }
    answer_all(&app, &NAMED_BY_PHONE[4..13]).await;

    let long = "é".repeat(5001);
    let (msg, href, page) = error_of(&app, "what-happened", &[("answer", &long)]).await;
    assert_eq!(
        (msg, href),
        (
            vec!["What has happened must be 5,000 characters or fewer".to_owned()],
            vec!["#answer".to_owned()]
        )
    );
    assert_eq!(page.texts("textarea#answer"), std::slice::from_ref(&long));
    let (msg, _, _) = error_of(&app, "what-happened", &[("answer", "   ")]).await;
    assert_eq!(msg, ["Enter what has happened"]);
    answer_all(&app, &NAMED_BY_PHONE[13..14]).await;

    let (msg, _, _) = error_of(&app, "evidence", &[("answer", "diary"), ("answer", "none")]).await;
    assert_eq!(
        msg,
        ["Select the evidence you have, or select that you do not have any, not both"]
    );
    answer_all(&app, &NAMED_BY_PHONE[14..17]).await;

    let (msg, _, _) = error_of(
        &app,
        "date-of-birth",
        &[("day", "1"), ("month", "1"), ("year", "2030")],
    )
    .await;
    assert_eq!(msg, ["Date of birth must be in the past"]);
    let (msg, href, _) = error_of(&app, "date-of-birth", &[("month", "1"), ("year", "1990")]).await;
    assert_eq!(
        (msg[0].as_str(), href[0].as_str()),
        ("Date of birth must include a day, month and year", "#day")
    );
    answer_all(&app, &NAMED_BY_PHONE[17..18]).await;

    let (msg, href, _) = error_of(&app, "address", &[("postcode", "NOT A CODE")]).await;
    assert_eq!(
        (msg, href),
        (
            vec!["Enter a real postcode, like SW1A 1AA".to_owned()],
            vec!["#postcode".to_owned()]
        )
    );
    answer_all(&app, &NAMED_BY_PHONE[18..20]).await;

    let (msg, _, page) = error_of(&app, "phone", &[("answer", "call me maybe")]).await;
    assert!(msg[0].starts_with("Enter a phone number, like"));
    assert_eq!(page.attrs("input#answer", "value"), ["call me maybe"]);
    assert_eq!(page.attrs("input#answer", "type"), ["tel"]);
}

#[tokio::test]
async fn email_is_asked_only_when_chosen_and_checked() {
    let app = spawn_app().await;
    answer_all(&app, &NAMED_BY_PHONE[..19]).await;
    let to = app.post_form(&url("contact"), &[("answer", "email")]).await;
    assert_eq!(to.header("location"), url("email"));
    let (msg, _, _) = error_of(&app, "email", &[("answer", "not-an-address")]).await;
    assert_eq!(
        msg,
        ["Enter an email address in the correct format, like name@example.com"]
    );
    let ok = app
        .post_form(&url("email"), &[("answer", "safe@example.org")])
        .await;
    assert_eq!(ok.header("location"), url("safe-times"));
    let next = app.post_form(&url("safe-times"), &[("answer", "")]).await;
    assert_eq!(
        next.header("location"),
        url("do-not-contact"),
        "no voicemail question for email"
    );
}

/// Answers that break each question's rule: empty for required questions, one character over
/// the limit for optional ones.
fn invalid_answer(step: saferstreets::domain::stalking::Step) -> Vec<(&'static str, String)> {
    use saferstreets::domain::stalking::questions::Kind;
    match step.kind() {
        Kind::Text {
            optional: true,
            max,
            ..
        } => vec![("answer", "x".repeat(max + 1))],
        _ => Vec::new(),
    }
}

#[tokio::test]
async fn every_question_has_its_own_error_message_linked_from_the_summary() {
    use saferstreets::domain::stalking::Step;
    let app = spawn_app().await;
    let text = app.state.text.default_catalog();
    // The phone branch, then the email branch through "Change".
    let mut seen = std::collections::BTreeSet::new();
    for (slug, fields) in NAMED_BY_PHONE {
        let step = Step::from_slug(slug).expect("step");
        let bad = invalid_answer(step);
        let refs: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (messages, hrefs, page) = error_of(&app, slug, &refs).await;
        let errors = step.errors();
        let expected = if bad.is_empty() {
            errors.missing
        } else {
            errors.invalid
        };
        assert_eq!(messages, [text.t(expected)], "{slug}");
        let target = hrefs[0].trim_start_matches('#');
        assert_eq!(
            page.attrs(&format!("#{target}"), "name").len(),
            1,
            "{slug}: summary link #{target} has a field"
        );
        seen.insert(*slug);
        app.post_form(&url(slug), fields).await;
    }
    app.post_form(&url("contact"), &[("answer", "email"), ("change", "check")])
        .await;
    let (messages, _, _) = error_of(&app, "email", &[]).await;
    assert_eq!(messages, [text.t(Step::Email.errors().missing)]);
    seen.insert("email");
    // The branch about someone else, through "Change", then its email branch.
    app.post_form(&url("who-for"), &[("answer", "other"), ("change", "check")])
        .await;
    let branch: &[(&str, &[(&str, &str)])] = &[
        ("their-name", &[("answer", "Sam")]),
        ("your-relationship-to-them", &[("answer", "friend")]),
        ("do-they-know", &[("answer", "yes")]),
        ("safe-to-contact-them", &[("answer", "yes")]),
        ("how-to-contact-them", &[("answer", "phone")]),
        ("their-phone", &[("answer", "07700 900123")]),
    ];
    for (slug, fields) in branch {
        let step = Step::from_slug(slug).expect("step");
        let bad = invalid_answer(step);
        let refs: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (messages, _, _) = error_of(&app, slug, &refs).await;
        let errors = step.errors();
        let expected = if bad.is_empty() {
            errors.missing
        } else {
            errors.invalid
        };
        assert_eq!(messages, [text.t(expected)], "{slug}");
        seen.insert(*slug);
        let mut fields = fields.to_vec();
        fields.push(("change", "check"));
        app.post_form(&url(slug), &fields).await;
    }
    app.post_form(
        &url("how-to-contact-them"),
        &[("answer", "email"), ("change", "check")],
    )
    .await;
    let (messages, _, _) = error_of(&app, "their-email", &[]).await;
    assert_eq!(messages, [text.t(Step::TheirEmail.errors().missing)]);
    seen.insert("their-email");
    let all: std::collections::BTreeSet<&str> = Step::ALL.iter().map(|s| s.slug()).collect();
    assert_eq!(seen, all, "every question was tried");
}
