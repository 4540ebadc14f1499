//! The crash test's second mode (`--kill-postgres`, issue 18): the service keeps running while
//! PostgreSQL itself is stopped with `pg_ctl stop -m immediate` under load and started again,
//! `--rounds` times, in a throwaway cluster (`tests/integration/throwaway_pg.rs`, fsync on).
//! Checked, each failure making the run fail:
//! - every acknowledged report (303 to the confirmation) is stored exactly once at the end;
//! - `/readyz` answers 503 right after each stop and at the end of each outage, and 200 within
//!   30 s of each start;
//! - the service is never restarted (the same process answers throughout);
//! - no response is a 500; a send that fails is the "not sent" page (503) carrying the same
//!   submission id, and sending again from it once the database is back succeeds (the
//!   answers were kept).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::throwaway_pg::{Cluster, Durability};
use super::{Client, PLACE, STALKING, field, kill, lost_and_duplicated, start};

/// What the clients saw.
#[derive(Default)]
struct Seen {
    acknowledged: std::sync::Mutex<Vec<(bool, String)>>,
    /// Responses with status 500 (must stay 0).
    errors_500: AtomicUsize,
    /// "Not sent" pages (503) on a send.
    not_sent: AtomicUsize,
    /// Sends that succeeded when tried again from a "not sent" page.
    sent_on_retry: AtomicUsize,
    /// A 503 on a send that was not the "not sent" page for that draft (must stay 0).
    wrong_page: AtomicUsize,
    /// Drafts whose retries never got through before the run ended (must stay 0).
    gave_up: AtomicUsize,
    /// 503 problem pages on questions (the visitor is told to try later).
    problem_503: AtomicUsize,
    /// Requests that got no answer within the client's timeout, or a cut connection.
    no_answer: AtomicUsize,
}

/// Most times one draft is sent again from its "not sent" page.
const RETRIES: usize = 100;

