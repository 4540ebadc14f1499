//! /report-stalking routes beyond the main flow: a report for someone else (the questions
//! about them, sealed, coded, shown on check answers and to staff, weighed by the priority
//! rules), the interruption card after high-risk answers, and the confirmation tailored to
//! the route taken.

use saferstreets::domain::staff::Role;
use saferstreets::domain::stalking::{Answers, Value};

use crate::flows::stalking::{ANONYMOUS_FOR_OTHER, NAMED_BY_PHONE, SAFETY, answer_all, complete};
use crate::helpers::{Browser, Page, TestApp, spawn_app};
use crate::staff::staff_browser;

fn url(slug: &str) -> String {
    format!("/report-stalking/{slug}")
}

/// Send from the check page; the confirmation page (shown once).
async fn send_and_confirm(b: &Browser) -> Page {
    let check = b.get(&url("check")).await;
    assert_eq!(check.status, 200, "{}", check.h1());
    let submission = check.attrs("input[name=submission]", "value").remove(0);
    let sent = b
        .post_form(&url("check"), &[("submission", &submission)])
        .await;
    assert_eq!(sent.header("location"), url("confirmation"));
    b.get(&url("confirmation")).await
}

/// The stored report of a confirmation page: its row id, priority, raw sealed bytes and answers.
async fn stored(app: &TestApp, confirmation: &Page) -> (i64, String, Vec<u8>, Answers) {
    let reference = confirmation.texts(".app-reference").remove(0);
    let (row, answers) = crate::report_stalking::stored_answers(app, &reference).await;
    (row.id, row.report.priority, row.report.sealed, answers)
}

fn routes(page: &Page) -> Vec<String> {
    page.attrs("[data-route]", "data-route")
}

/// ANONYMOUS_FOR_OTHER with the answers about the person it is happening to replaced.
fn for_other_with(about: &[(&'static str, &'static str)]) -> Vec<crate::flows::Step> {
    let mut steps: Vec<crate::flows::Step> = ANONYMOUS_FOR_OTHER
        .iter()
        .filter(|(slug, _)| {
            ![
                "their-name",
                "your-relationship-to-them",
                "do-they-know",
                "safe-to-contact-them",
                "how-to-contact-them",
                "their-phone",
            ]
            .contains(slug)
        })
        .copied()
        .collect();
    let at = steps
        .iter()
        .position(|(slug, _)| *slug == "who-for")
        .expect("who-for")
        + 1;
    for (i, (slug, answer)) in about.iter().enumerate() {
        let fields: &'static [(&'static str, &'static str)] =
            Box::leak(vec![("answer", *answer)].into_boxed_slice());
        steps.insert(at + i, (slug, fields));
    }
    steps
}

#[tokio::test]
async fn a_report_for_someone_else_asks_about_them_seals_it_and_shows_it_to_staff() {
    let app = spawn_app().await;
    complete(&app, ANONYMOUS_FOR_OTHER).await;
    let check = app.get(&url("check")).await;
    let keys = check.texts(".govuk-summary-list__key");
    let values = check.texts(".govuk-summary-list__value");
    let row = |key: &str| {
        keys.iter()
            .position(|k| k == key)
            .map(|i| values[i].clone())
            .unwrap_or_else(|| panic!("no row {key}: {keys:?}"))
    };
    assert_eq!(row("Their name"), "Sam Sister");
    assert_eq!(row("How you know them"), "I am a family member");
    assert_eq!(row("They know about this report"), "No");
    assert_eq!(row("Safe to contact them"), "Yes");
    assert_eq!(row("How to contact them"), "By phone");
    assert_eq!(row("Their phone number"), "07700 900123");

    let confirmation = send_and_confirm(&app).await;
    let (id, priority, sealed, answers) = stored(&app, &confirmation).await;
    assert_eq!(
        answers.get("your-relationship-to-them"),
        Some(&Value::One("family".into())),
        "choices are stored as codes"
    );
    assert_eq!(answers.get("do-they-know"), Some(&Value::One("no".into())));
    assert_eq!(
        answers.get("their-name"),
        Some(&Value::Text(Some("Sam Sister".into())))
    );
    for secret in [&b"Sam Sister"[..], b"07700 900123", b"family"] {
        assert!(
            !sealed.windows(secret.len()).any(|w| w == secret),
            "sealed at rest"
        );
    }
    assert_eq!(priority, "standard", "they can be contacted safely");

    let (staff, _) = staff_browser(
        &app,
        "kit@northshire.example",
        Role::Investigator,
        "northshire",
    )
    .await;
    let case = staff.get(&format!("/staff/reports/{id}")).await;
    assert_eq!(case.status, 200, "{}", case.body);
    let about = case.texts("[data-victim] .govuk-summary-list__value");
    assert_eq!(
        about,
        [
            "Sam Sister",
            "I am a family member",
            "No",
            "Yes",
            "By phone",
            "07700 900123"
        ]
    );
    assert!(case.body.contains("The person it is happening to"));
}

