//! The public site: pages, chrome, headers, cookies and consent, feedback, quick exit, errors.

use std::collections::{BTreeSet, VecDeque};

use axum::routing::get;

use crate::helpers::{TestDb, spawn_app, spawn_app_with};

const PAGES: [&str; 15] = [
    "/",
    "/advice",
    "/advice/harassment",
    "/advice/sexual-harassment",
    "/advice/stalking",
    "/advice/online-stalking",
    "/advice/what-you-can-do",
    "/advice/covering-your-tracks",
    "/report-stalking",
    "/unsafe-place",
    "/accessibility",
    "/privacy",
    "/cookies",
    "/feedback",
    "/feedback/thank-you",
];

#[tokio::test]
async fn every_public_page_has_the_safety_chrome() {
    let app = spawn_app().await;
    for path in PAGES {
        let page = app.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        assert_eq!(
            page.attrs("a[data-quick-exit]", "href"),
            ["/exit"],
            "{path}: quick exit button"
        );
        assert_eq!(
            page.attrs("a[data-quick-exit-skip]", "href"),
            ["/exit"],
            "{path}: skip link"
        );
        assert!(
            page.attrs(".govuk-phase-banner a", "href")[0].starts_with("/feedback?from="),
            "{path}"
        );
        assert_eq!(page.texts("h1").len(), 1, "{path}: exactly one h1");
        assert_eq!(page.header("cache-control"), "no-store", "{path}");
        assert_eq!(
            page.title(),
            "Northshire Police",
            "{path}: titles are neutral by default"
        );
        assert_eq!(
            page.attrs("script", "src"),
            [saferstreets::http::assets::url("app.js")],
            "{path}: only our script (by its fingerprinted name)"
        );
        assert!(
            !page.body.contains("<script>") && !page.body.contains("style="),
            "{path}: nothing inline"
        );
    }
}

#[tokio::test]
async fn pages_show_no_raw_message_ids() {
    let app = spawn_app().await;
    let ids: Vec<String> = app
        .state
        .text
        .default_catalog()
        .ids()
        .map(str::to_owned)
        .collect();
    for path in PAGES {
        let page = app.get(path).await;
        let text: String = page.texts("body").concat();
        for id in &ids {
            // An id rendered as text means a template asked for a message that does not exist
            // (or that needs arguments it was not given).
            assert!(
                !id.contains('-') || !text.split_whitespace().any(|w| w == id),
                "{path} shows message id {id}"
            );
        }
    }
}

#[tokio::test]
async fn every_link_on_the_site_leads_to_a_page() {
    let app = spawn_app().await;
    let mut seen = BTreeSet::new();
    let mut queue: VecDeque<String> = VecDeque::from(["/".to_owned()]);
    while let Some(path) = queue.pop_front() {
        if !seen.insert(path.clone()) {
            continue;
        }
        let page = app.get(&path).await;
        assert_eq!(page.status, 200, "link to {path}");
        for href in page
            .attrs("a[href]", "href")
            .into_iter()
            .chain(page.attrs("link[href]", "href"))
        {
            // The only other hosts linked to are the organisations in domain::contacts.
            let vetted = saferstreets::domain::contacts::SITES
                .iter()
                .any(|s| href == format!("https://{}", s.web));
            assert!(
                vetted
                    || (!href.starts_with("http://")
                        && !href.starts_with("https://")
                        && !href.starts_with("//")),
                "{path} links to another host: {href}"
            );
            let href = href.split('#').next().unwrap_or_default().to_owned();
            // The language switcher redirects (tests/integration/language.rs follows it).
            if href.starts_with('/')
                && href != "/exit"
                && !href.starts_with("/assets/")
                && !href.starts_with("/language")
            {
                queue.push_back(href);
            }
        }
        for src in page.attrs("[src]", "src") {
            assert!(src.starts_with("/assets/"), "{path} loads {src}");
        }
    }
    assert!(seen.len() >= PAGES.len() - 1, "crawled {seen:?}");
}

