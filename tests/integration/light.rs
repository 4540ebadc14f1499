//! Light pages (issue 15): compressed and fingerprinted assets, compressed pages, first visits
//! that start no session and write nothing, and the cookie banner without a token.

use std::io::Read;

use crate::helpers::{Browser, TestDb, spawn_app, spawn_app_with};

/// Every public page a visitor can open without answering anything, including the first
/// question of each report.
const PUBLIC_PAGES: [&str; 24] = [
    "/",
    "/advice",
    "/advice/harassment",
    "/advice/sexual-harassment",
    "/advice/stalking",
    "/advice/online-stalking",
    "/advice/what-you-can-do",
    "/advice/covering-your-tracks",
    "/advice/after-you-report",
    "/advice/place-reports",
    "/advice/protective-orders",
    "/advice/support",
    "/accessibility",
    "/privacy",
    "/cookies",
    "/feedback",
    "/feedback/thank-you",
    "/report-stalking",
    "/report-stalking/emergency",
    "/report-stalking/danger",
    "/unsafe-place",
    "/unsafe-place/where",
    "/no/such/page",
    "/assets/app.css",
];

/// Content pages: the same for every visitor, so a first visit to one sets no cookie.
const CONTENT_PAGES: [&str; 14] = [
    "/",
    "/advice",
    "/advice/harassment",
    "/advice/sexual-harassment",
    "/advice/stalking",
    "/advice/online-stalking",
    "/advice/what-you-can-do",
    "/advice/covering-your-tracks",
    "/advice/after-you-report",
    "/advice/place-reports",
    "/advice/protective-orders",
    "/advice/support",
    "/accessibility",
    "/privacy",
];

/// Rows in `sessions`, read as the database has them.
async fn session_rows(url: &str) -> i64 {
    if url.starts_with("sqlite:") {
        let pool = sqlx::SqlitePool::connect(url).await.expect("sqlite");
        sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
            .fetch_one(&pool)
            .await
            .expect("count")
    } else {
        let pool = sqlx::PgPool::connect(url).await.expect("postgres");
        sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
            .fetch_one(&pool)
            .await
            .expect("count")
    }
}

fn brotli_decode(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_end(&mut out)
        .expect("valid brotli");
    out
}

fn gzip_decode(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("valid gzip");
    out
}

/// A GET with extra headers and an optional cookie header; returns status, headers, raw body.
async fn raw_get(
    app: &Browser,
    path: &str,
    headers: &[(&str, &str)],
) -> (u16, reqwest::header::HeaderMap, Vec<u8>) {
    let mut req = app.client.get(format!("{}{path}", app.base));
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let res = req.send().await.expect("GET");
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let body = res.bytes().await.expect("body").to_vec();
    (status, headers, body)
}

fn header<'h>(headers: &'h reqwest::header::HeaderMap, name: &str) -> &'h str {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

#[tokio::test]
async fn page_views_write_no_session_rows_on_either_database() {
    for db in TestDb::all().await {
        let url = db.url.clone();
        let app = spawn_app_with(db, |_| {}, None).await;
        // A first visit to every page, with no cookie at all, and again as a visitor who
        // answered the cookie question; then the same visitor with the cookies it was given.
        for path in PUBLIC_PAGES {
            raw_get(&app, path, &[]).await;
            raw_get(&app, path, &[("cookie", "ss_cookie_consent=no")]).await;
            let page = app.get(path).await;
            assert!(page.status < 500, "{path}: {}", page.status);
        }
        for path in PUBLIC_PAGES {
            app.get(path).await;
        }
        assert_eq!(session_rows(&url).await, 0, "no page view writes a session");
        // The first saved answer is what creates one.
        let saved = app
            .post_form("/report-stalking/danger", &[("answer", "no")])
            .await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        assert!(session_rows(&url).await >= 1, "a saved answer is kept");
    }
}

#[tokio::test]
async fn a_first_visit_to_a_content_page_sets_no_cookie_and_asks_the_cookie_question() {
    let app = spawn_app().await;
    for path in CONTENT_PAGES {
        let page = app.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        assert!(
            page.set_cookies().is_empty(),
            "{path}: {:?}",
            page.set_cookies()
        );
        assert_eq!(
            page.texts(".govuk-cookie-banner button").len(),
            2,
            "{path} asks"
        );
        assert!(
            page.attrs(".govuk-cookie-banner input[name=csrf]", "value")
                .is_empty(),
            "{path}: the banner's form carries no per-visitor token"
        );
    }
    // A page with a form of its own still gets a session, and its token.
    let feedback = app.get("/feedback").await;
    assert_eq!(feedback.set_cookies().len(), 1);
    assert_eq!(feedback.attrs("input[name=csrf]", "value").len(), 1);
}

