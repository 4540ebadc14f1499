//! /staff: set-up links, sign-in with a password and TOTP, throttling, sessions, the
//! role × route × force policy, the stalking-report queue, the audit trail and retention.

use saferstreets::audit::AuditEntry;
use saferstreets::domain::answers::{Answers, Value};
use saferstreets::domain::purpose::report as report_purpose;
use saferstreets::domain::reference::Reference;
use saferstreets::domain::staff::Role;
use saferstreets::domain::stalking::priority::Priority;
use saferstreets::http::staff::{self, POLICY};
use saferstreets::storage::{NewStalkingReport, QueueQuery};
use totp_rs::{Algorithm, Secret, TOTP};

use crate::helpers::{Browser, TEST_NOW, TestApp, spawn_app};

pub const PASSWORD: &str = "violet kettle marching 7";

fn system(action: &str) -> AuditEntry {
    AuditEntry {
        at: TEST_NOW,
        actor_id: None,
        actor: "test".into(),
        role: String::new(),
        force_code: String::new(),
        action: action.into(),
        object: String::new(),
        outcome: "ok".into(),
        detail: String::new(),
    }
}

/// Add a pending user; their set-up token.
pub async fn add_user(app: &TestApp, email: &str, role: Role, force: &str) -> (i64, String) {
    saferstreets::app::staff::users::add_user(
        &app.state.store,
        (email, role, force),
        app.state.clock.now(),
        72,
        &system("add-user"),
    )
    .await
    .expect("add user")
}

fn generator(secret_text: &str) -> TOTP {
    let bytes = Secret::Encoded(secret_text.replace(' ', ""))
        .to_bytes()
        .expect("base32");
    TOTP::new(Algorithm::SHA1, 6, 1, 30, bytes, None, "x".into()).expect("totp")
}

pub fn code_at(totp: &TOTP, now: i64) -> String {
    totp.generate(u64::try_from(now).expect("time"))
}

/// Follow a set-up link in `browser`: choose the password, enrol the authenticator. Returns
/// the TOTP generator.
pub async fn set_up(app: &TestApp, browser: &Browser, token: &str) -> TOTP {
    let open = browser.get(&format!("/staff/setup/{token}")).await;
    assert_eq!(open.status, 303, "{}", open.body);
    assert_eq!(open.header("location"), "/staff/setup");
    let chosen = browser
        .post_form(
            "/staff/setup",
            &[("password", PASSWORD), ("confirm", PASSWORD)],
        )
        .await;
    assert_eq!(chosen.status, 303, "{}", chosen.body);
    let page = browser.get("/staff/setup/authenticator").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("<svg role=\"img\""),
        "QR code rendered as SVG"
    );
    let secret = page.texts("[data-secret]").concat();
    let totp = generator(&secret);
    let done = browser
        .post_form(
            "/staff/setup/authenticator",
            &[("code", &code_at(&totp, app.state.clock.now()))],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(done.header("location"), "/staff/sign-in?done=set-up");
    totp
}

/// Sign in with the password and a code from a fresh time step.
pub async fn sign_in(
    app: &TestApp,
    browser: &Browser,
    email: &str,
    totp: &TOTP,
) -> crate::helpers::Page {
    sign_in_to(app, browser, email, totp, "/staff").await
}

/// Sign in from a sign-in page that was asked to return to `next`.
pub async fn sign_in_to(
    app: &TestApp,
    browser: &Browser,
    email: &str,
    totp: &TOTP,
    next: &str,
) -> crate::helpers::Page {
    app.clock.advance(30);
    let first = browser
        .post_form(
            "/staff/sign-in",
            &[("email", email), ("password", PASSWORD), ("next", next)],
        )
        .await;
    assert_eq!(first.status, 303, "{}", first.body);
    assert_eq!(first.header("location"), "/staff/sign-in/code");
    browser
        .post_form(
            "/staff/sign-in/code",
            &[("code", &code_at(totp, app.state.clock.now()))],
        )
        .await
}

/// A member of staff set up and signed in, in their own browser.
pub async fn staff_browser(app: &TestApp, email: &str, role: Role, force: &str) -> (Browser, TOTP) {
    let (_, token) = add_user(app, email, role, force).await;
    let browser = Browser::new(&app.base);
    let totp = set_up(app, &browser, &token).await;
    let signed = sign_in(app, &browser, email, &totp).await;
    assert_eq!(signed.status, 303, "{}", signed.body);
    (browser, totp)
}

async fn audit_actions(app: &TestApp) -> Vec<(String, String, String)> {
    app.state
        .store
        .audit_rows(0, 10_000)
        .await
        .expect("audit")
        .into_iter()
        .map(|r| (r.entry.action, r.entry.outcome, r.entry.actor))
        .collect()
}

