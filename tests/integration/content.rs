//! The public content: every phone number is a `tel:` link to a number in
//! `domain::contacts`, the legal facts are the corrected ones, the privacy notice and the
//! accessibility statement say what the settings say, and the information pages serve.

use std::collections::{BTreeSet, VecDeque};

use saferstreets::domain::contacts::{PHONES, SITES, Use};
use saferstreets::domain::place::{REASON_BITS, staff_reason_label};
use saferstreets::i18n::Catalog;
use scraper::{Html, Node};

use crate::helpers::{TestApp, TestDb, spawn_app, spawn_app_with};

/// The information pages added for issue 13, with a phrase each must show.
const NEW_PAGES: [(&str, &str); 4] = [
    ("/advice/after-you-report", "What happens after you report"),
    ("/advice/place-reports", "What we do with place reports"),
    ("/advice/protective-orders", "Orders that can protect you"),
    ("/advice/support", "Support for you"),
];

/// Every page reachable from the home page by links, with its body.
async fn crawl(app: &TestApp) -> Vec<(String, String)> {
    let mut seen = BTreeSet::new();
    let mut pages = Vec::new();
    let mut queue: VecDeque<String> = VecDeque::from(["/".to_owned()]);
    while let Some(path) = queue.pop_front() {
        if !seen.insert(path.clone()) {
            continue;
        }
        let page = app.get(&path).await;
        assert_eq!(page.status, 200, "link to {path}");
        for href in page.attrs("a[href]", "href") {
            let href = href.split('#').next().unwrap_or_default().to_owned();
            if href.starts_with('/')
                && href != "/exit"
                && !href.starts_with("/assets/")
                && !href.starts_with("/language")
            {
                queue.push_back(href);
            }
        }
        pages.push((path, page.body));
    }
    pages
}

/// The visible text of a page outside `tel:`/`sms:` links, the title, scripts and styles.
fn text_outside_number_links(body: &str) -> String {
    let html = Html::parse_document(body);
    let mut out = String::new();
    for node in html.tree.nodes() {
        let Node::Text(text) = node.value() else {
            continue;
        };
        let hidden = node.ancestors().any(|a| match a.value() {
            Node::Element(e) => {
                matches!(e.name(), "title" | "script" | "style")
                    || e.attr("href")
                        .is_some_and(|h| h.starts_with("tel:") || h.starts_with("sms:"))
            }
            _ => false,
        });
        if !hidden {
            out.push_str(text);
            out.push(' ');
        }
    }
    out
}

/// Runs of digits (single spaces allowed between them) that look like a phone number: one of
/// our listed numbers, or any UK number of 10 digits or more starting with 0.
fn phone_like_runs(text: &str) -> Vec<String> {
    let listed: Vec<&str> = PHONES
        .iter()
        .filter(|p| p.usage == Use::Call)
        .map(|p| p.tel)
        .collect();
    // "999 BSL" is the name of a service, not a number to dial.
    let text = text.replace("999 BSL", "BSL");
    let mut runs = Vec::new();
    let mut current = String::new();
    // A run touching a letter is part of a word or a web address ("999bsl.co.uk", "42A").
    let mut in_word = false;
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let joins =
            *c == ' ' && !current.is_empty() && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() {
            if current.is_empty() {
                in_word = i > 0 && chars[i - 1].is_alphabetic();
            }
            current.push(*c);
        } else if !joins && !current.is_empty() {
            let run = std::mem::take(&mut current);
            if !in_word && !c.is_alphabetic() {
                runs.push(run);
            }
        }
    }
    if !current.is_empty() && !in_word {
        runs.push(current);
    }
    runs.into_iter()
        .filter(|r| listed.contains(&r.as_str()) || (r.starts_with('0') && r.len() >= 10))
        .collect()
}

#[tokio::test]
async fn every_tel_link_is_a_listed_number_and_every_listed_number_is_a_link() {
    let app = spawn_app().await;
    let mut pages = crawl(&app).await;
    // Pages no link leads to: the emergency stop of the report and a problem page.
    for path in ["/report-stalking/emergency", "/no-such-page"] {
        pages.push((path.to_owned(), app.get(path).await.body));
    }
    for (path, _) in NEW_PAGES {
        assert!(pages.iter().any(|(p, _)| p == path), "{path} is not linked");
    }
    let listed: Vec<String> = PHONES
        .iter()
        .filter(|p| p.usage == Use::Call)
        .map(|p| format!("tel:{}", p.tel))
        .collect();
    let mut linked = BTreeSet::new();
    for (path, body) in &pages {
        let page = Html::parse_document(body);
        let sel = scraper::Selector::parse("a[href^='tel:']").expect("selector");
        for a in page.select(&sel) {
            let href = a.value().attr("href").unwrap_or_default().to_owned();
            assert!(listed.contains(&href), "{path}: {href} is not in contacts");
            let shown: String = a.text().collect();
            let phone = PHONES
                .iter()
                .find(|p| format!("tel:{}", p.tel) == href)
                .expect("listed");
            assert_eq!(shown, phone.display, "{path}: {href} shows {shown}");
            linked.insert(href);
        }
        let loose = phone_like_runs(&text_outside_number_links(body));
        assert!(
            loose.is_empty(),
            "{path} prints numbers outside a tel: link: {loose:?}"
        );
        assert!(
            !body.contains("href=\"tel:55\""),
            "{path}: 55 is pressed during a call, never dialled"
        );
    }
    for href in &listed {
        assert!(linked.contains(href), "{href} is on no public page");
    }
}

