//! Load generator for durable report submissions (BENCHMARKS.md).
//!
//! Prepares `--drafts` complete stalking-report drafts over HTTP, then sends them all with
//! `--concurrency` clients and reports submissions per second and the latency of the final
//! submit. Bounded by the number of drafts; refuses any target but loopback.
//!
//! `cargo run --release --example submit_load -- --url http://127.0.0.1:3000 --drafts 2000 --concurrency 64`

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use tokio::sync::Semaphore;

const STEPS: &[(&str, &[(&str, &str)])] = &[
    ("danger", &[("answer", "no")]),
    ("who-for", &[("answer", "self")]),
    (
        "what-is-happening",
        &[("answer", "following"), ("answer", "contact")],
    ),
    ("more-than-once", &[("answer", "yes")]),
    ("when-it-started", &[("month", "3"), ("year", "2025")]),
    ("how-often", &[("answer", "weekly")]),
    ("getting-worse", &[("answer", "yes")]),
    ("who-is-doing-it", &[("answer", "ex-partner")]),
    ("describe-them", &[("answer", "Tall, with a red van")]),
    ("threats", &[("answer", "no")]),
    ("afraid", &[("answer", "yes")]),
    ("weapons", &[("answer", "no")]),
    ("where", &[("answer", "both")]),
    (
        "what-happened",
        &[(
            "answer",
            "Waits outside my work most evenings and sends messages.",
        )],
    ),
    ("evidence", &[("answer", "messages")]),
    ("your-name-or-anonymous", &[("answer", "named")]),
    ("name", &[("answer", "Alex Example")]),
    (
        "date-of-birth",
        &[("day", "27"), ("month", "3"), ("year", "1990")],
    ),
    ("address", &[("postcode", "SW1A 1AA")]),
    ("contact", &[("answer", "email")]),
    ("email", &[("answer", "alex@example.org")]),
    ("safe-times", &[("answer", "")]),
    ("do-not-contact", &[("answer", "")]),
];

struct Args {
    url: String,
    drafts: usize,
    concurrency: usize,
}

fn args() -> anyhow::Result<Args> {
    let mut a = Args {
        url: "http://127.0.0.1:3000".into(),
        drafts: 1000,
        concurrency: 64,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().context("flag without a value")?;
        match flag.as_str() {
            "--url" => a.url = value,
            "--drafts" => a.drafts = value.parse()?,
            "--concurrency" => a.concurrency = value.parse()?,
            _ => bail!("unknown flag {flag}"),
        }
    }
    let host = url::Url::parse(&a.url)?
        .host_str()
        .unwrap_or_default()
        .to_owned();
    if !(host == "127.0.0.1" || host == "localhost" || host == "[::1]") {
        bail!("refusing to load {host}: loopback only");
    }
    if a.drafts == 0 || a.drafts > 100_000 || a.concurrency == 0 || a.concurrency > 1024 {
        bail!("drafts must be 1..=100000 and concurrency 1..=1024");
    }
    Ok(a)
}

fn field(body: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = body.find(&marker)? + marker.len();
    Some(body[start..].split('"').next()?.to_owned())
}

/// The session cookie a response sets, as `name=value`.
fn session_cookie(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .find(|c| c.contains("ss_session="))
        .map(str::to_owned)
}

/// One visitor: a cookie, a CSRF token and a finished draft.
struct Draft {
    cookie: String,
    csrf: String,
    submission: String,
}

async fn prepare(client: &reqwest::Client, base: &str) -> anyhow::Result<Draft> {
    let first = client
        .get(format!("{base}/report-stalking/danger"))
        .send()
        .await?;
    let mut cookie = session_cookie(&first).context("no session cookie")?;
    let mut csrf = field(&first.text().await?, "csrf").context("no csrf field")?;
    for (slug, fields) in STEPS {
        let mut form: Vec<(&str, &str)> = vec![("csrf", &csrf)];
        form.extend_from_slice(fields);
        let res = client
            .post(format!("{base}/report-stalking/{slug}"))
            .header("cookie", &cookie)
            .form(&form)
            .send()
            .await?;
        if res.status() != 303 {
            bail!("{slug} answered {}", res.status());
        }
        // The first answer starts the report under a new session id: its cookie, and the
        // CSRF token of a page under it.
        if let Some(renewed) = session_cookie(&res) {
            cookie = renewed;
            let page = client
                .get(format!("{base}/feedback"))
                .header("cookie", &cookie)
                .send()
                .await?;
            csrf = field(&page.text().await?, "csrf").context("no csrf field")?;
        }
    }
    let check = client
        .get(format!("{base}/report-stalking/check"))
        .header("cookie", &cookie)
        .send()
        .await?
        .text()
        .await?;
    let submission = field(&check, "submission").context("check page without submission id")?;
    Ok(Draft {
        cookie,
        csrf,
        submission,
    })
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = args()?;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()?;
    let base = args.url.trim_end_matches('/').to_owned();

    let started = Instant::now();
    let gate = Arc::new(Semaphore::new(32));
    let mut tasks = Vec::with_capacity(args.drafts);
    for _ in 0..args.drafts {
        let (client, base, gate) = (client.clone(), base.clone(), gate.clone());
        tasks.push(tokio::spawn(async move {
            let _permit = gate.acquire_owned().await?;
            prepare(&client, &base).await
        }));
    }
    let mut drafts = Vec::with_capacity(args.drafts);
    for t in tasks {
        drafts.push(t.await??);
    }
    eprintln!(
        "prepared {} drafts in {:.1?}",
        drafts.len(),
        started.elapsed()
    );

    let gate = Arc::new(Semaphore::new(args.concurrency));
    let started = Instant::now();
    let mut tasks = Vec::with_capacity(drafts.len());
    for d in drafts {
        let (client, base, gate) = (client.clone(), base.clone(), gate.clone());
        tasks.push(tokio::spawn(async move {
            let _permit = gate.acquire_owned().await?;
            let t = Instant::now();
            let res = client
                .post(format!("{base}/report-stalking/check"))
                .header("cookie", &d.cookie)
                .form(&[
                    ("csrf", d.csrf.as_str()),
                    ("submission", d.submission.as_str()),
                ])
                .send()
                .await?;
            let ok = res.status() == 303
                && res.headers().get("location").and_then(|v| v.to_str().ok())
                    == Some("/report-stalking/confirmation");
            anyhow::Ok((ok, t.elapsed()))
        }));
    }
    let mut latencies = Vec::with_capacity(tasks.len());
    let mut failed = 0;
    for t in tasks {
        let (ok, latency) = t.await??;
        if !ok {
            failed += 1;
        }
        latencies.push(latency);
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let pct = |p: f64| latencies[((latencies.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "submissions={} failed={} concurrency={} elapsed={:.2?} rate={:.0}/s p50={:.1?} p99={:.1?} max={:.1?}",
        latencies.len(),
        failed,
        args.concurrency,
        elapsed,
        latencies.len() as f64 / elapsed.as_secs_f64(),
        pct(0.50),
        pct(0.99),
        pct(1.0),
    );
    if failed > 0 {
        bail!("{failed} submissions failed");
    }
    Ok(())
}
