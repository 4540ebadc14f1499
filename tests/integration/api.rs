//! /api: hotspots as GeoJSON with small counts suppressed and the others rounded to multiples
//! of k (`tests/integration/attacks/aggregates.rs` has the attacks), and the OpenAPI description.

use saferstreets::geo::{LatLng, hex};
use saferstreets::storage::NewPlaceReport;

use crate::helpers::{TEST_NOW, spawn_app};

async fn add_reports(app: &crate::helpers::TestApp, at: LatLng, n: usize, tag: &str) {
    let today = TEST_NOW / 86_400;
    for i in 0..n {
        let cells = hex::stored_cells(at);
        let report = NewPlaceReport {
            receipt: format!("{tag}{i}"),
            submission_id: format!("{tag}{i}"),
            force_code: "northshire".into(),
            created_at: TEST_NOW,
            cells,
            day: today - 1,
            hour: 21,
            reasons: 1,
            // Sealed, as the service stores free text.
            sealed: saferstreets::storage::sealed::PlainPlace {
                text: Some("{\"anything-else\":\"SECRET free text\"}".into()),
                ..Default::default()
            }
            .seal(&app.state.keyring, &format!("{tag}{i}"))
            .expect("seal"),
        };
        app.state
            .store
            .submit_place_report(&report, None)
            .await
            .expect("submit");
    }
}