#[tokio::test]
async fn someone_who_does_not_know_and_cannot_be_contacted_safely_is_read_sooner() {
    let app = spawn_app().await;
    let steps = for_other_with(&[
        ("their-name", ""),
        ("your-relationship-to-them", "professional"),
        ("do-they-know", "no"),
        ("safe-to-contact-them", "no"),
    ]);
    complete(&app, &steps).await;
    let check = app.get(&url("check")).await;
    assert!(
        !check
            .texts(".govuk-summary-list__key")
            .contains(&"How to contact them".to_owned()),
        "not asked how when it is not safe"
    );
    let confirmation = send_and_confirm(&app).await;
    let (id, priority, _, _) = stored(&app, &confirmation).await;
    assert_eq!(priority, "high");
    let (staff, _) = staff_browser(
        &app,
        "kit@northshire.example",
        Role::Investigator,
        "northshire",
    )
    .await;
    let case = staff.get(&format!("/staff/reports/{id}")).await;
    assert!(
        case.texts("li").contains(
            &"The victim does not know about the report and cannot be contacted safely".to_owned()
        ),
        "the reason is shown"
    );
}

#[tokio::test]
async fn someone_reporting_for_another_is_not_asked_their_own_date_of_birth_or_address() {
    let app = spawn_app().await;
    complete(&app, ANONYMOUS_FOR_OTHER).await;
    let named = app
        .post_form(
            &url("your-name-or-anonymous"),
            &[("answer", "named"), ("change", "check")],
        )
        .await;
    assert_eq!(named.header("location"), url("name") + "?change=check");
    let next = app
        .post_form(
            &url("name"),
            &[("answer", "Jo Reporter"), ("change", "check")],
        )
        .await;
    assert_eq!(
        next.header("location"),
        url("contact") + "?change=check",
        "straight to how to contact the reporter"
    );
    assert_eq!(
        app.get(&url("date-of-birth")).await.status,
        303,
        "not on the path"
    );
}

#[tokio::test]
async fn high_risk_answers_are_followed_by_what_to_do_now_then_the_report_goes_on() {
    let app = spawn_app().await;
    let upto_weapons = NAMED_BY_PHONE
        .iter()
        .position(|(slug, _)| *slug == "weapons")
        .expect("weapons");
    answer_all(&app, &NAMED_BY_PHONE[..upto_weapons]).await;
    assert_eq!(
        app.get(SAFETY).await.header("location"),
        url("weapons"),
        "not before the risk questions are answered"
    );
    let after = app.post_form(&url("weapons"), &[("answer", "no")]).await;
    assert_eq!(after.header("location"), SAFETY, "threats and fear");
    let card = app.get(SAFETY).await;
    assert_eq!(card.status, 200);
    assert_eq!(card.texts(".govuk-panel--interruption h1").len(), 1);
    let tel = card.attrs(".govuk-panel--interruption a[href^='tel:']", "href");
    assert_eq!(tel, ["tel:999", "tel:18000"]);
    let text = card.texts(".govuk-panel--interruption").remove(0);
    for fact in ["press 55", "landline", "emergency SMS", "read it before"] {
        assert!(text.contains(fact), "{fact}: {text}");
    }
    assert_eq!(
        card.attrs(".govuk-panel__actions a.govuk-button", "href"),
        [url("where")]
    );
    assert_eq!(card.attrs(".govuk-back-link", "href"), [url("weapons")]);
}

#[tokio::test]
async fn answers_without_high_risk_go_straight_on() {
    let app = spawn_app().await;
    let upto_weapons = ANONYMOUS_FOR_OTHER
        .iter()
        .position(|(slug, _)| *slug == "weapons")
        .expect("weapons");
    answer_all(&app, &ANONYMOUS_FOR_OTHER[..=upto_weapons + 1]).await;
    assert_eq!(
        app.get(SAFETY).await.header("location"),
        url("what-happened"),
        "nothing to interrupt: on to where the answers lead"
    );
}

#[tokio::test]
async fn a_change_to_a_high_risk_answer_shows_the_card_then_returns_to_check() {
    let app = spawn_app().await;
    complete(&app, ANONYMOUS_FOR_OTHER).await;
    let changed = app
        .post_form(&url("afraid"), &[("answer", "yes"), ("change", "check")])
        .await;
    assert_eq!(changed.header("location"), format!("{SAFETY}?change=check"));
    let card = app.get(&format!("{SAFETY}?change=check")).await;
    assert_eq!(
        card.attrs(".govuk-panel__actions a.govuk-button", "href"),
        [url("check")]
    );
    assert!(
        card.h1().contains("keeping them safe"),
        "worded for someone else"
    );
    // Already high-risk: a second change does not interrupt again.
    let again = app
        .post_form(&url("weapons"), &[("answer", "yes"), ("change", "check")])
        .await;
    assert_eq!(again.header("location"), url("check"));
}

#[tokio::test]
async fn the_confirmation_for_a_named_high_risk_report_says_it_is_read_first() {
    let app = spawn_app().await;
    complete(&app, NAMED_BY_PHONE).await;
    let page = send_and_confirm(&app).await;
    assert_eq!(routes(&page), ["urgent", "named"]);
    assert!(page.attrs("main a[href='tel:999']", "href").len() == 1);
    let body = page.texts("main").remove(0);
    assert!(body.contains("read before others"), "{body}");
    assert!(!body.contains("anonymously"), "{body}");
}

#[tokio::test]
async fn the_confirmation_for_an_anonymous_standard_report_says_only_that() {
    let app = spawn_app().await;
    complete(&app, ANONYMOUS_FOR_OTHER).await;
    let page = send_and_confirm(&app).await;
    assert_eq!(routes(&page), ["standard", "anonymous"]);
    let body = page.texts("main").remove(0);
    assert!(body.contains("within 2 working days"), "{body}");
    assert!(!body.contains("in the way and at the times you chose"));
}
