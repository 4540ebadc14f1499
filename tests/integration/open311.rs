//! /open311/v2: GeoReport v2 in JSON and XML, partner keys, coarsened requests.

use saferstreets::geo::{LatLng, hex};
use saferstreets::http::open311::{self, COARSE_RES};
use saferstreets::storage::NewPartnerKey;

use crate::helpers::{TEST_NOW, TestApp, spawn_app};

/// Millbrook Park, inside the demo force's area.
const LAT: &str = "53.8012";
const LNG: &str = "-1.5481";

async fn key_for(app: &TestApp, force: &str) -> (i64, String) {
    let (key, hash) = open311::new_key();
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
    let id = json(&page)[0]["service_request_id"]
        .as_str()
        .expect("id")
        .to_owned();
    let (receipt, code) = id.split_once('-').expect("RECEIPT-code");
    assert_eq!(code, "lighting");
    let stored = app
        .state
        .store
        .place_report(receipt)
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

    // What a partner reads back: the cell centre, the day, no free text.
    let one = app
        .get(&format!("/open311/v2/requests/{id}.json?api_key={key}"))
        .await;
    assert_eq!(one.status, 200, "{}", one.body);
    let r = &json(&one)[0];
    assert_eq!(r["service_request_id"], id.as_str());
    assert_eq!(r["status"], "open");
    assert_eq!(r["description"], "");
    assert_eq!(r["agency_responsible"], "Northshire");
    let point = LatLng::parse(LAT, LNG).expect("point");
    let cell = hex::parent(hex::cells(point)[3], COARSE_RES).expect("parent");
    let centre = hex::centre(cell).expect("centre");
    assert!((r["lat"].as_f64().expect("lat") - centre.lat()).abs() < 1e-4);
    assert!((r["long"].as_f64().expect("long") - centre.lng()).abs() < 1e-4);
    assert_ne!(r["lat"].as_f64(), Some(53.8012));
    let day = TEST_NOW / 86_400 * 86_400;
    assert_eq!(
        r["requested_datetime"],
        jiff::Timestamp::from_second(day).expect("day").to_string()
    );
    assert!(!one.body.contains("street lights") && !one.body.contains("often"));

    let xml = app
        .get(&format!("/open311/v2/requests/{id}.xml?api_key={key}"))
        .await;
    assert!(xml.body.contains("<service_requests><request>"));
    assert!(
        xml.body
            .contains(&format!("<service_request_id>{id}</service_request_id>"))
    );

    let xml_post = app.post_raw("/open311/v2/requests.xml", &good, &[]).await;
    assert_eq!(xml_post.status, 200);
    assert!(
        xml_post
            .body
            .contains("<service_requests><request><service_notice>")
    );
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

#[tokio::test]
async fn a_partner_lists_only_its_forces_requests_with_filters() {
    let app = spawn_app().await;
    let (id, key) = key_for(&app, "northshire").await;
    let (_, other) = key_for(&app, "southshire").await;
    for code in ["lighting", "followed", "lighting"] {
        let page = app
            .post_raw(
                "/open311/v2/requests.json",
                &[
                    ("service_code", code),
                    ("lat", LAT),
                    ("long", LNG),
                    ("api_key", &key),
                ],
                &[],
            )
            .await;
        assert_eq!(page.status, 200, "{}", page.body);
    }
    let all = app
        .get(&format!("/open311/v2/requests.json?api_key={key}"))
        .await;
    assert_eq!(all.status, 200);
    assert_eq!(json(&all).as_array().map(Vec::len), Some(3));
    let lighting = app
        .get(&format!(
            "/open311/v2/requests.json?api_key={key}&service_code=lighting"
        ))
        .await;
    let list = json(&lighting);
    assert_eq!(list.as_array().map(Vec::len), Some(2));
    assert!(
        list.as_array()
            .expect("list")
            .iter()
            .all(|r| r["service_code"] == "lighting")
    );
    let first = list[0]["service_request_id"]
        .as_str()
        .expect("id")
        .to_owned();
    let by_id = app
        .get(&format!(
            "/open311/v2/requests.json?api_key={key}&service_request_id={first}"
        ))
        .await;
    assert_eq!(json(&by_id).as_array().map(Vec::len), Some(1));
    let closed = app
        .get(&format!(
            "/open311/v2/requests.json?api_key={key}&status=closed"
        ))
        .await;
    assert_eq!(json(&closed).as_array().map(Vec::len), Some(0));
    let future = app
        .get(&format!(
            "/open311/v2/requests.json?api_key={key}&start_date=2099-01-01T00:00:00Z&end_date=2099-02-01T00:00:00Z"
        ))
        .await;
    assert_eq!(json(&future).as_array().map(Vec::len), Some(0));
    let xml = app
        .get(&format!("/open311/v2/requests.xml?api_key={key}"))
        .await;
    assert_eq!(xml.body.matches("<request>").count(), 3);

    // Another force's partner sees none of them, even by id.
    let theirs = app
        .get(&format!("/open311/v2/requests.json?api_key={other}"))
        .await;
    assert_eq!(json(&theirs).as_array().map(Vec::len), Some(0));
    assert_error(
        &app.get(&format!(
            "/open311/v2/requests/{first}.json?api_key={other}"
        ))
        .await,
        404,
    );

    // Bad filters and missing keys.
    assert_error(&app.get("/open311/v2/requests.json").await, 403);
    assert_error(
        &app.get(&format!("/open311/v2/requests/{first}.json")).await,
        403,
    );
    for bad in [
        "start_date=yesterday",
        "end_date=2026-13-01",
        "status=pending",
        "service_code=potholes",
        "start_date=2026-11-02&end_date=2026-11-01",
    ] {
        assert_error(
            &app.get(&format!("/open311/v2/requests.json?api_key={key}&{bad}"))
                .await,
            400,
        );
    }
    assert_error(
        &app.get(&format!(
            "/open311/v2/requests/NOPE-lighting.json?api_key={key}"
        ))
        .await,
        404,
    );

    // A revoked key is refused.
    assert!(
        app.state
            .store
            .revoke_partner_key(id, TEST_NOW)
            .await
            .expect("revoke")
    );
    assert_error(
        &app.get(&format!("/open311/v2/requests.json?api_key={key}"))
            .await,
        403,
    );
}
