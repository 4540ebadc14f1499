//! /unsafe-place: the anonymous place report, from search or description to stored counts.

use saferstreets::storage::sealed::PlainPlace;

use crate::helpers::{Browser, Page, spawn_app};

pub use crate::flows::place::{AFTER_WHERE, answer, send, send_one_by_map};

fn url(slug: &str) -> String {
    format!("/unsafe-place/{slug}")
}

async fn search(b: &Browser, q: &str) -> Page {
    b.post_form(&url("where"), &[("action", "search"), ("q", q)])
        .await
}

#[tokio::test]
async fn a_place_found_by_search_is_routed_indexed_and_stored_without_contact_details() {
    let app = spawn_app().await;
    let start = app.get("/unsafe-place").await;
    assert_eq!(start.h1(), "Tell us about a place where you felt unsafe");
    assert!(start.body.contains("anonymous"));
    let found = search(&app, "millbrook").await;
    assert_eq!(found.status, 200);
    let labels = found.texts(".govuk-radios__label");
    assert_eq!(labels[0], "Millbrook Park (NS1 2AB)", "{labels:?}");
    let place = found.attrs("input[name=place]", "value").remove(0);
    let chosen = app
        .post_form(
            &url("where"),
            &[
                ("action", "continue"),
                ("place", &place),
                ("q", "millbrook"),
            ],
        )
        .await;
    assert_eq!(chosen.header("location"), url("the-place"));
    answer(&app, AFTER_WHERE).await;
    let check = app.get(&url("check")).await;
    assert!(
        check
            .texts(".govuk-summary-list__value")
            .contains(&"Millbrook Park (NS1 2AB)".to_owned())
    );
    let submission = send(&app).await;
    let receipt = crate::flows::place::receipt(&app, &submission).await;
    let stored = app
        .state
        .store
        .place_report(&receipt)
        .await
        .expect("get")
        .expect("stored");
    assert_eq!(stored.force_code, "northshire");
    assert_eq!(stored.hour, 21);
    assert_eq!(stored.reasons, (1 | 1 << 7 | 1 << 10) as i64);
    // The point and the answers are sealed; opened, they are as they were kept.
    let plain = PlainPlace::open(&app.state.keyring, &stored).expect("opens");
    let (lat, lng) = plain.point.expect("point");
    assert!((lat - 53.8012).abs() < 1e-6 && (lng + 1.5481).abs() < 1e-6);
    let answers = format!("{:?}{:?}", plain.text, plain.answers);
    assert!(
        !answers.contains("07700") && !answers.contains("jo@example.com"),
        "{answers}"
    );
    assert!(answers.contains("[number removed]") && answers.contains("[email removed]"));
    assert!(
        !answers.contains("53.80"),
        "no exact point in the free answers"
    );
    for res in [5, 7, 9, 11] {
        let cells = app
            .state
            .store
            .cell_counts("northshire", res)
            .await
            .expect("cells");
        assert_eq!(cells.iter().map(|(_, n)| n).sum::<i64>(), 1, "res {res}");
    }
}

#[tokio::test]
async fn a_described_place_is_accepted_without_a_point() {
    let app = spawn_app().await;
    let described = app
        .post_form(
            &url("where"),
            &[
                ("action", "continue"),
                (
                    "description",
                    "The path behind the old mill, ring 0113 496 0000",
                ),
            ],
        )
        .await;
    assert_eq!(described.header("location"), url("the-place"));
    answer(&app, AFTER_WHERE).await;
    let submission = send(&app).await;
    let receipt = crate::flows::place::receipt(&app, &submission).await;
    let stored = app
        .state
        .store
        .place_report(&receipt)
        .await
        .expect("get")
        .expect("stored");
    let plain = PlainPlace::open(&app.state.keyring, &stored).expect("opens");
    assert_eq!(plain.point, None);
    let text = plain.text.unwrap_or_default();
    assert!(text.contains("behind the old mill") && !text.contains("496"));
    assert!(
        app.state
            .store
            .cell_counts("northshire", 9)
            .await
            .expect("cells")
            .is_empty()
    );
}

