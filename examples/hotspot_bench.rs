//! Hotspot query latency (BENCHMARKS.md, issue 4): times `Store::hotspot_counts` plus the
//! bounding-box filter the API applies, and optionally `GET /api/v1/hotspots` over loopback.
//!
//! `cargo run --release --example hotspot_bench -- --database-url sqlite://bench.db \
//!    [--iterations 200] [--http http://127.0.0.1:3000] [--bbox minLng,minLat,maxLng,maxLat] \
//!    [--record-keys 0|1]`
//!
//! `--record-keys 1` gives the store the disclosure rule first, as the server does, so the
//! index build (the first query) includes computing every report's record key (issue 12).
//!
//! Bounded by `--iterations`; refuses any HTTP target but loopback. Prints one line per
//! measurement: `what p50_ms p95_ms cells` (the first query also prints the reports counted).

use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use saferstreets::clock::Clock;
use saferstreets::domain::place::{Bands, Day, ReasonSet, Weekdays};
use saferstreets::geo::hex;
use saferstreets::storage::HotspotQuery;

/// A city-sized box (≈ 10 × 10 km) around the centre of the demo force, Northshire.
const CITY: [f64; 4] = [-1.626, 53.755, -1.474, 53.845];

struct Args {
    database_url: String,
    iterations: usize,
    http: Option<String>,
    bbox: [f64; 4],
    res: i64,
    record_keys: bool,
}

fn args() -> anyhow::Result<Args> {
    let mut a = Args {
        database_url: String::new(),
        iterations: 200,
        http: None,
        bbox: CITY,
        res: 9,
        record_keys: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().with_context(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--database-url" => a.database_url = value,
            "--iterations" => a.iterations = value.parse()?,
            "--http" => a.http = Some(value),
            "--res" => a.res = value.parse()?,
            "--record-keys" => a.record_keys = value == "1",
            "--bbox" => {
                let n: Vec<f64> = value.split(',').map(str::parse).collect::<Result<_, _>>()?;
                a.bbox = n
                    .try_into()
                    .map_err(|_| anyhow::anyhow!("--bbox needs four numbers"))?;
            }
            _ => bail!("unknown flag {flag}"),
        }
    }
    if a.database_url.is_empty() {
        bail!("--database-url is required");
    }
    a.iterations = a.iterations.clamp(1, 100_000);
    Ok(a)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

fn report(what: &str, mut times: Vec<Duration>, cells: usize) {
    times.sort();
    println!(
        "{what} {:.2} {:.2} {cells}",
        percentile(&times, 0.5),
        percentile(&times, 0.95)
    );
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let a = args()?;
    let store = saferstreets::storage::connect(&a.database_url).await?;
    if a.record_keys {
        store.use_disclosure(saferstreets::domain::disclosure::Disclosure::new(
            5, [9; 32],
        ));
    }
    let today = saferstreets::clock::SystemClock.now().div_euclid(86_400);
    let query = HotspotQuery {
        res: a.res,
        from_day: Day(today - 365),
        to_day: Day(today),
        reasons: ReasonSet::all(),
        hours: Bands::all(),
        weekdays: Weekdays::all(),
        force: Some("northshire".to_owned()),
    };
    let [x0, y0, x1, y1] = a.bbox;
    let inside = |cell: i64| {
        u64::try_from(cell)
            .ok()
            .and_then(hex::centre)
            .is_some_and(|c| (x0..=x1).contains(&c.lng()) && (y0..=y1).contains(&c.lat()))
    };
    // The first query may load or warm caches; it is timed separately.
    let started = Instant::now();
    let first = store.hotspot_counts(&query).await?;
    // Cells and reports counted, so runs on different code or engines can be compared.
    println!(
        "first-query {:.2} {:.2} {} {}",
        started.elapsed().as_secs_f64() * 1000.0,
        started.elapsed().as_secs_f64() * 1000.0,
        first.len(),
        first.iter().map(|(_, n)| n).sum::<i64>()
    );
    let mut times = Vec::with_capacity(a.iterations);
    let mut cells = 0;
    for _ in 0..a.iterations {
        let started = Instant::now();
        let counts = store.hotspot_counts(&query).await?;
        cells = counts.iter().filter(|(c, _)| inside(*c)).count();
        times.push(started.elapsed());
    }
    report("store", times, cells);

    if let Some(base) = &a.http {
        let url = url::Url::parse(base)?;
        let loopback = match url.host() {
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            Some(url::Host::Domain(d)) => d == "localhost",
            None => false,
        };
        if !loopback {
            bail!("refusing a target that is not loopback: {base}");
        }
        // The first request may wait for the server to build its index (a minute for ten
        // million reports on a busy machine).
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(600))
            .build()?;
        let path = format!(
            "{}/api/v1/hotspots?res={}&force=northshire&bbox={x0},{y0},{x1},{y1}",
            base.trim_end_matches('/'),
            a.res
        );
        let mut times = Vec::with_capacity(a.iterations);
        let mut features = 0;
        for i in 0..=a.iterations {
            let started = Instant::now();
            let body = client
                .get(&path)
                .send()
                .await?
                .error_for_status()?
                .text()
                .await?;
            if i > 0 {
                times.push(started.elapsed());
            }
            let json: serde_json::Value = serde_json::from_str(&body)?;
            features = json["features"].as_array().map_or(0, Vec::len);
        }
        report("http", times, features);
    }
    Ok(())
}
