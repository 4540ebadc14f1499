//! /staff pages that close the loop from report to action (issue 14): finding a report by
//! the reference a victim reads out, the analysts' list of what people wrote about places
//! (described-only places included, partners refused), the admins' feedback list, refusals
//! shown as staff pages, and GOV.UK date inputs in the filters. Each runs on SQLite and, when
//! configured, PostgreSQL.

use saferstreets::audit::AuditEntry;
use saferstreets::domain::answers::{Answers, Value};
use saferstreets::domain::reference::Reference;
use saferstreets::domain::staff::Role;
use saferstreets::storage::NewFeedback;
use saferstreets::storage::sealed::PlainPlace;

use crate::helpers::{Browser, Page, TEST_NOW, TestApp, TestDb, spawn_app_with};
use crate::staff::{add_report, staff_browser};

async fn apps() -> Vec<TestApp> {
    let mut apps = Vec::new();
    for db in TestDb::all().await {
        apps.push(spawn_app_with(db, |_| {}, None).await);
    }
    apps
}

/// Audit rows as (action, object, outcome, detail).
async fn audit(app: &TestApp) -> Vec<(String, String, String, String)> {
    app.state
        .store
        .audit_rows(0, 10_000)
        .await
        .expect("audit")
        .into_iter()
        .map(|r| {
            (
                r.entry.action,
                r.entry.object,
                r.entry.outcome,
                r.entry.detail,
            )
        })
        .collect()
}

/// A staff page: the staff layout, without the public cookie banner or quick exit.
fn assert_staff_chrome(page: &Page) {
    assert!(page.body.contains("app-staff"), "staff layout");
    assert!(
        !page.body.contains("govuk-cookie-banner"),
        "no cookie banner"
    );
    assert!(!page.body.contains("data-quick-exit"), "no Leave button");
}

/// The reference with its first character changed: still 11 characters, wrong check.
fn mistyped(r: &Reference) -> String {
    let compact = r.as_compact();
    let first = if compact.starts_with('7') { 'K' } else { '7' };
    format!("{first}{}", &compact[1..])
}

