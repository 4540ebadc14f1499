//! Attacks on Open311 (issue 12, items 5 and 9): reading single reports out of the council
//! feed, behavioural reasons reaching councils, receipts as ids, and flooding `POST requests`.

use saferstreets::app::place::{PlaceContext, PlaceFacts, submit};
use saferstreets::app::staff::partner_keys;
use saferstreets::domain::disclosure::week_start;
use saferstreets::domain::place::{ENVIRONMENTAL, REASON_BITS};
use saferstreets::geo::{LatLng, hex};
use saferstreets::storage::NewPartnerKey;

use crate::helpers::{Page, TEST_NOW, TestApp, TestDb, spawn_app, spawn_app_with, spawn_second};

/// Millbrook Park, inside the demo force's area.
const LAT: &str = "53.8012";
const LNG: &str = "-1.5481";

/// The day of [`TEST_NOW`] (Wednesday 2026-11-25).
const TODAY: i64 = TEST_NOW / 86_400;

fn bit(code: &str) -> i64 {
    REASON_BITS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, b)| i64::from(*b))
        .expect("reason")
}

fn reasons(codes: &[&str]) -> i64 {
    codes.iter().map(|c| bit(c)).fold(0, |a, b| a | b)
}

/// Store `n` place reports at `point` on `day` with these reasons, as the public form does;
/// returns their receipts.
async fn seed(app: &TestApp, point: (f64, f64), day: i64, codes: &[&str], n: usize) -> Vec<String> {
    let mut receipts = Vec::new();
    for _ in 0..n {
        let facts = PlaceFacts {
            point: Some(LatLng::new(point.0, point.1).expect("point")),
            force_code: "northshire".into(),
            day,
            hour: 18,
            reasons: reasons(codes),
            answers: Default::default(),
        };
        let submission = format!("seed-{}", ::hex::encode(saferstreets::random::bytes::<8>()));
        receipts.push(
            submit(&context(app), &submission, &facts, None)
                .await
                .expect("store"),
        );
    }
    receipts
}

async fn key_for(app: &TestApp) -> String {
    let (key, hash) = partner_keys::new_key();
    app.state
        .store
        .add_partner_key(&NewPartnerKey {
            key_hash: hash,
            partner: "Northshire council".into(),
            force_code: "northshire".into(),
            created_at: TEST_NOW,
        })
        .await
        .expect("key");
    key
}

fn json(page: &Page) -> serde_json::Value {
    serde_json::from_str(&page.body).unwrap_or_else(|e| panic!("{e}: {}", page.body))
}

fn entries(page: &Page) -> Vec<serde_json::Value> {
    assert_eq!(page.status, 200, "{}", page.body);
    json(page).as_array().cloned().unwrap_or_default()
}

