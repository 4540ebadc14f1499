#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Fault injection. Fail points (compiled in only with `--features failpoints`) break the
//! storage before its commit, the SQLite writer queue before and after its commit, the draft
//! store, and the send handler between the commit and the response. Whatever breaks, no
//! reference is shown without a committed report, no panic reaches the visitor, and the
//! visitor sees "not sent, try again" with the answers kept; trying again gives one report.
//!
//! A binary of its own because fail points are global to a process; `FailScenario` runs these
//! tests one at a time.

#[allow(dead_code)]
#[path = "../integration/flows.rs"]
mod flows;
#[allow(dead_code)]
#[path = "../integration/helpers.rs"]
mod helpers;

use fail::FailScenario;

use flows::{place, stalking};
use helpers::{Page, TestApp, TestDb, spawn_app_with};

async fn apps() -> Vec<TestApp> {
    let mut apps = Vec::new();
    for db in TestDb::all().await {
        apps.push(spawn_app_with(db, |_| {}, None).await);
    }
    apps
}

/// The "not sent" page, with the answers kept and no reference on it.
fn assert_not_sent(page: &Page, stored: Option<&str>) {
    assert_eq!(page.status, 503, "{}", page.body);
    assert!(
        page.h1().ends_with("not been sent"),
        "the not-sent page: {}",
        page.h1()
    );
    assert!(page.texts(".app-reference").is_empty());
    if let Some(reference) = stored {
        assert!(!page.body.contains(reference), "a reference was shown");
    }
    assert_no_internals(page);
}

fn assert_no_internals(page: &Page) {
    for leak in [
        "panicked",
        "fail point",
        "injected",
        ".rs:",
        "sqlx",
        "RUST_BACKTRACE",
    ] {
        assert!(!page.body.contains(leak), "{leak} reached the visitor");
    }
}

/// Press "Try again" on a not-sent page.
async fn try_again(app: &TestApp, page: &Page, action: &str) -> Page {
    let submission = page.attrs("input[name=submission]", "value").remove(0);
    app.post_form(action, &[("submission", &submission)]).await
}

async fn stalking_to_check(app: &TestApp) -> String {
    stalking::complete(app, stalking::NAMED_BY_PHONE).await;
    let check = app.get("/report-stalking/check").await;
    check.attrs("input[name=submission]", "value").remove(0)
}

/// The reference stored for a submission.
async fn stored(app: &TestApp, submission: &str) -> String {
    app.state
        .store
        .stalking_reference_for(submission)
        .await
        .unwrap()
        .expect("a stored report")
}

async fn reports(app: &TestApp) -> i64 {
    app.state.store.count_stalking_reports().await.unwrap()
}

#[tokio::test]
async fn a_failure_before_commit_stores_nothing_and_shows_not_sent() {
    let scenario = FailScenario::setup();
    for app in apps().await {
        let submission = stalking_to_check(&app).await;
        fail::cfg("store.before_commit", "return").unwrap();
        let page = app
            .post_form("/report-stalking/check", &[("submission", &submission)])
            .await;
        assert_not_sent(&page, None);
        assert_eq!(reports(&app).await, 0);
        // The answers are still there.
        let check = app.get("/report-stalking/check").await;
        assert_eq!(check.status, 200);
        assert!(check.body.contains("Alex Example"));
        fail::remove("store.before_commit");
        let sent = try_again(&app, &page, "/report-stalking/check").await;
        assert_eq!(sent.header("location"), "/report-stalking/confirmation");
        assert_eq!(reports(&app).await, 1);

        // The place report too.
        let submission = place::to_check(&app).await;
        fail::cfg("store.before_commit", "return").unwrap();
        let page = app
            .post_form("/unsafe-place/check", &[("submission", &submission)])
            .await;
        assert_not_sent(&page, None);
        assert_eq!(app.state.store.count_place_reports().await.unwrap(), 0);
        fail::remove("store.before_commit");
        let sent = try_again(&app, &page, "/unsafe-place/check").await;
        assert_eq!(sent.header("location"), "/unsafe-place/confirmation");
        assert_eq!(app.state.store.count_place_reports().await.unwrap(), 1);
    }
    scenario.teardown();
}