#[test]
fn the_scan_for_loose_numbers_can_fail() {
    assert_eq!(
        phone_like_runs("call 0808 802 0300 or 101, not 1997, 999bsl.co.uk or 999 BSL"),
        ["08088020300", "101"]
    );
    let body = r#"<p>Call <a href="tel:999">999</a> or 18001 101</p>"#;
    assert_eq!(
        phone_like_runs(&text_outside_number_links(body)),
        ["18001101"]
    );
}

#[test]
fn messages_never_type_a_number_and_links_are_only_in_html_messages() {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/locales"));
    let files = ["en-GB", "cy"].into_iter().flat_map(|lang| {
        std::fs::read_dir(root.join(lang))
            .expect("locales")
            .map(|e| e.expect("entry"))
            .filter(|e| e.path().extension().is_some_and(|x| x == "ftl"))
    });
    for entry in files {
        let path = entry.path();
        let source = std::fs::read_to_string(&path).expect("ftl");
        for line in source.lines() {
            let Some((id, value)) = line.split_once(" = ") else {
                continue;
            };
            if id.starts_with('#') || id.starts_with(' ') {
                continue;
            }
            // Example numbers in the stalking form's error message are not numbers to call.
            if id != "rs-err-phone-format" {
                // Placeables such as `{ -tel-999 }` name a number; they do not type one.
                let typed: String = value
                    .split('{')
                    .map(|piece| piece.split_once('}').map_or(piece, |(_, rest)| rest))
                    .collect();
                let loose = phone_like_runs(&typed);
                assert!(loose.is_empty(), "{}: {id} types {loose:?}", path.display());
            }
            let links = ["{ -tel-", "{ -web-", "{ -sms-", "href="];
            if links.iter().any(|l| value.contains(l)) {
                assert!(id.ends_with("-html"), "{}: {id} has markup", path.display());
            }
        }
    }
}

#[test]
fn contacts_md_lists_exactly_what_the_service_prints() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/CONTACTS.md");
    let doc = std::fs::read_to_string(path).expect("docs/CONTACTS.md");
    let table = saferstreets::domain::contacts::markdown_tables();
    assert!(
        doc.contains(&table),
        "docs/CONTACTS.md is out of date; paste this between the markers:\n{table}"
    );
    for s in SITES {
        assert!(doc.contains(s.web));
    }
}

#[tokio::test]
async fn the_stalking_page_states_section_4a_and_that_four_is_only_an_aid() {
    let app = spawn_app().await;
    let page = app.get("/advice/stalking").await;
    let text = page.texts("main").join(" ");
    assert!(text.contains("Section 4A"), "{text}");
    assert!(text.contains("on at least two occasions, that violence will be used against you, or"));
    assert!(text.contains(
        "serious alarm or distress that has a substantial adverse effect on your usual day-to-day activities"
    ));
    assert!(text.contains("it may be stalking"));
    assert!(!text.contains("it is stalking."));
    assert!(text.contains("It is not a legal test"));
    assert_eq!(
        page.attrs("a[href='/advice/protective-orders']", "href")
            .len(),
        1
    );
}

#[tokio::test]
async fn the_sexual_harassment_page_keeps_the_equality_act_to_work_services_and_education() {
    let app = spawn_app().await;
    let text = app
        .get("/advice/sexual-harassment")
        .await
        .texts("main")
        .join(" ");
    for fact in [
        "Equality Act 2010",
        "Section 26",
        "at work, in education",
        "provides you with a service",
        "does not cover a stranger harassing you in the street",
        "Public Order Act 1986",
        "Protection from Sex-based Harassment in Public Act 2023",
        "reasonable for the conduct to have that effect",
        "treats you less well because you turned down that kind of behaviour or went along with it",
    ] {
        assert!(text.contains(fact), "missing: {fact}");
    }
}