#[tokio::test]
async fn a_new_user_sets_up_and_signs_in_with_a_password_and_a_code() {
    let app = spawn_app().await;
    let (_, token) = add_user(
        &app,
        "sam@northshire.example",
        Role::Investigator,
        "northshire",
    )
    .await;
    let browser = Browser::new(&app.base);
    let totp = set_up(&app, &browser, &token).await;
    // The link works once.
    let again = Browser::new(&app.base)
        .get(&format!("/staff/setup/{token}"))
        .await;
    assert_eq!(again.status, 410);
    assert!(again.body.contains("This set-up link does not work"));

    let page = sign_in(&app, &browser, "Sam@Northshire.example ", &totp).await;
    assert_eq!(page.status, 303, "{}", page.body);
    assert_eq!(page.header("location"), "/staff");
    let cookie = page
        .set_cookies()
        .into_iter()
        .find(|c| c.starts_with("__Host-ss_staff="))
        .expect("staff cookie");
    for attribute in ["Path=/", "HttpOnly", "Secure", "SameSite=Strict"] {
        assert!(cookie.contains(attribute), "{cookie}");
    }
    assert!(!cookie.contains("Domain"));
    let home = browser.get("/staff").await;
    assert_eq!(home.status, 200);
    assert!(home.body.contains("sam@northshire.example"));
    assert!(home.body.contains("/staff/reports"));
    assert!(
        !home.body.contains("href=\"/staff/users\""),
        "investigators do not manage users"
    );
    assert_eq!(home.header("cache-control"), "no-store");
    let actions = audit_actions(&app).await;
    assert!(actions.contains(&(
        "set-up".into(),
        "ok".into(),
        "sam@northshire.example".into()
    )));
    assert!(actions.contains(&(
        "sign-in".into(),
        "ok".into(),
        "sam@northshire.example".into()
    )));
}

#[tokio::test]
async fn set_up_refuses_weak_passwords_wrong_codes_and_old_links() {
    let app = spawn_app().await;
    let (_, token) = add_user(&app, "kim@northshire.example", Role::Analyst, "northshire").await;
    let browser = Browser::new(&app.base);
    assert_eq!(
        browser.get("/staff/setup").await.status,
        410,
        "no link opened yet"
    );
    assert_eq!(browser.get("/staff/setup/not-a-token").await.status, 410);
    browser.get(&format!("/staff/setup/{token}")).await;
    for (password, confirm, message) in [
        ("", "", "Enter a password"),
        ("short one", "short one", "at least 12 characters"),
        ("password12345", "password12345", "too easy to guess"),
        (
            "kim.northshire-22",
            "kim.northshire-22",
            "too easy to guess",
        ),
        (PASSWORD, "something else entirely", "not the same"),
    ] {
        let page = browser
            .post_form(
                "/staff/setup",
                &[("password", password), ("confirm", confirm)],
            )
            .await;
        assert_eq!(page.status, 422, "{password}");
        assert!(page.body.contains(message), "{password}: {message}");
        assert!(page.body.contains("govuk-error-summary"));
        assert!(page.title().starts_with("Error:"));
    }
    browser
        .post_form(
            "/staff/setup",
            &[("password", PASSWORD), ("confirm", PASSWORD)],
        )
        .await;
    let wrong = browser
        .post_form("/staff/setup/authenticator", &[("code", "000000")])
        .await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.body.contains("The code is not right"));

    // A link older than its 72 hours no longer works.
    let (_, late) = add_user(&app, "lee@northshire.example", Role::Analyst, "northshire").await;
    app.clock.advance(73 * 3_600);
    let expired = Browser::new(&app.base)
        .get(&format!("/staff/setup/{late}"))
        .await;
    assert_eq!(expired.status, 410);
}