#[tokio::test]
async fn a_session_starts_only_when_a_response_uses_one() {
    let app = spawn_app().await;
    // Nothing here reads or keys anything by the session, so none is started.
    let css = saferstreets::http::assets::url("app.css");
    for path in [
        "/healthz",
        "/api/v1/hotspots?res=9",
        css.as_str(),
        "/no/such/page",
        "/staff/no/such/page",
    ] {
        let res = app.get(path).await;
        assert!(
            res.set_cookies().is_empty(),
            "{path} ({}): {:?}",
            res.status,
            res.set_cookies()
        );
    }
    // A question page's form carries a token tied to the session: it starts one, and a
    // second visit with that cookie is not given another.
    let question = app.get("/report-stalking/danger").await;
    assert_eq!(question.status, 200);
    let cookies = question.set_cookies();
    assert_eq!(cookies.len(), 1, "{cookies:?}");
    assert!(cookies[0].contains("ss_session="), "{cookies:?}");
    let again = app.get("/report-stalking/danger").await;
    assert!(again.set_cookies().is_empty(), "{:?}", again.set_cookies());
}

#[tokio::test]
async fn content_pages_come_compressed_from_the_cache_and_decode_to_the_same_page() {
    let app = spawn_app().await;
    for cookie in ["", "ss_cookie_consent=no"] {
        let plain = raw_get(&app, "/advice/stalking", &[("cookie", cookie)]).await;
        assert_eq!(header(&plain.1, "content-encoding"), "");
        assert_eq!(header(&plain.1, "vary"), "accept-encoding");
        let br = raw_get(
            &app,
            "/advice/stalking",
            &[("cookie", cookie), ("accept-encoding", "gzip, deflate, br")],
        )
        .await;
        assert_eq!(header(&br.1, "content-encoding"), "br");
        assert_eq!(header(&br.1, "vary"), "accept-encoding");
        assert_eq!(brotli_decode(&br.2), plain.2);
        assert!(
            br.2.len() * 3 < plain.2.len(),
            "{} of {}",
            br.2.len(),
            plain.2.len()
        );
        let gz = raw_get(
            &app,
            "/advice/stalking",
            &[("cookie", cookie), ("accept-encoding", "gzip")],
        )
        .await;
        assert_eq!(header(&gz.1, "content-encoding"), "gzip");
        assert_eq!(gzip_decode(&gz.2), plain.2);
        // Each coding's length is kept with the cached page, and is its own.
        for (_, headers, body) in [&plain, &br, &gz] {
            assert_eq!(header(headers, "content-length"), body.len().to_string());
        }
        // A coding refused with q=0 is not used.
        let refused = raw_get(
            &app,
            "/advice/stalking",
            &[("cookie", cookie), ("accept-encoding", "br;q=0, gzip")],
        )
        .await;
        assert_eq!(header(&refused.1, "content-encoding"), "gzip");
        // Pages stay out of the browser's cache, compressed or not.
        assert_eq!(header(&br.1, "cache-control"), "no-store");
    }
}

#[tokio::test]
async fn pages_rendered_per_request_are_compressed_too() {
    let app = spawn_app().await;
    let plain = raw_get(&app, "/no/such/page", &[]).await;
    let gz = raw_get(&app, "/no/such/page", &[("accept-encoding", "gzip")]).await;
    assert_eq!(gz.0, 404);
    assert_eq!(header(&gz.1, "content-encoding"), "gzip");
    let page = String::from_utf8(gzip_decode(&gz.2)).expect("utf-8");
    assert!(page.contains("Page not found"));
    assert_eq!(plain.0, 404);
    assert_eq!(header(&plain.1, "content-encoding"), "");
}

#[tokio::test]
async fn pages_link_fingerprinted_assets_served_immutable_and_compressed() {
    let app = spawn_app().await;
    let page = app.get("/advice/stalking").await;
    let css = page.attrs("link[rel=stylesheet]", "href").remove(0);
    let js = page.attrs("script[type=module]", "src").remove(0);
    let icon = page.attrs("link[rel=icon]", "href").remove(0);
    for (url, plain) in [
        (&css, "/assets/app.css"),
        (&js, "/assets/app.js"),
        (&icon, "/assets/favicon.svg"),
    ] {
        assert_ne!(url, plain, "{url} has a content hash in its name");
        let stem = plain.rsplit_once('.').expect("extension").0;
        assert!(url.starts_with(&format!("{stem}.")), "{url}");
        let identity = raw_get(&app, url, &[]).await;
        assert_eq!(identity.0, 200, "{url}");
        assert_eq!(
            header(&identity.1, "cache-control"),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(header(&identity.1, "vary"), "accept-encoding");
        assert_eq!(header(&identity.1, "content-encoding"), "");
        // The same bytes as the plain name, which may change and is cached for an hour.
        let unhashed = raw_get(&app, plain, &[]).await;
        assert_eq!(header(&unhashed.1, "cache-control"), "public, max-age=3600");
        let br = raw_get(&app, url, &[("accept-encoding", "br, gzip")]).await;
        assert_eq!(header(&br.1, "content-encoding"), "br", "{url}");
        assert_eq!(brotli_decode(&br.2), identity.2, "{url}");
        let gz = raw_get(&app, url, &[("accept-encoding", "gzip")]).await;
        assert_eq!(header(&gz.1, "content-encoding"), "gzip", "{url}");
        assert_eq!(gzip_decode(&gz.2), identity.2, "{url}");
    }
    // The fingerprinted app.js imports the fingerprinted modules.
    let app_js = String::from_utf8(raw_get(&app, &js, &[]).await.2).expect("utf-8");
    assert!(!app_js.contains("'./govuk-frontend.min.js'"), "{app_js}");
    assert!(app_js.contains("./govuk-frontend.min."));
}

#[tokio::test]
async fn a_stale_asset_url_gets_the_not_found_page() {
    let app = spawn_app().await;
    for path in [
        "/assets/app.0123456789ab.css",
        "/assets/app.css.br",
        "/assets/app.js.gz",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, 404, "{path}");
        assert_eq!(page.h1(), "Page not found", "{path}");
        assert!(page.set_cookies().is_empty(), "{path}");
    }
}