#[tokio::test]
async fn the_silent_solution_is_for_mobiles_and_landline_callers_are_told_what_to_do() {
    let app = spawn_app().await;
    let page = app.get("/advice/what-you-can-do").await;
    let text = page.texts("main").join(" ");
    assert!(text.contains("it only works from a mobile"));
    assert!(text.contains("On a landline there is no number to press. Stay on the line."));
    assert!(text.contains("999 BSL"));
    assert!(text.contains("text the word register to 999"));
    assert_eq!(page.attrs("a[href='sms:999']", "href").len(), 1);
    assert!(
        page.attrs("a[href='https://www.999bsl.co.uk']", "href")
            .len()
            == 1
    );
}

#[tokio::test]
async fn the_new_information_pages_serve_with_their_facts() {
    let app = spawn_app().await;
    for (path, heading) in NEW_PAGES {
        let page = app.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        assert_eq!(page.h1(), heading, "{path}");
        for word in ["stalking", "harassment", "abuse", "unsafe"] {
            assert!(!path.contains(word), "{path} names the topic");
        }
    }
    let orders = app
        .get("/advice/protective-orders")
        .await
        .texts("main")
        .join(" ");
    for fact in [
        "Stalking Protection Act 2019",
        "section 5 of the Protection from Harassment Act 1997",
        "section 5A",
        "section 42 of the Family Law Act 1996",
        "section 42A",
    ] {
        assert!(orders.contains(fact), "orders page misses {fact}");
    }
    let support = app.get("/advice/support").await;
    let text = support.texts("main").join(" ");
    for name in [
        "Paladin",
        "Protection Against Stalking",
        "Galop",
        "Karma Nirvana",
        "Men's Advice Line",
        "Respect",
        "NSPCC",
        "Childline",
        "Revenge Porn Helpline",
        "Victim Support",
        "National Stalking Helpline",
    ] {
        assert!(text.contains(name), "support page misses {name}");
    }
    assert!(text.contains("opening hours are on its website"));
}

#[tokio::test]
async fn the_privacy_notice_takes_the_controller_dpo_and_retention_from_the_settings() {
    let app = spawn_app_with(
        TestDb::sqlite(),
        |c| {
            c.data_controller = "The Chief Constable of Testshire Police".to_owned();
            c.dpo_email = "dpo@testshire.example".to_owned();
            c.dpo_address = "1 Test Street, Testshire".to_owned();
            c.draft_idle_minutes = 47;
            c.retention_closed_report_days = 401;
            c.retention_place_point_days = 173;
            c.retention_place_text_days = 83;
            c.retention_place_about_days = 389;
            c.retention_feedback_days = 151;
        },
        None,
    )
    .await;
    let page = app.get("/privacy").await;
    let text = page.texts("main").join(" ");
    for fact in [
        "The Chief Constable of Testshire Police",
        "dpo@testshire.example",
        "1 Test Street, Testshire",
        "47 minutes after you last used the form",
        "401 days after we close the case",
        "exact spot of a place report: 173 days",
        "what you wrote about a place: 83 days",
        "answers about you on a place report: 389 days",
        "feedback: 151 days",
        "Part 3 of the Data Protection Act 2018",
        "Article 6(1)(e)",
        "Article 9(2)(g)",
        "empty or isolated places",
        "reasons about how people behaved",
    ] {
        assert!(text.contains(fact), "privacy notice misses {fact}");
    }
    assert_eq!(
        page.attrs("a[href='mailto:dpo@testshire.example']", "href")
            .len(),
        1
    );
}

#[tokio::test]
async fn the_accessibility_statement_has_status_issues_dates_and_enforcement() {
    let app = spawn_app_with(TestDb::sqlite(), |c| c.draft_idle_minutes = 47, None).await;
    let text = app.get("/accessibility").await.texts("main").join(" ");
    for fact in [
        "partially compliant",
        "Problems we know about",
        "47 minutes without use",
        "prepared on 6 December 2026",
        "last reviewed on 6 December 2026",
        "Equality and Human Rights Commission",
        "Equality Advisory and Support Service",
        "tell us using our feedback form",
    ] {
        assert!(text.contains(fact), "statement misses {fact}");
    }
}

#[test]
fn staff_see_third_person_reason_labels() {
    let text = Catalog::load("en-GB").expect("catalogue");
    for (code, _) in REASON_BITS {
        let id = staff_reason_label(code).expect("label");
        assert!(text.has(id), "{id}");
        let label = text.t(id);
        assert!(
            !label.starts_with("I ") && !label.contains(" me") && !label.contains(" I "),
            "{code}: {label}"
        );
    }
    assert_eq!(
        text.t(staff_reason_label("followed").expect("label")),
        "Followed"
    );
}