#[tokio::test]
async fn a_failure_after_commit_never_shows_a_reference_and_a_retry_finds_the_report() {
    let scenario = FailScenario::setup();
    for app in apps().await {
        let submission = stalking_to_check(&app).await;
        fail::cfg("send.after_commit", "return").unwrap();
        let page = app
            .post_form("/report-stalking/check", &[("submission", &submission)])
            .await;
        // Stored, but the visitor was not told so: never the other way round.
        assert_eq!(reports(&app).await, 1);
        let stored = stored(&app, &submission).await;
        assert_not_sent(&page, Some(&stored));
        fail::remove("send.after_commit");
        let again = try_again(&app, &page, "/report-stalking/check").await;
        assert_eq!(again.header("location"), "/report-stalking/confirmation");
        let shown = app
            .get("/report-stalking/confirmation")
            .await
            .texts(".app-reference")
            .remove(0);
        assert_eq!(shown.replace('-', ""), stored);
        assert_eq!(reports(&app).await, 1, "trying again gives one report");
    }
    scenario.teardown();
}

#[tokio::test]
async fn a_panic_after_commit_reaches_the_visitor_as_a_plain_problem_page() {
    let scenario = FailScenario::setup();
    for app in apps().await {
        let submission = stalking_to_check(&app).await;
        fail::cfg("send.after_commit", "panic").unwrap();
        let page = app
            .post_form("/report-stalking/check", &[("submission", &submission)])
            .await;
        fail::remove("send.after_commit");
        assert_eq!(page.status, 500);
        assert_eq!(page.h1(), "Sorry, there is a problem with the service");
        assert_no_internals(&page);
        assert!(page.texts(".app-reference").is_empty());
        // Back to the answers: the report was stored, so the confirmation is shown.
        let check = app.get("/report-stalking/check").await;
        assert_eq!(check.header("location"), "/report-stalking/confirmation");
        assert_eq!(reports(&app).await, 1);
    }
    scenario.teardown();
}

#[tokio::test]
async fn a_broken_draft_store_shows_not_sent_and_loses_nothing() {
    let scenario = FailScenario::setup();
    for app in apps().await {
        let submission = stalking_to_check(&app).await;
        fail::cfg("draft.load", "return").unwrap();
        let page = app
            .post_form("/report-stalking/check", &[("submission", &submission)])
            .await;
        assert_not_sent(&page, None);
        assert_eq!(reports(&app).await, 0);
        fail::remove("draft.load");

        // Saving an answer fails: a problem page, and the earlier answers stay.
        fail::cfg("draft.save", "return").unwrap();
        let page = app
            .post_form("/report-stalking/threats", &[("answer", "no")])
            .await;
        fail::remove("draft.save");
        assert_eq!(page.status, 500);
        assert_no_internals(&page);
        let check = app.get("/report-stalking/check").await;
        assert_eq!(check.status, 200);
        assert!(check.body.contains("Alex Example"));

        let sent = try_again(&app, &check, "/report-stalking/check").await;
        assert_eq!(sent.header("location"), "/report-stalking/confirmation");
        assert_eq!(reports(&app).await, 1);
    }
    scenario.teardown();
}

#[tokio::test]
async fn the_sqlite_writer_queue_loses_nothing_it_acknowledged() {
    let scenario = FailScenario::setup();
    // The group-commit writer is SQLite's (PostgreSQL commits per request).
    let app = spawn_app_with(TestDb::sqlite(), |_| {}, None).await;
    let submission = stalking_to_check(&app).await;
    fail::cfg("writer.before_commit", "return").unwrap();
    let page = app
        .post_form("/report-stalking/check", &[("submission", &submission)])
        .await;
    fail::remove("writer.before_commit");
    assert_not_sent(&page, None);
    assert_eq!(reports(&app).await, 0);

    // Committed, then the reply is lost (as if the process died): not sent is shown, and
    // trying again finds the stored report.
    // The token first: fetching it must not be the write whose reply is lost.
    let token = app.csrf_token().await;
    fail::cfg("writer.after_commit", "1*return").unwrap();
    let page = app
        .post_raw(
            "/report-stalking/check",
            &[("csrf", &token), ("submission", &submission)],
            &[],
        )
        .await;
    fail::remove("writer.after_commit");
    assert_eq!(reports(&app).await, 1);
    let stored = stored(&app, &submission).await;
    assert_not_sent(&page, Some(&stored));
    let again = try_again(&app, &page, "/report-stalking/check").await;
    assert_eq!(again.header("location"), "/report-stalking/confirmation");
    assert_eq!(reports(&app).await, 1);
    scenario.teardown();
}
