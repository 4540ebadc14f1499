//! Attacks: sessions (issue 12, items 1 and 8). A session id someone planted in a victim's
//! browser must not let them read the victim's report or take over a staff set-up, and the
//! confirmation must not show the reference to whoever picks up the device later.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use saferstreets::domain::staff::Role;
use totp_rs::{Algorithm, Secret, TOTP};

use crate::flows::place::AFTER_WHERE;
use crate::flows::stalking::{NAMED_BY_PHONE, answer_all, complete};
use crate::helpers::{Browser, Page, TestApp, TestDb, spawn_app_with};
use crate::staff::{PASSWORD, add_user};

/// The public session cookie in a browser's jar: its name (with or without the `__Host-`
/// prefix) and value.
fn session(b: &Browser) -> Option<(String, String)> {
    b.cookies
        .lock()
        .expect("jar")
        .iter()
        .find(|(name, _)| name.ends_with("ss_session"))
        .map(|(n, v)| (n.clone(), v.clone()))
}

/// The value of the session cookie a response sets, if it sets one.
fn set_session(page: &Page) -> Option<String> {
    page.set_cookies().into_iter().find_map(|c| {
        let c = cookie::Cookie::parse(c).expect("cookie");
        (c.name().ends_with("ss_session") && !c.value().is_empty()).then(|| c.value().to_owned())
    })
}

/// Put `cookie` in `victim`'s jar, as an attacker who can plant cookies would.
fn plant(victim: &Browser, (name, value): &(String, String)) {
    victim
        .cookies
        .lock()
        .expect("jar")
        .insert(name.clone(), value.clone());
}

/// A real id the server issued to the attacker's own browser.
async fn issued_to_attacker(app: &TestApp) -> (Browser, (String, String)) {
    let attacker = Browser::new(&app.base);
    // A page with a form: content pages start no session (issue 15).
    attacker.get("/feedback").await;
    let cookie = session(&attacker).expect("a session for the attacker");
    (attacker, cookie)
}

async fn apps() -> Vec<TestApp> {
    let mut apps = Vec::new();
    for db in TestDb::all().await {
        apps.push(spawn_app_with(db, |_| {}, None).await);
    }
    apps
}

fn generator(secret_text: &str) -> TOTP {
    let bytes = Secret::Encoded(secret_text.replace(' ', ""))
        .to_bytes()
        .expect("base32");
    TOTP::new(Algorithm::SHA1, 6, 1, 30, bytes, None, "x".into()).expect("totp")
}

fn code_at(totp: &TOTP, now: i64) -> String {
    totp.generate(u64::try_from(now).expect("time"))
}

#[tokio::test]
async fn a_planted_session_cookie_cannot_read_the_victims_draft() {
    for app in apps().await {
        // Stalking report: the victim starts from the start page, as the links lead them.
        let (attacker, cookie) = issued_to_attacker(&app).await;
        let victim = Browser::new(&app.base);
        plant(&victim, &cookie);
        victim.get("/report-stalking").await;
        complete(&victim, NAMED_BY_PHONE).await;
        assert!(
            victim
                .get("/report-stalking/check")
                .await
                .body
                .contains("Alex Example"),
            "the victim sees their own answers"
        );
        let spied = attacker.get("/report-stalking/check").await;
        assert!(
            !spied.body.contains("Alex Example"),
            "the planted id shows the victim's answers"
        );
        assert_eq!(spied.status, 303, "no draft under the planted id");

        // Even straight to the first question, without the start page.
        let (attacker, cookie) = issued_to_attacker(&app).await;
        let victim = Browser::new(&app.base);
        plant(&victim, &cookie);
        answer_all(&victim, &NAMED_BY_PHONE[..3]).await;
        let spied = attacker.get("/report-stalking/who-for").await;
        assert_eq!(spied.status, 303, "no draft under the planted id");

        // The place report.
        let (attacker, cookie) = issued_to_attacker(&app).await;
        let victim = Browser::new(&app.base);
        plant(&victim, &cookie);
        victim.get("/unsafe-place").await;
        crate::flows::place::pin(&victim).await;
        crate::flows::place::answer(&victim, AFTER_WHERE).await;
        assert_eq!(victim.get("/unsafe-place/check").await.status, 200);
        let spied = attacker.get("/unsafe-place/check").await;
        assert_eq!(spied.status, 303, "no place draft under the planted id");
        assert!(!spied.body.contains("Dark path"));
    }
}

