//! Alerts for urgent and high-priority reports (issue 14, point 5), against real receivers: an
//! SMTP server (Python `aiosmtpd`, `scripts/smtp_sink.py`) and an HTTP receiver that checks the
//! signature and records idempotency keys. Deliveries are driven pass by pass with the test's
//! clock, so backoff is tested without waiting.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use saferstreets::alerts::{Deliverer, webhook};
use saferstreets::clock::{Clock, ManualClock};
use saferstreets::config::Secret;
use saferstreets::domain::alert::Channel;
use saferstreets::domain::staff::Role;
use saferstreets::storage::NewStalkingReport;

use crate::flows::stalking::{ANONYMOUS_FOR_OTHER, NAMED_BY_PHONE, complete, send};
use crate::helpers::{Browser, TEST_NOW, TestApp, TestDb, spawn_app_with};
use crate::staff::staff_browser;

const SECRET: &str = "a-webhook-secret-of-at-least-32-characters";

/// The SMTP server, killed when dropped.
struct Smtp {
    port: u16,
    dir: tempfile::TempDir,
    child: std::process::Child,
}

impl Drop for Smtp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Smtp {
    async fn start() -> Self {
        let port = free_port();
        let dir = tempfile::tempdir().expect("dir");
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/smtp_sink.py");
        let mut child = std::process::Command::new("python3")
            .arg(script)
            .arg(port.to_string())
            .arg(dir.path())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("python3 with aiosmtpd (pip install aiosmtpd; scripts/test.sh does)");
        let stdout = child.stdout.take().expect("stdout");
        // The server prints "ready" once it accepts connections (or exits, closing stdout).
        let ready = tokio::task::spawn_blocking(move || {
            let mut line = String::new();
            std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line)
                .map(|_| line)
        })
        .await
        .expect("join")
        .expect("read");
        let me = Self { port, dir, child };
        assert_eq!(ready.trim(), "ready", "the SMTP server did not start");
        me
    }

    fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message received, in order.
    fn messages(&self) -> Vec<String> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("message"))
            .collect()
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

/// One webhook as received.
#[derive(Debug, Clone)]
struct Received {
    key: String,
    body: serde_json::Value,
    raw: String,
    verified: bool,
}

/// A force system: checks each webhook's signature against the service's clock, answers 503
/// while `down`, and keeps what it was sent.
#[derive(Clone)]
struct Receiver {
    clock: Arc<ManualClock>,
    down: Arc<AtomicBool>,
    got: Arc<Mutex<Vec<(Received, u16)>>>,
}