#[tokio::test]
async fn investigators_find_a_report_by_its_reference_typed_any_way() {
    for app in apps().await {
        let (ivy, _) = staff_browser(
            &app,
            "ivy@northshire.example",
            Role::Investigator,
            "northshire",
        )
        .await;
        let (ours, theirs, missing) = (
            Reference::generate(),
            Reference::generate(),
            Reference::generate(),
        );
        let id = add_report(&app, "northshire", ours.as_compact(), ("high", 1)).await;
        let their_id = add_report(&app, "southshire", theirs.as_compact(), ("high", 1)).await;

        let queue = ivy.get("/staff/reports").await;
        assert_eq!(queue.status, 200);
        assert_eq!(
            queue.attrs("form[action='/staff/reports/find'] input#reference", "name"),
            ["reference"],
            "a search box on the queue page, a plain GET form"
        );

        let grouped = ours.to_string();
        for typed in [
            grouped.clone(),
            grouped.to_lowercase(),
            ours.as_compact().to_lowercase(),
            format!(" {} ", grouped.replace('-', " ")),
        ] {
            let query: String = form_urlencoded::Serializer::new(String::new())
                .append_pair("reference", &typed)
                .finish();
            let found = ivy.get(&format!("/staff/reports/find?{query}")).await;
            assert_eq!(found.status, 303, "{typed:?}");
            assert_eq!(found.header("location"), format!("/staff/reports/{id}"));
        }

        let typo = ivy
            .get(&format!(
                "/staff/reports/find?reference={}",
                mistyped(&ours)
            ))
            .await;
        assert_eq!(typo.status, 422);
        assert_eq!(
            typo.texts(".govuk-error-summary a[href='#reference']"),
            ["That is not a valid reference"]
        );
        assert!(
            typo.texts("#reference-error")
                .concat()
                .contains("That is not a valid reference")
        );
        assert_eq!(
            typo.attrs("input#reference", "value"),
            [mistyped(&ours)],
            "kept to correct"
        );
        assert_staff_chrome(&typo);
        let empty = ivy.get("/staff/reports/find?reference=").await;
        assert_eq!(empty.status, 422);
        assert_eq!(
            empty.texts(".govuk-error-summary a[href='#reference']"),
            ["Enter the reference"]
        );

        for (reference, outcome) in [(&missing, "not-found"), (&theirs, "denied")] {
            let miss = ivy
                .get(&format!("/staff/reports/find?reference={reference}"))
                .await;
            assert_eq!(miss.status, 404, "another force's report is not confirmed");
            assert!(
                miss.texts("[data-not-found]")
                    .concat()
                    .contains("No report has that reference")
            );
            assert!(miss.body.contains(&reference.to_string()));
            assert_staff_chrome(&miss);
            let last = audit(&app).await.pop().expect("audited");
            assert_eq!((last.0.as_str(), last.2.as_str()), ("find-report", outcome));
        }

        let rows = audit(&app).await;
        let finds: Vec<_> = rows.iter().filter(|r| r.0 == "find-report").collect();
        assert_eq!(finds.len(), 8, "every search is audited: {finds:?}");
        assert!(finds.iter().any(|r| r.1 == format!("stalking-report:{id}")
            && r.2 == "ok"
            && r.3.contains(ours.as_compact())));
        assert!(
            finds
                .iter()
                .any(|r| r.1 == format!("stalking-report:{their_id}") && r.2 == "denied")
        );
        assert_eq!(finds.iter().filter(|r| r.2 == "invalid").count(), 2);
        assert!(
            finds
                .iter()
                .filter(|r| r.2 == "invalid")
                .all(|r| r.1.is_empty() && r.3.is_empty()),
            "nothing typed at random reaches the log"
        );

        let (ana, _) =
            staff_browser(&app, "ana@northshire.example", Role::Analyst, "northshire").await;
        let refused = ana
            .get(&format!("/staff/reports/find?reference={ours}"))
            .await;
        assert_eq!(refused.status, 403);
        assert!(!refused.body.contains(&ours.to_string()));
    }
}

/// The UTC day of the tests' clock.
fn today() -> jiff::civil::Date {
    jiff::Timestamp::from_second(TEST_NOW)
        .expect("now")
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date()
}

/// Free-text answers as the service seals them.
fn text(pairs: &[(&str, &str)]) -> String {
    let mut answers = Answers::default();
    for (key, value) in pairs {
        answers.set(key, Value::Text(Some((*value).to_owned())));
    }
    serde_json::to_string(&answers).expect("json")
}

/// A place report of `force`: pinned at `at` or described only, with free text or none,
/// sent `days_ago`.
struct Place<'a> {
    tag: &'a str,
    force: &'a str,
    at: Option<(f64, f64)>,
    text: Option<String>,
    reasons: i64,
    days_ago: i64,
}

