//! Abuse resistance: rate limits per client and per instance, trusted proxies, the honeypot,
//! the minimum fill time and proof of work, and that a client's address is kept nowhere.

use saferstreets::config::{Config, PowMode};
use saferstreets::http::abuse::pow;

use crate::flows::{place, stalking};
use crate::helpers::{Browser, Page, TestApp, TestDb, spawn_app_with};

async fn app_with(configure: impl FnOnce(&mut Config)) -> TestApp {
    spawn_app_with(
        TestDb::sqlite(),
        |c| {
            c.rate_limits = true;
            configure(c);
        },
        None,
    )
    .await
}

/// Answer the second question of the stalking report `n` times; the statuses. (Not the first:
/// answering that starts the report under a new session id, which the page's token is not for.)
async fn flood(b: &Browser, n: usize) -> Vec<u16> {
    let token = b.csrf_token().await;
    let mut statuses = Vec::with_capacity(n);
    for _ in 0..n {
        let page = b
            .post_raw(
                "/report-stalking/who-for",
                &[("csrf", &token), ("answer", "no")],
                &[],
            )
            .await;
        statuses.push(page.status);
    }
    statuses
}

fn accepted(statuses: &[u16]) -> usize {
    statuses.iter().filter(|s| **s != 429).count()
}

#[tokio::test]
async fn a_flood_from_one_client_gets_no_more_than_its_quota() {
    let app = app_with(|_| {}).await;
    let statuses = flood(&app, 300).await;
    // The per-client burst of anonymous posts is 120; the clock does not move.
    assert_eq!(accepted(&statuses), 120, "{statuses:?}");
    assert!(statuses[..120].iter().all(|s| *s == 303));
    let refused = app
        .post_raw("/report-stalking/danger", &[("answer", "no")], &[])
        .await;
    assert_eq!(refused.status, 429);
    assert!(refused.header("retry-after").parse::<u64>().unwrap() >= 1);
    assert_eq!(refused.h1(), "Sorry, there have been too many attempts");
    assert_eq!(refused.header("cache-control"), "no-store");
    // One more token every five seconds.
    app.clock.advance(5);
    assert_eq!(accepted(&flood(&app, 5).await), 1);
    // Reading pages is never limited.
    assert_eq!(app.get("/report-stalking").await.status, 200);
}

#[tokio::test]
async fn forwarded_addresses_count_only_from_a_trusted_proxy() {
    // Not trusted: the header is ignored and every "client" shares the peer's bucket.
    let app = app_with(|_| {}).await;
    let a = Browser::with_header(&app.base, "x-forwarded-for", "198.51.100.1");
    let b = Browser::with_header(&app.base, "x-forwarded-for", "198.51.100.2");
    assert_eq!(accepted(&flood(&a, 100).await), 100);
    assert_eq!(accepted(&flood(&b, 100).await), 20);

    // Trusted: each forwarded client has its own bucket, and a client cannot escape its
    // bucket by writing its own header in front of the proxy's.
    let app = app_with(|c| c.trusted_proxies = vec!["127.0.0.1".into()]).await;
    let a = Browser::with_header(&app.base, "x-forwarded-for", "198.51.100.1");
    let b = Browser::with_header(&app.base, "x-forwarded-for", "198.51.100.2");
    let a_again = Browser::with_header(&app.base, "x-forwarded-for", "192.0.2.9, 198.51.100.1");
    assert_eq!(accepted(&flood(&a, 130).await), 120);
    assert_eq!(accepted(&flood(&b, 100).await), 100);
    assert_eq!(accepted(&flood(&a_again, 10).await), 0);
}

#[tokio::test]
async fn staff_sign_in_is_limited_per_client() {
    let app = app_with(|_| {}).await;
    let token = app.csrf_token().await;
    let mut statuses = Vec::new();
    for i in 0..40 {
        let email = format!("nobody{i}@example.police.uk");
        let page = app
            .post_raw(
                "/staff/sign-in",
                &[
                    ("csrf", &token),
                    ("email", &email),
                    ("password", "wrong password here"),
                ],
                &[],
            )
            .await;
        statuses.push(page.status);
    }
    assert_eq!(accepted(&statuses), 10, "{statuses:?}");
}

fn honeypot_and_challenge(check: &Page) -> (usize, Option<String>) {
    let honeypots = check.attrs("[hidden] input[name=homepage]", "value").len();
    let challenge = check
        .attrs("input[name=pow_challenge]", "value")
        .into_iter()
        .next();
    (honeypots, challenge)
}