impl Receiver {
    async fn start(clock: Arc<ManualClock>) -> (Self, String) {
        let me = Self {
            clock,
            down: Arc::new(AtomicBool::new(false)),
            got: Arc::default(),
        };
        let router = Router::new()
            .route("/hook", axum::routing::post(receive))
            .with_state(me.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
        tokio::spawn(async move { axum::serve(listener, router).await });
        (me, url)
    }

    /// Deliveries it accepted (answered 2xx), de-duplicated by idempotency key as a real
    /// receiver would.
    fn accepted(&self) -> Vec<Received> {
        let mut seen = HashSet::new();
        self.got
            .lock()
            .expect("lock")
            .iter()
            .filter(|(_, status)| *status == 200)
            .filter(|(r, _)| seen.insert(r.key.clone()))
            .map(|(r, _)| r.clone())
            .collect()
    }

    fn all(&self) -> Vec<(Received, u16)> {
        self.got.lock().expect("lock").clone()
    }
}

async fn receive(State(r): State<Receiver>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let verified = webhook::verify(
        SECRET.as_bytes(),
        &header(webhook::TIMESTAMP),
        &body,
        &header(webhook::SIGNATURE),
        r.clock.now(),
        300,
    );
    let status = if !verified {
        StatusCode::UNAUTHORIZED
    } else if r.down.load(Ordering::SeqCst) {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::OK
    };
    let received = Received {
        key: header(webhook::IDEMPOTENCY_KEY),
        body: serde_json::from_slice(&body).unwrap_or_default(),
        raw: String::from_utf8_lossy(&body).into_owned(),
        verified,
    };
    r.got
        .lock()
        .expect("lock")
        .push((received, status.as_u16()));
    status
}

fn deliverer(app: &TestApp) -> Arc<Deliverer> {
    Arc::new(
        Deliverer::new(
            &app.state.config,
            app.state.store.clone(),
            app.state.clock.clone(),
        )
        .expect("deliverer"),
    )
}

/// What the victim told us in `NAMED_BY_PHONE` that no alert may carry.
const PRIVATE: &[&str] = &[
    "Alex Example",
    "07700 900982",
    "waits outside",
    "Example Street",
    "SW1A",
    "red van",
    "Sends parcels",
    "Weekdays",
];

async fn report_id(app: &TestApp, reference: &str) -> i64 {
    let compact = saferstreets::domain::reference::Reference::parse(reference).expect("reference");
    app.state
        .store
        .stalking_report(compact.as_compact())
        .await
        .expect("read")
        .expect("stored")
        .id
}

#[tokio::test]
async fn an_urgent_report_sends_one_content_free_email_and_one_signed_webhook_and_a_standard_one_nothing()
 {
    let smtp = Smtp::start().await;
    let clock = ManualClock::new(TEST_NOW);
    let (receiver, hook_url) = Receiver::start(clock.clone()).await;
    let app = spawn_app_with(
        TestDb::sqlite(),
        |c| {
            c.public_url = "https://saferstreets.example".into();
            c.alert_email_to = "duty@force.example".into();
            c.smtp_url = Secret(smtp.url());
            c.alert_webhook_url = hook_url;
            c.alert_webhook_secret = Secret(SECRET.into());
        },
        None,
    )
    .await;
    // The receiver checks signatures against the service's own (test) clock.
    clock.advance(app.clock.now() - clock.now());

    complete(&app, NAMED_BY_PHONE).await;
    let reference = send(&app).await;
    let id = report_id(&app, &reference).await;
    assert_eq!(
        app.state
            .store
            .report_alerts(id)
            .await
            .expect("alerts")
            .len(),
        2,
        "one outbox row per channel, written with the report"
    );

    let worker = deliverer(&app);
    let pass = worker.pass().await.expect("pass");
    assert_eq!((pass.claimed, pass.delivered, pass.failed), (2, 2, 0));

    let mail = smtp.messages();
    assert_eq!(mail.len(), 1, "one email");
    let mail = &mail[0];
    assert!(mail.contains("An urgent report is waiting"), "{mail}");
    assert!(mail.contains("To: duty@force.example"), "{mail}");
    assert!(
        mail.contains(&format!("https://saferstreets.example/staff/reports/{id}")),
        "links to the case page: {mail}"
    );
    let compact = saferstreets::domain::reference::Reference::parse(&reference).expect("reference");
    for private in PRIVATE
        .iter()
        .chain([&reference.as_str(), &compact.as_compact()])
    {
        assert!(
            !mail.contains(private),
            "the email carries {private:?}: {mail}"
        );
    }

    let hooks = receiver.all();
    assert_eq!(hooks.len(), 1, "one webhook");
    let (hook, status) = &hooks[0];
    assert_eq!(*status, 200);
    assert!(hook.verified, "signed with the shared secret");
    assert_eq!(hook.body["report_id"], compact.as_compact());
    assert_eq!(hook.body["priority"], "urgent");
    assert_eq!(hook.body["force"], "northshire");
    let received = app
        .state
        .store
        .stalking_report(compact.as_compact())
        .await
        .expect("read")
        .expect("stored")
        .report
        .created_at;
    assert_eq!(
        hook.body["received_at"],
        jiff::Timestamp::from_second(received)
            .expect("time")
            .to_string()
    );
    assert_eq!(hook.body["idempotency_key"], hook.key.as_str());
    assert_eq!(hook.key.len(), 32);
    for private in PRIVATE {
        assert!(
            !hook.raw.contains(private),
            "the webhook carries {private:?}"
        );
    }

    // Delivered means done: nothing is sent twice.
    assert_eq!(worker.pass().await.expect("pass").claimed, 0);
    clock.advance(86_400);
    app.clock.advance(86_400);
    assert_eq!(worker.pass().await.expect("pass").claimed, 0);

    // A standard-priority report raises no alert.
    let other = Browser::new(&app.base);
    complete(&other, ANONYMOUS_FOR_OTHER).await;
    let standard = send(&other).await;
    let standard_id = report_id(&app, &standard).await;
    assert!(
        app.state
            .store
            .report_alerts(standard_id)
            .await
            .expect("alerts")
            .is_empty()
    );
    assert_eq!(worker.pass().await.expect("pass").claimed, 0);
    assert_eq!(smtp.messages().len(), 1);
    assert_eq!(receiver.all().len(), 1);
}

#[tokio::test]
async fn a_receiver_that_is_down_gets_retries_with_backoff_and_admins_see_the_failure() {
    let handle = saferstreets::metrics::install().expect("metrics");
    let clock = ManualClock::new(TEST_NOW);
    let (receiver, hook_url) = Receiver::start(clock.clone()).await;
    receiver.down.store(true, Ordering::SeqCst);
    let app = spawn_app_with(
        TestDb::sqlite(),
        |c| {
            c.alert_webhook_url = hook_url;
            c.alert_webhook_secret = Secret(SECRET.into());
        },
        None,
    )
    .await;
    let advance = |s: i64| {
        clock.advance(s);
        app.clock.advance(s);
    };
    // Signed in first: signing in moves the test clock on (authenticator codes).
    let (admin, _) =
        staff_browser(&app, "admin@northshire.example", Role::Admin, "northshire").await;
    let (investigator, _) = staff_browser(
        &app,
        "inv@northshire.example",
        Role::Investigator,
        "northshire",
    )
    .await;
    let now = app.clock.now();
    clock.advance(now - clock.now());
    complete(&app, NAMED_BY_PHONE).await;
    send(&app).await;
    let worker = deliverer(&app);
    let next_try = || async {
        let waiting = app
            .state
            .store
            .undelivered_alerts("northshire", 10)
            .await
            .expect("list");
        assert_eq!(waiting.len(), 1);
        waiting[0].due_at
    };

    let t0 = app.clock.now();
    let first = worker.pass().await.expect("pass");
    assert_eq!((first.claimed, first.failed), (1, 1));
    assert_eq!(
        worker.pass().await.expect("pass").claimed,
        0,
        "not due again yet"
    );
    // Backoff: the first retry comes 15–30 s later (30 s with jitter in its upper half)…
    let due = next_try().await;
    assert!((15..=30).contains(&(due - t0)), "{}", due - t0);

    // An admin sees the failure: channel, attempts, the class of the problem, no content.
    let page = admin.get("/staff/alerts").await;
    assert_eq!(page.status, 200);
    let cells = page.texts("[data-alerts] td");
    assert_eq!(cells[0], "Webhook", "{cells:?}");
    assert_eq!(cells[2], "1", "{cells:?}");
    assert_eq!(cells[3], "status-503", "{cells:?}");
    for private in PRIVATE {
        assert!(!page.body.contains(private));
    }
    let home = admin.get("/staff").await;
    assert!(
        home.attrs("a", "href")
            .contains(&"/staff/alerts".to_owned())
    );
    // Investigators do not get the page.
    assert_eq!(investigator.get("/staff/alerts").await.status, 403);

    advance(due - app.clock.now() - 1);
    assert_eq!(worker.pass().await.expect("pass").claimed, 0, "too soon");
    advance(1);
    let t1 = app.clock.now();
    let second = worker.pass().await.expect("pass");
    assert_eq!((second.claimed, second.failed), (1, 1));
    // …the second 30–60 s after that.
    let due = next_try().await;
    assert!((30..=60).contains(&(due - t1)), "{}", due - t1);
    advance(due - t1 - 1);
    assert_eq!(
        worker.pass().await.expect("pass").claimed,
        0,
        "backs off further"
    );
    let cells = admin.get("/staff/alerts").await.texts("[data-alerts] td");
    assert_eq!(cells[2], "2", "{cells:?}");

    // The receiver comes back: the next try goes through, with the same idempotency key.
    receiver.down.store(false, Ordering::SeqCst);
    advance(1);
    let third = worker.pass().await.expect("pass");
    assert_eq!((third.claimed, third.delivered), (1, 1));
    let all = receiver.all();
    assert_eq!(all.len(), 3);
    assert!(all.iter().all(|(r, _)| r.verified && r.key == all[0].0.key));
    assert_eq!(receiver.accepted().len(), 1);
    assert_eq!(worker.measure().await.expect("backlog"), 0);
    let page = admin.get("/staff/alerts").await;
    assert!(page.texts("[data-alerts] td").is_empty());
    assert_eq!(
        page.texts("[data-alerts-none]"),
        ["Every alert has been delivered."]
    );

    let metrics = handle.render();
    for line in [
        "saferstreets_alert_deliveries_total{channel=\"webhook\",outcome=\"failed\"}",
        "saferstreets_alert_deliveries_total{channel=\"webhook\",outcome=\"delivered\"}",
        "saferstreets_alert_outbox_backlog",
    ] {
        assert!(metrics.contains(line), "{line} in\n{metrics}");
    }
}

#[tokio::test]
async fn an_unreachable_smtp_server_or_a_plain_http_webhook_stops_start_up() {
    let db = TestDb::sqlite();
    let mut config = crate::helpers::test_config(&db);
    config.alert_email_to = "duty@force.example".into();
    config.smtp_url = Secret(format!("smtp://127.0.0.1:{}", free_port()));
    let err = saferstreets::startup::Application::build(config.clone())
        .await
        .err()
        .expect("refused")
        .to_string();
    assert!(err.contains("cannot reach the SMTP server"), "{err}");

    config.alert_email_to = String::new();
    config.alert_webhook_url = "http://rms.force.example/hook".into();
    config.alert_webhook_secret = Secret(SECRET.into());
    let err = saferstreets::startup::Application::build(config)
        .await
        .err()
        .expect("refused")
        .to_string();
    assert!(err.contains("https://"), "{err}");
}

fn alerting_report(reference: &str, submission: &str, alerts: Vec<Channel>) -> NewStalkingReport {
    NewStalkingReport {
        reference: reference.to_owned(),
        submission_id: submission.to_owned(),
        force_code: "northshire".to_owned(),
        created_at: 1_000,
        priority: "urgent".to_owned(),
        priority_rank: 0,
        reasons: "[]".to_owned(),
        key_id: "k1".to_owned(),
        sealed: vec![1],
        alerts,
        language: "en-GB".to_owned(),
    }
}

#[tokio::test]
async fn outbox_claims_are_leases_that_a_dead_worker_loses() {
    for db in TestDb::all().await {
        let store = saferstreets::storage::connect(&db.url)
            .await
            .expect("store");
        let both = vec![Channel::Email, Channel::Webhook];
        store
            .submit_stalking_report(&alerting_report("R1", "s1", both.clone()), None)
            .await
            .expect("submit");
        // A repeated send of the same draft writes no more alerts.
        store
            .submit_stalking_report(&alerting_report("R2", "s1", both.clone()), None)
            .await
            .expect("submit again");
        store
            .submit_stalking_report(&alerting_report("R3", "s3", Vec::new()), None)
            .await
            .expect("submit without alerts");
        assert_eq!(
            store.alert_backlog().await.expect("backlog"),
            2,
            "{}",
            db.url
        );

        let now = 2_000;
        let claimed = store.claim_alerts(now, 120, 10).await.expect("claim");
        assert_eq!(claimed.len(), 2);
        assert!(
            claimed
                .iter()
                .all(|a| a.attempts == 1 && a.reference == "R1")
        );
        assert_eq!(claimed[0].received_at, 1_000);
        assert!(
            store
                .claim_alerts(now + 119, 120, 10)
                .await
                .expect("claim")
                .is_empty(),
            "held"
        );
        // The worker died holding them: once the lease is over they are claimed again.
        let again = store.claim_alerts(now + 120, 120, 10).await.expect("claim");
        assert_eq!(again.len(), 2);
        assert!(again.iter().all(|a| a.attempts == 2));
        assert_eq!(
            again.iter().map(|a| &a.idempotency_key).collect::<Vec<_>>(),
            claimed
                .iter()
                .map(|a| &a.idempotency_key)
                .collect::<Vec<_>>(),
            "the key stays the same across attempts"
        );

        store
            .alerts_delivered(&[again[0].id], now + 130)
            .await
            .expect("delivered");
        store
            .alert_failed(again[1].id, "connect", now + 500)
            .await
            .expect("failed");
        assert_eq!(store.alert_backlog().await.expect("backlog"), 1);
        let waiting = store
            .undelivered_alerts("northshire", 10)
            .await
            .expect("list");
        assert_eq!(waiting.len(), 1);
        assert_eq!(waiting[0].last_error.as_deref(), Some("connect"));
        assert_eq!((waiting[0].attempts, waiting[0].due_at), (2, now + 500));
        assert!(
            store
                .undelivered_alerts("southshire", 10)
                .await
                .expect("list")
                .is_empty()
        );
        assert!(
            store
                .claim_alerts(now + 499, 120, 10)
                .await
                .expect("claim")
                .is_empty()
        );
        assert_eq!(
            store
                .claim_alerts(now + 500, 120, 10)
                .await
                .expect("claim")
                .len(),
            1
        );
    }
}

#[tokio::test]
async fn a_pass_marks_its_deliveries_in_one_write_and_a_repeat_keeps_the_first_time() {
    for db in TestDb::all().await {
        let store = saferstreets::storage::connect(&db.url)
            .await
            .expect("store");
        for i in 0..3 {
            store
                .submit_stalking_report(
                    &alerting_report(&format!("R{i}"), &format!("s{i}"), vec![Channel::Webhook]),
                    None,
                )
                .await
                .expect("submit");
        }
        let claimed = store.claim_alerts(2_000, 120, 10).await.expect("claim");
        assert_eq!(claimed.len(), 3, "{}", db.url);
        store
            .alerts_delivered(&[], 2_001)
            .await
            .expect("nothing to mark");
        store
            .alerts_delivered(&[claimed[0].id, claimed[2].id], 2_010)
            .await
            .expect("delivered");
        assert_eq!(store.alert_backlog().await.expect("backlog"), 1);
        // A second mark of the same row (a send repeated after a crash) changes nothing.
        store
            .alerts_delivered(&[claimed[0].id, claimed[1].id], 2_020)
            .await
            .expect("delivered");
        assert_eq!(store.alert_backlog().await.expect("backlog"), 0);
        let at = |report_id| {
            let store = store.clone();
            async move {
                store
                    .report_alerts(report_id)
                    .await
                    .expect("alerts")
                    .into_iter()
                    .map(|(_, at)| at)
                    .collect::<Vec<_>>()
            }
        };
        assert_eq!(at(claimed[0].report_id).await, [Some(2_010)]);
        assert_eq!(at(claimed[1].report_id).await, [Some(2_020)]);
        assert_eq!(at(claimed[2].report_id).await, [Some(2_010)]);
    }
}

#[tokio::test]
async fn two_instances_claim_each_alert_once() {
    for db in TestDb::all().await {
        let a = saferstreets::storage::connect(&db.url)
            .await
            .expect("store");
        let b = saferstreets::storage::connect(&db.url)
            .await
            .expect("store");
        for i in 0..40 {
            a.submit_stalking_report(
                &alerting_report(&format!("R{i}"), &format!("s{i}"), vec![Channel::Webhook]),
                None,
            )
            .await
            .expect("submit");
        }
        let mut seen = HashSet::new();
        loop {
            let (x, y) = tokio::join!(a.claim_alerts(5_000, 120, 3), b.claim_alerts(5_000, 120, 3));
            let (x, y) = (x.expect("claim"), y.expect("claim"));
            if x.is_empty() && y.is_empty() {
                break;
            }
            for alert in x.into_iter().chain(y) {
                assert!(
                    seen.insert(alert.id),
                    "{} claimed twice on {}",
                    alert.id,
                    db.url
                );
            }
        }
        assert_eq!(seen.len(), 40, "{}", db.url);
    }
}
