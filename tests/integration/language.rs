//! Choosing Welsh: `Accept-Language` decides until the visitor uses the switcher, whose
//! choice is kept in an essential cookie that quick exit clears; bad values fall back to
//! English; a report made in Welsh is stored with its language, and staff pages stay English.

use saferstreets::domain::staff::Role;

use crate::helpers::{Browser, Page, TestDb, spawn_app, spawn_app_with};
use crate::report_stalking::{NAMED_BY_PHONE, complete};
use crate::staff::staff_browser;

fn lang(page: &Page) -> String {
    page.attrs("html", "lang").remove(0)
}

/// The switcher's entries: (text, lang, hreflang, href, current).
fn switcher(page: &Page) -> Vec<(String, String, String, String, bool)> {
    let html = page.html();
    let sel = scraper::Selector::parse(
        "nav.govuk-language-navigation a, nav.govuk-language-navigation span",
    )
    .expect("selector");
    html.select(&sel)
        .map(|e| {
            let attr = |a: &str| e.value().attr(a).unwrap_or_default().to_owned();
            (
                e.text().collect::<String>(),
                attr("lang"),
                attr("hreflang"),
                attr("href"),
                e.value().attr("aria-current") == Some("true"),
            )
        })
        .collect()
}

#[tokio::test]
async fn accept_language_decides_until_a_choice_is_made() {
    let app = spawn_app().await;
    let english = app.get("/").await;
    assert_eq!(lang(&english), "en-GB");
    assert_eq!(english.h1(), "Stalking, harassment and unsafe places");
    assert_eq!(
        switcher(&english),
        [
            (
                "English".into(),
                "en".into(),
                String::new(),
                String::new(),
                true
            ),
            (
                "Cymraeg".into(),
                "cy".into(),
                "cy".into(),
                "/language?set=cy&return=%2F".into(),
                false
            ),
        ]
    );

    let welsh_browser = Browser::with_header(&app.base, "accept-language", "cy-GB,en;q=0.5");
    let welsh = welsh_browser.get("/advice/stalking").await;
    assert_eq!(welsh.status, 200);
    assert_eq!(lang(&welsh), "cy");
    assert_eq!(welsh.h1(), "Stelcian");
    assert_eq!(
        welsh.texts(".app-quick-exit__button"),
        ["Gadael y dudalen hon"]
    );
    let links = switcher(&welsh);
    assert_eq!(links[0].3, "/language?set=en&return=%2Fadvice%2Fstalking");
    assert_eq!((links[0].1.as_str(), links[0].2.as_str()), ("en", "en"));
    assert!(links[1].4, "Cymraeg is the current language");
    // Neutral titles in Welsh too: only the force's name.
    assert_eq!(welsh.title(), "Northshire Police");
}

#[tokio::test]
async fn the_switcher_keeps_the_choice_in_an_essential_cookie_over_accept_language() {
    let app = spawn_app().await;
    let b = Browser::with_header(&app.base, "accept-language", "cy");
    let to_english = b.get("/language?set=en&return=/advice").await;
    assert_eq!(to_english.status, 303);
    assert_eq!(to_english.header("location"), "/advice");
    let cookie = to_english
        .set_cookies()
        .into_iter()
        .find(|c| c.starts_with("ss_lang="))
        .expect("language cookie");
    assert!(cookie.starts_with("ss_lang=en-GB;"), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Max-Age") && !cookie.contains("Expires"),
        "kept only until the browser closes: {cookie}"
    );
    let page = b.get("/advice").await;
    assert_eq!(lang(&page), "en-GB", "the choice wins over Accept-Language");

    let to_welsh = b.get("/language?set=cy&return=/cookies").await;
    assert_eq!(to_welsh.header("location"), "/cookies");
    let cookies = b.get("/cookies").await;
    assert_eq!(lang(&cookies), "cy");
    assert_eq!(cookies.h1(), "Cwcis");
    // The cookies page lists the language cookie.
    let rows = cookies.texts(".govuk-table__body tr");
    assert!(
        rows.iter()
            .any(|r| r.starts_with("ss_lang ") && r.contains("iaith")),
        "{rows:?}"
    );
}

#[tokio::test]
async fn unknown_languages_and_foreign_return_paths_fall_back_never_an_error() {
    let app = spawn_app().await;
    let b = Browser::with_header(&app.base, "accept-language", "cy");
    for (query, location) in [
        ("?set=xx&return=/advice", "/advice"),
        ("?set=%3Cscript%3E&return=//evil.example/", "/"),
        ("?return=https://evil.example/", "/"),
        ("", "/"),
        ("?set=cy&return=/advice?x=1", "/"),
    ] {
        let res = b.get(&format!("/language{query}")).await;
        assert_eq!(res.status, 303, "{query}");
        assert_eq!(res.header("location"), location, "{query}");
    }
    // An unknown language is English; the last request above chose Welsh.
    b.get("/language?set=klingon").await;
    assert_eq!(b.cookie("ss_lang").as_deref(), Some("en-GB"));
    assert_eq!(lang(&b.get("/").await), "en-GB");

    // A cookie naming no language we have is ignored: Accept-Language decides.
    let forged = Browser::with_header(&app.base, "accept-language", "cy");
    forged
        .cookies
        .lock()
        .expect("jar")
        .insert("ss_lang".into(), "zz-ZZ".into());
    let page = forged.get("/").await;
    assert_eq!(page.status, 200);
    assert_eq!(lang(&page), "cy");
    // And an unknown Accept-Language is English.
    let french = Browser::with_header(&app.base, "accept-language", "fr-FR, de;q=0.5");
    assert_eq!(lang(&french.get("/").await), "en-GB");
}