#[tokio::test]
async fn wrong_details_get_one_answer_and_repeated_failures_are_throttled() {
    let app = spawn_app().await;
    let (browser, totp) =
        staff_browser(&app, "ann@northshire.example", Role::Analyst, "northshire").await;
    let other = Browser::new(&app.base);
    let wrong = other
        .post_form(
            "/staff/sign-in",
            &[
                ("email", "ann@northshire.example"),
                ("password", "not my password"),
            ],
        )
        .await;
    let unknown = other
        .post_form(
            "/staff/sign-in",
            &[
                ("email", "nobody@northshire.example"),
                ("password", "not my password"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert_eq!(unknown.status, 422);
    let message = |p: &crate::helpers::Page| p.texts(".govuk-error-summary__list").concat();
    assert_eq!(
        message(&wrong),
        message(&unknown),
        "the same answer for unknown emails"
    );
    assert!(message(&wrong).contains("The email address or password is not right"));

    for _ in 0..4 {
        for email in ["ann@northshire.example", "nobody@northshire.example"] {
            // Past each account's growing delay, so that every attempt is checked.
            app.clock.advance(60);
            other
                .post_form(
                    "/staff/sign-in",
                    &[("email", email), ("password", "nope nope nope")],
                )
                .await;
        }
    }
    // Five failures from this client: even the right password is refused here for 15 minutes,
    // for both emails alike (other clients are only delayed: tests/integration/attacks).
    for email in ["ann@northshire.example", "nobody@northshire.example"] {
        let refused = other
            .post_form(
                "/staff/sign-in",
                &[("email", email), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(refused.status, 429, "{email}");
        assert!(refused.body.contains("Too many attempts"));
    }
    app.clock.advance(15 * 60 + 1);
    let page = sign_in(&app, &other, "ann@northshire.example", &totp).await;
    assert_eq!(
        page.status, 303,
        "allowed again after the window: {}",
        page.body
    );
    assert_eq!(browser.get("/staff").await.status, 200);
    let actions = audit_actions(&app).await;
    assert!(
        actions
            .iter()
            .any(|(a, o, _)| a == "sign-in" && o == "failed")
    );
    assert!(
        actions
            .iter()
            .any(|(a, o, _)| a == "sign-in" && o == "locked")
    );
    let typed_unknown = actions.iter().any(|(_, _, who)| who.contains("nobody@"));
    assert!(!typed_unknown, "unknown emails are not recorded");
}

#[tokio::test]
async fn a_code_is_never_accepted_twice() {
    let app = spawn_app().await;
    let (_, token) = add_user(&app, "joe@northshire.example", Role::Analyst, "northshire").await;
    let browser = Browser::new(&app.base);
    let totp = set_up(&app, &browser, &token).await;
    app.clock.advance(30);
    let code = code_at(&totp, app.state.clock.now());
    for (i, expected) in [(0, 303), (1, 422)] {
        let b = Browser::new(&app.base);
        b.post_form(
            "/staff/sign-in",
            &[("email", "joe@northshire.example"), ("password", PASSWORD)],
        )
        .await;
        let page = b.post_form("/staff/sign-in/code", &[("code", &code)]).await;
        assert_eq!(
            page.status,
            expected,
            "attempt {i}: {} {}",
            page.header("location"),
            page.body
        );
        if expected == 422 {
            assert!(page.body.contains("already been used"));
        }
    }
    // The reused code was a failure: the account waits a moment before the next attempt.
    app.clock.advance(60);
    let b = Browser::new(&app.base);
    b.post_form(
        "/staff/sign-in",
        &[("email", "joe@northshire.example"), ("password", PASSWORD)],
    )
    .await;
    let wrong = b
        .post_form("/staff/sign-in/code", &[("code", "12345x")])
        .await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.body.contains("The code is not right"));
    assert_eq!(
        Browser::new(&app.base)
            .get("/staff/sign-in/code")
            .await
            .status,
        303,
        "no code page without a password first"
    );
}

#[tokio::test]
async fn sessions_end_when_idle_or_old_and_sign_in_returns_to_the_page() {
    let app = spawn_app().await;
    let (browser, totp) = staff_browser(
        &app,
        "ivy@northshire.example",
        Role::Investigator,
        "northshire",
    )
    .await;
    let first = browser.get("/staff/reports").await;
    assert_eq!(first.status, 200);
    app.clock.advance(31 * 60);
    let idle = browser.get("/staff/reports?status=new").await;
    assert_eq!(idle.status, 303);
    assert_eq!(
        idle.header("location"),
        "/staff/sign-in?next=%2Fstaff%2Freports%3Fstatus%3Dnew"
    );
    let page = browser.get(idle.header("location")).await;
    assert!(page.body.contains("Sign in to carry on"));
    let next = page.attrs("input[name=next]", "value").concat();
    assert_eq!(next, "/staff/reports?status=new");
    let back = sign_in_to(&app, &browser, "ivy@northshire.example", &totp, &next).await;
    assert_eq!(back.header("location"), "/staff/reports?status=new");

    // Active every 20 minutes, yet over after 12 hours.
    for _ in 0..36 {
        app.clock.advance(20 * 60);
        assert_eq!(browser.get("/staff").await.status, 200);
    }
    app.clock.advance(20 * 60);
    assert_eq!(browser.get("/staff").await.status, 303, "absolute limit");
}

#[tokio::test]
async fn signing_out_everywhere_and_disabling_end_sessions() {
    let app = spawn_app().await;
    let (phone, totp) =
        staff_browser(&app, "max@northshire.example", Role::Analyst, "northshire").await;
    let laptop = Browser::new(&app.base);
    assert_eq!(
        sign_in(&app, &laptop, "max@northshire.example", &totp)
            .await
            .status,
        303
    );
    let out = phone.post_form("/staff/sign-out", &[]).await;
    assert_eq!(out.status, 303);
    assert_eq!(phone.get("/staff").await.status, 303, "signed out here");
    assert_eq!(
        laptop.get("/staff").await.status,
        200,
        "still in on the laptop"
    );
    assert_eq!(
        sign_in(&app, &phone, "max@northshire.example", &totp)
            .await
            .status,
        303
    );
    phone.post_form("/staff/sign-out-everywhere", &[]).await;
    assert_eq!(laptop.get("/staff").await.status, 303);
    assert_eq!(phone.get("/staff").await.status, 303);

    // An admin disables a user: their session ends at once.
    let (admin, _) = staff_browser(&app, "ada@northshire.example", Role::Admin, "northshire").await;
    assert_eq!(
        sign_in(&app, &laptop, "max@northshire.example", &totp)
            .await
            .status,
        303
    );
    let max = app
        .state
        .store
        .staff_user_by_email("max@northshire.example")
        .await
        .expect("read")
        .expect("max");
    let disabled = admin
        .post_form(
            &format!("/staff/users/{}", max.id),
            &[("action", "disable")],
        )
        .await;
    assert_eq!(disabled.status, 303, "{}", disabled.body);
    assert_eq!(laptop.get("/staff").await.status, 303);
    let refused = Browser::new(&app.base)
        .post_form(
            "/staff/sign-in",
            &[("email", "max@northshire.example"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(refused.status, 422, "a disabled user cannot sign in");
}

#[tokio::test]
async fn posts_without_a_csrf_token_are_refused() {
    let app = spawn_app().await;
    let (browser, _) =
        staff_browser(&app, "cat@northshire.example", Role::Admin, "northshire").await;
    let page = browser
        .post_raw(
            "/staff/users/new",
            &[("email", "x@y.example"), ("role", "admin")],
            &[],
        )
        .await;
    assert_eq!(page.status, 403);
    let forged = browser
        .post_raw(
            "/staff/sign-in",
            &[("email", "x@y.example"), ("password", "whatever")],
            &[("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(forged.status, 403);
}

/// Stores a stalking report for `force` with these answers; its id.
pub async fn add_report(app: &TestApp, force: &str, reference: &str, priority: (&str, i64)) -> i64 {
    let mut answers = Answers::default();
    answers.set("contact", Value::One("phone".into()));
    answers.set("phone", Value::Text(Some("07700 900987".into())));
    answers.set(
        "safe-times",
        Value::Text(Some("Weekday mornings only".into())),
    );
    answers.set(
        "what-happened",
        Value::Text(Some("He waits outside my work".into())),
    );
    let json = serde_json::to_vec(&answers).expect("json");
    let submission = format!("sub-{reference}");
    let sealed = app
        .state
        .keyring
        .seal(&json, &report_purpose(&submission))
        .expect("seal");
    let report = NewStalkingReport {
        reference: reference.into(),
        submission_id: submission,
        force_code: force.into(),
        created_at: app.state.clock.now(),
        priority: priority.0.into(),
        priority_rank: priority.1,
        reasons: "[\"threats-to-harm\"]".into(),
        key_id: app.state.keyring.active_id(),
        sealed,
        alerts: Vec::new(),
        language: "en-GB".into(),
    };
    app.state
        .store
        .submit_stalking_report(&report, None)
        .await
        .expect("report");
    let (rows, _) = app
        .state
        .store
        .stalking_queue(&QueueQuery {
            force_code: force.into(),
            limit: 1_000,
            ..QueueQuery::default()
        })
        .await
        .expect("queue");
    rows.iter()
        .find(|r| r.reference == reference)
        .expect("row")
        .id
}

#[tokio::test]
async fn investigators_work_the_queue_of_their_own_force() {
    let app = spawn_app().await;
    let (browser, _) = staff_browser(
        &app,
        "ian@northshire.example",
        Role::Investigator,
        "northshire",
    )
    .await;
    let (a, c) = (Reference::generate(), Reference::generate());
    let standard = add_report(&app, "northshire", a.as_compact(), ("standard", 2)).await;
    app.clock.advance(60);
    // The urgent one comes through the public form, as a victim would send it.
    let victim = Browser::new(&app.base);
    crate::report_stalking::complete(&victim, crate::report_stalking::NAMED_BY_PHONE).await;
    let b = crate::report_stalking::send(&victim).await;
    let theirs = add_report(&app, "southshire", c.as_compact(), ("urgent", 0)).await;
    let queue = browser.get("/staff/reports").await;
    assert_eq!(queue.status, 200);
    let refs = queue.texts("[data-queue] tbody tr td:first-child");
    assert_eq!(
        refs,
        [b.clone(), a.to_string()],
        "urgent first; own force only"
    );
    let urgent = app
        .state
        .store
        .stalking_queue(&QueueQuery {
            force_code: "northshire".into(),
            priority: Some(Priority::Urgent),
            limit: 10,
            ..QueueQuery::default()
        })
        .await
        .expect("queue")
        .0[0]
        .id;
    let filtered = browser.get("/staff/reports?priority=standard").await;
    assert_eq!(
        filtered.texts("[data-queue] tbody tr td:first-child").len(),
        1
    );

    let case = browser.get(&format!("/staff/reports/{urgent}")).await;
    assert_eq!(case.status, 200);
    let contact = case.texts("[data-contact]").concat();
    assert!(
        contact.contains("07700 900982") && contact.contains("Weekdays 9 to 12"),
        "{contact}"
    );
    assert!(contact.contains("Alex Example"));
    assert!(
        case.body
            .contains("He waits outside my work every evening.")
    );
    assert!(case.body.contains("Threats to harm"));
    let actions = audit_actions(&app).await;
    assert!(
        actions
            .iter()
            .any(|(a, o, _)| a == "view-report" && o == "ok")
    );

    // Another force's report is not found, and the attempt is recorded.
    assert_eq!(
        browser
            .get(&format!("/staff/reports/{theirs}"))
            .await
            .status,
        404
    );
    assert_eq!(browser.get("/staff/reports/99999").await.status, 404);
    assert_eq!(browser.get("/staff/reports/abc").await.status, 404);
    let denied = audit_actions(&app)
        .await
        .into_iter()
        .filter(|(a, o, _)| a == "view-report" && o == "denied")
        .count();
    assert_eq!(denied, 3);

    let me = app
        .state
        .store
        .staff_user_by_email("ian@northshire.example")
        .await
        .expect("read")
        .expect("me");
    let me_id = me.id.to_string();
    let path = format!("/staff/reports/{urgent}");
    let saved = browser
        .post_form(
            &path,
            &[
                ("seen", "new"),
                ("status", "assigned"),
                ("assigned_to", &me_id),
                ("note", "Called; safe to ring mornings"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let after = browser.get(&path).await;
    assert!(after.body.contains("Called; safe to ring mornings"));
    let stored = app
        .state
        .store
        .stalking_case(urgent)
        .await
        .expect("read")
        .expect("case");
    assert_eq!(stored.row.status.code(), "assigned");
    assert_eq!(stored.row.assigned_to, Some(me.id));
    let notes = app.state.store.case_notes(urgent).await.expect("notes");
    let sealed = notes[0].sealed.clone().expect("note");
    assert!(
        !String::from_utf8_lossy(&sealed).contains("Called"),
        "notes are encrypted at rest"
    );
    let mine = browser
        .get(&format!("/staff/reports?assigned={me_id}"))
        .await;
    assert_eq!(mine.texts("[data-queue] tbody tr").len(), 1);

    // Going back, an unknown status, a stale page, an over-long note, a forged assignee.
    let back = browser
        .post_form(&path, &[("seen", "assigned"), ("status", "new")])
        .await;
    assert_eq!(back.status, 422);
    assert!(back.body.contains("cannot go back"));
    let odd = browser
        .post_form(&path, &[("seen", "assigned"), ("status", "archived")])
        .await;
    assert_eq!(odd.status, 422);
    let stale = browser
        .post_form(&path, &[("seen", "new"), ("status", "contacted")])
        .await;
    assert_eq!(stale.status, 422);
    assert!(stale.body.contains("Someone else changed this report"));
    let long = "x".repeat(2_001);
    let too_long = browser
        .post_form(
            &path,
            &[
                ("seen", "assigned"),
                ("status", "contacted"),
                ("note", &long),
            ],
        )
        .await;
    assert_eq!(too_long.status, 422);
    assert!(too_long.body.contains("2,000 characters or fewer"));
    let forged = browser
        .post_form(
            &path,
            &[
                ("seen", "assigned"),
                ("status", "contacted"),
                ("assigned_to", "424242"),
            ],
        )
        .await;
    assert_eq!(forged.status, 404);
    let closed = browser
        .post_form(
            &format!("/staff/reports/{standard}"),
            &[("seen", "new"), ("status", "closed")],
        )
        .await;
    assert_eq!(closed.status, 303);
    let open = browser.get("/staff/reports").await;
    assert_eq!(
        open.texts("[data-queue] tbody tr").len(),
        1,
        "closed reports leave the queue"
    );
}

#[tokio::test]
async fn admins_add_users_to_their_own_force_only() {
    let app = spawn_app().await;
    let (admin, _) = staff_browser(&app, "ada@northshire.example", Role::Admin, "northshire").await;
    let page = admin
        .post_form(
            "/staff/users/new",
            &[
                ("email", "New.Person@Northshire.example"),
                ("role", "analyst"),
                ("force", "southshire"),
            ],
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    let link = page.texts("[data-setup-link]").concat();
    assert!(link.contains("/staff/setup/"), "{link}");
    let user = app
        .state
        .store
        .staff_user_by_email("new.person@northshire.example")
        .await
        .expect("read")
        .expect("added");
    assert_eq!(
        (user.force_code.as_str(), user.role.code()),
        ("northshire", "analyst")
    );
    let token = link.rsplit('/').next().expect("token");
    set_up(&app, &Browser::new(&app.base), token).await;

    let taken = admin
        .post_form(
            "/staff/users/new",
            &[
                ("email", "new.person@northshire.example"),
                ("role", "analyst"),
            ],
        )
        .await;
    assert_eq!(taken.status, 422, "{}", taken.body);
    assert!(taken.body.contains("already a user"));
    let forged = admin
        .post_form(
            "/staff/users/new",
            &[("email", "x@northshire.example"), ("role", "superuser")],
        )
        .await;
    assert_eq!(forged.status, 422);
    assert!(forged.body.contains("Choose a role"));
    let bad = admin
        .post_form(
            "/staff/users/new",
            &[("email", "not an email"), ("role", "admin")],
        )
        .await;
    assert!(bad.body.contains("right format"));

    let (their_id, _) = add_user(&app, "zed@southshire.example", Role::Analyst, "southshire").await;
    assert_eq!(
        admin.get(&format!("/staff/users/{their_id}")).await.status,
        404
    );
    assert_eq!(
        admin
            .post_form(
                &format!("/staff/users/{their_id}"),
                &[("action", "disable")]
            )
            .await
            .status,
        404
    );
    let list = admin.get("/staff/users").await;
    assert!(list.body.contains("new.person@northshire.example"));
    assert!(!list.body.contains("zed@southshire.example"));
}

/// A route path with `{id}` replaced.
fn concrete(path: &str, id: i64) -> String {
    path.replace("{id}", &id.to_string())
}

#[tokio::test]
async fn every_staff_route_allows_exactly_its_roles_and_never_another_forces_data() {
    let app = spawn_app().await;
    // Fixtures in the own force ("northshire") and another ("southshire").
    let own_report = add_report(&app, "northshire", "OOOO1111OOO", ("high", 1)).await;
    let other_report = add_report(&app, "southshire", "TTTT2222TTT", ("high", 1)).await;
    let (own_user, _) = add_user(&app, "own@northshire.example", Role::Analyst, "northshire").await;
    let (other_user, _) = add_user(
        &app,
        "other@southshire.example",
        Role::Analyst,
        "southshire",
    )
    .await;
    let mut checked = 0;
    for role in Role::ALL {
        let (browser, _) = staff_browser(
            &app,
            &format!("{}@northshire.example", role.code()),
            role,
            "northshire",
        )
        .await;
        for rule in POLICY {
            let objects: Vec<(bool, String)> = if rule.path.contains("/staff/reports/{id}") {
                vec![
                    (true, concrete(rule.path, own_report)),
                    (false, concrete(rule.path, other_report)),
                ]
            } else if rule.path.contains("/staff/users/{id}") {
                vec![
                    (true, concrete(rule.path, own_user)),
                    (false, concrete(rule.path, other_user)),
                ]
            } else {
                vec![(true, rule.path.to_owned())]
            };
            for (own, path) in objects {
                if rule.path.starts_with("/staff/sign-out") {
                    continue; // checked below: they end the session used here
                }
                let before = audit_actions(&app).await.len();
                let page = match rule.method {
                    "GET" => browser.get(&path).await,
                    _ => browser.post_form(&path, &[]).await,
                };
                let allowed = rule.roles.contains(&role);
                let expected_ok = allowed && own;
                if expected_ok {
                    assert!(
                        [200, 303, 400, 422].contains(&page.status),
                        "{role:?} {} {path}: {}",
                        rule.method,
                        page.status
                    );
                } else {
                    let expected = if allowed { 404 } else { 403 };
                    assert_eq!(page.status, expected, "{role:?} {} {path}", rule.method);
                    let after = audit_actions(&app).await;
                    assert!(
                        after[before..].iter().any(|(_, o, _)| o == "denied"),
                        "{role:?} {} {path}: the refusal is audited",
                        rule.method
                    );
                }
                checked += 1;
            }
        }
        for path in ["/staff/sign-out-everywhere", "/staff/sign-out"] {
            assert_eq!(browser.post_form(path, &[]).await.status, 303);
        }
    }
    assert!(checked >= POLICY.len() * 4);
}

#[test]
fn every_staff_route_in_the_source_has_a_policy() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/http/staff");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("dir") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
        for part in text.split(".route(\n").chain(text.split(".route(")).skip(1) {
            let path = part.trim_start().trim_start_matches('"');
            if let Some(end) = path.find('"') {
                let path = &path[..end];
                if path.starts_with("/staff") {
                    found.push(path.to_owned());
                }
            }
        }
    }
    assert!(found.len() >= 10, "{found:?}");
    for path in found {
        let known =
            POLICY.iter().any(|r| r.path == path) || staff::OPEN.iter().any(|(_, p)| *p == path);
        assert!(known, "{path} has no entry in staff::POLICY or staff::OPEN");
    }
}

#[tokio::test]
async fn retention_deletes_old_closed_reports_and_drops_old_points_and_is_audited() {
    let app = spawn_app().await;
    let (browser, _) = staff_browser(
        &app,
        "rae@northshire.example",
        Role::Investigator,
        "northshire",
    )
    .await;
    let old = add_report(
        &app,
        "northshire",
        Reference::generate().as_compact(),
        ("standard", 2),
    )
    .await;
    let kept = add_report(
        &app,
        "northshire",
        Reference::generate().as_compact(),
        ("standard", 2),
    )
    .await;
    for id in [old, kept] {
        let page = browser
            .post_form(
                &format!("/staff/reports/{id}"),
                &[("seen", "new"), ("status", "triaged")],
            )
            .await;
        assert_eq!(page.status, 303);
    }
    browser
        .post_form(
            &format!("/staff/reports/{old}"),
            &[("seen", "triaged"), ("status", "closed")],
        )
        .await;
    // A place report with a point, made now.
    let victim = Browser::new(&app.base);
    let submission = crate::unsafe_place::send_one_by_map(&victim).await;
    let receipt = crate::flows::place::receipt(&app, &submission).await;
    let config = app.state.config.as_ref().clone();
    app.clock
        .advance(config.retention_place_point_days * 86_400 - 10);
    let early = saferstreets::retention::purge(&app.state.store, &config, app.state.clock.now())
        .await
        .expect("purge");
    assert_eq!((early.reports, early.points), (0, 0), "nothing is due yet");
    app.clock
        .advance(config.retention_closed_report_days * 86_400);
    let due = saferstreets::retention::purge(&app.state.store, &config, app.state.clock.now())
        .await
        .expect("purge");
    assert_eq!((due.reports, due.points), (1, 1));
    assert!(
        app.state
            .store
            .stalking_case(old)
            .await
            .expect("read")
            .is_none()
    );
    assert!(
        app.state
            .store
            .stalking_case(kept)
            .await
            .expect("read")
            .is_some(),
        "open reports stay"
    );
    let place = app
        .state
        .store
        .place_report(&receipt)
        .await
        .expect("read")
        .expect("kept");
    assert_eq!(place.sealed.point, None, "the exact point is gone");
    let cells = app
        .state
        .store
        .cell_counts("northshire", 9)
        .await
        .expect("cells");
    assert_eq!(
        cells.iter().map(|(_, n)| n).sum::<i64>(),
        1,
        "its cell still counts"
    );
    let actions = audit_actions(&app).await;
    assert!(
        actions
            .iter()
            .filter(|(a, _, _)| a.starts_with("purge"))
            .count()
            >= 4
    );
}

async fn add_place_reports(
    app: &TestApp,
    force: &str,
    at: (f64, f64),
    n: usize,
    tag: &str,
    reasons: i64,
) {
    use saferstreets::geo::{LatLng, hex};
    let p = LatLng::new(at.0, at.1).expect("point");
    let today = TEST_NOW / 86_400;
    let reports: Vec<saferstreets::storage::NewPlaceReport> = (0..n)
        .map(|i| saferstreets::storage::NewPlaceReport {
            receipt: format!("{tag}{i}"),
            submission_id: format!("{tag}{i}"),
            force_code: force.into(),
            created_at: TEST_NOW,
            cells: hex::stored_cells(p),
            day: today - 2,
            hour: 21,
            reasons,
            // Sealed, as the service stores free text.
            sealed: saferstreets::storage::sealed::PlainPlace {
                text: Some("{\"anything-else\":\"SECRET words\"}".into()),
                ..Default::default()
            }
            .seal(&app.state.keyring, &format!("{tag}{i}"))
            .expect("seal"),
        })
        .collect();
    app.state
        .store
        .insert_place_reports(&reports)
        .await
        .expect("reports");
}

#[tokio::test]
async fn analysts_see_every_hotspot_and_partners_only_suppressed_aggregates() {
    let app = spawn_app().await;
    add_place_reports(
        &app,
        "northshire",
        (53.8012, -1.5481),
        7,
        "busy",
        1 | (1 << 10),
    )
    .await;
    add_place_reports(&app, "northshire", (53.7605, -1.5230), 2, "quiet", 1 << 5).await;
    add_place_reports(&app, "southshire", (53.8012, -1.5481), 50, "theirs", 1).await;
    let (analyst, _) =
        staff_browser(&app, "ana@northshire.example", Role::Analyst, "northshire").await;
    let (partner, _) =
        staff_browser(&app, "pat@northshire.example", Role::Partner, "northshire").await;

    let page = analyst.get("/staff/places").await;
    assert_eq!(page.status, 200);
    assert!(
        page.texts("[data-total]").concat().contains("9 reports"),
        "own force only"
    );
    let top = page.texts("[data-top] tbody tr");
    assert_eq!(top.len(), 2, "the 2-report hexagon is shown to analysts");
    assert!(
        top[0].contains('7')
            && top[0].contains("Badly lit")
            && top[0].contains("Followed")
            && !top[0].contains("I was followed")
    );
    assert_eq!(
        page.html()
            .select(&scraper::Selector::parse("[data-chart] svg").expect("sel"))
            .count(),
        3
    );
    assert!(page.body.contains("<title id=\"weekly-title\">"));
    assert!(!page.body.contains("SECRET"));

    let shown = partner.get("/staff/places").await;
    assert_eq!(shown.status, 200);
    assert_eq!(
        shown.texts("[data-top] tbody tr").len(),
        1,
        "under k is suppressed"
    );
    assert!(shown.body.contains("figures under 5 are not shown"));
    let grid = shown.texts("[data-chart] table").concat();
    assert!(
        grid.contains("<5"),
        "small chart figures are hidden from partners"
    );

    let csv = analyst.get("/staff/places/export.csv?res=9").await;
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-type").starts_with("text/csv"));
    assert!(csv.header("content-disposition").contains("hotspots.csv"));
    assert_eq!(csv.body.lines().count(), 3, "{}", csv.body);
    let partner_csv = partner.get("/staff/places/export.csv?res=9").await;
    assert_eq!(partner_csv.body.lines().count(), 2, "{}", partner_csv.body);
    let geojson = partner
        .get("/staff/places/export.geojson?reasons=followed")
        .await;
    let json: serde_json::Value = serde_json::from_str(&geojson.body).expect("json");
    assert_eq!(json["features"].as_array().map(Vec::len), Some(1));
    assert!(!geojson.body.contains("53.8012"), "no exact points");
    let exports = audit_actions(&app)
        .await
        .into_iter()
        .filter(|(a, _, _)| a == "export")
        .count();
    assert_eq!(exports, 3, "every export is audited");

    let filtered = analyst.get("/staff/places?reasons=rundown&hours=21").await;
    assert!(
        filtered
            .texts("[data-total]")
            .concat()
            .contains("2 reports")
    );
    let none = analyst
        .get("/staff/places?weekdays=1&weekdays=2&hours=0")
        .await;
    assert!(none.texts("[data-total]").concat().contains("0 reports"));
    let bad = analyst.get("/staff/places?from=yesterday").await;
    assert_eq!(bad.status, 200);
    assert!(bad.body.contains("A filter was not understood"));
    assert_eq!(
        analyst.get("/staff/places/export.csv?res=8").await.status,
        400,
        "an export never guesses at a filter"
    );
}

#[tokio::test]
async fn admins_read_and_export_their_forces_audit_log() {
    let app = spawn_app().await;
    let (admin, _) = staff_browser(&app, "aud@northshire.example", Role::Admin, "northshire").await;
    staff_browser(&app, "far@southshire.example", Role::Analyst, "southshire").await;
    let page = admin.get("/staff/audit").await;
    assert_eq!(page.status, 200);
    let rows = page.texts("[data-audit] tbody tr").join("\n");
    assert!(rows.contains("aud@northshire.example"));
    assert!(
        !rows.contains("far@southshire.example"),
        "another force's log is not shown"
    );
    let csv = admin.get("/staff/audit/export.csv").await;
    assert_eq!(csv.status, 200);
    assert!(
        csv.body
            .starts_with("seq,at,actor,role,force,action,object,outcome,detail,hash")
    );
    let again = admin.get("/staff/audit").await;
    assert!(
        again
            .texts("[data-audit] tbody tr")
            .concat()
            .contains("audit.csv"),
        "the export is itself audited"
    );
}

#[tokio::test]
async fn an_unknown_back_office_address_gets_the_back_office_not_found_page() {
    let app = spawn_app().await;
    for path in [
        "/staff/no/such/page",
        "/staff/reports/not-a-reference/nothing",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, 404, "{path}");
        assert_eq!(page.h1(), "Page not found", "{path}");
        assert!(page.body.contains("app-staff"), "{path}");
        assert!(!page.body.contains("data-quick-exit"), "{path}");
        assert!(!page.body.contains("govuk-cookie-banner"), "{path}");
        assert!(page.set_cookies().is_empty(), "{path}");
    }
    // Public addresses keep the public page, quick exit and all.
    let public = app.get("/no/such/page").await;
    assert_eq!(public.h1(), "Page not found");
    assert!(public.body.contains("data-quick-exit"));
    assert!(!public.body.contains("app-staff"));
}
