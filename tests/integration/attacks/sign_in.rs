//! Attacks on staff sign-in (issue 12, items 2, 10, 11 and 12): racing the lock-out with
//! concurrent guesses, locking a real user out from elsewhere, spreading guesses over an IPv6
//! /64, draining the instance's sign-in bucket, reversible pseudonyms and typed text in the
//! audit log, weak passwords, and a hostile `next`.

use saferstreets::config::Config;
use saferstreets::domain::staff::Role;
use totp_rs::TOTP;

use crate::helpers::{Browser, Page, TestApp, TestDb, spawn_app_with};
use crate::staff::{PASSWORD, add_user, set_up};

/// Failures one client may make on one account in a window.
const PAIR_LIMIT: usize = 5;
/// More than the longest progressive delay, less than a fifth of the window.
const PAST_ANY_DELAY: i64 = 120;
const EMAIL: &str = "ann@northshire.example";

/// An app that believes the `X-Forwarded-For` of the test client (so each test browser can be
/// a client of its own).
async fn app_on(db: TestDb, configure: impl FnOnce(&mut Config)) -> TestApp {
    spawn_app_with(
        db,
        |c| {
            c.trusted_proxies = vec!["127.0.0.1".into()];
            configure(c);
        },
        None,
    )
    .await
}

fn client(app: &TestApp, address: &str) -> Browser {
    Browser::with_header(&app.base, "x-forwarded-for", address)
}

/// An active user; their authenticator.
async fn user(app: &TestApp, email: &str) -> TOTP {
    let (_, token) = add_user(app, email, Role::Analyst, "northshire").await;
    set_up(app, &Browser::new(&app.base), &token).await
}

async fn password(b: &Browser, email: &str, password: &str) -> Page {
    b.post_form(
        "/staff/sign-in",
        &[("email", email), ("password", password)],
    )
    .await
}

/// The password, then a code of a fresh time step: the final response.
async fn full_sign_in(app: &TestApp, b: &Browser, email: &str, totp: &TOTP, next: &str) -> Page {
    app.clock.advance(30);
    let first = b
        .post_form(
            "/staff/sign-in",
            &[("email", email), ("password", PASSWORD), ("next", next)],
        )
        .await;
    assert_eq!(first.status, 303, "{}", first.body);
    let code = totp.generate(u64::try_from(app.state.clock.now()).unwrap());
    b.post_form("/staff/sign-in/code", &[("code", &code)]).await
}

async fn audit(app: &TestApp) -> Vec<saferstreets::audit::AuditEntry> {
    app.state
        .store
        .audit_rows(0, 100_000)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.entry)
        .collect()
}

async fn audited(app: &TestApp, outcome: &str, detail: &str) -> usize {
    audit(app)
        .await
        .iter()
        .filter(|e| e.action == "sign-in" && e.outcome == outcome && e.detail.contains(detail))
        .count()
}

#[tokio::test]
async fn twenty_concurrent_wrong_passwords_check_at_most_the_limit() {
    for db in TestDb::all().await {
        let app = app_on(db, |_| {}).await;
        user(&app, EMAIL).await;
        let b = client(&app, "198.51.100.20");
        let token = b.csrf_token().await;
        let guesses = (0..20).map(|i| {
            let guess = format!("wrong guess number {i}");
            let (b, token) = (&b, token.clone());
            async move {
                b.post_raw(
                    "/staff/sign-in",
                    &[("csrf", &token), ("email", EMAIL), ("password", &guess)],
                    &[],
                )
                .await
                .status
            }
        });
        let statuses = futures_join_all(guesses).await;
        let checked = statuses.iter().filter(|s| **s == 422).count();
        let refused = statuses.iter().filter(|s| **s == 429).count();
        assert_eq!(checked + refused, 20, "{statuses:?}");
        assert!((1..=PAIR_LIMIT).contains(&checked), "{statuses:?}");
        assert_eq!(audited(&app, "failed", "password").await, checked);
    }
}