#[tokio::test]
async fn a_made_up_or_forged_session_cookie_is_ignored_and_replaced() {
    let app = spawn_app_with(TestDb::sqlite(), |_| {}, None).await;
    let made_up = "ab".repeat(32);
    let forged = format!("{made_up}.{}", "cd".repeat(32));
    for value in [made_up.as_str(), forged.as_str()] {
        let b = Browser::new(&app.base);
        // Under both names, so the test does not depend on which one the server reads.
        for name in ["ss_session", "__Host-ss_session"] {
            b.cookies
                .lock()
                .expect("jar")
                .insert(name.to_owned(), value.to_owned());
        }
        let page = b.get("/report-stalking").await;
        let given = set_session(&page).expect("a fresh session cookie");
        assert_ne!(given, value);
        assert!(
            !given.starts_with(&made_up),
            "a new id, not the planted one"
        );
        // A draft saved now lives under the server's id: the planted one holds nothing.
        b.post_form("/report-stalking/danger", &[("answer", "no")])
            .await;
        let planted = Browser::new(&app.base);
        for name in ["ss_session", "__Host-ss_session"] {
            planted
                .cookies
                .lock()
                .expect("jar")
                .insert(name.to_owned(), value.to_owned());
        }
        assert_eq!(
            planted.get("/report-stalking/who-for").await.status,
            303,
            "nothing under the planted value"
        );
    }
}

#[tokio::test]
async fn the_session_id_changes_when_a_report_is_started_and_when_it_is_sent() {
    for app in apps().await {
        let b = Browser::new(&app.base);
        b.get("/feedback").await;
        let first = session(&b).expect("session").1;
        let start = b.get("/report-stalking").await;
        let started = set_session(&start).expect("a new id at the start page");
        assert_ne!(started, first);
        let answered = b
            .post_form("/report-stalking/danger", &[("answer", "no")])
            .await;
        let at_first_answer = set_session(&answered).expect("a new id at the first answer");
        assert_ne!(at_first_answer, started);
        complete(&b, &NAMED_BY_PHONE[1..]).await;
        let before_send = session(&b).expect("session").1;
        let check = b.get("/report-stalking/check").await;
        let submission = check.attrs("input[name=submission]", "value").remove(0);
        let sent = b
            .post_form("/report-stalking/check", &[("submission", &submission)])
            .await;
        assert_eq!(sent.header("location"), "/report-stalking/confirmation");
        let after_send = set_session(&sent).expect("a new id at the send");
        assert_ne!(after_send, before_send);
        let confirmation = b.get("/report-stalking/confirmation").await;
        let after_confirmation =
            set_session(&confirmation).expect("a new id once the confirmation is shown");
        assert_ne!(after_confirmation, after_send);

        // The place report, started on its place page.
        let before = session(&b).expect("session").1;
        let pinned = b
            .post_form(
                "/unsafe-place/where",
                &[("action", "continue"), ("lat", "53.80"), ("lng", "-1.55")],
            )
            .await;
        assert_eq!(pinned.status, 303);
        assert_ne!(set_session(&pinned).expect("a new id"), before);
        crate::flows::place::answer(&b, AFTER_WHERE).await;
        let before_send = session(&b).expect("session").1;
        let check = b.get("/unsafe-place/check").await;
        let submission = check.attrs("input[name=submission]", "value").remove(0);
        let sent = b
            .post_form("/unsafe-place/check", &[("submission", &submission)])
            .await;
        assert_eq!(sent.header("location"), "/unsafe-place/confirmation");
        assert_ne!(
            set_session(&sent).expect("a new id at the send"),
            before_send
        );
    }
}

