//! Rendering and in-process request benchmarks for the advice page.
//! Run: `cargo bench --bench render`. Results go in BENCHMARKS.md.
#![allow(clippy::panic)] // set-up failures in a benchmark should stop it loudly

use std::hint::black_box;

use askama::Template;
use axum::body::Body;
use axum::http::Request;
use criterion::{Criterion, criterion_group, criterion_main};
use saferstreets::config::{Config, Secret};
use saferstreets::http::chrome::Chrome;
use saferstreets::http::consent::Consent;
use saferstreets::http::public::StalkingPage;
use saferstreets::http::session::SessionId;
use saferstreets::startup::build_state;
use tower::ServiceExt;

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let runtime = tokio::runtime::Runtime::new().unwrap_or_else(|e| panic!("runtime: {e}"));
    let config = Config {
        database_url: format!("sqlite://{}/bench.db", dir.path().display()),
        data_dir: dir.path().to_path_buf(),
        keys_dir: dir.path().join("keys"),
        secret_key: Secret("22".repeat(32)),
        ..Config::default()
    };
    let store = runtime
        .block_on(saferstreets::storage::connect(&config.database_url))
        .unwrap_or_else(|e| panic!("store: {e}"));
    let state = build_state(
        config,
        store,
        None,
        saferstreets::geography::Geography::empty(),
    )
    .unwrap_or_else(|e| panic!("state: {e}"));
    let session = SessionId::generate();

    c.bench_function("render /advice/stalking (askama + fluent)", |b| {
        b.iter(|| {
            let chrome = Chrome::new(&state, &session, "/advice/stalking", Consent::Rejected);
            black_box(StalkingPage { chrome }.render().map(|s| s.len()))
        });
    });

    let router = saferstreets::http::router(state.clone(), None);
    let cookie = format!(
        "{}={}; ss_cookie_consent=no",
        saferstreets::http::session::cookie_name(&state.config),
        session.cookie_value(&state.keys)
    );
    c.bench_function(
        "GET /advice/stalking through the router (no network)",
        |b| {
            b.to_async(&runtime).iter(|| {
                let req = Request::get("/advice/stalking")
                    .header("cookie", &cookie)
                    .body(Body::empty())
                    .unwrap_or_else(|e| panic!("request: {e}"));
                let router = router.clone();
                async move { black_box(router.oneshot(req).await.map(|r| r.status())) }
            });
        },
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