#[tokio::test]
async fn twenty_concurrent_wrong_codes_check_at_most_the_limit() {
    for db in TestDb::all().await {
        let app = app_on(db, |_| {}).await;
        user(&app, EMAIL).await;
        app.clock.advance(30);
        let b = client(&app, "198.51.100.21");
        assert_eq!(password(&b, EMAIL, PASSWORD).await.status, 303);
        let token = b.csrf_token().await;
        let guesses = (0..20).map(|i| {
            let guess = format!("{:06}", 100_000 + i * 7_919);
            let (b, token) = (&b, token.clone());
            async move {
                b.post_raw(
                    "/staff/sign-in/code",
                    &[("csrf", &token), ("code", &guess)],
                    &[],
                )
                .await
                .status
            }
        });
        let statuses = futures_join_all(guesses).await;
        let checked = audited(&app, "failed", "code").await;
        assert!(
            (1..=PAIR_LIMIT).contains(&checked),
            "{checked}: {statuses:?}"
        );
        assert_eq!(
            statuses.iter().filter(|s| **s == 422).count(),
            checked,
            "{statuses:?}"
        );
    }
}

/// Poll the futures together, so their requests are in flight at the same time.
async fn futures_join_all<F: std::future::Future<Output = u16>>(
    futures: impl Iterator<Item = F>,
) -> Vec<u16> {
    let mut pinned: Vec<std::pin::Pin<Box<F>>> = futures.map(Box::pin).collect();
    let mut out: Vec<Option<u16>> = vec![None; pinned.len()];
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (f, slot) in pinned.iter_mut().zip(out.iter_mut()) {
            if slot.is_none() {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => *slot = Some(v),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    out.into_iter().map(Option::unwrap).collect()
}

#[tokio::test]
async fn an_attackers_failures_from_one_client_do_not_lock_the_user_out_from_another() {
    let app = app_on(TestDb::sqlite(), |_| {}).await;
    let totp = user(&app, EMAIL).await;
    let attacker = client(&app, "198.51.100.66");
    for _ in 0..3 * PAIR_LIMIT {
        password(&attacker, EMAIL, "guessing guessing").await;
        app.clock.advance(PAST_ANY_DELAY);
    }
    // The attacker's own client is locked out, even with the right password...
    let locked = password(&attacker, EMAIL, PASSWORD).await;
    assert_eq!(locked.status, 429, "{}", locked.body);
    // ...but the user, on their own device, is not.
    let owner = client(&app, "203.0.113.5");
    let page = full_sign_in(&app, &owner, EMAIL, &totp, "/staff").await;
    assert_eq!(page.status, 303, "{}", page.body);
    assert_eq!(page.header("location"), "/staff");
}

#[tokio::test]
async fn each_failure_on_an_account_makes_the_next_attempt_wait_longer() {
    let app = app_on(TestDb::sqlite(), |_| {}).await;
    let totp = user(&app, EMAIL).await;
    // A first failure (a typo) costs nothing...
    let first = client(&app, "198.51.100.99");
    assert_eq!(
        password(&first, EMAIL, "guessing guessing").await.status,
        422
    );
    // ...and each further one makes the next attempt wait longer.
    let mut waits = Vec::new();
    for i in 0..4 {
        // Failures from ever-new clients: the delay belongs to the account.
        let attacker = client(&app, &format!("198.51.100.{}", 100 + i));
        assert_eq!(
            password(&attacker, EMAIL, "guessing guessing").await.status,
            422
        );
        let owner = client(&app, "203.0.113.5");
        let early = password(&owner, EMAIL, PASSWORD).await;
        assert_eq!(early.status, 429, "too early: {}", early.body);
        assert!(early.body.contains("Wait"), "{}", early.body);
        let wait: i64 = early.header("retry-after").parse().unwrap();
        assert!(wait >= 1);
        waits.push(wait);
        app.clock.advance(wait);
    }
    assert!(waits.windows(2).all(|w| w[0] < w[1]), "{waits:?}");
    let owner = client(&app, "203.0.113.5");
    let page = full_sign_in(&app, &owner, EMAIL, &totp, "/staff").await;
    assert_eq!(page.status, 303, "{}", page.body);
}

#[tokio::test]
async fn repeated_lockouts_are_audited_once_each() {
    let app = app_on(TestDb::sqlite(), |_| {}).await;
    user(&app, EMAIL).await;
    let attacker = client(&app, "198.51.100.67");
    for _round in 0..2 {
        for _ in 0..3 * PAIR_LIMIT {
            password(&attacker, EMAIL, "guessing guessing").await;
            app.clock.advance(PAST_ANY_DELAY / 2);
        }
        // Past the window: the lock-out ends, and a second one begins.
        app.clock.advance(15 * 60);
    }
    let entries = audit(&app).await;
    let lockouts: Vec<_> = entries
        .iter()
        .filter(|e| e.action == "sign-in" && e.outcome == "locked")
        .collect();
    assert_eq!(lockouts.len(), 2, "one row per lock-out: {entries:#?}");
    assert!(lockouts.iter().all(|e| e.actor == EMAIL), "{lockouts:#?}");
}

#[tokio::test]
async fn ipv6_addresses_within_one_64_share_their_limits() {
    let app = app_on(TestDb::sqlite(), |_| {}).await;
    let totp = user(&app, EMAIL).await;
    for i in 1..=PAIR_LIMIT {
        let hop = client(&app, &format!("2001:db8:1:2::{i:x}"));
        assert_eq!(password(&hop, EMAIL, "guessing guessing").await.status, 422);
        app.clock.advance(PAST_ANY_DELAY);
    }
    let same_64 = client(&app, "2001:db8:1:2:ffff:ffff:ffff:fffe");
    assert_eq!(password(&same_64, EMAIL, PASSWORD).await.status, 429);
    let other_64 = client(&app, "2001:db8:1:3::1");
    let page = full_sign_in(&app, &other_64, EMAIL, &totp, "/staff").await;
    assert_eq!(page.status, 303, "{}", page.body);
}

#[tokio::test]
async fn one_client_cannot_drain_the_instance_sign_in_bucket() {
    let app = app_on(TestDb::sqlite(), |c| c.rate_limits = true).await;
    let totp = user(&app, EMAIL).await;
    // One client, many addresses of its /64, hammering without pause.
    let mut refused = 0;
    for i in 0..200 {
        let hammer = client(&app, &format!("2001:db8:9:9::{:x}", i + 1));
        let token = hammer.csrf_token().await;
        let page = hammer
            .post_raw(
                "/staff/sign-in",
                &[
                    ("csrf", &token),
                    ("email", "nobody@northshire.example"),
                    ("password", "guessing guessing"),
                ],
                &[],
            )
            .await;
        refused += usize::from(page.status == 429);
    }
    assert!(
        refused >= 150,
        "the hammer is held to its own limit: {refused}"
    );
    // Someone else still signs in, with no time passing.
    let owner = client(&app, "203.0.113.5");
    let token = owner.csrf_token().await;
    let first = owner
        .post_raw(
            "/staff/sign-in",
            &[("csrf", &token), ("email", EMAIL), ("password", PASSWORD)],
            &[],
        )
        .await;
    assert_eq!(first.status, 303, "{}", first.body);
    let code = totp.generate(u64::try_from(app.state.clock.now()).unwrap() + 30);
    app.clock.advance(30);
    // The password step renewed the public session, so the code page has a new token.
    let token = owner.csrf_token().await;
    let done = owner
        .post_raw(
            "/staff/sign-in/code",
            &[("csrf", &token), ("code", &code)],
            &[],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
}

/// Rows of a table, read straight from the database the app uses.
async fn rows(app: &TestApp, table: &str) -> i64 {
    let url = &app.state.config.database_url;
    let sql = format!("SELECT COUNT(*) FROM {table}");
    if url.starts_with("sqlite") {
        let pool = sqlx::SqlitePool::connect(url).await.unwrap();
        sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_one(&pool)
            .await
            .unwrap()
    } else {
        let pool = sqlx::PgPool::connect(url).await.unwrap();
        sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_one(&pool)
            .await
            .unwrap()
    }
}

#[tokio::test]
async fn failure_rows_and_daily_keys_are_gone_after_the_window() {
    for db in TestDb::all().await {
        let app = app_on(db, |_| {}).await;
        user(&app, EMAIL).await;
        for i in 0..3 {
            let b = client(&app, &format!("198.51.100.{}", 30 + i));
            password(&b, EMAIL, "guessing guessing").await;
            password(&b, "nobody@northshire.example", "guessing guessing").await;
            app.clock.advance(PAST_ANY_DELAY);
        }
        assert!(rows(&app, "sign_in_failures").await > 0);
        assert_eq!(rows(&app, "daily_keys").await, 1);
        // A day and a window later, the next attempt finds nothing of them.
        app.clock.advance(86_400 + 15 * 60);
        let b = client(&app, "203.0.113.40");
        password(&b, "someone@northshire.example", "guessing guessing").await;
        // Only the new attempt's rows (account, client, account × client) and today's key.
        assert_eq!(rows(&app, "sign_in_failures").await, 3);
        assert_eq!(rows(&app, "daily_keys").await, 1);
        // And the background purge removes those too once their window is over.
        app.clock.advance(86_400 + 15 * 60);
        saferstreets::http::staff::auth::purge_sign_in(&app.state)
            .await
            .unwrap();
        assert_eq!(rows(&app, "sign_in_failures").await, 0);
        assert_eq!(rows(&app, "daily_keys").await, 0);
    }
}

#[tokio::test]
async fn audit_rows_for_unknown_emails_carry_no_typed_text() {
    let app = app_on(TestDb::sqlite(), |_| {}).await;
    user(&app, EMAIL).await;
    let b = client(&app, "198.51.100.40");
    // A password typed into the email box by mistake.
    let typed = "Hunter2-correct-horse";
    password(&b, typed, "whatever it is").await;
    app.clock.advance(PAST_ANY_DELAY);
    password(&b, "nobody@northshire.example", "whatever it is").await;
    let hashes: Vec<String> = [typed, "nobody@northshire.example"]
        .iter()
        .flat_map(|t| {
            let lower = t.trim().to_lowercase();
            [t.to_string(), lower]
        })
        .map(|t| hex::encode(<sha2::Sha256 as sha2::Digest>::digest(t.as_bytes())))
        .collect();
    let unknown: Vec<_> = audit(&app)
        .await
        .into_iter()
        .filter(|e| e.action == "sign-in" && e.actor_id.is_none())
        .collect();
    assert_eq!(unknown.len(), 2, "{unknown:#?}");
    for e in &unknown {
        assert_eq!(e.actor, "unknown account");
        let all = format!("{e:?}").to_lowercase();
        assert!(!all.contains("hunter2") && !all.contains("nobody"), "{all}");
        assert!(hashes.iter().all(|h| !all.contains(h.as_str())), "{all}");
    }
}

#[tokio::test]
async fn weak_passwords_are_refused_and_a_passphrase_with_the_local_part_is_accepted() {
    let app = app_on(TestDb::sqlite(), |_| {}).await;
    let (_, token) = add_user(&app, "a@example.org", Role::Analyst, "northshire").await;
    let b = Browser::new(&app.base);
    assert_eq!(b.get(&format!("/staff/setup/{token}")).await.status, 303);
    for weak in [
        "123456789012",
        "Northshire2026!",
        "saferstreets1",
        "Passw0rd!Passw0rd!",
    ] {
        let page = b
            .post_form("/staff/setup", &[("password", weak), ("confirm", weak)])
            .await;
        assert_eq!(page.status, 422, "{weak} was accepted");
        assert!(page.body.contains("govuk-error-summary"), "{weak}");
    }
    // Every word has an "a" (the whole local part of a@example.org): still a strong password.
    let strong = "a cantata at a banana plantation in caracas";
    let page = b
        .post_form("/staff/setup", &[("password", strong), ("confirm", strong)])
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    assert_eq!(page.header("location"), "/staff/setup/authenticator");
}

#[tokio::test]
async fn hostile_next_values_redirect_to_a_safe_path_never_an_error() {
    let app = app_on(TestDb::sqlite(), |_| {}).await;
    let totp = user(&app, EMAIL).await;
    let b = client(&app, "203.0.113.7");
    for (next, expected) in [
        ("/staff\u{7f}", "/staff"),
        ("/staff/reports\u{1}", "/staff"),
        ("/staff\r\nSet-Cookie: x=1", "/staff"),
        ("/staff/r\u{e9}ports", "/staff"),
        ("//evil.example/staff", "/staff"),
        ("/\\evil.example/staff", "/staff"),
        ("/staff\\..\\..\\evil", "/staff"),
        ("https://evil.example/staff", "/staff"),
        ("javascript:alert(1)", "/staff"),
        (" /staff/reports", "/staff"),
        ("/staff/reports?status=new", "/staff/reports?status=new"),
    ] {
        let escaped: String = form_urlencoded::byte_serialize(next.as_bytes()).collect();
        let page = b.get(&format!("/staff/sign-in?next={escaped}")).await;
        assert_eq!(page.status, 200, "{next:?}");
        let done = full_sign_in(&app, &b, EMAIL, &totp, next).await;
        assert_eq!(done.status, 303, "{next:?}: {}", done.body);
        assert_eq!(done.header("location"), expected, "{next:?}");
        b.post_form("/staff/sign-out", &[]).await;
    }
}