#[tokio::test]
async fn a_planted_session_cookie_cannot_take_over_a_staff_set_up() {
    for app in apps().await {
        let (id, token) =
            add_user(&app, "new@northshire.example", Role::Analyst, "northshire").await;
        let (attacker, cookie) = issued_to_attacker(&app).await;
        let victim = Browser::new(&app.base);
        plant(&victim, &cookie);
        let open = victim.get(&format!("/staff/setup/{token}")).await;
        assert_eq!(open.header("location"), "/staff/setup");

        // The attacker, holding the planted id, tries to choose the password and enrol.
        let page = attacker.get("/staff/setup").await;
        assert_eq!(page.status, 410, "the planted id holds no set-up");
        let chosen = attacker
            .post_form(
                "/staff/setup",
                &[
                    ("password", "attacker chose this 1"),
                    ("confirm", "attacker chose this 1"),
                ],
            )
            .await;
        assert_eq!(chosen.status, 410);
        let enrol = attacker.get("/staff/setup/authenticator").await;
        assert_eq!(enrol.status, 410);
        let user = app
            .state
            .store
            .staff_user(id)
            .await
            .expect("user")
            .expect("user");
        assert_eq!(user.status.code(), "pending");
        assert!(user.password_hash.is_none());
        assert!(set_session(&open).is_some(), "a new id with the set-up");

        // The victim finishes their own set-up.
        let chosen = victim
            .post_form(
                "/staff/setup",
                &[("password", PASSWORD), ("confirm", PASSWORD)],
            )
            .await;
        assert_eq!(chosen.header("location"), "/staff/setup/authenticator");
        let page = victim.get("/staff/setup/authenticator").await;
        let totp = generator(&page.texts("[data-secret]").concat());
        let done = victim
            .post_form(
                "/staff/setup/authenticator",
                &[("code", &code_at(&totp, app.state.clock.now()))],
            )
            .await;
        assert_eq!(done.header("location"), "/staff/sign-in?done=set-up");
    }
}

#[tokio::test]
async fn a_new_link_cancels_a_set_up_already_in_progress() {
    for app in apps().await {
        let (id, token) =
            add_user(&app, "new@northshire.example", Role::Analyst, "northshire").await;
        // Someone who got hold of the first link starts the set-up ...
        let intruder = Browser::new(&app.base);
        intruder.get(&format!("/staff/setup/{token}")).await;
        let chosen = intruder
            .post_form(
                "/staff/setup",
                &[
                    ("password", "intruder chose this 1"),
                    ("confirm", "intruder chose this 1"),
                ],
            )
            .await;
        assert_eq!(chosen.header("location"), "/staff/setup/authenticator");
        let page = intruder.get("/staff/setup/authenticator").await;
        let totp = generator(&page.texts("[data-secret]").concat());

        // ... and the admin sends the user a new link.
        let (_, hash) = saferstreets::app::staff::users::new_setup_token();
        let now = app.state.clock.now();
        let entry = saferstreets::audit::AuditEntry {
            at: now,
            actor_id: None,
            actor: "test".into(),
            role: String::new(),
            force_code: String::new(),
            action: "change-user".into(),
            object: format!("user:{id}"),
            outcome: "ok".into(),
            detail: "reset".into(),
        };
        assert!(
            app.state
                .store
                .reset_staff_setup(id, &hash, now + 72 * 3_600, now, &entry)
                .await
                .expect("reset")
        );

        // The set-up begun with the old link is over.
        assert_eq!(intruder.get("/staff/setup/authenticator").await.status, 410);
        let enrol = intruder
            .post_form(
                "/staff/setup/authenticator",
                &[("code", &code_at(&totp, app.state.clock.now()))],
            )
            .await;
        assert_eq!(enrol.status, 410, "{}", enrol.header("location"));
        let user = app
            .state
            .store
            .staff_user(id)
            .await
            .expect("user")
            .expect("user");
        assert_eq!(user.status.code(), "pending");
        assert!(user.password_hash.is_none() && user.totp_sealed.is_none());
        // And the old link itself does not work either.
        let b = Browser::new(&app.base);
        assert_eq!(b.get(&format!("/staff/setup/{token}")).await.status, 410);
    }
}