/// The count an entry stands for: the number its description starts with.
fn count(entry: &serde_json::Value) -> u64 {
    entry["description"]
        .as_str()
        .and_then(|d| d.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

#[tokio::test]
async fn standard_clients_read_requests_without_a_key() {
    let app = spawn_app().await;
    seed(&app, (53.8012, -1.5481), TODAY, &["lighting"], 6).await;
    for path in [
        "/open311/v2/requests.json",
        "/open311/v2/requests.json?jurisdiction_id=northshire",
    ] {
        let list = entries(&app.get(path).await);
        assert_eq!(list.len(), 1, "{path}");
    }
    let xml = app.get("/open311/v2/requests.xml").await;
    assert_eq!(xml.status, 200, "{}", xml.body);
    assert_eq!(xml.body.matches("<request>").count(), 1);
    let nowhere = app
        .get("/open311/v2/requests.json?jurisdiction_id=atlantis")
        .await;
    assert_eq!(nowhere.status, 404);
    assert_eq!(json(&nowhere)[0]["code"], 404);
}

#[tokio::test]
async fn no_entry_is_under_k_or_a_single_report_and_lone_reports_never_appear() {
    let app = spawn_app().await;
    let k = app.state.config.suppression_k as u64;
    // A busy cell (7 this week, 12 last week), a cell with one report and a cell with k − 1.
    seed(&app, (53.8012, -1.5481), TODAY, &["lighting"], 7).await;
    seed(
        &app,
        (53.8012, -1.5481),
        TODAY - 7,
        &["lighting", "cctv"],
        12,
    )
    .await;
    seed(&app, (53.8112, -1.5481), TODAY, &["lighting"], 1).await;
    seed(&app, (53.7912, -1.5381), TODAY, &["layout"], 4).await;
    let list = entries(&app.get("/open311/v2/requests.json").await);
    assert!(!list.is_empty());
    let busy = hex::parent(hex::cells(LatLng::new(53.8012, -1.5481).expect("p"))[3], 9)
        .and_then(hex::centre)
        .expect("centre");
    for e in &list {
        let n = count(e);
        assert!(n >= k && n.is_multiple_of(k), "{e}");
        assert!(
            (e["lat"].as_f64().expect("lat") - busy.lat()).abs() < 1e-4
                && (e["long"].as_f64().expect("long") - busy.lng()).abs() < 1e-4,
            "only the busy cell is served: {e}"
        );
        // The time is the Monday of the week.
        let when: jiff::Timestamp = e["requested_datetime"]
            .as_str()
            .expect("time")
            .parse()
            .expect("iso");
        let day = when.as_second().div_euclid(86_400);
        assert_eq!(day, week_start(day), "{e}");
    }
    // One entry per cell × week × service: this week's lighting, last week's lighting and cctv.
    assert_eq!(list.len(), 3, "{list:?}");
    assert!(
        !app.get("/open311/v2/requests.json")
            .await
            .body
            .contains("layout")
    );
}

#[tokio::test]
async fn behavioural_reasons_never_reach_councils() {
    let app = spawn_app().await;
    let point = (53.8012, -1.5481);
    seed(
        &app,
        point,
        TODAY,
        &["lighting", "followed", "verbal-group"],
        10,
    )
    .await;
    seed(&app, point, TODAY, &["followed"], 10).await;
    seed(
        &app,
        point,
        TODAY,
        &["other-harassment", "drugs-alcohol", "isolated"],
        10,
    )
    .await;
    let key = key_for(&app).await;
    for path in [
        "/open311/v2/requests.json".to_owned(),
        "/open311/v2/requests.xml".to_owned(),
        format!("/open311/v2/requests.json?api_key={key}"),
        "/open311/v2/requests.json?service_code=followed,other-harassment".to_owned(),
    ] {
        let page = app.get(&path).await;
        assert_eq!(page.status, 200, "{path}: {}", page.body);
        for word in [
            "followed",
            "harassment",
            "verbal",
            "drugs",
            "Being followed",
        ] {
            assert!(
                !page.body.contains(word),
                "{path} shows {word}: {}",
                page.body
            );
        }
    }
    let list = entries(&app.get("/open311/v2/requests.json").await);
    // Lighting, and an empty or isolated place: both about the place, so a council's to fix.
    assert_eq!(list.len(), 2);
    assert!(
        list.iter()
            .all(|e| ENVIRONMENTAL.contains(&e["service_code"].as_str().unwrap_or_default()))
    );
}

#[tokio::test]
async fn request_ids_are_not_receipts_and_resolve_to_their_entry() {
    let app = spawn_app().await;
    let receipts = seed(&app, (53.8012, -1.5481), TODAY, &["lighting", "rundown"], 6).await;
    let list = entries(&app.get("/open311/v2/requests.json").await);
    assert_eq!(list.len(), 2);
    for e in &list {
        let id = e["service_request_id"].as_str().expect("id");
        for r in &receipts {
            assert!(!id.contains(r.as_str()), "{id} carries receipt {r}");
        }
        let one = entries(&app.get(&format!("/open311/v2/requests/{id}.json")).await);
        assert_eq!(one.len(), 1);
        assert_eq!(&one[0], e);
        let by_filter = entries(
            &app.get(&format!(
                "/open311/v2/requests.json?service_request_id={id}"
            ))
            .await,
        );
        assert_eq!(by_filter.len(), 1);
    }
    // The old receipt-shaped ids open nothing.
    let old = app
        .get(&format!(
            "/open311/v2/requests/{}-lighting.json",
            receipts[0]
        ))
        .await;
    assert_eq!(old.status, 404, "{}", old.body);
}

#[tokio::test]
async fn a_burst_of_posts_gets_429_with_retry_after_and_the_error_list() {
    // Rate limits as in production (the tests' default switches the form limits off; the
    // Open311 bucket is its own setting).
    let app = spawn_app_with(TestDb::sqlite(), |c| c.rate_limits = true, None).await;
    let key = key_for(&app).await;
    let fields = [
        ("service_code", "lighting"),
        ("lat", LAT),
        ("long", LNG),
        ("api_key", key.as_str()),
    ];
    let mut limited = None;
    for i in 0..200 {
        let page = app
            .post_raw("/open311/v2/requests.json", &fields, &[])
            .await;
        if page.status == 429 {
            limited = Some((i, page));
            break;
        }
        assert_eq!(page.status, 200, "{}", page.body);
    }
    let (accepted, page) = limited.expect("a burst of 200 posts is limited");
    assert!(accepted <= 50, "{accepted} posts accepted at once");
    let wait: u64 = page.header("retry-after").parse().expect("Retry-After");
    assert!(wait >= 1);
    let body = json(&page);
    assert_eq!(body[0]["code"], 429);
    assert!(
        !body[0]["description"]
            .as_str()
            .unwrap_or_default()
            .is_empty()
    );
    let xml = app.post_raw("/open311/v2/requests.xml", &fields, &[]).await;
    assert_eq!(xml.status, 429);
    assert!(!xml.header("retry-after").is_empty());
    assert!(
        xml.body
            .contains("<errors><error><code>429</code><description>"),
        "{}",
        xml.body
    );
    assert_eq!(
        app.state.store.count_place_reports().await.expect("count"),
        accepted as i64
    );
    // The bucket refills with time.
    app.clock.advance(wait as i64);
    let again = app
        .post_raw("/open311/v2/requests.json", &fields, &[])
        .await;
    assert_eq!(again.status, 200, "{}", again.body);
}

#[tokio::test]
async fn the_daily_quota_holds_across_instances_until_the_next_day() {
    for db in TestDb::all().await {
        let url = db.url.clone();
        let first = spawn_app_with(db, |c| c.open311_daily_quota = 3, None).await;
        let second = spawn_second(&first).await;
        let key = key_for(&first).await;
        let fields = [
            ("service_code", "lighting"),
            ("lat", LAT),
            ("long", LNG),
            ("api_key", key.as_str()),
        ];
        for app in [&first, &second, &first] {
            let page = app
                .post_raw("/open311/v2/requests.json", &fields, &[])
                .await;
            assert_eq!(page.status, 200, "{url}: {}", page.body);
        }
        for app in [&second, &first] {
            let page = app
                .post_raw("/open311/v2/requests.json", &fields, &[])
                .await;
            assert_eq!(page.status, 429, "{url}: {}", page.body);
            let wait: i64 = page.header("retry-after").parse().expect("Retry-After");
            assert!((1..=25 * 3600).contains(&wait), "{wait}");
            assert_eq!(json(&page)[0]["code"], 429);
        }
        assert_eq!(
            first
                .state
                .store
                .count_place_reports()
                .await
                .expect("count"),
            3,
            "{url}"
        );
        // The next day the quota starts again, on both instances.
        first.clock.advance(86_400);
        second.clock.advance(86_400);
        let page = second
            .post_raw("/open311/v2/requests.json", &fields, &[])
            .await;
        assert_eq!(page.status, 200, "{url}: {}", page.body);
    }
}

#[tokio::test]
async fn the_notices_say_exactly_what_councils_get() {
    let app = spawn_app().await;
    let privacy = app.get("/privacy").await;
    assert_eq!(privacy.status, 200);
    let text = privacy.texts("main").join(" ");
    for promise in [
        "in a week",
        "0.1 square kilometres",
        "at least 5 reports",
        "multiple of 5",
        "being followed",
        "what you wrote",
    ] {
        assert!(text.contains(promise), "privacy notice lacks {promise:?}");
    }

    // The place report's confirmation page.
    app.post_form(
        "/unsafe-place/where",
        &[("action", "continue"), ("lat", "53.80"), ("lng", "-1.55")],
    )
    .await;
    crate::flows::place::answer(&app, crate::flows::place::AFTER_WHERE).await;
    let check = app.get("/unsafe-place/check").await;
    let submission = check.attrs("input[name=submission]", "value").remove(0);
    app.post_form("/unsafe-place/check", &[("submission", &submission)])
        .await;
    let confirmation = app.get("/unsafe-place/confirmation").await;
    let text = confirmation.texts("main").join(" ");
    assert!(text.contains("weekly totals"), "{text}");
    assert!(text.contains("at least 5 people"), "{text}");

    // The feed's own notice no longer claims that no exact location is kept.
    seed(&app, (53.8012, -1.5481), TODAY, &["lighting"], 5).await;
    let list = entries(&app.get("/open311/v2/requests.json").await);
    let notice = list[0]["service_notice"].as_str().expect("notice");
    assert!(notice.contains("weekly count") && notice.contains("multiple of 5"));
    assert!(!notice.contains("exact location are kept"));
}

/// What storing a report needs, from the app under test.
fn context(app: &TestApp) -> PlaceContext<'_> {
    PlaceContext {
        store: &app.state.store,
        keyring: &app.state.keyring,
        clock: app.state.clock.as_ref(),
    }
}