#[tokio::test]
async fn responses_carry_the_security_headers() {
    let app = spawn_app().await;
    for path in ["/", "/nope", "/healthz", "/assets/app.css"] {
        let page = app.get(path).await;
        let csp = page.header("content-security-policy");
        for part in [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "base-uri 'none'",
        ] {
            assert!(csp.contains(part), "{path}: CSP lacks {part}: {csp}");
        }
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(page.header("referrer-policy"), "no-referrer");
        assert_eq!(page.header("x-content-type-options"), "nosniff");
        assert_eq!(page.header("cross-origin-opener-policy"), "same-origin");
        assert!(
            page.header("permissions-policy")
                .starts_with("geolocation=(self)")
        );
        assert_eq!(
            page.header("strict-transport-security"),
            "",
            "no HSTS over plain HTTP"
        );
    }
}

#[tokio::test]
async fn hsts_is_sent_when_served_over_tls() {
    let app = spawn_app_with(
        TestDb::sqlite(),
        |c| c.public_url = "https://report.example".into(),
        None,
    )
    .await;
    let page = app.get("/feedback").await;
    assert_eq!(
        page.header("strict-transport-security"),
        "max-age=31536000; includeSubDomains"
    );
    assert!(
        page.set_cookies()
            .iter()
            .any(|c| c.starts_with("__Host-ss_session=") && c.contains("Secure"))
    );
}

#[tokio::test]
async fn assets_are_served_from_our_own_origin() {
    let app = spawn_app().await;
    let css = app.get("/assets/app.css").await;
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type"), "text/css");
    assert!(
        !css.body.contains("GDS Transport"),
        "the GOV.UK font is not ours to use"
    );
    let js = app.get("/assets/app.js").await;
    assert_eq!(js.header("content-type"), "text/javascript");
    assert_eq!(app.get("/assets/govuk-frontend.min.js").await.status, 200);
    assert_eq!(app.get("/assets/nope.js").await.status, 404);
}

#[tokio::test]
async fn the_session_cookie_is_essential_and_strict() {
    let app = spawn_app().await;
    // Content pages start no session (issue 15, tests/integration/light.rs); a page with a
    // form of its own does.
    assert!(app.get("/").await.set_cookies().is_empty());
    let page = app.get("/feedback").await;
    let cookies = page.set_cookies();
    assert_eq!(
        cookies.len(),
        1,
        "only the session cookie before consent: {cookies:?}"
    );
    let c = &cookies[0];
    assert!(
        c.starts_with("__Host-ss_session=")
            && c.contains("HttpOnly")
            && c.contains("SameSite=Strict")
            && c.contains("Secure")
    );
    assert!(
        !c.contains("Max-Age") && !c.contains("Expires"),
        "ends with the browser session"
    );
    // Once set, it is not sent again.
    assert!(app.get("/advice").await.set_cookies().is_empty());
}

#[tokio::test]
async fn unknown_pages_get_the_not_found_page() {
    let app = spawn_app().await;
    let page = app.get("/no/such/page").await;
    assert_eq!(page.status, 404);
    assert_eq!(page.h1(), "Page not found");
    assert_eq!(page.title(), "Northshire Police");
    assert_eq!(page.attrs("a[data-quick-exit]", "href"), ["/exit"]);
}

#[tokio::test]
async fn the_cookie_banner_works_from_a_not_found_page_on_a_first_visit() {
    let app = spawn_app().await;
    let page = app.get("/no/such/page").await;
    assert_eq!(page.status, 404);
    // The banner's form needs no session (issue 15): a 404 starts none.
    assert!(app.session_cookie().is_none());
    assert_eq!(page.texts(".govuk-cookie-banner button").len(), 2);
    let choice = app
        .post_raw(
            "/cookies/consent",
            &[("cookies", "reject"), ("return_to", "/")],
            &[("sec-fetch-site", "same-origin")],
        )
        .await;
    assert_eq!(choice.status, 303);
    assert_eq!(app.cookie("ss_cookie_consent").as_deref(), Some("no"));
}

