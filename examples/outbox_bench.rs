//! How long the alert worker takes to drain a backlog of webhook alerts (issue 14).
//!
//! ```sh
//! cargo run --release --example outbox_bench -- [--alerts 10000] [--limit 120]
//!     [--database-url URL]
//! ```
//!
//! Writes `--alerts` urgent stalking reports to a fresh database (a temporary SQLite file
//! unless `--database-url` names an EMPTY PostgreSQL database) through the store call a
//! submission uses, so each gets its webhook outbox row in its own transaction. Then it starts
//! a receiver on 127.0.0.1 that checks every signature with `alerts::webhook::verify`, starts
//! the production worker (`Deliverer::spawn`) pointed at it, and times until the backlog is
//! zero. Prints one markdown row; exits non-zero if an alert is missing, a signature is bad,
//! or `--limit` seconds pass first. Loopback only; touches nothing but its own database.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/webhook_receiver.rs"]
mod webhook_receiver;

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use saferstreets::alerts;
use saferstreets::clock::{Clock, SystemClock};
use saferstreets::config::{Config, Secret};
use saferstreets::domain::answers::Value;
use webhook_receiver::{Receiver, receive};

const SECRET: &str = "outbox-bench-webhook-secret-0123456789abcdef";
/// Reports submitted at once while filling the backlog, as from many victims' browsers.
const WRITERS: usize = 32;

#[path = "support/args.rs"]
mod args;
use args::{arg, text_arg};

#[tokio::main]
async fn main() {
    let n = arg("--alerts", 10_000);
    let limit = Duration::from_secs(arg("--limit", 120));
    let dir = tempfile::tempdir().unwrap();
    let url = text_arg("--database-url")
        .unwrap_or_else(|| format!("sqlite://{}/outbox.db", dir.path().display()));
    let engine = if url.starts_with("postgres") {
        "PostgreSQL"
    } else {
        "SQLite"
    };

    let receiver = Arc::new(Receiver {
        secret: SECRET.to_owned(),
        ..Receiver::default()
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hook = format!("http://{}/hook", listener.local_addr().unwrap());
    let app = axum::Router::new()
        .route("/hook", axum::routing::post(receive))
        .with_state(receiver.clone());
    tokio::spawn(async move { axum::serve(listener, app).await });

    let config = Config {
        database_url: url.clone(),
        data_dir: dir.path().to_path_buf(),
        keys_dir: dir.path().join("keys"),
        demo_reports: 0,
        alert_webhook_url: hook,
        alert_webhook_secret: Secret(SECRET.to_owned()),
        ..Config::default()
    };
    let store = saferstreets::storage::connect(&url).await.unwrap();
    assert_eq!(
        store.alert_backlog().await.unwrap(),
        0,
        "the database must be empty"
    );
    let keyring = Arc::new(
        saferstreets::crypto::load_or_create_key_file(&dir.path().join("keys/keys")).unwrap(),
    );
    let channels = alerts::channels(&config);
    assert_eq!(channels, [saferstreets::domain::alert::Channel::Webhook]);

    // The backlog: urgent reports (threats and a weapon) sealed and assessed as a submission
    // is, each stored with its outbox rows in one transaction, while no worker runs, as after
    // a receiver outage.
    let t = Instant::now();
    let next = Arc::new(AtomicUsize::new(0));
    let references = Arc::new(Mutex::new(HashSet::new()));
    let mut writers = tokio::task::JoinSet::new();
    for w in 0..WRITERS {
        let (store, keyring, channels) = (store.clone(), keyring.clone(), channels.clone());
        let (next, references) = (next.clone(), references.clone());
        writers.spawn(async move {
            let mut rng = fastrand::Rng::with_seed(w as u64);
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i as u64 >= n {
                    break;
                }
                let mut answers = saferstreets::demo_cases::answers(&mut rng);
                for q in ["threats", "weapons"] {
                    answers.set(q, Value::One("yes".to_owned()));
                }
                let mut report = saferstreets::app::stalking::sealed_report(
                    &answers,
                    &format!("outbox-bench-{i}"),
                    &keyring,
                    "northshire",
                    SystemClock.now(),
                )
                .unwrap();
                assert_eq!(report.priority, "urgent");
                report.alerts = channels.clone();
                let reference = store.submit_stalking_report(&report, None).await.unwrap();
                references.lock().unwrap().insert(reference);
            }
        });
    }
    while let Some(done) = writers.join_next().await {
        done.unwrap();
    }
    let backlog = store.alert_backlog().await.unwrap();
    assert_eq!(backlog, i64::try_from(n).unwrap());
    eprintln!(
        "{engine}: backlog of {backlog} written in {:.1?}",
        t.elapsed()
    );

    // The worker exactly as the server runs it.
    let deliverer = alerts::Deliverer::new(&config, store.clone(), Arc::new(SystemClock)).unwrap();
    let t = Instant::now();
    deliverer.spawn();
    let drained = loop {
        let left = store.alert_backlog().await.unwrap();
        if left == 0 {
            break Some(t.elapsed());
        }
        if t.elapsed() > limit {
            eprintln!("{engine}: {left} alerts still undelivered after {limit:?}; giving up");
            break None;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };

    let got = receiver.got.lock().unwrap().clone();
    let references = references.lock().unwrap();
    let distinct = got.len();
    let requests = receiver.requests.load(Ordering::Relaxed);
    let bad = receiver.bad_signatures.load(Ordering::Relaxed);
    let repeats: usize = got.values().map(|(_, times)| times - 1).sum();
    let strangers = got
        .values()
        .filter(|(reference, _)| !references.contains(reference))
        .count();
    let (time, rate) = match drained {
        Some(d) => (
            format!("{:.2} s", d.as_secs_f64()),
            format!("{:.0}", n as f64 / d.as_secs_f64()),
        ),
        None => (format!("> {} s (stopped)", limit.as_secs()), "–".to_owned()),
    };
    println!();
    println!(
        "| database | alerts | drain time | alerts/s | distinct keys received | bad signatures | repeats |"
    );
    println!("|---|---|---|---|---|---|---|");
    println!("| {engine} | {n} | {time} | {rate} | {distinct} | {bad} | {repeats} |");
    eprintln!("requests received: {requests}; keys for unknown reports: {strangers}");
    let ok = drained.is_some()
        && distinct as u64 == n
        && bad == 0
        && strangers == 0
        && references.len() as u64 == n;
    if !ok {
        eprintln!("FAILED: an alert is missing, a signature was bad, or the limit was reached");
        std::process::exit(1);
    }
}
