//! Two instances on one PostgreSQL, as behind a load balancer: a report started on one is
//! finished on the other; sign-in throttling and hotspot counts are shared and exact.

use saferstreets::geo::{LatLng, hex};
use saferstreets::storage::NewPlaceReport;

use crate::helpers::{Browser, TEST_NOW, TestDb, spawn_app_with, spawn_second};

async fn two_on_postgres() -> Option<(crate::helpers::TestApp, crate::helpers::TestApp)> {
    let db = TestDb::postgres().await;
    let Some(db) = db else {
        assert!(
            std::env::var("CI").is_err(),
            "CI must run this on PostgreSQL"
        );
        return None;
    };
    let first = spawn_app_with(db, |_| {}, None).await;
    let second = spawn_second(&first).await;
    Some((first, second))
}

#[tokio::test]
async fn a_report_started_on_one_instance_is_finished_on_the_other() {
    let Some((one, two)) = two_on_postgres().await else {
        return;
    };
    let mut b = Browser::new(&one.base);
    crate::flows::place::pin(&b).await;
    let (first_half, second_half) = crate::unsafe_place::AFTER_WHERE.split_at(3);
    crate::unsafe_place::answer(&b, first_half).await;
    b.base.clone_from(&two.base);
    crate::unsafe_place::answer(&b, second_half).await;
    let check = b.get("/unsafe-place/check").await;
    let submission = check.attrs("input[name=submission]", "value").remove(0);
    let sent = b
        .post_form("/unsafe-place/check", &[("submission", &submission)])
        .await;
    assert_eq!(sent.header("location"), "/unsafe-place/confirmation");
    // The confirmation from the first instance: it honours the session id the second issued.
    b.base.clone_from(&one.base);
    let confirmation = b.get("/unsafe-place/confirmation").await;
    assert_eq!(
        confirmation.status, 200,
        "the other instance agrees it was sent"
    );
    assert_eq!(confirmation.h1(), "Thank you, your answers have been sent");
    one.state
        .store
        .place_receipt_for(&submission)
        .await
        .expect("lookup")
        .expect("stored");
    // Shown once, on whichever instance.
    b.base.clone_from(&two.base);
    let again = b.get("/unsafe-place/confirmation").await;
    assert_ne!(again.status, 200, "the confirmation is shown once");
    assert_eq!(
        one.state.store.count_place_reports().await.expect("count"),
        1
    );
}

#[tokio::test]
async fn sign_in_throttling_is_shared_between_instances() {
    let Some((one, two)) = two_on_postgres().await else {
        return;
    };
    let b = Browser::new(&one.base);
    for _ in 0..5 {
        let page = b
            .post_form(
                "/staff/sign-in",
                &[
                    ("email", "x@northshire.example"),
                    ("password", "wrong wrong wrong"),
                ],
            )
            .await;
        assert_eq!(page.status, 422);
        // Past the account's growing delay, so that each attempt is checked.
        one.clock.advance(60);
    }
    two.clock.advance(5 * 60);
    let other = Browser::new(&two.base);
    let refused = other
        .post_form(
            "/staff/sign-in",
            &[
                ("email", "x@northshire.example"),
                ("password", "wrong wrong wrong"),
            ],
        )
        .await;
    assert_eq!(
        refused.status, 429,
        "the second instance knows of the failures"
    );
}

#[tokio::test]
async fn hotspot_counts_stay_exact_under_concurrent_writes_from_both() {
    let Some((one, two)) = two_on_postgres().await else {
        return;
    };
    let at = LatLng::new(53.8012, -1.5481).expect("point");
    let cells: Vec<(i64, i64)> = hex::stored_cells(at);
    // Warm both instances' hotspot indexes first, so they must follow the new rows.
    for app in [&one, &two] {
        assert_eq!(app.get("/api/v1/hotspots?res=9").await.status, 200);
    }
    let mut tasks = Vec::new();
    for (i, app) in [&one, &two].into_iter().enumerate() {
        for j in 0..25 {
            let store = app.state.store.clone();
            let report = NewPlaceReport {
                receipt: format!("I{i}R{j}"),
                submission_id: format!("i{i}-{j}"),
                force_code: "northshire".into(),
                created_at: TEST_NOW,
                cells: cells.clone(),
                day: TEST_NOW / 86_400 - 1,
                hour: 21,
                reasons: 1,
                sealed: Default::default(),
            };
            tasks.push(tokio::spawn(async move {
                store
                    .submit_place_report(&report, None)
                    .await
                    .expect("submit");
            }));
        }
    }
    for t in tasks {
        t.await.expect("task");
    }
    for app in [&one, &two] {
        let page = app.get("/api/v1/hotspots?res=9").await;
        let json: serde_json::Value = serde_json::from_str(&page.body).expect("json");
        let total: i64 = json["features"]
            .as_array()
            .expect("features")
            .iter()
            .map(|f| f["properties"]["count"].as_i64().expect("count"))
            .sum();
        assert_eq!(total, 50, "{}", app.base);
    }
}
