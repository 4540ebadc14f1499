//! Attacks: aggregates (issue 12, item 4). The review beat the k = 5 suppression of the public
//! hotspots by subtraction: two answers whose filters differ by one day (or one band, or one
//! reason) differed by exactly one report. Every count that leaves the police now obeys
//! `domain::disclosure`: resolution 9 at the finest, whole weeks, counts randomly rounded to
//! multiples of k (seeded by the reports counted), so two answers about one hexagon differ by 0
//! or by k or more.

use std::collections::BTreeMap;

use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, TestRunner};
use saferstreets::domain::staff::Role;
use saferstreets::geo::{LatLng, hex};
use saferstreets::storage::NewPlaceReport;

use crate::helpers::{Browser, TEST_NOW, TestApp, TestDb, spawn_app, spawn_app_with};
use crate::staff::staff_browser;

const K: i64 = 5;

/// Day number of 2026-11-25 (a Wednesday), "today" in tests.
const TODAY: i64 = TEST_NOW / 86_400;

/// A report at `at` on `day`, in the band starting at `hour`, with `reasons`.
fn report(tag: &str, at: LatLng, day: i64, hour: i64, reasons: i64) -> NewPlaceReport {
    NewPlaceReport {
        receipt: tag.to_owned(),
        submission_id: tag.to_owned(),
        force_code: "northshire".into(),
        created_at: TEST_NOW,
        cells: hex::stored_cells(at),
        day,
        hour,
        reasons,
        sealed: Default::default(),
    }
}

async fn add(app: &TestApp, reports: &[NewPlaceReport]) {
    app.state
        .store
        .insert_place_reports(reports)
        .await
        .expect("reports");
}

/// Cell → count in a GeoJSON answer (public or a partner's export).
fn counts(body: &str) -> BTreeMap<String, i64> {
    let json: serde_json::Value = serde_json::from_str(body).expect("json");
    json["features"]
        .as_array()
        .expect("features")
        .iter()
        .map(|f| {
            (
                f["properties"]["cell"].as_str().expect("cell").to_owned(),
                f["properties"]["count"].as_i64().expect("count"),
            )
        })
        .collect()
}

/// The property every pair of answers must have: a hexagon shown in both differs by 0 or by k
/// or more, and every figure shown is a multiple of k, at least k.
fn assert_no_small_difference(a: &BTreeMap<String, i64>, b: &BTreeMap<String, i64>, what: &str) {
    for (cell, n) in a.iter().chain(b) {
        assert!(*n >= K && n % K == 0, "{what}: {cell} shows {n}");
    }
    for (cell, x) in a {
        if let Some(y) = b.get(cell) {
            let d = (x - y).abs();
            assert!(
                d == 0 || d >= K,
                "{what}: {cell} is {x} in one answer and {y} in the other"
            );
        }
    }
}

/// Six reports in one hexagon on 2026-11-10, and one more (the victim's) on 2026-11-23.
async fn the_reviews_dataset(app: &TestApp) -> LatLng {
    let at = LatLng::new(53.8012, -1.5481).expect("point");
    let mut reports: Vec<NewPlaceReport> = (0..6)
        .map(|i| report(&format!("crowd{i}"), at, TODAY - 15, 12, 1))
        .collect();
    reports.push(report("victim", at, TODAY - 2, 21, 1 << 10));
    add(app, &reports).await;
    at
}

#[tokio::test]
async fn two_date_ranges_a_day_apart_no_longer_isolate_one_report() {
    let app = spawn_app().await;
    the_reviews_dataset(&app).await;
    // The review's attack: the day before the victim's report, then up to and including it.
    let before = app
        .get("/api/v1/hotspots?res=9&from=2026-11-01&to=2026-11-22")
        .await;
    let with = app
        .get("/api/v1/hotspots?res=9&from=2026-11-01&to=2026-11-23")
        .await;
    assert_eq!((before.status, with.status), (200, 200), "{}", with.body);
    let (before, with) = (counts(&before.body), counts(&with.body));
    assert_no_small_difference(&before, &with, "a day apart");
    // Dropping the one band or the one reason the victim gave does not single them out either.
    let all = counts(&app.get("/api/v1/hotspots?res=9").await.body);
    let no_night = counts(
        &app.get("/api/v1/hotspots?res=9&hours=0,3,6,9,12,15,18")
            .await
            .body,
    );
    let no_followed = counts(
        &app.get("/api/v1/hotspots?res=9&reasons=lighting")
            .await
            .body,
    );
    assert_no_small_difference(&all, &no_night, "one band less");
    assert_no_small_difference(&all, &no_followed, "one reason less");
}