#[tokio::test]
async fn a_panicking_handler_shows_the_problem_page_not_a_trace() {
    #[allow(clippy::panic)]
    async fn boom() -> &'static str {
        panic!("secret internal detail");
    }
    let boom = axum::Router::new().route("/boom", get(boom));
    let app = spawn_app_with(TestDb::sqlite(), |_| {}, Some(boom)).await;
    let page = app.get("/boom").await;
    assert_eq!(page.status, 500);
    assert_eq!(page.h1(), "Sorry, there is a problem with the service");
    assert!(
        page.body.contains("has not been sent"),
        "says what happened to answers"
    );
    assert!(!page.body.contains("secret internal detail") && !page.body.contains("panicked"));
}

#[tokio::test]
async fn a_broken_database_shows_the_problem_page_without_sql() {
    let app = spawn_app().await;
    // Make every insert fail by removing the table behind the store's back.
    sqlx::query("DROP TABLE feedback")
        .execute(
            &sqlx::SqlitePool::connect(&app_db_url(&app))
                .await
                .expect("pool"),
        )
        .await
        .expect("drop");
    let page = app
        .post_form("/feedback", &[("satisfaction", "satisfied"), ("from", "/")])
        .await;
    assert_eq!(page.status, 500);
    assert_eq!(page.h1(), "Sorry, there is a problem with the service");
    assert!(!page.body.to_lowercase().contains("sql") && !page.body.contains("feedback ("));
    assert_eq!(
        app.get("/readyz").await.status,
        200,
        "the database itself is still up"
    );
}

fn app_db_url(app: &crate::helpers::TestApp) -> String {
    app.state.config.database_url.clone()
}