/// Fill in a place report up to the check page: its submission id and challenge, if any.
async fn place_to_check(b: &Browser) -> (String, Option<String>) {
    let submission = place::to_check(b).await;
    let check = b.get("/unsafe-place/check").await;
    let (honeypots, challenge) = honeypot_and_challenge(&check);
    assert_eq!(honeypots, 1, "the send form has the honeypot field");
    (submission, challenge)
}

async fn send_place(b: &Browser, fields: &[(&str, &str)]) -> Page {
    b.post_form("/unsafe-place/check", fields).await
}

#[tokio::test]
async fn a_filled_honeypot_is_refused_before_anything_is_stored() {
    let app = app_with(|_| {}).await;
    let (submission, _) = place_to_check(&app).await;
    let refused = send_place(
        &app,
        &[
            ("submission", &submission),
            ("homepage", "http://spam.example"),
        ],
    )
    .await;
    assert_eq!(refused.status, 400);
    assert_eq!(refused.h1(), "Your answers have not been sent yet");
    assert!(refused.texts(".app-reference").is_empty());
    assert_eq!(app.state.store.count_place_reports().await.unwrap(), 0);
    // The answers are kept: the same draft can still be sent.
    let sent = send_place(&app, &[("submission", &submission), ("homepage", "")]).await;
    assert_eq!(sent.header("location"), "/unsafe-place/confirmation");
    assert_eq!(app.state.store.count_place_reports().await.unwrap(), 1);
}

#[tokio::test]
async fn a_report_sent_faster_than_a_person_could_is_refused_then_accepted() {
    let app = app_with(|c| c.min_fill_seconds = 5).await;
    stalking::complete(&app, stalking::ANONYMOUS_FOR_OTHER).await;
    let check = app.get("/report-stalking/check").await;
    let submission = check.attrs("input[name=submission]", "value").remove(0);
    let refused = app
        .post_form("/report-stalking/check", &[("submission", &submission)])
        .await;
    assert_eq!(refused.status, 400);
    assert_eq!(
        refused
            .attrs("a[href='/report-stalking/check']", "href")
            .len(),
        1,
        "the refusal leads back to the answers"
    );
    assert_eq!(app.state.store.count_stalking_reports().await.unwrap(), 0);
    app.clock.advance(5);
    assert!(!stalking::send(&app).await.is_empty());
    assert_eq!(app.state.store.count_stalking_reports().await.unwrap(), 1);
}

#[tokio::test]
async fn proof_of_work_single_use_and_the_stricter_limit_without_it() {
    let app = app_with(|c| {
        c.proof_of_work = PowMode::Always;
        c.proof_of_work_bits = 8;
    })
    .await;
    let count = || async { app.state.store.count_place_reports().await.unwrap() };
    // Without JavaScript (no answer): the stricter limit lets two through.
    for expected in 1..=2 {
        let (submission, challenge) = place_to_check(&app).await;
        assert!(challenge.is_some(), "the page carries a challenge");
        let sent = send_place(&app, &[("submission", &submission)]).await;
        assert_eq!(sent.status, 303, "{}", sent.h1());
        assert_eq!(count().await, expected);
    }
    let (submission, challenge) = place_to_check(&app).await;
    let refused = send_place(&app, &[("submission", &submission)]).await;
    assert_eq!(refused.status, 429);
    assert!(refused.header("retry-after").parse::<u64>().unwrap() > 60);
    assert_eq!(count().await, 2);
    // With a solved challenge the same draft goes through.
    let challenge = challenge.unwrap();
    let answer = pow::solve(&challenge);
    let sent = send_place(
        &app,
        &[
            ("submission", &submission),
            ("pow_challenge", &challenge),
            ("pow_answer", &answer),
        ],
    )
    .await;
    assert_eq!(sent.status, 303, "{}", sent.h1());
    assert_eq!(count().await, 3);
    // A spent challenge, a forged one and a wrong answer count as none: refused here.
    let (submission, fresh) = place_to_check(&app).await;
    let fresh = fresh.unwrap();
    let forged = fresh.replacen(".8.", ".0.", 1);
    for (c, a) in [
        (challenge.as_str(), answer.as_str()),
        (forged.as_str(), "0"),
        (fresh.as_str(), "not a number"),
    ] {
        let refused = send_place(
            &app,
            &[
                ("submission", &submission),
                ("pow_challenge", c),
                ("pow_answer", a),
            ],
        )
        .await;
        assert_eq!(refused.status, 429, "{c}");
    }
    assert_eq!(count().await, 3);
    // An expired challenge too.
    app.clock.advance(pow::LIFETIME_SECONDS);
    let late = pow::solve(&fresh);
    let refused = send_place(
        &app,
        &[
            ("submission", &submission),
            ("pow_challenge", &fresh),
            ("pow_answer", &late),
        ],
    )
    .await;
    assert_eq!(refused.status, 429);
    assert_eq!(count().await, 3);
}