#[tokio::test]
async fn the_public_never_sees_hexagons_finer_than_resolution_9() {
    let app = spawn_app().await;
    the_reviews_dataset(&app).await;
    let page = app.get("/api/v1/hotspots?res=11").await;
    assert_eq!(page.status, 400, "{}", page.body);
    assert_eq!(page.header("content-type"), "application/json");
    let json: serde_json::Value = serde_json::from_str(&page.body).expect("json");
    assert_eq!(json["error"]["field"], "res");
    let doc: serde_json::Value =
        serde_json::from_str(&app.get("/api/openapi.json").await.body).expect("json");
    let params = doc["paths"]["/api/v1/hotspots"]["get"]["parameters"]
        .as_array()
        .expect("params");
    let res = params.iter().find(|p| p["name"] == "res").expect("res");
    assert_eq!(res["schema"]["enum"], serde_json::json!([5, 7, 9]));
}

#[tokio::test]
async fn dates_reach_the_public_in_whole_weeks_and_the_answer_says_which() {
    let app = spawn_app().await;
    the_reviews_dataset(&app).await;
    // Wednesday to Wednesday becomes Monday to Sunday.
    let page = app
        .get("/api/v1/hotspots?from=2026-11-11&to=2026-11-25")
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    let json: serde_json::Value = serde_json::from_str(&page.body).expect("json");
    assert_eq!(json["from"], "2026-11-09");
    assert_eq!(json["to"], "2026-11-29");
    // Any two days of one week give the same answer.
    let monday = app
        .get("/api/v1/hotspots?from=2026-11-09&to=2026-11-23")
        .await;
    assert_eq!(counts(&monday.body), counts(&page.body));
    let doc = app.get("/api/openapi.json").await.body;
    assert!(doc.contains("whole weeks"), "the description says so");
    // Weeks stop at the ends of the calendar a date parameter can name.
    let edges = app
        .get("/api/v1/hotspots?from=0000-01-01&to=9999-12-31")
        .await;
    let json: serde_json::Value = serde_json::from_str(&edges.body).expect("json");
    assert_eq!(
        (json["from"].as_str(), json["to"].as_str()),
        (Some("0000-01-01"), Some("9999-12-31"))
    );
}

#[tokio::test]
async fn partners_cannot_subtract_two_date_ranges_either() {
    let app = spawn_app().await;
    the_reviews_dataset(&app).await;
    let (partner, _) =
        staff_browser(&app, "pat@northshire.example", Role::Partner, "northshire").await;
    let geojson = |q: &'static str| {
        let partner = &partner;
        async move {
            let page = partner
                .get(&format!(
                    "/staff/places/export.geojson?res=9&from=2026-11-01&{q}"
                ))
                .await;
            assert_eq!(page.status, 200, "{}", page.body);
            counts(&page.body)
        }
    };
    assert_no_small_difference(
        &geojson("to=2026-11-22").await,
        &geojson("to=2026-11-23").await,
        "partner export a day apart",
    );
    // The CSV has the same figures.
    let csv = partner
        .get("/staff/places/export.csv?res=9&from=2026-11-01&to=2026-11-23")
        .await;
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    for row in reader.records() {
        let row = row.expect("row");
        let n: i64 = row[4].parse().expect("count");
        assert!(n >= K && n % K == 0, "{n}");
    }
    // Nor go finer than resolution 9.
    assert_eq!(
        partner.get("/staff/places/export.csv?res=11").await.status,
        400
    );
    let page = partner.get("/staff/places?res=11").await;
    assert!(page.body.contains("A filter was not understood"));
    assert!(
        !page.body.contains("value=\"11\""),
        "partners are not offered resolution 11"
    );
}