#[tokio::test]
async fn hotspots_show_only_hexagons_with_enough_reports_and_nothing_identifying() {
    let app = spawn_app().await;
    let busy = LatLng::new(53.8012, -1.5481).expect("point");
    let quiet = LatLng::new(53.7605, -1.5230).expect("point");
    add_reports(&app, busy, 6, "b").await;
    add_reports(&app, quiet, 4, "q").await;
    let page = app.get("/api/v1/hotspots?res=9").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-type"), "application/geo+json");
    let json: serde_json::Value = serde_json::from_str(&page.body).expect("json");
    assert_eq!(json["type"], "FeatureCollection");
    let features = json["features"].as_array().expect("features");
    assert_eq!(
        features.len(),
        1,
        "the 4-report hexagon is suppressed (k = 5)"
    );
    // Six reports are published as 5 or 10 (random rounding to multiples of k).
    let count = features[0]["properties"]["count"].as_i64().expect("count");
    assert!(count == 5 || count == 10, "{count}");
    assert_eq!(
        features[0]["properties"]["cell"],
        format!("{:x}", hex::cells(busy)[2])
    );
    assert_eq!(
        features[0]["geometry"]["coordinates"][0]
            .as_array()
            .map(Vec::len),
        Some(7)
    );
    assert!(
        !page.body.contains("SECRET") && !page.body.contains("53.8012"),
        "no free text or exact points"
    );
    assert!(page.set_cookies().is_empty());

    let filtered = app.get("/api/v1/hotspots?res=9&hours=0,3&weekdays=1").await;
    let json: serde_json::Value = serde_json::from_str(&filtered.body).expect("json");
    assert_eq!(json["features"].as_array().map(Vec::len), Some(0));
    let elsewhere = app.get("/api/v1/hotspots?bbox=-1.0,53.0,-0.5,53.5").await;
    let json: serde_json::Value = serde_json::from_str(&elsewhere.body).expect("json");
    assert_eq!(json["features"].as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn bad_filters_get_a_json_error_naming_the_parameter() {
    let app = spawn_app().await;
    for (query, field) in [
        ("res=8", "res"),
        // Finer than the public may see (issue 12).
        ("res=11", "res"),
        ("reasons=aliens", "reasons"),
        ("from=2026-13-01", "from"),
        ("hours=4", "hours"),
        ("weekdays=0", "weekdays"),
        ("bbox=1,2,3", "bbox"),
        ("bbox=-1,95,0,96", "bbox"),
        // Found by schemathesis (docs/RELIABILITY.md, "API conformance"): these were answered
        // in plain text by axum's query extractor, or taken as if the filter were absent.
        ("res=2147483648", "res"),
        ("res=abc", "res"),
        ("res=+9", "res"),
        ("res=", "res"),
        ("to=", "to"),
        ("from=2026-11-25T00:00", "from"),
        ("reasons=", "reasons"),
        ("reasons=lighting,,cctv", "reasons"),
        ("hours=0,%203", "hours"),
        ("weekdays=07", "weekdays"),
        ("bbox=", "bbox"),
        ("bbox=1,2,x,3,4", "bbox"),
        ("bbox=1e0,2,3,4", "bbox"),
        ("bbox=-1,53,180.5,54", "bbox"),
        ("res=9&res=7", "res"),
    ] {
        let page = app.get(&format!("/api/v1/hotspots?{query}")).await;
        assert_eq!(page.status, 400, "{query}");
        assert_eq!(page.header("content-type"), "application/json", "{query}");
        let json: serde_json::Value = serde_json::from_str(&page.body).expect("json error");
        assert_eq!(json["error"]["field"], field, "{query}");
        assert!(json["error"]["message"].is_string(), "{query}");
    }
}

#[tokio::test]
async fn every_request_the_description_allows_is_answered() {
    let app = spawn_app().await;
    add_reports(&app, LatLng::new(53.8012, -1.5481).expect("point"), 6, "b").await;
    let hexagons = |query: &'static str| {
        let app = &app;
        async move {
            let page = app.get(&format!("/api/v1/hotspots?{query}")).await;
            assert_eq!(page.status, 200, "{query}: {}", page.body);
            let json: serde_json::Value = serde_json::from_str(&page.body).expect("json");
            json["features"].as_array().map_or(0, Vec::len)
        }
    };
    // An empty date range matches nothing; it is not an error.
    assert_eq!(hexagons("from=2026-11-25&to=2026-01-01").await, 0);
    // RFC 7946: a box from west of the antimeridian to east of it.
    assert_eq!(hexagons("bbox=170,-10,-170,10").await, 0);
    assert_eq!(
        hexagons("bbox=-1.6,-90,-1.7,90").await,
        1,
        "the long way round"
    );
    // A box whose south is north of its north holds nothing.
    assert_eq!(hexagons("bbox=-2,54,-1,53").await, 0);
    assert_eq!(hexagons("bbox=-180,-90,180.000,90.0").await, 1);
    assert_eq!(hexagons("bbox=-0,0,0,0").await, 0);
    assert_eq!(hexagons("from=0001-01-01&to=9999-12-31").await, 1);
    let all = "res=9&reasons=lighting,followed&hours=0,21&weekdays=1,7&force=anything";
    assert_eq!(hexagons(all).await, 0);
}

#[tokio::test]
async fn the_openapi_document_describes_the_api() {
    let app = spawn_app().await;
    let page = app.get("/api/openapi.json").await;
    assert_eq!(page.status, 200);
    let doc: serde_json::Value = serde_json::from_str(&page.body).expect("json");
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    let params = doc["paths"]["/api/v1/hotspots"]["get"]["parameters"]
        .as_array()
        .expect("params");
    let names: Vec<&str> = params.iter().filter_map(|p| p["name"].as_str()).collect();
    for name in [
        "bbox", "res", "reasons", "from", "to", "hours", "weekdays", "force",
    ] {
        assert!(names.contains(&name), "{name} documented: {names:?}");
    }
    assert!(doc["components"]["schemas"]["Hotspots"].is_object());
    // The error responses describe the body actually sent: `{"error": {field, message}}`.
    let responses = &doc["paths"]["/api/v1/hotspots"]["get"]["responses"];
    for status in ["400", "500"] {
        let schema = &responses[status]["content"]["application/json"]["schema"]["$ref"];
        assert_eq!(schema, "#/components/schemas/ApiErrorBody", "{status}");
    }
    assert!(responses["200"]["content"]["application/geo+json"].is_object());
    let body = &doc["components"]["schemas"]["ApiErrorBody"];
    assert_eq!(
        body["properties"]["error"]["$ref"],
        "#/components/schemas/ApiError"
    );
    let res = params.iter().find(|p| p["name"] == "res").expect("res");
    assert_eq!(res["schema"]["enum"], serde_json::json!([5, 7, 9]));
}

#[tokio::test]
async fn a_hexagons_significance_does_not_change_with_the_box() {
    let app = spawn_app().await;
    // A busy hexagon (resolution 9) with a busy neighbour just outside the box drawn round it.
    let busy =
        hex::centre(hex::cell(LatLng::new(53.8012, -1.5481).expect("point"), 9)).expect("centre");
    let cell = hex::cell(busy, 9);
    let neighbour = hex::disk(cell, 1)
        .into_iter()
        .find(|c| *c != cell)
        .and_then(hex::centre)
        .expect("neighbour");
    add_reports(&app, busy, 8, "b").await;
    add_reports(&app, neighbour, 7, "n").await;
    add_reports(&app, LatLng::new(53.7605, -1.5230).expect("point"), 5, "q").await;

    let z_of = |query: String| {
        let app = &app;
        async move {
            let page = app.get(&format!("/api/v1/hotspots?res=9{query}")).await;
            assert_eq!(page.status, 200, "{query}: {}", page.body);
            let json: serde_json::Value = serde_json::from_str(&page.body).expect("json");
            let features = json["features"].as_array().cloned().unwrap_or_default();
            let cells: Vec<String> = features
                .iter()
                .map(|f| f["properties"]["cell"].as_str().unwrap_or("").to_owned())
                .collect();
            let z = features
                .iter()
                .find(|f| f["properties"]["cell"] == format!("{cell:x}"))
                .and_then(|f| f["properties"]["z"].as_f64());
            (cells, z)
        }
    };
    let (all, z_everywhere) = z_of(String::new()).await;
    assert_eq!(all.len(), 3);
    // About 50 m each way: the busy hexagon's centre, nowhere near its neighbour's (≈ 300 m).
    let boxed = format!(
        "&bbox={:.6},{:.6},{:.6},{:.6}",
        busy.lng() - 0.0005,
        busy.lat() - 0.0005,
        busy.lng() + 0.0005,
        busy.lat() + 0.0005,
    );
    let (inside, z_boxed) = z_of(boxed).await;
    assert_eq!(
        inside,
        vec![format!("{cell:x}")],
        "only the busy hexagon is in the box"
    );
    assert!(z_everywhere.is_some_and(|z| z > 0.0), "{z_everywhere:?}");
    assert_eq!(
        z_boxed, z_everywhere,
        "the neighbour outside the box still counts"
    );
}