#[tokio::test]
async fn posts_without_a_valid_csrf_token_are_refused_with_a_page() {
    let app = spawn_app().await;
    app.get("/feedback").await;
    let none = app
        .post_raw("/feedback", &[("satisfaction", "satisfied")], &[])
        .await;
    assert_eq!(none.status, 403);
    assert_eq!(none.h1(), "Sorry, your form could not be sent");
    let forged = app
        .post_raw(
            "/feedback",
            &[("csrf", &"ab".repeat(32)), ("satisfaction", "satisfied")],
            &[],
        )
        .await;
    assert_eq!(forged.status, 403);
    // The banner's form has no token by design (issue 15): a browser must say the POST came
    // from our own pages; one that says nothing is sent to the cookies page's form instead.
    let banner = app
        .post_raw(
            "/cookies/consent",
            &[("cookies", "accept")],
            &[("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(banner.status, 403, "anonymous forms are protected too");
    let unsure = app
        .post_raw("/cookies/consent", &[("cookies", "accept")], &[])
        .await;
    assert_eq!(
        (unsure.status, unsure.header("location")),
        (303, "/cookies")
    );
    assert_eq!(app.cookie("ss_cookie_consent"), None);
    assert!(
        app.state
            .store
            .list_feedback(10, &app.state.keyring)
            .await
            .expect("list")
            .is_empty()
    );
}

#[tokio::test]
async fn posts_from_another_site_are_refused_even_with_a_token() {
    let app = spawn_app().await;
    let token = app.csrf_token().await;
    let fields = [("csrf", token.as_str()), ("satisfaction", "satisfied")];
    let cross = app
        .post_raw("/feedback", &fields, &[("origin", "https://evil.example")])
        .await;
    assert_eq!(cross.status, 403);
    let site = app
        .post_raw("/feedback", &fields, &[("sec-fetch-site", "cross-site")])
        .await;
    assert_eq!(site.status, 403);
    let host = app.base.trim_start_matches("http://").to_owned();
    let same = app
        .post_raw(
            "/feedback",
            &fields,
            &[
                ("origin", &format!("http://{host}")),
                ("sec-fetch-site", "same-origin"),
            ],
        )
        .await;
    assert_eq!(same.status, 303);
}

#[tokio::test]
async fn malformed_and_oversized_forms_get_clear_pages() {
    let app = spawn_app().await;
    let token = app.csrf_token().await;
    let res = app
        .client
        .post(format!("{}/feedback", app.base))
        .header(
            "cookie",
            format!(
                "__Host-ss_session={}",
                app.session_cookie().unwrap_or_default()
            ),
        )
        .header("content-type", "application/json")
        .body(format!("{{\"csrf\":\"{token}\"}}"))
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), 400);
    let body = res.text().await.expect("body");
    assert!(body.contains("Sorry, there is a problem with what was sent"));

    let huge = "x".repeat(200 * 1024);
    let big = app
        .post_form(
            "/feedback",
            &[("satisfaction", "satisfied"), ("improve", &huge)],
        )
        .await;
    assert_eq!(big.status, 413);
    assert_eq!(big.h1(), "Sorry, what you sent was too long");
}

#[tokio::test]
async fn the_cookie_banner_asks_until_answered_and_works_without_javascript() {
    let app = spawn_app().await;
    let first = app.get("/advice").await;
    assert_eq!(
        first.texts(".govuk-cookie-banner h2"),
        ["Cookies on this service"]
    );
    assert_eq!(
        first.attrs(".govuk-cookie-banner input[name=return_to]", "value"),
        ["/advice"]
    );

    let choice = app
        .post_form(
            "/cookies/consent",
            &[("cookies", "accept"), ("return_to", "/advice")],
        )
        .await;
    assert_eq!(choice.status, 303);
    assert_eq!(choice.header("location"), "/advice?cookies=accepted");
    let consent = choice
        .set_cookies()
        .into_iter()
        .find(|c| c.starts_with("ss_cookie_consent="))
        .expect("consent");
    // A session cookie: no trace of the visit is left once the browser closes.
    assert!(consent.starts_with("ss_cookie_consent=yes"), "{consent}");
    assert!(
        !consent.contains("Max-Age") && !consent.contains("Expires"),
        "{consent}"
    );

    let confirmed = app.get("/advice?cookies=accepted").await;
    assert!(
        confirmed
            .body
            .contains("You have accepted additional cookies.")
    );
    assert_eq!(
        confirmed.attrs(".govuk-cookie-banner a[role=button]", "href"),
        ["/advice"]
    );
    let later = app.get("/advice").await;
    assert!(
        later.texts(".govuk-cookie-banner").is_empty(),
        "no banner once answered"
    );
}

#[tokio::test]
async fn rejecting_cookies_is_remembered_and_the_return_path_stays_on_our_site() {
    let app = spawn_app().await;
    let choice = app
        .post_form(
            "/cookies/consent",
            &[("cookies", "reject"), ("return_to", "//evil.example/x")],
        )
        .await;
    assert_eq!(choice.header("location"), "/?cookies=rejected");
    assert_eq!(app.cookie("ss_cookie_consent").as_deref(), Some("no"));
    let bad = app
        .post_form("/cookies/consent", &[("cookies", "maybe")])
        .await;
    assert_eq!(bad.status, 400);
}

#[tokio::test]
async fn page_views_are_counted_only_after_consent_and_without_identifiers() {
    let app = spawn_app().await;
    app.get("/advice/stalking").await;
    let day = saferstreets::clock::utc_date(crate::helpers::TEST_NOW);
    let stored = || async { app.state.store.page_views(&day, &day).await.expect("views") };
    let flush = || async {
        app.state
            .page_views
            .flush(&app.state.store)
            .await
            .expect("flush")
    };
    assert!(stored().await.is_empty());

    app.post_form(
        "/cookies/consent",
        &[("cookies", "accept"), ("return_to", "/")],
    )
    .await;
    app.get("/advice/stalking").await;
    app.get("/advice/stalking?anything=else").await;
    app.get("/no-such-page").await;
    // Not page views: the back office, assets, the API and a redirect.
    assert_eq!(app.get("/staff/sign-in").await.status, 200);
    app.get(&saferstreets::http::assets::url("app.css")).await;
    app.get("/api/v1/hotspots?res=9").await;
    app.get("/healthz").await;
    assert!(
        stored().await.is_empty(),
        "a page view writes nothing to the database until the tally is flushed"
    );
    flush().await;
    let views = stored().await;
    let stalking: Vec<_> = views
        .iter()
        .filter(|v| v.path == "/advice/stalking")
        .collect();
    assert_eq!(stalking.len(), 1);
    assert_eq!(stalking[0].views, 2);
    assert!(
        views
            .iter()
            .all(|v| v.path.starts_with('/') && !v.path.contains('?')),
        "{views:?}"
    );
    assert!(
        !views.iter().any(|v| v.path.contains("no-such-page")),
        "404s are not counted"
    );
    assert!(
        views.iter().all(|v| !v.path.starts_with("/staff")
            && !v.path.starts_with("/assets")
            && !v.path.starts_with("/api")
            && v.path != "/healthz"),
        "only public pages are counted: {views:?}"
    );

    app.post_form("/cookies", &[("usage", "no")]).await;
    app.get("/advice/stalking").await;
    flush().await;
    let after = stored().await;
    assert_eq!(
        after
            .iter()
            .find(|v| v.path == "/advice/stalking")
            .map(|v| v.views),
        Some(2)
    );
}

#[tokio::test]
async fn the_cookies_page_lists_our_cookies_and_saves_a_choice() {
    let app = spawn_app().await;
    let page = app.get("/cookies").await;
    let names = page.texts("table tbody tr td:first-child");
    assert_eq!(names, ["__Host-ss_session", "ss_cookie_consent", "ss_lang"]);
    assert_eq!(
        page.attrs("input[name=usage][checked]", "value"),
        ["no"],
        "defaults to no"
    );

    let missing = app.post_form("/cookies", &[]).await;
    assert_eq!(missing.status, 422);
    assert!(missing.title().starts_with("Error:"));
    assert_eq!(missing.attrs(".govuk-error-summary a", "href"), ["#usage"]);

    let saved = app.post_form("/cookies", &[("usage", "yes")]).await;
    assert_eq!(saved.header("location"), "/cookies?saved=yes");
    let shown = app.get("/cookies?saved=yes").await;
    assert!(shown.body.contains("You have set your cookie preferences."));
    assert_eq!(shown.attrs("input[name=usage][checked]", "value"), ["yes"]);
}

#[tokio::test]
async fn feedback_is_validated_stored_and_leads_back() {
    let app = spawn_app().await;
    let form = app.get("/feedback?from=/advice/stalking").await;
    assert_eq!(
        form.attrs("input[name=from]", "value"),
        ["/advice/stalking"]
    );
    assert_eq!(form.attrs(".govuk-back-link", "href"), ["/advice/stalking"]);

    let long = "a".repeat(1201);
    let bad = app
        .post_form(
            "/feedback",
            &[("improve", &long), ("from", "/advice/stalking")],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.title().starts_with("Error: "));
    assert_eq!(
        bad.attrs(".govuk-error-summary a", "href"),
        ["#satisfaction", "#improve"]
    );
    assert_eq!(
        bad.texts("#improve-error"),
        ["Error: How we could improve the service must be 1,200 characters or fewer"]
    );
    assert_eq!(bad.texts("textarea#improve"), [long], "answer kept");

    let forged = app
        .post_form("/feedback", &[("satisfaction", "ecstatic")])
        .await;
    assert_eq!(forged.status, 422);

    let ok = app
        .post_form(
            "/feedback",
            &[
                ("satisfaction", "dissatisfied"),
                ("improve", "Bigger <b>buttons</b>"),
                ("from", "/advice/stalking"),
            ],
        )
        .await;
    assert_eq!(ok.status, 303);
    assert_eq!(
        ok.header("location"),
        "/feedback/thank-you?from=%2Fadvice%2Fstalking"
    );
    let thanks = app
        .get("/feedback/thank-you?from=%2Fadvice%2Fstalking")
        .await;
    assert_eq!(thanks.attrs("main a", "href"), ["/advice/stalking"]);

    let stored = app
        .state
        .store
        .list_feedback(10, &app.state.keyring)
        .await
        .expect("list");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].answers.satisfaction, "dissatisfied");
    assert_eq!(
        stored[0].answers.improve.as_deref(),
        Some("Bigger <b>buttons</b>")
    );
    assert_eq!(stored[0].answers.page, "/advice/stalking");
    assert_eq!(stored[0].answers.created_at, crate::helpers::TEST_NOW);
}

