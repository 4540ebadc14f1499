//! `crash_test --alerts`: clients send urgent and standard stalking reports while the service,
//! configured with a webhook, is SIGKILLed at random moments (deliveries in flight: the
//! receiver takes up to 150 ms to answer) and restarted. Afterwards one more start delivers
//! what is left, and every acknowledged urgent report must have reached the receiver at least
//! once, correctly signed; standard reports never. The receiver drops repeats by the
//! `Idempotency-Key` header, as a force system would; the repeats are counted.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sqlx::Row;

use super::{Client, STALKING, field, kill, loopback_only, start_with};
use crate::webhook_receiver::{Receiver, receive};

const SECRET: &str = "crash-test-webhook-secret-0123456789abcdef";

/// The standard report of the main harness with threats and a weapon: urgent.
fn urgent_steps() -> Vec<(&'static str, &'static [(&'static str, &'static str)])> {
    STALKING
        .iter()
        .map(|(slug, fields)| match *slug {
            "threats" => (*slug, &[("answer", "yes")] as &[_]),
            "weapons" => (*slug, &[("answer", "yes")] as &[_]),
            _ => (*slug, *fields),
        })
        .collect()
}

/// One report through the form; the submission id if acknowledged.
async fn one(
    base: &str,
    steps: &[(&str, &[(&str, &str)])],
) -> Result<Option<String>, reqwest::Error> {
    let mut c = Client::new(base, Duration::from_secs(5));
    c.get(&format!("/report-stalking/{}", steps[0].0)).await?;
    for (slug, fields) in steps {
        if c.post(&format!("/report-stalking/{slug}"), fields).await? != 303 {
            return Ok(None);
        }
    }
    let (status, check) = c.get("/report-stalking/check").await?;
    let Some(submission) = field(&check, "submission").filter(|_| status == 200) else {
        return Ok(None);
    };
    let status = c
        .post("/report-stalking/check", &[("submission", &submission)])
        .await?;
    Ok((status == 303).then_some(submission))
}