#[tokio::test]
async fn proof_of_work_is_not_asked_when_the_service_is_quiet() {
    let app = app_with(|_| {}).await;
    let (_, challenge) = place_to_check(&app).await;
    assert!(challenge.is_none());
}

#[tokio::test]
async fn a_client_address_is_kept_nowhere() {
    let canary = "203.0.113.199";
    let dir = tempfile::tempdir().expect("dir");
    let (mut child, url) = crate::cli::serve(
        dir.path(),
        &[
            ("SAFERSTREETS_TRUSTED_PROXIES", "[\"127.0.0.1\"]"),
            ("RUST_LOG", "trace"),
            // The real clock runs here: no waiting for the minimum fill time.
            ("SAFERSTREETS_MIN_FILL_SECONDS", "0"),
        ],
    );
    let b = Browser::with_header(&url, "x-forwarded-for", canary);
    stalking::complete(&b, stalking::NAMED_BY_PHONE).await;
    let reference = stalking::send(&b).await;
    assert!(!reference.is_empty(), "the report was sent");
    place::pin(&b).await;
    let token = b.csrf_token().await;
    for _ in 0..15 {
        b.post_raw(
            "/staff/sign-in",
            &[
                ("csrf", &token),
                ("email", "someone@example.police.uk"),
                ("password", "not the password at all"),
            ],
            &[],
        )
        .await;
    }
    let (_, logs) = crate::cli::terminate(&mut child, dir.path());
    assert!(logs.contains("rate limited"), "the flood was noticed");
    assert!(!logs.contains(canary), "the address reached the log");
    let hex_form: String = canary
        .split('.')
        .map(|o| format!("{:02x}", o.parse::<u8>().unwrap()))
        .collect();
    let mut files = 0;
    // The data and the keys (kept apart since issue 12).
    let entries = std::fs::read_dir(dir.path().join("data"))
        .unwrap()
        .chain(std::fs::read_dir(dir.path().join("keys")).unwrap());
    for entry in entries {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        files += 1;
        assert!(!bytes.windows(canary.len()).any(|w| w == canary.as_bytes()));
        assert!(!bytes.windows(8).any(|w| w == hex_form.as_bytes()));
    }
    assert!(files >= 2, "the database and the key files were read");
}

#[tokio::test]
async fn the_back_office_refuses_a_flood_with_its_own_page() {
    let app = app_with(|_| {}).await;
    // Sign-in posts have a bucket of their own; each try takes from it, token or not.
    let mut refused = None;
    for _ in 0..500 {
        let page = app
            .post_raw(
                "/staff/sign-in",
                &[("email", "ann@northshire.example"), ("password", "x")],
                &[],
            )
            .await;
        if page.status == 429 {
            refused = Some(page);
            break;
        }
    }
    let refused = refused.expect("sign-in posts are limited");
    assert!(refused.header("retry-after").parse::<u64>().unwrap() >= 1);
    // The back office's layout and words: no quick exit, no cookie banner, nothing about a
    // visitor's saved answers.
    assert_eq!(refused.h1(), "Too many attempts");
    assert!(refused.body.contains("app-staff"), "{}", refused.body);
    assert!(!refused.body.contains("data-quick-exit"));
    assert!(!refused.body.contains("govuk-cookie-banner"));
    assert!(!refused.body.contains("answers"));
    assert!(refused.body.contains("href=\"/staff\""));
    // The public site keeps the public page.
    assert_eq!(accepted(&flood(&app, 200).await), 120);
    let public = app
        .post_raw("/report-stalking/danger", &[("answer", "no")], &[])
        .await;
    assert_eq!(public.status, 429);
    assert_eq!(public.h1(), "Sorry, there have been too many attempts");
    assert!(public.body.contains("data-quick-exit"));
}