#[tokio::test]
async fn partners_charts_and_totals_are_rounded_weeks_and_analysts_keep_exact_figures() {
    let app = spawn_app().await;
    the_reviews_dataset(&app).await;
    let (partner, _) =
        staff_browser(&app, "pat@northshire.example", Role::Partner, "northshire").await;
    let (analyst, _) =
        staff_browser(&app, "ana@northshire.example", Role::Analyst, "northshire").await;
    let exact = analyst
        .get("/staff/places?from=2026-11-01&to=2026-11-24")
        .await;
    assert!(
        exact.texts("[data-total]").concat().contains("7 reports"),
        "{:?}",
        exact.texts("[data-total]")
    );
    let a = partner
        .get("/staff/places?from=2026-11-01&to=2026-11-22")
        .await;
    let b = partner
        .get("/staff/places?from=2026-11-01&to=2026-11-23")
        .await;
    // Every figure a partner sees is a multiple of k or "<5".
    for page in [&a, &b] {
        for cell in page.texts("[data-chart] td") {
            assert!(
                cell == "<5" || cell.parse::<i64>().is_ok_and(|n| n % K == 0 && n >= K),
                "{cell}"
            );
        }
        assert!(
            page.texts("[data-weeks]")
                .concat()
                .contains("26 October 2026"),
            "the page says which whole weeks it covers: {:?}",
            page.texts("[data-weeks]")
        );
    }
    let total = |p: &crate::helpers::Page| -> i64 {
        let text = p.texts("[data-total]").concat();
        text.split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    let d = (total(&a) - total(&b)).abs();
    assert!(d == 0 || d >= K, "totals {} and {}", total(&a), total(&b));
}

/// A dataset of many small cells: 400 reports scattered over about 2 × 2 km (some 30
/// resolution-9 hexagons), over ten weeks, in random bands, weekdays and reasons.
fn many_small_cells() -> Vec<NewPlaceReport> {
    let mut rng = fastrand::Rng::with_seed(12);
    (0..400)
        .map(|i| {
            let at =
                LatLng::new(53.79 + rng.f64() * 0.02, -1.56 + rng.f64() * 0.03).expect("point");
            let reasons = (1i64 << rng.u32(0..12)) | (1i64 << rng.u32(0..12));
            report(
                &format!("r{i}"),
                at,
                TODAY - rng.i64(0..70),
                3 * rng.i64(0..8),
                reasons,
            )
        })
        .collect()
}

/// A random filter as a query string.
fn arb_filter() -> impl Strategy<Value = String> {
    let subset = |n: usize| prop::collection::btree_set(0..n, 0..n);
    (
        prop::sample::select(vec![5, 7, 9]),
        0..80i64,
        0..50i64,
        subset(12),
        subset(8),
        subset(7),
    )
        .prop_map(|(res, back, len, reasons, hours, weekdays)| {
            let date = |d: i64| {
                jiff::civil::date(1970, 1, 1)
                    .checked_add(jiff::Span::new().days(d))
                    .expect("date")
                    .to_string()
            };
            let from = TODAY - back;
            let mut q = format!("res={res}&from={}&to={}", date(from), date(from + len));
            let codes = saferstreets::domain::place::REASON_BITS;
            let list = |items: Vec<String>| items.join(",");
            if !reasons.is_empty() {
                let r = reasons.iter().map(|i| codes[*i].0.to_owned()).collect();
                q += &format!("&reasons={}", list(r));
            }
            if !hours.is_empty() {
                q += &format!(
                    "&hours={}",
                    list(hours.iter().map(|b| (b * 3).to_string()).collect())
                );
            }
            if !weekdays.is_empty() {
                q += &format!(
                    "&weekdays={}",
                    list(weekdays.iter().map(|d| (d + 1).to_string()).collect())
                );
            }
            q
        })
}

#[test]
fn no_hexagon_shown_in_two_answers_differs_by_1_to_k_minus_1() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let dbs = rt.block_on(TestDb::all());
    for db in dbs {
        let app = rt.block_on(async {
            let app = spawn_app_with(db, |_| {}, None).await;
            add(&app, &many_small_cells()).await;
            app
        });
        let browser = Browser::new(&app.base);
        let mut runner = TestRunner::new(ProptestConfig {
            cases: 48,
            failure_persistence: None,
            ..ProptestConfig::default()
        });
        let result = runner.run(&(arb_filter(), arb_filter()), |(f, g)| {
            let (a, b) = rt.block_on(async {
                let a = browser.get(&format!("/api/v1/hotspots?{f}")).await;
                let b = browser.get(&format!("/api/v1/hotspots?{g}")).await;
                (a, b)
            });
            prop_assert_eq!((a.status, b.status), (200, 200));
            let (a, b) = (counts(&a.body), counts(&b.body));
            for (cell, n) in a.iter().chain(&b) {
                prop_assert!(*n >= K && n % K == 0, "{} shows {}", cell, n);
            }
            for (cell, x) in &a {
                if let Some(y) = b.get(cell) {
                    let d = (x - y).abs();
                    prop_assert!(d == 0 || d >= K, "{}: {} vs {} ({} / {})", cell, x, y, f, g);
                }
            }
            Ok(())
        });
        if let Err(e) = result {
            panic!("{e}");
        }
        drop(app);
    }
}