/// One report through the forms; on "not sent", wait for the database and send again.
async fn one_report(base: &str, stalking: bool, seen: &Seen, db_up: &AtomicBool) {
    let (prefix, steps) = if stalking {
        ("/report-stalking", STALKING)
    } else {
        ("/unsafe-place", PLACE)
    };
    // Longer than the pool's wait (3 s), so a slow answer is seen as one, not as no answer.
    let mut c = Client::new(base, Duration::from_secs(15));
    let status = |s: u16| {
        if s == 500 {
            seen.errors_500.fetch_add(1, Ordering::Relaxed);
        } else if s == 503 {
            seen.problem_503.fetch_add(1, Ordering::Relaxed);
        }
        s
    };
    let no_answer = || {
        seen.no_answer.fetch_add(1, Ordering::Relaxed);
    };
    match c.get(&format!("{prefix}/{}", steps[0].0)).await {
        Ok((s, _)) if status(s) == 200 => {}
        Ok(_) => return,
        Err(_) => return no_answer(),
    }
    for (slug, fields) in steps {
        match c.post(&format!("{prefix}/{slug}"), fields).await {
            Ok(s) if status(s) == 303 => {}
            Ok(_) => return,
            Err(_) => return no_answer(),
        }
    }
    let submission = match c.get(&format!("{prefix}/check")).await {
        Ok((200, page)) => match field(&page, "submission") {
            Some(s) => s,
            None => return,
        },
        Ok((s, _)) => {
            status(s);
            return;
        }
        Err(_) => return no_answer(),
    };
    for attempt in 0..RETRIES {
        let answer = c
            .post_page(&format!("{prefix}/check"), &[("submission", &submission)])
            .await;
        match answer {
            Ok((303, _)) => {
                seen.acknowledged
                    .lock()
                    .unwrap()
                    .push((stalking, submission.clone()));
                if attempt > 0 {
                    seen.sent_on_retry.fetch_add(1, Ordering::Relaxed);
                }
                return;
            }
            Ok((503, page)) => {
                let kept = field(&page, "submission").as_deref() == Some(submission.as_str());
                if !(kept && page.contains("not been sent")) {
                    seen.wrong_page.fetch_add(1, Ordering::Relaxed);
                    return;
                }
                seen.not_sent.fetch_add(1, Ordering::Relaxed);
            }
            Ok((s, _)) => {
                status(s);
                return;
            }
            // No answer: the visitor presses Send again (the draft is the same).
            Err(_) => no_answer(),
        }
        // Try again once the database is back, as a visitor would a little later.
        let deadline = Instant::now() + Duration::from_secs(60);
        while !db_up.load(Ordering::Relaxed) && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    seen.gave_up.fetch_add(1, Ordering::Relaxed);
}

async fn readyz(http: &reqwest::Client, base: &str) -> Option<u16> {
    let res = http.get(format!("{base}/readyz")).send().await.ok()?;
    Some(res.status().as_u16())
}

/// Run the database-kill test; exits non-zero if any check fails.
pub async fn run(bin: &str, rounds: u32, clients: usize, seed: u64) {
    let cluster = Cluster::create(Durability::Full)
        .unwrap_or_else(|e| panic!("throwaway PostgreSQL cluster: {e}"))
        .expect("initdb and pg_ctl are needed (postgresql-15; or set PG_BINDIR)");
    let url = cluster.url();
    let dir = tempfile::tempdir().unwrap();
    let mut server = start(bin, &url, dir.path());
    let base = server.base.clone();
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let mut rng = fastrand::Rng::with_seed(seed);
    let seen = Arc::new(Seen::default());
    let db_up = Arc::new(AtomicBool::new(true));
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for i in 0..clients {
        let (base, seen, db_up, stop) = (base.clone(), seen.clone(), db_up.clone(), stop.clone());
        tasks.push(tokio::spawn(async move {
            let mut n = 0usize;
            while !stop.load(Ordering::Relaxed) {
                one_report(&base, (i + n).is_multiple_of(2), &seen, &db_up).await;
                n += 1;
            }
        }));
    }
    let (mut ready_wrong, mut restarted, mut longest_to_ready) = (0, false, Duration::ZERO);
    for round in 1..=rounds {
        tokio::time::sleep(Duration::from_millis(rng.u64(300..2_500))).await;
        db_up.store(false, Ordering::Relaxed);
        cluster.stop_immediate().expect("stop PostgreSQL");
        if readyz(&http, &base).await != Some(503) {
            ready_wrong += 1;
        }
        // Some outages shorter than the pool's 3 s wait (requests ride over them), some longer
        // (the waiting sends get "not sent").
        tokio::time::sleep(Duration::from_millis(rng.u64(200..5_000))).await;
        if readyz(&http, &base).await != Some(503) {
            ready_wrong += 1;
        }
        cluster.start().expect("start PostgreSQL");
        let back = Instant::now();
        while readyz(&http, &base).await != Some(200) {
            if back.elapsed() > Duration::from_secs(30) {
                ready_wrong += 1;
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        longest_to_ready = longest_to_ready.max(back.elapsed());
        db_up.store(true, Ordering::Relaxed);
        restarted |= !matches!(server.child.try_wait(), Ok(None));
        eprintln!(
            "round {round}: acknowledged so far {}, not sent {}",
            seen.acknowledged.lock().unwrap().len(),
            seen.not_sent.load(Ordering::Relaxed)
        );
    }
    // Let the clients finish the report they are on (their retries included), then stop.
    stop.store(true, Ordering::Relaxed);
    for t in tasks {
        let _ = tokio::time::timeout(Duration::from_secs(120), t).await;
    }
    restarted |= !matches!(server.child.try_wait(), Ok(None));
    kill(&mut server);
    let acked = seen.acknowledged.lock().unwrap().clone();
    let (lost, duplicated) = lost_and_duplicated(&url, &acked).await;
    let n = |a: &AtomicUsize| a.load(Ordering::Relaxed);
    println!(
        "| PostgreSQL, database killed | {rounds} | {clients} | {} | {lost} | {duplicated} | {:.0?} |",
        acked.len(),
        started.elapsed()
    );
    println!(
        "\nDatabase kills: {rounds}; not-sent pages {} (then sent on retry: {}; never sent: {}); \
         503 problem pages on questions {}; no answer {}; 500s {}; wrong 503 pages {}; \
         /readyz wrong {ready_wrong}; longest start to ready {longest_to_ready:.1?}; \
         service restarted: {restarted}",
        n(&seen.not_sent),
        n(&seen.sent_on_retry),
        n(&seen.gave_up),
        n(&seen.problem_503),
        n(&seen.no_answer),
        n(&seen.errors_500),
        n(&seen.wrong_page),
    );
    let failed = lost > 0
        || duplicated > 0
        || n(&seen.errors_500) > 0
        || n(&seen.wrong_page) > 0
        || n(&seen.gave_up) > 0
        || ready_wrong > 0
        || restarted;
    drop(cluster);
    if failed {
        std::process::exit(1);
    }
}