pub async fn run(bin: &str, url: Option<String>, rounds: u32, clients: usize, seed: u64) {
    let dir = tempfile::tempdir().unwrap();
    let url = url.unwrap_or_else(|| format!("sqlite://{}/alerts.db", dir.path().display()));
    loopback_only(&url);
    // Slow enough that kills land while deliveries are in flight.
    let receiver = Arc::new(Receiver {
        secret: SECRET.to_owned(),
        max_delay: Duration::from_millis(150),
        ..Receiver::default()
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hook = format!("http://{}/hook", listener.local_addr().unwrap());
    let app = axum::Router::new()
        .route("/hook", axum::routing::post(receive))
        .with_state(receiver.clone());
    tokio::spawn(async move { axum::serve(listener, app).await });
    let env = [
        ("SAFERSTREETS_ALERT_WEBHOOK_URL", hook.as_str()),
        ("SAFERSTREETS_ALERT_WEBHOOK_SECRET", SECRET),
    ];
    let urgent: &'static [_] = Box::leak(urgent_steps().into_boxed_slice());
    let mut rng = fastrand::Rng::with_seed(seed);
    let acked: Arc<Mutex<Vec<String>>> = Arc::default();
    let started = Instant::now();
    let (mut in_flight_at_kill, mut kills_mid_delivery) = (0, 0);

    for round in 1..=rounds {
        let mut server = start_with(bin, &url, dir.path(), &env);
        let base = server.base.clone();
        let stop = Arc::new(AtomicBool::new(false));
        let mut tasks = Vec::new();
        for i in 0..clients {
            let (base, acked, stop) = (base.clone(), acked.clone(), stop.clone());
            tasks.push(tokio::spawn(async move {
                let mut n = 0usize;
                while !stop.load(Ordering::Relaxed) {
                    let steps = if (i + n).is_multiple_of(2) {
                        urgent
                    } else {
                        STALKING
                    };
                    n += 1;
                    match one(&base, steps).await {
                        Ok(Some(submission)) => acked.lock().unwrap().push(submission),
                        Ok(None) => {}
                        Err(_) => break,
                    }
                }
            }));
        }
        let delay = Duration::from_millis(rng.u64(300..2_500));
        tokio::time::sleep(delay).await;
        let active = receiver.active.load(Ordering::SeqCst);
        kill(&mut server);
        in_flight_at_kill += active;
        kills_mid_delivery += usize::from(active > 0);
        stop.store(true, Ordering::Relaxed);
        for t in tasks {
            let _ = tokio::time::timeout(Duration::from_secs(10), t).await;
        }
        eprintln!(
            "round {round}: killed after {delay:?}; acknowledged {}, webhooks received {}",
            acked.lock().unwrap().len(),
            receiver.requests.load(Ordering::Relaxed)
        );
    }

    // Which acknowledged reports are urgent or high (by what was stored), and their references.
    let acked = acked.lock().unwrap().clone();
    let stored = priorities(&url, &acked).await;
    let alerting: HashSet<String> = stored
        .iter()
        .filter(|(_, p)| p != "standard")
        .map(|(r, _)| r.clone())
        .collect();
    let standard: HashSet<String> = stored
        .iter()
        .filter(|(_, p)| p == "standard")
        .map(|(r, _)| r.clone())
        .collect();

    // One more start: claims held by killed processes run out (two minutes) and are sent again.
    let mut server = start_with(bin, &url, dir.path(), &env);
    let drain = Instant::now();
    let delivered = |r: &Receiver| -> HashSet<String> {
        r.got
            .lock()
            .unwrap()
            .values()
            .map(|(reference, _)| reference.clone())
            .collect()
    };
    while !alerting.is_subset(&delivered(&receiver)) && drain.elapsed() < Duration::from_secs(300) {
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let drained_in = drain.elapsed();
    kill(&mut server);

    let got = delivered(&receiver);
    let missing = alerting.difference(&got).count();
    let wrongly_alerted = standard.intersection(&got).count();
    let repeats: usize = receiver
        .got
        .lock()
        .unwrap()
        .values()
        .map(|(_, n)| n - 1)
        .sum();
    let bad = receiver.bad_signatures.load(Ordering::Relaxed);
    println!(
        "| {} | {rounds} | {clients} | {} | {} | {missing} | {repeats} | {bad} | {wrongly_alerted} | {drained_in:.0?} | {:.0?} |",
        if url.starts_with("sqlite") {
            "SQLite"
        } else {
            "PostgreSQL"
        },
        alerting.len(),
        receiver.requests.load(Ordering::Relaxed),
        started.elapsed()
    );
    eprintln!(
        "kills with webhooks in flight: {kills_mid_delivery} of {rounds} ({in_flight_at_kill} webhooks in flight in all)"
    );
    if missing > 0 || bad > 0 || wrongly_alerted > 0 || alerting.is_empty() {
        std::process::exit(1);
    }
}

/// `(reference, priority)` of each acknowledged submission that is stored.
async fn priorities(url: &str, submissions: &[String]) -> Vec<(String, String)> {
    let sql = "SELECT reference, priority FROM stalking_reports WHERE submission_id = $1";
    let mut out = Vec::new();
    if url.starts_with("sqlite:") {
        let pool = sqlx::SqlitePool::connect(url).await.unwrap();
        for s in submissions {
            if let Some(row) = sqlx::query(sql)
                .bind(s)
                .fetch_optional(&pool)
                .await
                .unwrap()
            {
                out.push((row.get(0), row.get(1)));
            }
        }
        pool.close().await;
    } else {
        let pool = sqlx::PgPool::connect(url).await.unwrap();
        for s in submissions {
            if let Some(row) = sqlx::query(sql)
                .bind(s)
                .fetch_optional(&pool)
                .await
                .unwrap()
            {
                out.push((row.get(0), row.get(1)));
            }
        }
        pool.close().await;
    }
    out
}
