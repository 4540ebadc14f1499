//! /open311/v2: GeoReport v2 in JSON and XML, partner keys for posting, weekly counts for
//! reading.

use saferstreets::app::place::{PlaceContext, PlaceFacts, submit};
use saferstreets::app::staff::partner_keys;
use saferstreets::geo::{LatLng, hex};
use saferstreets::http::open311::COARSE_RES;
use saferstreets::storage::NewPartnerKey;

use crate::helpers::{TEST_NOW, TestApp, spawn_app};

/// Millbrook Park, inside the demo force's area.
const LAT: &str = "53.8012";
const LNG: &str = "-1.5481";

async fn key_for(app: &TestApp, force: &str) -> (i64, String) {
    let (key, hash) = partner_keys::new_key();
    let id = app
        .state
        .store
        .add_partner_key(&NewPartnerKey {
            key_hash: hash,
            partner: format!("{force} council"),
            force_code: force.into(),
            created_at: TEST_NOW,
        })
        .await
        .expect("key");
    (id, key)
}

fn json(page: &crate::helpers::Page) -> serde_json::Value {
    serde_json::from_str(&page.body).unwrap_or_else(|e| panic!("{e}: {}", page.body))
}

/// The specification's error list, in JSON: one error with this code.
fn assert_error(page: &crate::helpers::Page, code: u16) {
    assert_eq!(page.status, code, "{}", page.body);
    let body = json(page);
    assert_eq!(body[0]["code"], code, "{}", page.body);
    assert!(
        !body[0]["description"]
            .as_str()
            .unwrap_or_default()
            .is_empty(),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn services_are_the_reasons_with_environmental_ones_flagged_in_both_formats() {
    let app = spawn_app().await;
    let page = app.get("/open311/v2/services.json").await;
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").starts_with("application/json"));
    let services = json(&page);
    let list = services.as_array().expect("array");
    assert_eq!(list.len(), 12);
    let find = |code: &str| {
        list.iter()
            .find(|s| s["service_code"] == code)
            .unwrap_or_else(|| panic!("no {code}"))
            .clone()
    };
    let lighting = find("lighting");
    assert_eq!(lighting["group"], "Environment");
    assert_eq!(lighting["keywords"], "environmental,council");
    assert_eq!(lighting["metadata"], true);
    assert_eq!(lighting["type"], "realtime");
    assert_eq!(find("followed")["group"], "Behaviour");
    assert!(
        find("followed")["description"]
            .as_str()
            .unwrap_or_default()
            .contains("never listed")
    );
    assert!(
        !find("drugs-alcohol")["keywords"]
            .as_str()
            .unwrap_or_default()
            .contains("environmental")
    );

    let xml = app.get("/open311/v2/services.xml").await;
    assert_eq!(xml.status, 200);
    assert!(xml.header("content-type").starts_with("application/xml"));
    assert!(
        xml.body
            .starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?><services><service>")
    );
    assert_eq!(xml.body.matches("<service>").count(), 12);
    assert!(xml.body.contains("<service_code>lighting</service_code>"));
    assert!(xml.body.contains("<group>Environment</group>"));
}

#[tokio::test]
async fn a_service_definition_lists_its_attributes_and_unknown_ones_are_spec_errors() {
    let app = spawn_app().await;
    let page = app.get("/open311/v2/services/lighting.json").await;
    assert_eq!(page.status, 200);
    let def = json(&page);
    assert_eq!(def["service_code"], "lighting");
    let codes: Vec<&str> = def["attributes"]
        .as_array()
        .expect("attributes")
        .iter()
        .filter_map(|a| a["code"].as_str())
        .collect();
    assert_eq!(codes, ["date", "time_of_day", "how_often"]);
    assert_eq!(def["attributes"][1]["values"][0]["key"], "0");

    let xml = app.get("/open311/v2/services/lighting.xml").await;
    assert!(
        xml.body
            .contains("<service_definition><attributes><attribute>")
    );
    assert!(xml.body.contains("<values><value><key>0</key>"));

    assert_error(&app.get("/open311/v2/services/potholes.json").await, 404);
    let xml = app.get("/open311/v2/services/potholes.xml").await;
    assert_eq!(xml.status, 404);
    assert!(
        xml.body
            .contains("<errors><error><code>404</code><description>")
    );
    let odd = app.get("/open311/v2/services.csv").await;
    assert_eq!(odd.status, 404);
    assert!(
        odd.body.contains("<errors>"),
        "unknown formats answer in XML"
    );
    assert_error(&app.get("/open311/v2/anything.json").await, 404);
}

#[tokio::test]
async fn posting_needs_a_known_key_and_stores_an_anonymous_coarsened_report() {
    let app = spawn_app().await;
    let (_, key) = key_for(&app, "northshire").await;
    let base = [
        ("service_code", "lighting"),
        ("lat", LAT),
        ("long", LNG),
        ("email", "canary-person@example.org"),
        ("first_name", "Canaryname"),
        ("phone", "07700 900123"),
        (
            "description",
            "Two street lights out; ring me on 07700 900456 or mail canary2@example.org",
        ),
        ("attribute[time_of_day]", "21"),
        ("attribute[how_often]", "often"),
    ];
    let without = app.post_raw("/open311/v2/requests.json", &base, &[]).await;
    assert_error(&without, 403);
    let mut wrong = base.to_vec();
    wrong.push(("api_key", "ss311_not-a-key"));
    assert_error(
        &app.post_raw("/open311/v2/requests.json", &wrong, &[]).await,
        403,
    );
    assert_eq!(
        app.state.store.count_place_reports().await.expect("count"),
        0
    );

    let mut good = base.to_vec();
    good.push(("api_key", &key));
    let page = app.post_raw("/open311/v2/requests.json", &good, &[]).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let answer = &json(&page)[0];
    let id = answer["service_request_id"]
        .as_str()
        .expect("id")
        .to_owned();
    assert!(
        answer["service_notice"]
            .as_str()
            .unwrap_or_default()
            .contains("weekly count")
    );
    let receipt: String = sqlx::query_scalar("SELECT receipt FROM place_reports")
        .fetch_one(
            &sqlx::SqlitePool::connect(&app.state.config.database_url)
                .await
                .expect("pool"),
        )
        .await
        .expect("receipt");
    assert!(!id.contains(&receipt), "the id is not the receipt");
    let stored = app
        .state
        .store
        .place_report(&receipt)
        .await
        .expect("read")
        .expect("stored");
    assert_eq!(stored.force_code, "northshire");
    assert_eq!(stored.reasons, 1, "the lighting bit");
    assert_eq!(stored.hour, 21);
    let plain = saferstreets::storage::sealed::PlainPlace::open(&app.state.keyring, &stored)
        .expect("opens");
    let kept = format!("{plain:?}");
    assert!(!kept.contains("canary"), "{kept}");
    assert!(!kept.contains("Canaryname"));
    assert!(!kept.contains("07700"));
    assert!(kept.contains("Two street lights out"));

    // One report is never served; the id finds its weekly entry once k reports are in it.
    assert_eq!(
        app.get(&format!("/open311/v2/requests/{id}.json"))
            .await
            .status,
        404
    );
    for _ in 1..5 {
        let page = app.post_raw("/open311/v2/requests.json", &good, &[]).await;
        assert_eq!(json(&page)[0]["service_request_id"], id.as_str());
    }
    let one = app.get(&format!("/open311/v2/requests/{id}.json")).await;
    assert_eq!(one.status, 200, "{}", one.body);
    let r = &json(&one)[0];
    assert_eq!(r["service_request_id"], id.as_str());
    assert_eq!(r["status"], "open");
    assert_eq!(r["service_code"], "lighting");
    assert_eq!(
        r["description"],
        "5 reports in the week of 23 November 2026"
    );
    assert_eq!(r["agency_responsible"], "Northshire");
    let point = LatLng::parse(LAT, LNG).expect("point");
    let cell = hex::parent(hex::cells(point)[3], COARSE_RES).expect("parent");
    let centre = hex::centre(cell).expect("centre");
    assert!((r["lat"].as_f64().expect("lat") - centre.lat()).abs() < 1e-4);
    assert!((r["long"].as_f64().expect("long") - centre.lng()).abs() < 1e-4);
    assert_ne!(r["lat"].as_f64(), Some(53.8012));
    // Wednesday 25 November 2026 is shown as its week's Monday.
    assert_eq!(r["requested_datetime"], "2026-11-23T00:00:00Z");
    assert!(!one.body.contains("street lights") && !one.body.contains("often"));

    let xml = app.get(&format!("/open311/v2/requests/{id}.xml")).await;
    assert!(xml.body.contains("<service_requests><request>"));
    assert!(
        xml.body
            .contains(&format!("<service_request_id>{id}</service_request_id>"))
    );

    let xml_post = app.post_raw("/open311/v2/requests.xml", &good, &[]).await;
    assert_eq!(xml_post.status, 200);
    assert!(
        xml_post.body.contains("<service_requests><request>")
            && xml_post
                .body
                .contains(&format!("<service_request_id>{id}</service_request_id>"))
    );

    // A police-only service is accepted but has no id to look up: it is never listed.
    let mut followed = good.clone();
    followed[0] = ("service_code", "followed");
    let page = app
        .post_raw("/open311/v2/requests.json", &followed, &[])
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(json(&page)[0].get("service_request_id").is_none());
    assert!(json(&page)[0]["service_notice"].is_string());
}

#[tokio::test]
async fn malformed_posts_get_the_specifications_errors_and_store_nothing() {
    let app = spawn_app().await;
    let (_, key) = key_for(&app, "northshire").await;
    let long = "x".repeat(501);
    let cases: Vec<(Vec<(&str, &str)>, u16)> = vec![
        (vec![("lat", LAT), ("long", LNG)], 400),
        (
            vec![("service_code", "potholes"), ("lat", LAT), ("long", LNG)],
            404,
        ),
        (vec![("service_code", "lighting")], 400),
        (vec![("service_code", "lighting"), ("lat", LAT)], 400),
        (
            vec![("service_code", "lighting"), ("lat", "91"), ("long", LNG)],
            400,
        ),
        (
            vec![
                ("service_code", "lighting"),
                ("lat", "north"),
                ("long", LNG),
            ],
            400,
        ),
        (
            vec![("service_code", "lighting"), ("lat", "NaN"), ("long", LNG)],
            400,
        ),
        (
            vec![
                ("service_code", "lighting"),
                ("lat", "51.5"),
                ("long", "-0.12"),
            ],
            400,
        ),
        (
            vec![("service_code", "lighting"), ("address_string", "Atlantis")],
            400,
        ),
        (
            vec![
                ("service_code", "lighting"),
                ("lat", LAT),
                ("long", LNG),
                ("attribute[date]", "2099-01-01"),
            ],
            400,
        ),
        (
            vec![
                ("service_code", "lighting"),
                ("lat", LAT),
                ("long", LNG),
                ("attribute[time_of_day]", "4"),
            ],
            400,
        ),
        (
            vec![
                ("service_code", "lighting"),
                ("lat", LAT),
                ("long", LNG),
                ("description", &long),
            ],
            400,
        ),
    ];
    for (fields, status) in cases {
        let mut all = fields.clone();
        all.push(("api_key", &key));
        let page = app.post_raw("/open311/v2/requests.json", &all, &[]).await;
        assert_error(&page, status);
        let xml = app.post_raw("/open311/v2/requests.xml", &all, &[]).await;
        assert_eq!(xml.status, status);
        assert!(
            xml.body
                .contains(&format!("<errors><error><code>{status}</code>")),
            "{fields:?}: {}",
            xml.body
        );
    }
    assert_eq!(
        app.state.store.count_place_reports().await.expect("count"),
        0
    );

    // A gazetteer place works as a location.
    let by_name = app
        .post_raw(
            "/open311/v2/requests.json",
            &[
                ("service_code", "rundown"),
                ("address_string", "Millbrook Park"),
                ("api_key", &key),
            ],
            &[],
        )
        .await;
    assert_eq!(by_name.status, 200, "{}", by_name.body);
}

async fn post(app: &TestApp, key: &str, code: &str, n: usize) {
    for _ in 0..n {
        let page = app
            .post_raw(
                "/open311/v2/requests.json",
                &[
                    ("service_code", code),
                    ("lat", LAT),
                    ("long", LNG),
                    ("api_key", key),
                ],
                &[],
            )
            .await;
        assert_eq!(page.status, 200, "{}", page.body);
    }
}

#[tokio::test]
async fn anyone_lists_a_forces_weekly_counts_with_filters() {
    let app = spawn_app().await;
    let (id, key) = key_for(&app, "northshire").await;
    post(&app, &key, "lighting", 5).await;
    post(&app, &key, "rundown", 5).await;
    post(&app, &key, "followed", 5).await;
    post(&app, &key, "cctv", 2).await;
    let all = app.get("/open311/v2/requests.json").await;
    assert_eq!(all.status, 200);
    let list = json(&all);
    let codes: Vec<&str> = list
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|r| r["service_code"].as_str())
        .collect();
    assert_eq!(codes, ["lighting", "rundown"], "{list}");
    // A key changes nothing when reading.
    let keyed = app
        .get(&format!("/open311/v2/requests.json?api_key={key}"))
        .await;
    assert_eq!(json(&keyed), list);
    let lighting = app
        .get("/open311/v2/requests.json?service_code=lighting,followed")
        .await;
    let only = json(&lighting);
    assert_eq!(only.as_array().map(Vec::len), Some(1));
    assert_eq!(only[0]["service_code"], "lighting");
    let first = only[0]["service_request_id"]
        .as_str()
        .expect("id")
        .to_owned();
    let by_id = app
        .get(&format!(
            "/open311/v2/requests.json?service_request_id={first},nope"
        ))
        .await;
    assert_eq!(json(&by_id).as_array().map(Vec::len), Some(1));
    // Reading needs no key, so one question may not make the server read without bound.
    let many = vec![first.as_str(); 101].join(",");
    assert_error(
        &app.get(&format!(
            "/open311/v2/requests.json?service_request_id={many}"
        ))
        .await,
        400,
    );
    let weeks: Vec<String> = (0..14)
        .map(|w| {
            let monday = jiff::civil::date(2026, 1, 5)
                .checked_add(jiff::Span::new().weeks(w))
                .expect("date");
            format!("{}-{}", monday.strftime("%Y%m%d"), "0".repeat(20))
        })
        .collect();
    assert_error(
        &app.get(&format!(
            "/open311/v2/requests.json?service_request_id={}",
            weeks.join(",")
        ))
        .await,
        400,
    );
    let closed = app.get("/open311/v2/requests.json?status=closed").await;
    assert_eq!(json(&closed).as_array().map(Vec::len), Some(0));
    let future = app
        .get("/open311/v2/requests.json?start_date=2099-01-01T00:00:00Z&end_date=2099-02-01T00:00:00Z")
        .await;
    assert_eq!(json(&future).as_array().map(Vec::len), Some(0));
    let xml = app.get("/open311/v2/requests.xml").await;
    assert_eq!(xml.body.matches("<request>").count(), 2);

    // Another force's reports in the same hexagon are not counted in this jurisdiction's.
    for i in 0..5 {
        let facts = PlaceFacts {
            point: Some(LatLng::parse(LAT, LNG).expect("point")),
            force_code: "southshire".into(),
            day: TEST_NOW / 86_400,
            hour: 0,
            reasons: 1,
            answers: Default::default(),
        };
        submit(&context(&app), &format!("south-{i}"), &facts, None)
            .await
            .expect("store");
    }
    let again = json(
        &app.get("/open311/v2/requests.json?service_code=lighting")
            .await,
    );
    assert_eq!(again[0]["description"], only[0]["description"]);
    assert!(
        only[0]["description"]
            .as_str()
            .unwrap_or_default()
            .starts_with("5 reports")
    );
    // A jurisdiction this instance does not serve is a spec error, even by id.
    assert_error(
        &app.get(&format!(
            "/open311/v2/requests/{first}.json?jurisdiction_id=southshire"
        ))
        .await,
        404,
    );

    // Bad filters.
    for bad in [
        "start_date=yesterday",
        "end_date=2026-13-01",
        "status=pending",
        "service_code=potholes",
        "start_date=2026-11-02&end_date=2026-11-01",
        "start_date=2026-01-01&end_date=2026-11-01",
    ] {
        assert_error(
            &app.get(&format!("/open311/v2/requests.json?{bad}")).await,
            400,
        );
    }
    assert_error(
        &app.get("/open311/v2/requests.json?jurisdiction_id=atlantis")
            .await,
        404,
    );
    assert_error(
        &app.get("/open311/v2/requests/NOPE-lighting.json").await,
        404,
    );

    // Posting needs a key, and a revoked key is refused.
    assert!(
        app.state
            .store
            .revoke_partner_key(id, TEST_NOW)
            .await
            .expect("revoke")
    );
    assert_error(
        &app.post_raw(
            "/open311/v2/requests.json",
            &[
                ("service_code", "lighting"),
                ("lat", LAT),
                ("long", LNG),
                ("api_key", &key),
            ],
            &[],
        )
        .await,
        403,
    );
}

/// What storing a report needs, from the app under test.
fn context(app: &TestApp) -> PlaceContext<'_> {
    PlaceContext {
        store: &app.state.store,
        keyring: &app.state.keyring,
        clock: app.state.clock.as_ref(),
    }
}