#[tokio::test]
async fn typed_text_is_escaped_when_shown_again() {
    let app = spawn_app().await;
    let page = app
        .post_form(
            "/feedback",
            &[("improve", "</textarea><script>alert(1)</script>")],
        )
        .await;
    assert_eq!(page.status, 422);
    assert!(!page.body.contains("<script>alert(1)"));
    assert!(page.body.contains("&lt;script&gt;") || page.body.contains("&#60;script&#62;"));
}

#[tokio::test]
async fn quick_exit_forgets_the_session_and_leaves_without_a_trace() {
    let app = spawn_app().await;
    app.get("/feedback").await;
    let session = app.session_cookie().expect("session");
    let key = saferstreets::http::session::SessionId::from_cookie_value(&session, &app.state.keys)
        .expect("id")
        .store_key();
    app.state
        .store
        .put_session(&key, b"draft answers", crate::helpers::TEST_NOW + 3600)
        .await
        .expect("put");

    let exit = app.get("/exit").await;
    assert_eq!(exit.status, 303);
    assert_eq!(exit.header("location"), "https://neutral.example/weather");
    assert_eq!(
        exit.header("clear-site-data"),
        "\"cache\", \"cookies\", \"storage\""
    );
    assert_eq!(exit.header("referrer-policy"), "no-referrer");
    assert_eq!(exit.header("cache-control"), "no-store");
    let cookies = exit.set_cookies();
    assert_eq!(
        cookies.len(),
        2,
        "the old cookies are expired and no new one handed out: {cookies:?}"
    );
    assert!(cookies[0].starts_with("__Host-ss_session=;") && cookies[0].contains("Max-Age=0"));
    assert!(cookies[1].starts_with("ss_lang=;") && cookies[1].contains("Max-Age=0"));
    assert_eq!(app.state.store.get_session(&key).await.expect("get"), None);
    assert!(app.session_cookie().is_none());
}