#[tokio::test]
async fn the_confirmation_shows_the_reference_once() {
    for app in apps().await {
        let b = Browser::new(&app.base);
        complete(&b, NAMED_BY_PHONE).await;
        let check = b.get("/report-stalking/check").await;
        let submission = check.attrs("input[name=submission]", "value").remove(0);
        // A double click before the confirmation is seen: one report, one reference.
        let fields = [("submission", submission.as_str())];
        let (x, y) = tokio::join!(
            b.post_form("/report-stalking/check", &fields),
            b.post_form("/report-stalking/check", &fields)
        );
        assert_eq!((x.status, y.status), (303, 303));
        let shown = b.get("/report-stalking/confirmation").await;
        assert_eq!(shown.status, 200);
        let reference = shown.texts(".app-reference").concat();
        let stored = app
            .state
            .store
            .stalking_reference_for(&submission)
            .await
            .expect("lookup")
            .expect("stored");
        assert_eq!(reference.replace('-', ""), stored);
        assert!(
            shown.body.contains("Write your reference number down now"),
            "the page says it is shown once"
        );

        // Whoever opens it again (Back, a refresh, someone else later) does not see it.
        let again = b.get("/report-stalking/confirmation").await;
        assert_eq!(again.status, 303);
        assert!(!again.body.contains(&reference) && !again.body.contains(&stored));
        let back = b.get("/report-stalking/check").await;
        assert!(!back.body.contains(&reference) && !back.body.contains("Alex Example"));
        // Sending the same draft again stores nothing and shows no reference.
        let resend = b
            .post_form("/report-stalking/check", &[("submission", &submission)])
            .await;
        assert_ne!(resend.header("location"), "/report-stalking/confirmation");
        let followed = b.get("/report-stalking/confirmation").await;
        assert!(followed.texts(".app-reference").is_empty());
        assert_eq!(
            app.state
                .store
                .count_stalking_reports()
                .await
                .expect("count"),
            1
        );

        // The place report's receipt, likewise.
        crate::flows::place::pin(&b).await;
        crate::flows::place::answer(&b, AFTER_WHERE).await;
        let submission = crate::flows::place::send(&b).await;
        let receipt = crate::flows::place::receipt(&app, &submission).await;
        let again = b.get("/unsafe-place/confirmation").await;
        assert_eq!(again.status, 303);
        assert!(!again.body.contains(&receipt));
        assert_eq!(
            app.state.store.count_place_reports().await.expect("count"),
            1
        );
    }
}

#[tokio::test]
async fn the_host_prefix_is_used_where_browsers_allow_it() {
    // HTTPS and loopback hosts (secure contexts): `__Host-`, so no other host or path can set
    // it; plain HTTP elsewhere: the plain name, as a Secure cookie would be dropped.
    for (public_url, name, secure) in [
        ("https://report.example", "__Host-ss_session", true),
        ("http://127.0.0.1:3000", "__Host-ss_session", true),
        ("http://localhost:3000", "__Host-ss_session", true),
        ("http://report.internal:8080", "ss_session", false),
    ] {
        let app =
            spawn_app_with(TestDb::sqlite(), |c| c.public_url = public_url.into(), None).await;
        let page = app.get("/feedback").await;
        let set = page.set_cookies();
        let cookie = set
            .iter()
            .find(|c| c.contains("ss_session="))
            .expect("session cookie");
        let parsed = cookie::Cookie::parse(cookie.as_str()).expect("cookie");
        assert_eq!(parsed.name(), name, "{public_url}");
        assert_eq!(parsed.secure(), Some(secure).filter(|s| *s), "{public_url}");
        assert_eq!(parsed.path(), Some("/"));
        // The session works under that name: a form can be sent with it.
        let sent = app
            .post_form("/report-stalking/danger", &[("answer", "no")])
            .await;
        assert_eq!(sent.status, 303, "{public_url}: {}", sent.h1());
    }
}

