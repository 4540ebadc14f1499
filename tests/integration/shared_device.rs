//! Safety on a shared device: neutral titles (history entries), forms the browser does not
//! remember, how long answers are kept and the timeout warning's keep-alive, and a pin named
//! after a place rather than its coordinates.

use crate::flows::{place, stalking};
use crate::helpers::{TestDb, spawn_app, spawn_app_with};

/// Words a title must never carry by default, whatever the page.
const TOPIC_WORDS: [&str; 4] = ["stalking", "harassment", "abuse", "unsafe"];

fn assert_neutral(path: &str, title: &str) {
    let lower = title.to_lowercase();
    for word in TOPIC_WORDS {
        assert!(
            !lower.contains(word),
            "{path}: title {title:?} names {word:?}"
        );
    }
    assert!(title.ends_with("Northshire Police"), "{path}: {title:?}");
}

#[tokio::test]
async fn titles_are_the_force_and_a_step_number_with_no_topic_words() {
    let app = spawn_app().await;
    for path in [
        "/",
        "/advice",
        "/advice/stalking",
        "/advice/harassment",
        "/advice/sexual-harassment",
        "/advice/online-stalking",
        "/report-stalking",
        "/unsafe-place",
        "/cookies",
        "/no/such/page",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.title(), "Northshire Police", "{path}");
    }
    // Question pages: "Step n – force", n counting along the visitor's path.
    let first = app.get("/report-stalking/danger").await;
    assert_eq!(first.title(), "Step 1 – Northshire Police");
    let page = stalking::answer_all(&app, &stalking::NAMED_BY_PHONE[..2]).await;
    assert_eq!(page.status, 303);
    let third = app
        .get(&format!(
            "/report-stalking/{}",
            stalking::NAMED_BY_PHONE[2].0
        ))
        .await;
    assert_eq!(third.title(), "Step 3 – Northshire Police");
    // The error prefix stays.
    let refused = app
        .post_form(
            &format!("/report-stalking/{}", stalking::NAMED_BY_PHONE[2].0),
            &[],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert_eq!(refused.title(), "Error: Step 3 – Northshire Police");
    assert_neutral("error", &refused.title());
    let place = app.get("/unsafe-place/where").await;
    assert_eq!(place.title(), "Step 1 – Northshire Police");
}

#[tokio::test]
async fn descriptive_titles_can_be_chosen() {
    let app = spawn_app_with(TestDb::sqlite(), |c| c.descriptive_titles = true, None).await;
    let page = app.get("/cookies").await;
    assert_eq!(page.title(), "Cookies – Safer streets – Northshire Police");
    let first = app.get("/report-stalking/danger").await;
    assert!(first.title().starts_with("Step 1 – "), "{}", first.title());
    assert!(
        first
            .title()
            .ends_with("– Safer streets – Northshire Police")
    );
}

#[tokio::test]
async fn report_forms_are_not_remembered_and_say_how_long_answers_are_kept() {
    let app = spawn_app().await;
    for path in ["/report-stalking/danger", "/unsafe-place/where"] {
        let page = app.get(path).await;
        assert_eq!(
            page.attrs("main form[method=post]", "autocomplete"),
            ["off"],
            "{path}"
        );
        assert!(
            page.body
                .contains("We keep your answers for 60 minutes after you last continue"),
            "{path}"
        );
        assert_eq!(
            page.attrs("dialog[data-timeout-warning]", "data-idle-seconds"),
            ["3600"],
            "{path}"
        );
        assert_eq!(
            page.attrs("dialog[data-timeout-warning]", "data-warn-seconds"),
            ["300"],
            "{path}"
        );
    }
}

#[tokio::test]
async fn only_the_narrative_page_says_that_esc_deletes_the_answers() {
    let app = spawn_app().await;
    let steps = stalking::NAMED_BY_PHONE;
    let narrative = steps
        .iter()
        .position(|(slug, _)| *slug == "what-happened")
        .expect("the narrative step");
    stalking::answer_all(&app, &steps[..narrative]).await;
    let page = app.get("/report-stalking/what-happened").await;
    assert_eq!(page.status, 200, "{}", page.h1());
    assert_eq!(
        page.texts(".app-keyboard-only"),
        [
            "If you press Esc while typing, you will leave this site at once and your answers will be deleted."
        ]
    );
    let other = app.get("/report-stalking/danger").await;
    assert!(other.texts(".app-keyboard-only").is_empty());
}

#[tokio::test]
async fn keep_alive_restarts_the_idle_time_of_the_draft() {
    let app = spawn_app().await;
    stalking::answer_all(&app, &stalking::NAMED_BY_PHONE[..2]).await;
    let next = format!("/report-stalking/{}", stalking::NAMED_BY_PHONE[2].0);
    app.clock.advance(59 * 60);
    let kept = app.post_form("/keep-alive", &[]).await;
    assert_eq!(kept.status, 204);
    app.clock.advance(59 * 60);
    let page = app.get(&next).await;
    assert_eq!(page.status, 200);
    assert_ne!(page.h1(), "Your answers have been deleted");
    // Without a keep-alive, the idle time runs out.
    app.clock.advance(61 * 60);
    let page = app.get(&next).await;
    assert_eq!(page.h1(), "Your answers have been deleted");
}

#[tokio::test]
async fn the_timeout_warning_counts_from_the_last_save_not_the_page_view() {
    let app = spawn_app().await;
    stalking::answer_all(&app, &stalking::NAMED_BY_PHONE[..2]).await;
    let next = format!("/report-stalking/{}", stalking::NAMED_BY_PHONE[2].0);
    let idle = |page: &crate::helpers::Page| {
        page.attrs("dialog[data-timeout-warning]", "data-idle-seconds")
    };
    // Viewing pages does not restart the idle time, so the warning must not either.
    app.clock.advance(40 * 60);
    let page = app.get(&next).await;
    assert_eq!(idle(&page), ["1200"]);
    assert_eq!(
        page.attrs("dialog[data-timeout-warning]", "data-full-seconds"),
        ["3600"]
    );
    // "Continue" restarts it.
    assert_eq!(app.post_form("/keep-alive", &[]).await.status, 204);
    app.clock.advance(60);
    assert_eq!(idle(&app.get(&next).await), ["3540"]);
}

#[tokio::test]
async fn keep_alive_needs_the_csrf_token() {
    let app = spawn_app().await;
    app.get("/feedback").await;
    let refused = app
        .post_raw("/keep-alive", &[("csrf", "forged")], &[])
        .await;
    assert_eq!(refused.status, 403);
}

#[tokio::test]
async fn a_pin_is_shown_near_the_nearest_place_not_as_coordinates() {
    let app = spawn_app().await;
    place::pin(&app).await;
    place::answer(&app, place::AFTER_WHERE).await;
    let check = app.get("/unsafe-place/check").await;
    assert_eq!(check.status, 200);
    let values = check.texts(".govuk-summary-list__value").join(" | ");
    assert!(values.contains("Near "), "{values}");
    assert!(!values.contains("53.80000"), "{values}");
    let again = app.get("/unsafe-place/where").await;
    assert!(!again.body.contains("53.80000, -1.55000"));
}
