//! Server time of the back office's heaviest pages, and audit verification, at scale.
//!
//! ```sh
//! cargo run --release --example staff_bench -- [--stalking 100000] [--places 1000000]
//!     [--audit 1000000] [--rounds 30] [--database-url URL]
//! ```
//!
//! Fills a fresh database (a temporary SQLite file unless `--database-url` names an empty
//! PostgreSQL database), then requests each page through the whole router in process (no
//! network: the figure is server time) and prints p50/p95. Bounded by its arguments; it
//! starts no server and touches nothing but its own database.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::Request;
use saferstreets::audit::AuditEntry;
use saferstreets::clock::{Clock, SystemClock};
use saferstreets::config::Config;
use saferstreets::domain::staff::Role;
use saferstreets::geography::Geography;
use tower::ServiceExt;

#[path = "support/args.rs"]
mod args;
use args::{arg, text_arg};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

#[tokio::main]
async fn main() {
    let stalking = arg("--stalking", 100_000);
    let places = arg("--places", 1_000_000);
    let audit = arg("--audit", 1_000_000);
    let rounds = arg("--rounds", 30) as usize;
    let dir = tempfile::tempdir().unwrap();
    let url = text_arg("--database-url")
        .unwrap_or_else(|| format!("sqlite://{}/bench.db", dir.path().display()));
    let config = Config {
        database_url: url.clone(),
        data_dir: dir.path().to_path_buf(),
        keys_dir: dir.path().join("keys"),
        demo_reports: 0,
        ..Config::default()
    };
    let store = saferstreets::storage::connect(&url).await.unwrap();
    let now = SystemClock.now();
    let geography = Geography::load(&store, &config, now).await.unwrap();
    let state =
        saferstreets::startup::build_state(config.clone(), store.clone(), None, geography).unwrap();

    let t = Instant::now();
    saferstreets::demo_cases::generate_stalking_reports(
        &store,
        &state.keyring,
        "northshire",
        stalking,
        1,
        now,
        |_| {},
    )
    .await
    .unwrap();
    println!("stalking reports: {stalking} in {:.1?}", t.elapsed());
    let area = state.geography.areas.areas()[0].clone();
    let t = Instant::now();
    saferstreets::demo::generate_place_reports(
        &store,
        &area,
        &state.geography.places,
        places,
        1,
        now,
        |_| {},
    )
    .await
    .unwrap();
    println!("place reports: {places} in {:.1?}", t.elapsed());

    // One signed-in member of staff per role needed, with sessions made directly.
    let mut cookies = Vec::new();
    for (email, role) in [
        ("inv@northshire.example", Role::Investigator),
        ("ana@northshire.example", Role::Analyst),
    ] {
        let entry = AuditEntry {
            at: now,
            actor_id: None,
            actor: "bench".into(),
            role: String::new(),
            force_code: "northshire".into(),
            action: "add-user".into(),
            object: String::new(),
            outcome: "ok".into(),
            detail: String::new(),
        };
        let (id, token) = saferstreets::app::staff::users::add_user(
            &store,
            (email, role, "northshire"),
            now,
            72,
            &entry,
        )
        .await
        .unwrap();
        store
            .complete_staff_setup(
                id,
                &saferstreets::app::staff::users::setup_hash(&token),
                "x",
                b"x",
                0,
                now,
                &entry,
            )
            .await
            .unwrap();
        let cookie = format!("bench-{id}");
        store
            .create_staff_session(&saferstreets::http::staff::session_key(&cookie), id, now)
            .await
            .unwrap();
        cookies.push(cookie);
    }

    let router = saferstreets::http::router(state.clone(), None);
    // A reference as a victim reads it out: lower case, no dashes.
    let (queue, _) = store
        .stalking_queue(&saferstreets::storage::QueueQuery {
            force_code: "northshire".into(),
            limit: 1,
            offset: i64::try_from(stalking / 2).unwrap_or(0),
            ..Default::default()
        })
        .await
        .unwrap();
    let find = format!(
        "/staff/reports/find?reference={}",
        queue[0].reference.to_lowercase()
    );
    let pages = [
        ("/staff/reports", &cookies[0], 200),
        ("/staff/reports?priority=high&status=new", &cookies[0], 200),
        (find.as_str(), &cookies[0], 303),
        ("/staff/places", &cookies[1], 200),
        (
            "/staff/places?reasons=lighting&hours=18&hours=21",
            &cookies[1],
            200,
        ),
        ("/staff/places/comments", &cookies[1], 200),
        (
            "/staff/places/comments?reasons=lighting&located=pinned&page=100",
            &cookies[1],
            200,
        ),
    ];
    println!();
    println!("| page | p50 | p95 | bytes |");
    println!("|---|---|---|---|");
    for (path, cookie, status) in pages {
        let mut times = Vec::with_capacity(rounds);
        let mut bytes = 0;
        for i in 0..rounds + 2 {
            let req = Request::get(path)
                .header(
                    "cookie",
                    format!("{}={cookie}", saferstreets::http::staff::COOKIE),
                )
                .body(Body::empty())
                .unwrap();
            let t = Instant::now();
            let res = router.clone().oneshot(req).await.unwrap();
            assert_eq!(res.status(), status, "{path}");
            let body = axum::body::to_bytes(res.into_body(), usize::MAX)
                .await
                .unwrap();
            let took = t.elapsed();
            bytes = body.len();
            // The first two requests warm caches (and build the hotspot index).
            if i >= 2 {
                times.push(took);
            }
        }
        times.sort();
        println!(
            "| `{path}` | {:.1?} | {:.1?} | {bytes} |",
            percentile(&times, 0.5),
            percentile(&times, 0.95)
        );
    }

    let t = Instant::now();
    let mut written = 0u64;
    while written < audit {
        let batch: Vec<AuditEntry> = (0..10_000.min(audit - written))
            .map(|i| AuditEntry {
                at: now,
                actor_id: Some(1),
                actor: "inv@northshire.example".into(),
                role: "investigator".into(),
                force_code: "northshire".into(),
                action: "view-report".into(),
                object: format!("stalking-report:{}", written + i),
                outcome: "ok".into(),
                detail: String::new(),
            })
            .collect();
        store.audit_many(&batch).await.unwrap();
        written += batch.len() as u64;
    }
    println!();
    println!("audit rows appended: {written} in {:.1?}", t.elapsed());
    let t = Instant::now();
    let checked = saferstreets::app::audit::verify_store(&store, None)
        .await
        .unwrap();
    println!("audit verify: {checked} rows in {:.2?}", t.elapsed());
}