#[tokio::test]
async fn quick_exit_forgets_the_language_with_everything_else() {
    let app = spawn_app().await;
    let b = Browser::new(&app.base);
    b.get("/language?set=cy&return=/").await;
    assert_eq!(lang(&b.get("/").await), "cy");
    let exit = b.get("/exit").await;
    assert_eq!(exit.status, 303);
    let cleared = exit
        .set_cookies()
        .into_iter()
        .find(|c| c.starts_with("ss_lang="))
        .expect("the language cookie is removed");
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    assert_eq!(b.cookie("ss_lang"), None);
    assert_eq!(lang(&b.get("/").await), "en-GB");
}

#[tokio::test]
async fn a_report_made_in_welsh_keeps_its_language_and_staff_read_it_in_english() {
    let app = spawn_app().await;
    let victim = Browser::new(&app.base);
    victim.get("/language?set=cy&return=/report-stalking").await;
    let first = victim.get("/report-stalking/danger").await;
    assert_eq!(lang(&first), "cy");
    assert!(first.title().starts_with("Cam 1 – "), "{}", first.title());
    complete(&victim, NAMED_BY_PHONE).await;
    let check = victim.get("/report-stalking/check").await;
    assert_eq!(lang(&check), "cy", "the choice holds through the flow");
    assert!(check.body.contains("Mawrth 2025"), "Welsh month names");
    let submission = check.attrs("input[name=submission]", "value").remove(0);
    let sent = victim
        .post_form("/report-stalking/check", &[("submission", &submission)])
        .await;
    assert_eq!(sent.header("location"), "/report-stalking/confirmation");
    let confirmation = victim.get("/report-stalking/confirmation").await;
    assert_eq!(confirmation.h1(), "Adroddiad wedi'i anfon");
    let reference = confirmation.texts(".app-reference").remove(0);
    let compact: String = reference
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let row = app
        .state
        .store
        .stalking_report(&compact)
        .await
        .expect("read")
        .expect("stored");
    assert_eq!(row.report.language, "cy");

    // Staff pages are English whatever the language cookie says, and name the language.
    let (staff, _) = staff_browser(
        &app,
        "ian@northshire.example",
        Role::Investigator,
        "northshire",
    )
    .await;
    staff.get("/language?set=cy&return=/staff/reports").await;
    let queue = staff.get("/staff/reports").await;
    assert_eq!(lang(&queue), "en-GB");
    assert!(switcher(&queue).is_empty(), "no switcher on staff pages");
    let case = staff.get(&format!("/staff/reports/{}", row.id)).await;
    assert_eq!(case.status, 200);
    assert_eq!(lang(&case), "en-GB");
    let made_in = case.texts("[data-report-language]").concat();
    assert!(made_in.contains("Welsh"), "{made_in}");
    assert!(case.body.contains("Threats to harm"), "reasons in English");
    assert!(
        case.body.contains("When it started") && case.body.contains("March 2025"),
        "answers in English"
    );
}

#[tokio::test]
async fn names_that_stay_english_are_marked_and_a_welsh_name_is_used_when_set() {
    let app = spawn_app().await;
    let welsh = Browser::with_header(&app.base, "accept-language", "cy");
    let page = welsh.get("/").await;
    assert_eq!(page.texts(".app-header__force"), ["Northshire Police"]);
    assert_eq!(page.attrs(".app-header__force", "lang"), ["en-GB"]);
    assert_eq!(page.attrs(".app-header__service", "lang"), ["en-GB"]);

    let named = spawn_app_with(
        TestDb::sqlite(),
        |c| {
            c.force_name_cy = "Heddlu Gogleddsir".into();
            c.service_name_cy = "Strydoedd mwy diogel".into();
        },
        None,
    )
    .await;
    let welsh = Browser::with_header(&named.base, "accept-language", "cy");
    let page = welsh.get("/").await;
    assert_eq!(page.texts(".app-header__force"), ["Heddlu Gogleddsir"]);
    assert_eq!(page.attrs(".app-header__force", "lang"), ["cy"]);
    assert_eq!(page.texts(".app-header__service"), ["Strydoedd mwy diogel"]);
    assert_eq!(page.title(), "Heddlu Gogleddsir");
    let english = named.get("/").await;
    assert_eq!(english.texts(".app-header__force"), ["Northshire Police"]);
    assert_eq!(english.title(), "Northshire Police");
}