#[tokio::test]
async fn staff_sign_in_issues_its_own_session_and_ignores_a_planted_one() {
    // Not a finding (sign-in already did this), checked for item 1: a staff cookie value
    // planted before sign-in is neither kept nor honoured.
    let app = spawn_app_with(TestDb::sqlite(), |_| {}, None).await;
    let email = "kim@northshire.example";
    let (_, token) = add_user(&app, email, Role::Analyst, "northshire").await;
    let victim = Browser::new(&app.base);
    let totp = crate::staff::set_up(&app, &victim, &token).await;
    let planted = "ab".repeat(32);
    victim
        .cookies
        .lock()
        .expect("jar")
        .insert("__Host-ss_staff".into(), planted.clone());
    let signed = crate::staff::sign_in(&app, &victim, email, &totp).await;
    assert_eq!(signed.status, 303, "{}", signed.body);
    let issued = victim.cookie("__Host-ss_staff").expect("staff cookie");
    assert_ne!(issued, planted);
    assert_eq!(victim.get("/staff").await.status, 200);
    let attacker = Browser::new(&app.base);
    attacker
        .cookies
        .lock()
        .expect("jar")
        .insert("__Host-ss_staff".into(), planted);
    let refused = attacker.get("/staff").await;
    assert_eq!(refused.status, 303);
    assert!(refused.header("location").starts_with("/staff/sign-in"));
}

/// Rows in `sessions` (drafts, sign-in steps, confirmation markers), read as the database has
/// them.
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

/// A victim who starts a report and is interrupted never comes back to that draft: its sealed
/// answers must not stay in the database until someone returns with the old cookie.
#[tokio::test]
async fn an_abandoned_draft_is_deleted_without_its_owner_coming_back() {
    for db in TestDb::all().await {
        let url = db.url.clone();
        let app = spawn_app_with(db, |_| {}, None).await;
        answer_all(&app, &NAMED_BY_PHONE[..4]).await;
        assert!(session_rows(&url).await > 0, "the draft is stored");

        let config = app.state.config.as_ref().clone();
        let now = || saferstreets::clock::Clock::now(app.clock.as_ref());
        let kept = saferstreets::retention::purge(&app.state.store, &config, now())
            .await
            .expect("purge");
        assert_eq!(kept.sessions, 0, "a draft in use is kept");
        assert!(session_rows(&url).await > 0);

        app.clock.advance(config.draft_idle_minutes * 60 + 1);
        let swept = saferstreets::retention::purge(&app.state.store, &config, now())
            .await
            .expect("purge");
        assert!(swept.sessions > 0, "{swept:?}");
        assert_eq!(session_rows(&url).await, 0, "{url}");
    }
}

/// The step between password and code is kept under a new public session id: an id planted in
/// the staff member's browser beforehand holds nothing once the password is accepted.
#[tokio::test]
async fn the_password_step_renews_the_public_session() {
    let app = spawn_app_with(TestDb::sqlite(), |_| {}, None).await;
    let email = "lee@northshire.example";
    let (_, token) = add_user(&app, email, Role::Analyst, "northshire").await;
    let victim = Browser::new(&app.base);
    let totp = crate::staff::set_up(&app, &victim, &token).await;
    // The attacker's own server-issued id, planted in the victim's browser.
    let (attacker, planted) = issued_to_attacker(&app).await;
    plant(&victim, &planted);

    app.clock.advance(30);
    let first = victim
        .post_form(
            "/staff/sign-in",
            &[
                ("email", email),
                ("password", crate::staff::PASSWORD),
                ("next", "/staff"),
            ],
        )
        .await;
    assert_eq!(first.status, 303, "{}", first.body);
    let renewed = set_session(&first).expect("a new public session id at the password step");
    assert_ne!(renewed, planted.1);

    // The attacker, still holding the planted id, cannot finish the sign-in with a code.
    let code = crate::staff::code_at(&totp, app.state.clock.now());
    let stolen = attacker
        .post_form("/staff/sign-in/code", &[("code", &code)])
        .await;
    assert!(
        attacker.cookie("__Host-ss_staff").is_none(),
        "the attacker was signed in: {} {}",
        stolen.status,
        stolen.header("location")
    );
    // The victim finishes as usual.
    let done = victim
        .post_form("/staff/sign-in/code", &[("code", &code)])
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(victim.get("/staff").await.status, 200);
}