async fn add_places(app: &TestApp, places: &[Place<'_>]) {
    use saferstreets::geo::{LatLng, hex};
    let reports: Vec<saferstreets::storage::NewPlaceReport> = places
        .iter()
        .map(|p| saferstreets::storage::NewPlaceReport {
            receipt: p.tag.into(),
            submission_id: p.tag.into(),
            force_code: p.force.into(),
            created_at: TEST_NOW - p.days_ago * 86_400,
            cells: p.at.map_or_else(Vec::new, |(lat, lng)| {
                let point = LatLng::new(lat, lng).expect("point");
                hex::stored_cells(point)
            }),
            day: TEST_NOW / 86_400 - p.days_ago,
            hour: 21,
            reasons: p.reasons,
            sealed: PlainPlace {
                point: p.at,
                text: p.text.clone(),
                ..Default::default()
            }
            .seal(&app.state.keyring, p.tag)
            .expect("seal"),
        })
        .collect();
    app.state
        .store
        .insert_place_reports(&reports)
        .await
        .expect("reports");
}

/// `n` northshire reports of poor lighting from five days ago, without a pin or text, tagged
/// `{prefix}-{i}`.
async fn add_unpinned(app: &TestApp, prefix: &str, n: usize) {
    let tags: Vec<String> = (0..n).map(|i| format!("{prefix}-{i}")).collect();
    let places: Vec<Place<'_>> = tags
        .iter()
        .map(|tag| Place {
            tag,
            force: "northshire",
            at: None,
            text: None,
            reasons: 1,
            days_ago: 5,
        })
        .collect();
    add_places(app, &places).await;
}

#[tokio::test]
async fn analysts_read_what_people_wrote_including_described_places_and_partners_never_do() {
    for app in apps().await {
        add_places(
            &app,
            &[
                Place {
                    tag: "pin-text",
                    force: "northshire",
                    at: Some((53.8012, -1.5481)),
                    text: Some(text(&[(
                        "anything-else",
                        "The gate light has been out for weeks",
                    )])),
                    reasons: 1,
                    days_ago: 3,
                },
                Place {
                    tag: "described",
                    force: "northshire",
                    at: None,
                    text: Some(text(&[
                        ("place-description", "Alley behind the library"),
                        ("the-place-other", "No way out at the end"),
                    ])),
                    reasons: 1 << 10,
                    days_ago: 2,
                },
                Place {
                    tag: "pin-none",
                    force: "northshire",
                    at: Some((53.7605, -1.5230)),
                    text: None,
                    reasons: 1 << 5,
                    days_ago: 1,
                },
                Place {
                    tag: "old",
                    force: "northshire",
                    at: Some((53.7605, -1.5230)),
                    text: None,
                    reasons: 1 << 5,
                    days_ago: 120,
                },
                Place {
                    tag: "theirs",
                    force: "southshire",
                    at: None,
                    text: Some(text(&[("place-description", "THEIR PLACE")])),
                    reasons: 1,
                    days_ago: 1,
                },
            ],
        )
        .await;
        let (ana, _) =
            staff_browser(&app, "ana@northshire.example", Role::Analyst, "northshire").await;
        let page = ana.get("/staff/places/comments").await;
        assert_eq!(page.status, 200, "{}", page.body);
        assert_staff_chrome(&page);
        let rows = page.texts("[data-comments] tbody tr");
        assert_eq!(rows.len(), 4, "own force only: {rows:?}");
        assert!(
            rows[0].contains("Nothing written"),
            "newest first: {rows:?}"
        );
        assert!(rows[1].contains("Alley behind the library"));
        assert!(rows[1].contains("No way out at the end"));
        assert!(rows[1].contains("no pin"), "a described place is listed");
        assert!(rows[1].contains("Followed"));
        assert!(rows[2].contains("The gate light has been out for weeks"));
        assert!(rows[2].contains("Pin on the map"));
        assert!(
            rows[3].contains("Deleted"),
            "free text past its retention period is said to be deleted"
        );
        assert!(!page.body.contains("THEIR PLACE"));
        assert!(page.body.contains("deleted 90 days after"));

        let count = |p: &Page| p.texts("[data-comments] tbody tr").len();
        assert_eq!(
            count(&ana.get("/staff/places/comments?located=described").await),
            1
        );
        assert_eq!(
            count(&ana.get("/staff/places/comments?located=pinned").await),
            3
        );
        assert_eq!(count(&ana.get("/staff/places/comments?text=with").await), 2);
        assert_eq!(
            count(
                &ana.get("/staff/places/comments?reasons=lighting&reasons=followed")
                    .await
            ),
            2
        );
        let today = today();
        let two_days = today.checked_sub(jiff::Span::new().days(2)).expect("date");
        let range = format!(
            "/staff/places/comments?from-day={}&from-month={}&from-year={}&to-day={}&to-month={}&to-year={}",
            two_days.day(),
            two_days.month(),
            two_days.year(),
            today.day(),
            today.month(),
            today.year()
        );
        assert_eq!(count(&ana.get(&range).await), 2, "the days it happened");
        let bad = ana
            .get("/staff/places/comments?from-day=30&from-month=2&from-year=2026")
            .await;
        assert_eq!(bad.status, 422);
        assert_eq!(
            bad.texts(".govuk-error-summary a[href='#from-day']"),
            ["The ‘from’ date must be a real date"]
        );
        assert_eq!(count(&bad), 4, "a date with a problem is not applied");

        let views: Vec<_> = audit(&app)
            .await
            .into_iter()
            .filter(|r| r.0 == "view-place-reports")
            .collect();
        assert_eq!(views.len(), 7, "every page shown is audited");
        assert!(views[0].3.starts_with("ids="));
        assert_eq!(views[0].3.trim_start_matches("ids=").split(',').count(), 4);

        // Pages of 25, newest first, without a count.
        add_unpinned(&app, "more", 26).await;
        let first = ana.get("/staff/places/comments").await;
        assert_eq!(count(&first), 25);
        assert_eq!(
            first.texts("[data-shown]"),
            ["Reports 1 to 25, newest first"]
        );
        let next = first.attrs("a[rel=next]", "href");
        assert_eq!(next.len(), 1);
        let second = ana.get(&next[0]).await;
        assert_eq!(count(&second), 5);
        assert_eq!(
            second.texts("[data-shown]"),
            ["Reports 26 to 30, newest first"]
        );
        assert!(second.attrs("a[rel=next]", "href").is_empty());

        let (pat, _) =
            staff_browser(&app, "pat@northshire.example", Role::Partner, "northshire").await;
        let refused = pat.get("/staff/places/comments?located=described").await;
        assert_eq!(refused.status, 403);
        assert_eq!(refused.h1(), "You do not have access to this page");
        assert!(refused.texts("[data-role]").concat().contains("Partner"));
        assert_staff_chrome(&refused);
        assert!(!refused.body.contains("Alley behind the library"));
        let last = audit(&app).await.pop().expect("audited");
        assert_eq!(
            (last.0.as_str(), last.1.as_str(), last.2.as_str()),
            ("access", "/staff/places/comments", "denied")
        );
        let dashboard = pat.get("/staff/places").await;
        assert!(
            !dashboard.body.contains("/staff/places/comments"),
            "no link partners cannot use"
        );
    }
}

#[tokio::test]
async fn admins_page_through_feedback_and_see_how_long_it_is_kept() {
    for app in apps().await {
        for i in 0..53 {
            app.state
                .store
                .insert_feedback(
                    &NewFeedback {
                        satisfaction: "dissatisfied".into(),
                        improve: Some(format!("Idea number {i}")),
                        page: "/advice".into(),
                        created_at: TEST_NOW - 60 + i,
                    },
                    &app.state.keyring,
                )
                .await
                .expect("feedback");
        }
        let (admin, _) =
            staff_browser(&app, "adi@northshire.example", Role::Admin, "northshire").await;
        let page = admin.get("/staff/feedback").await;
        assert_eq!(page.status, 200);
        assert_staff_chrome(&page);
        let rows = page.texts("[data-feedback] tbody tr");
        assert_eq!(rows.len(), 50);
        assert!(rows[0].contains("Idea number 52") && rows[0].contains("Dissatisfied"));
        assert!(
            page.texts("[data-retention]")
                .concat()
                .contains("deleted 180 days after")
        );
        let older = page.attrs("a[rel=next]", "href");
        assert_eq!(older.len(), 1);
        let rest = admin.get(&older[0]).await;
        let rows = rest.texts("[data-feedback] tbody tr");
        assert_eq!(rows.len(), 3);
        assert!(rows[2].contains("Idea number 0"));
        assert_eq!(
            audit(&app)
                .await
                .iter()
                .filter(|r| r.0 == "view-feedback")
                .count(),
            2
        );
        let (ivy, _) = staff_browser(
            &app,
            "ivy@northshire.example",
            Role::Investigator,
            "northshire",
        )
        .await;
        let refused = ivy.get("/staff/feedback").await;
        assert_eq!(refused.status, 403);
        assert!(
            refused
                .texts("[data-role]")
                .concat()
                .contains("Investigator")
        );
        assert!(!refused.body.contains("Idea number"));
    }
}

/// Ivy, a northshire investigator, signed in.
async fn investigator(app: &TestApp) -> Browser {
    staff_browser(
        app,
        "ivy@northshire.example",
        Role::Investigator,
        "northshire",
    )
    .await
    .0
}

/// `n` stalking reports to northshire with this priority, each under a new reference.
async fn add_northshire_reports(app: &TestApp, priority: (&str, i64), n: usize) {
    for _ in 0..n {
        add_report(
            app,
            "northshire",
            Reference::generate().as_compact(),
            priority,
        )
        .await;
    }
}

#[tokio::test]
async fn date_filters_are_day_month_year_boxes_with_govuk_messages() {
    let app = crate::helpers::spawn_app().await;
    let (ivy, _) = staff_browser(
        &app,
        "ivy@northshire.example",
        Role::Investigator,
        "northshire",
    )
    .await;
    add_northshire_reports(&app, ("high", 1), 1).await;
    let queue = ivy.get("/staff/reports").await;
    assert!(
        !queue.body.contains("type=\"date\""),
        "no browser date picker"
    );
    for field in [
        "from-day",
        "from-month",
        "from-year",
        "to-day",
        "to-month",
        "to-year",
    ] {
        assert_eq!(
            queue.attrs(&format!("input#{field}"), "inputmode"),
            ["numeric"]
        );
    }
    let rows = |p: &Page| p.texts("[data-queue] tbody tr").len();
    let today = today();
    let (d, m, y) = (today.day(), today.month(), today.year());
    let on = ivy
        .get(&format!(
            "/staff/reports?from-day={d}&from-month={m}&from-year={y}&to-day={d}&to-month={m}&to-year={y}"
        ))
        .await;
    assert_eq!(
        (on.status, rows(&on)),
        (200, 1),
        "a day's range is the whole day"
    );
    let tomorrow = today.tomorrow().expect("date");
    let after = ivy
        .get(&format!(
            "/staff/reports?from-day={}&from-month={m}&from-year={y}",
            tomorrow.day()
        ))
        .await;
    assert_eq!(rows(&after), 0);
    let next = after.attrs("form.app-filters input#from-day", "value");
    assert_eq!(
        next,
        [tomorrow.day().to_string()],
        "the boxes keep what was typed"
    );
    for (query, link, message) in [
        (
            "from-day=31&from-month=2&from-year=2026",
            "#from-day",
            "The ‘from’ date must be a real date",
        ),
        (
            "from-day=1&from-month=&from-year=2026",
            "#from-month",
            "The ‘from’ date must include a month",
        ),
        (
            "to-day=1&to-month=3&to-year=26",
            "#to-year",
            "The year of the ‘to’ date must include 4 numbers",
        ),
        (
            "from-day=2&from-month=3&from-year=2026&to-day=1&to-month=3&to-year=2026",
            "#to-day",
            "The ‘to’ date must be the same as or after the ‘from’ date",
        ),
    ] {
        let page = ivy.get(&format!("/staff/reports?{query}")).await;
        assert_eq!(page.status, 422, "{query}");
        assert_eq!(
            page.texts(&format!(".govuk-error-summary a[href='{link}']")),
            [message],
            "{query}"
        );
        assert!(page.body.contains("govuk-form-group--error"));
    }

    let (ana, _) = staff_browser(&app, "ana@northshire.example", Role::Analyst, "northshire").await;
    let dashboard = ana.get("/staff/places").await;
    assert!(!dashboard.body.contains("type=\"date\""));
    let bad = ana
        .get("/staff/places?from-day=1&from-month=13&from-year=2026")
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(
        bad.texts(".govuk-error-summary a[href='#from-month']"),
        ["The ‘from’ date must be a real date"]
    );
    let typed = ana
        .get(&format!(
            "/staff/places?from-day=1&from-month=11&from-year=2026&to-day={d}&to-month={m}&to-year={y}"
        ))
        .await;
    assert_eq!(typed.status, 200);
    assert!(
        typed
            .attrs("[data-export-csv]", "href")
            .concat()
            .contains(&format!("from=2026-11-01&to={today}")),
        "exports carry the days typed"
    );
}

#[tokio::test]
async fn the_queue_pages_keep_their_filters_both_ways() {
    for app in apps().await {
        add_northshire_reports(&app, ("high", 1), 52).await;
        add_northshire_reports(&app, ("standard", 3), 1).await;
        let ivy = investigator(&app).await;
        let rows = |p: &Page| p.texts("[data-queue] tbody tr").len();
        let first = ivy.get("/staff/reports?priority=high").await;
        assert_eq!((first.status, rows(&first)), (200, 50));
        assert!(first.attrs("a[rel=prev]", "href").is_empty());
        let next = first.attrs("a[rel=next]", "href");
        assert_eq!(
            next,
            [
                "/staff/reports?status=&priority=high&from-day=&from-month=&from-year=&to-day=&to-month=&to-year=&assigned=&page=2"
            ]
        );
        let second = ivy.get(&next[0]).await;
        assert_eq!(rows(&second), 2, "the standard report is filtered out");
        assert!(second.attrs("a[rel=next]", "href").is_empty());
        let back = second.attrs("a[rel=prev]", "href");
        assert_eq!(back.len(), 1);
        assert!(back[0].contains("priority=high") && back[0].ends_with("page=1"));
        let past = ivy.get("/staff/reports?priority=high&page=0").await;
        assert_eq!(rows(&past), 50, "page 0 is the first page");
    }
}

#[tokio::test]
async fn the_comments_pages_keep_their_filters_both_ways() {
    for app in apps().await {
        let (ana, _) =
            staff_browser(&app, "ana@northshire.example", Role::Analyst, "northshire").await;
        add_unpinned(&app, "lit", 27).await;
        let first = ana
            .get("/staff/places/comments?reasons=lighting&located=described&from-day=1&from-month=1&from-year=2020")
            .await;
        let next = first.attrs("a[rel=next]", "href");
        assert_eq!(
            next,
            [
                "/staff/places/comments?from-day=1&from-month=1&from-year=2020&to-day=&to-month=&to-year=&reasons=lighting&text=&located=described&page=2"
            ]
        );
        let second = ana.get(&next[0]).await;
        assert_eq!(second.texts("[data-comments] tbody tr").len(), 2);
        let back = second.attrs("a[rel=prev]", "href");
        assert_eq!(
            back,
            [
                "/staff/places/comments?from-day=1&from-month=1&from-year=2020&to-day=&to-month=&to-year=&reasons=lighting&text=&located=described&page=1"
            ]
        );
    }
}

#[tokio::test]
async fn admins_page_back_through_the_audit_log() {
    for app in apps().await {
        let (admin, _) =
            staff_browser(&app, "adi@northshire.example", Role::Admin, "northshire").await;
        for i in 0..120 {
            app.state
                .store
                .audit(&AuditEntry {
                    at: TEST_NOW,
                    actor_id: None,
                    actor: "system".into(),
                    role: String::new(),
                    force_code: "northshire".into(),
                    action: "test".into(),
                    object: format!("thing-{i}"),
                    outcome: "ok".into(),
                    detail: String::new(),
                })
                .await
                .expect("audit");
        }
        let first = admin.get("/staff/audit").await;
        let rows = |p: &Page| p.texts("[data-audit] tbody tr");
        assert_eq!(rows(&first).len(), 100);
        let older = first.attrs("a[rel=next]", "href");
        assert_eq!(older.len(), 1);
        let seq: i64 = older[0]
            .strip_prefix("/staff/audit?before=")
            .and_then(|s| s.parse().ok())
            .expect("a position");
        assert!(rows(&first)[99].trim_start().starts_with(&seq.to_string()));
        let rest = admin.get(&older[0]).await;
        let rest_rows = rows(&rest);
        assert!(!rest_rows.is_empty() && rest_rows.len() < 100);
        assert!(rest.attrs("a[rel=next]", "href").is_empty());
        assert!(!rest_rows.concat().contains(&format!("thing-{}", 119)));
    }
}
