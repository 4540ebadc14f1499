//! PostgreSQL itself going away under a running service (issue 18): a throwaway cluster
//! (`throwaway_pg.rs`) is stopped with `pg_ctl stop -m immediate` and started again while the
//! service keeps running. While it is down: `/readyz` 503, a send gets the "not sent, try
//! again" page (503) with the answers kept, other pages a 503 problem page, never a 500.
//! Once it is back: `/readyz` 200 and trying again sends, once, without restarting the service.
//!
//! Bounded: each request while the database is down waits at most the pool's acquire timeout
//! (3 s) or the readiness timeout (2 s); nothing here depends on how long anything takes.

use crate::flows::{place, stalking};
use crate::helpers::{Browser, Page, TestDb, spawn_app_with};
use crate::throwaway_pg::{Cluster, Durability};

/// A throwaway cluster, or `None` (with the reason printed) when PostgreSQL's server tools
/// are not installed. CI installs them, so there a missing `initdb` fails the test.
fn cluster() -> Option<Cluster> {
    match Cluster::create(Durability::Fast) {
        Ok(Some(cluster)) => Some(cluster),
        Ok(None) if std::env::var("CI").is_ok() => {
            panic!("CI must have PostgreSQL's initdb and pg_ctl (postgresql-15) for this test")
        }
        Ok(None) => {
            eprintln!(
                "SKIPPED: initdb/pg_ctl not found (set PG_BINDIR, or install postgresql-15): \
                 the database-outage test did not run"
            );
            None
        }
        Err(e) => panic!("could not make a throwaway PostgreSQL cluster: {e}"),
    }
}

fn assert_not_sent(page: &Page, submission: &str, heading: &str) {
    assert_eq!(page.status, 503, "{}", page.body);
    assert_eq!(page.h1(), heading);
    // Try again sends the same draft: the answers are kept under it.
    assert_eq!(
        page.attrs("input[name=submission]", "value"),
        vec![submission.to_owned()]
    );
    assert!(page.texts(".app-reference").is_empty(), "no reference");
    for leak in ["sqlx", "pool timed out", "connection refused", ".rs:"] {
        assert!(!page.body.contains(leak), "{leak} reached the visitor");
    }
}

async fn try_again(b: &Browser, page: &Page, action: &str) -> Page {
    let submission = page.attrs("input[name=submission]", "value").remove(0);
    b.post_form(action, &[("submission", &submission)]).await
}

#[tokio::test]
async fn postgres_stopping_gives_not_sent_pages_and_503_and_the_service_recovers_by_itself() {
    let Some(cluster) = cluster() else {
        return;
    };
    let db = TestDb {
        url: cluster.url(),
        dir: tempfile::tempdir().expect("temp dir"),
    };
    let app = spawn_app_with(db, |_| {}, None).await;
    assert_eq!(app.get("/readyz").await.status, 200);

    // Two victims on their check pages; a third half way through a report.
    stalking::complete(&app, stalking::NAMED_BY_PHONE).await;
    let check = app.get("/report-stalking/check").await;
    let submission = check.attrs("input[name=submission]", "value").remove(0);
    let other = Browser::new(&app.base);
    let place_submission = place::to_check(&other).await;
    let third = Browser::new(&app.base);
    stalking::answer_all(&third, &stalking::NAMED_BY_PHONE[..3]).await;

    let mut not_sent = None;
    for round in 1..=2 {
        cluster.stop_immediate().expect("stop PostgreSQL");

        // All at once: each waits for the database for a few seconds before giving up.
        let (slug, fields) = stalking::NAMED_BY_PHONE[3];
        let question_url = format!("/report-stalking/{slug}");
        let send = [("submission", submission.as_str())];
        let send_place = [("submission", place_submission.as_str())];
        let (ready, page, place_page, question) = tokio::join!(
            app.get("/readyz"),
            app.post_form("/report-stalking/check", &send),
            other.post_form("/unsafe-place/check", &send_place),
            third.post_form(&question_url, fields),
        );
        assert_eq!(
            (ready.status, ready.body.as_str()),
            (503, "database unavailable"),
            "round {round}"
        );
        assert!(ready.set_cookies().is_empty(), "a probe gets no cookie");
        assert_not_sent(&page, &submission, "Your report has not been sent");
        not_sent = Some(page);
        assert_not_sent(
            &place_page,
            &place_submission,
            "Your answers have not been sent",
        );
        // The next question of a report being filled in: "try later", not "we are broken".
        assert_eq!(question.status, 503, "{}", question.body);
        assert_eq!(question.h1(), "Sorry, there is a problem with the service");

        cluster.start().expect("start PostgreSQL again");
        let ready = app.get("/readyz").await;
        assert_eq!(
            (ready.status, ready.body.as_str()),
            (200, "ready"),
            "round {round}"
        );
        if round == 1 {
            // The answers were kept: the check page shows them again.
            let check = app.get("/report-stalking/check").await;
            assert_eq!(check.status, 200);
            assert!(check.body.contains("Alex Example"));
            assert_eq!(
                other.get("/unsafe-place/check").await.status,
                200,
                "the place answers are kept"
            );
        }
    }

    // Back: Try again sends each report, exactly once, and the service was never restarted.
    let not_sent = not_sent.expect("a not-sent page");
    let sent = try_again(&app, &not_sent, "/report-stalking/check").await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    assert_eq!(sent.header("location"), "/report-stalking/confirmation");
    let sent = other
        .post_form("/unsafe-place/check", &[("submission", &place_submission)])
        .await;
    assert_eq!(sent.header("location"), "/unsafe-place/confirmation");
    let (slug, fields) = stalking::NAMED_BY_PHONE[3];
    let question = third
        .post_form(&format!("/report-stalking/{slug}"), fields)
        .await;
    assert_eq!(question.status, 303, "the third victim carries on");
    assert_eq!(app.state.store.count_stalking_reports().await.unwrap(), 1);
    assert_eq!(app.state.store.count_place_reports().await.unwrap(), 1);
    assert_eq!(
        app.state
            .store
            .stalking_reference_for(&submission)
            .await
            .unwrap()
            .map(|_| ()),
        Some(())
    );
}