/// The banner's POST, with the given request headers.
async fn banner_post(app: &Browser, headers: &[(&str, &str)]) -> (u16, String, Vec<String>) {
    let mut req = app
        .client
        .post(format!("{}/cookies/consent", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("cookies=accept&return_to=%2Fadvice");
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let res = req.send().await.expect("POST");
    let status = res.status().as_u16();
    let location = header(res.headers(), "location").to_owned();
    let cookies = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect();
    (status, location, cookies)
}

#[tokio::test]
async fn the_banner_choice_is_taken_only_from_our_own_pages() {
    let app = spawn_app().await;
    let host = app.base.trim_start_matches("http://").to_owned();
    let sets_consent = |cookies: &[String]| {
        cookies
            .iter()
            .any(|c| c.starts_with("ss_cookie_consent=yes"))
    };

    // A browser says the form was on our page: the choice is kept.
    let same = banner_post(&app, &[("sec-fetch-site", "same-origin")]).await;
    assert_eq!((same.0, same.1.as_str()), (303, "/advice?cookies=accepted"));
    assert!(sets_consent(&same.2));
    let origin = banner_post(&app, &[("origin", &format!("http://{host}"))]).await;
    assert_eq!(origin.0, 303);
    assert!(sets_consent(&origin.2));

    // Another site (or a sibling subdomain) cannot choose for the visitor.
    for headers in [
        vec![("sec-fetch-site", "cross-site")],
        vec![("sec-fetch-site", "same-site")],
        vec![("sec-fetch-site", "none")],
        vec![("sec-fetch-site", "cross-site"), ("origin", "null")],
        vec![("origin", "http://attacker.example")],
    ] {
        let refused = banner_post(&app, &headers).await;
        assert_eq!(refused.0, 403, "{headers:?}");
        assert!(!sets_consent(&refused.2), "{headers:?}");
    }

    // A browser that says nothing usable is sent to the cookies page's form (which has a
    // token) to make the choice there; nothing is set on trust.
    for headers in [vec![], vec![("origin", "null")]] {
        let unknown = banner_post(&app, &headers).await;
        assert_eq!(
            (unknown.0, unknown.1.as_str()),
            (303, "/cookies"),
            "{headers:?}"
        );
        assert!(unknown.2.is_empty(), "{headers:?}: {:?}", unknown.2);
    }
}

#[tokio::test]
async fn public_pages_load_only_the_public_stylesheet_and_staff_pages_add_theirs() {
    let app = spawn_app().await;
    let sheets = |page: &crate::helpers::Page| page.attrs("link[rel=stylesheet]", "href");
    let public = sheets(&app.get("/advice/stalking").await);
    assert_eq!(public.len(), 1, "{public:?}");
    assert!(public[0].starts_with("/assets/app."), "{public:?}");
    let staff = sheets(&app.get("/staff/sign-in").await);
    assert_eq!(staff.len(), 2, "{staff:?}");
    assert_eq!(staff[0], public[0], "the same cached public sheet first");
    assert!(staff[1].starts_with("/assets/staff."), "{staff:?}");
    let app_css = String::from_utf8(raw_get(&app, &public[0], &[]).await.2).expect("utf-8");
    let staff_css = String::from_utf8(raw_get(&app, &staff[1], &[]).await.2).expect("utf-8");
    // The back office's navigation is styled by its own sheet, not by the public one.
    assert!(staff_css.contains(".govuk-service-navigation__link"));
    assert!(!app_css.contains(".govuk-service-navigation__link"));
    assert!(!app_css.contains(".app-staff-bar"));
    assert!(app_css.contains(".govuk-panel"));
}