#[tokio::test]
async fn the_place_page_explains_each_problem() {
    let app = spawn_app().await;
    let empty = app
        .post_form(&url("where"), &[("action", "continue")])
        .await;
    assert_eq!(empty.status, 422);
    assert_eq!(
        empty.texts(".govuk-error-summary__list a"),
        ["Search for the place, or describe where it is"]
    );
    assert_eq!(empty.attrs(".govuk-error-summary__list a", "href"), ["#q"]);
    let no_query = search(&app, "  ").await;
    assert_eq!(
        no_query.texts(".govuk-error-summary__list a"),
        ["Enter a street, place or postcode to search for"]
    );
    let nothing = search(&app, "Atlantis").await;
    assert!(nothing.body.contains("We could not find a place"));
    // A point on the map outside every force area (the middle of the North Sea).
    let outside = app
        .post_form(
            &url("where"),
            &[("action", "continue"), ("lat", "55.0"), ("lng", "3.0")],
        )
        .await;
    assert_eq!(outside.status, 422);
    assert!(
        outside.texts(".govuk-error-summary__list a")[0]
            .starts_with("This place is not in the area we cover")
    );
    assert_eq!(
        (
            outside.attrs("#lat", "value"),
            outside.attrs("#lng", "value")
        ),
        (vec!["55.000000".to_owned()], vec!["3.000000".to_owned()]),
        "the refused pin is shown again, to be moved"
    );
    let junk = app
        .post_form(
            &url("where"),
            &[("action", "continue"), ("lat", "NaN"), ("lng", "1e999")],
        )
        .await;
    assert_eq!(junk.status, 422, "junk coordinates are no answer");
    let long = "x".repeat(501);
    let too_long = app
        .post_form(
            &url("where"),
            &[("action", "continue"), ("description", &long)],
        )
        .await;
    assert_eq!(
        too_long.attrs(".govuk-error-summary__list a", "href"),
        ["#description"]
    );
    assert!(
        too_long.body.contains(" open"),
        "the description part is open to show the error"
    );
    // A point inside the demo area from the map is accepted.
    let inside = app
        .post_form(
            &url("where"),
            &[("action", "continue"), ("lat", "53.80"), ("lng", "-1.55")],
        )
        .await;
    assert_eq!(inside.header("location"), url("the-place"));
}

#[tokio::test]
async fn at_least_one_reason_is_needed_across_both_pages() {
    let app = spawn_app().await;
    app.post_form(
        &url("where"),
        &[("action", "continue"), ("description", "Underpass")],
    )
    .await;
    app.post_form(&url("the-place"), &[("answer", "none")])
        .await;
    let none = app.post_form(&url("people"), &[("answer", "none")]).await;
    assert_eq!(none.status, 422);
    assert_eq!(
        none.texts(".govuk-error-summary__list a"),
        ["Select at least one reason you felt unsafe, about the place or about people"]
    );
    let forged = app
        .post_form(
            &url("people"),
            &[("answer", "none"), ("answer", "followed")],
        )
        .await;
    assert_eq!(forged.status, 422);
    let ok = app
        .post_form(&url("people"), &[("answer", "verbal-group")])
        .await;
    assert_eq!(ok.header("location"), url("when"));
}

#[tokio::test]
async fn questions_about_you_are_optional_and_only_asked_when_wanted() {
    let app = spawn_app().await;
    app.post_form(
        &url("where"),
        &[("action", "continue"), ("description", "Car park")],
    )
    .await;
    answer(&app, &AFTER_WHERE[..6]).await;
    let yes = app.post_form(&url("about-you"), &[("answer", "yes")]).await;
    assert_eq!(yes.header("location"), url("age"));
    for (slug, value) in [
        ("age", "prefer-not"),
        ("sex", "prefer-not"),
        ("gender", "prefer-not"),
        ("ethnicity", "prefer-not"),
        ("disability", "prefer-not"),
    ] {
        let page = app.post_form(&url(slug), &[("answer", value)]).await;
        assert_eq!(page.status, 303, "{slug}");
    }
    app.post_form(&url("not-reported"), &[("answer", "prefer-not")])
        .await;
    let check = app.get(&url("check")).await;
    assert_eq!(
        check
            .texts(".govuk-summary-list__key")
            .iter()
            .filter(|k| k.as_str() == "Age")
            .count(),
        1
    );
    // Changing to "no" drops the answers about them.
    let no = app
        .post_form(&url("about-you"), &[("answer", "no"), ("change", "check")])
        .await;
    assert_eq!(no.header("location"), url("check"));
    let check = app.get(&url("check")).await;
    assert!(
        !check
            .texts(".govuk-summary-list__key")
            .contains(&"Age".to_owned())
    );
}

#[tokio::test]
async fn sending_twice_stores_one_place_report() {
    let app = spawn_app().await;
    app.post_form(
        &url("where"),
        &[("action", "continue"), ("lat", "53.80"), ("lng", "-1.55")],
    )
    .await;
    answer(&app, AFTER_WHERE).await;
    let check = app.get(&url("check")).await;
    let submission = check.attrs("input[name=submission]", "value").remove(0);
    for _ in 0..3 {
        let sent = app
            .post_form(&url("check"), &[("submission", &submission)])
            .await;
        assert_eq!(sent.header("location"), "/unsafe-place/confirmation");
    }
    assert_eq!(
        app.state.store.count_place_reports().await.expect("count"),
        1
    );
    assert_eq!(
        app.get(&url("check")).await.header("location"),
        "/unsafe-place/confirmation"
    );
}