#[tokio::test]
async fn health_and_readiness_answer() {
    let app = spawn_app().await;
    let health = app.get("/healthz").await;
    assert_eq!((health.status, health.body.as_str()), (200, "ok"));
    let ready = app.get("/readyz").await;
    assert_eq!((ready.status, ready.body.as_str()), (200, "ready"));
    assert!(health.set_cookies().is_empty(), "probes get no cookies");
}

#[tokio::test]
async fn shared_pages_never_carry_another_visitors_form_token() {
    let app = spawn_app().await;
    let other = crate::helpers::Browser::new(&app.base);
    // Two visitors who answered the cookie question get the same cached page, with no form.
    app.post_form(
        "/cookies/consent",
        &[("cookies", "reject"), ("return_to", "/")],
    )
    .await;
    other
        .post_form(
            "/cookies/consent",
            &[("cookies", "accept"), ("return_to", "/")],
        )
        .await;
    let first = app.get("/advice/stalking").await;
    let second = other.get("/advice/stalking").await;
    assert_eq!(first.body, second.body);
    assert!(first.attrs("input[name=csrf]", "value").is_empty());
    // A new visitor is asked about cookies, by a page shared by every new visitor: the form
    // carries no token (issue 15), and the answer needs none.
    let newcomer = crate::helpers::Browser::new(&app.base);
    let page = newcomer.get("/advice/stalking").await;
    assert!(page.attrs("input[name=csrf]", "value").is_empty());
    assert_eq!(
        page.body,
        crate::helpers::Browser::new(&app.base)
            .get("/advice/stalking")
            .await
            .body
    );
    let ok = newcomer
        .post_raw(
            "/cookies/consent",
            &[("cookies", "accept"), ("return_to", "/")],
            &[("sec-fetch-site", "same-origin")],
        )
        .await;
    assert_eq!(ok.status, 303);
    assert_eq!(newcomer.cookie("ss_cookie_consent").as_deref(), Some("yes"));
}
