//! Crash test: clients send stalking and place reports while the server is killed with
//! SIGKILL at random moments and restarted. Every report the server acknowledged (a 303 to the
//! confirmation page) must be stored exactly once afterwards, and the database must pass its
//! integrity check after every restart.
//!
//! ```sh
//! cargo build --release && cargo run --release --example crash_test -- \
//!     [--bin target/release/saferstreets] [--database-url URL] [--rounds 10] [--clients 16] \
//!     [--seed 1] [--alerts | --kill-postgres]
//! ```
//!
//! `--alerts` (`crash_test/alerts.rs`): urgent reports' alerts must reach a webhook receiver
//! at least once although the service is killed while delivering them.
//!
//! It only ever talks to 127.0.0.1 (it refuses a database URL on any other host), every round
//! is bounded in time, the whole run stops itself after `--rounds`, and the server is killed
//! before it exits, so nothing is left running. Run by `make crash-test` (scripts/crash-test.sh),
//! which also runs the negative control: a build that acknowledges before committing must show
//! losses here.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sqlx::Row;

#[path = "crash_test/alerts.rs"]
mod crash_test_alerts;
#[path = "crash_test/db.rs"]
mod crash_test_db;
#[allow(dead_code)]
#[path = "../tests/integration/throwaway_pg.rs"]
mod throwaway_pg;
#[path = "support/webhook_receiver.rs"]
mod webhook_receiver;

/// Longest a round may run before the server is killed anyway.
const ROUND_LIMIT: Duration = Duration::from_secs(20);

#[path = "support/args.rs"]
mod args;
use args::text_arg as arg;

fn loopback_only(url: &str) {
    if url.starts_with("sqlite:") {
        return;
    }
    let host = url
        .split('@')
        .nth(1)
        .unwrap_or(url.trim_start_matches("postgres://"))
        .split(['/', ':', '?'])
        .next()
        .unwrap_or_default();
    assert!(
        host == "127.0.0.1" || host == "localhost",
        "the crash test only runs against a database on 127.0.0.1 (got host {host:?})"
    );
}

struct Server {
    child: Child,
    base: String,
}

fn start(bin: &str, url: &str, dir: &std::path::Path) -> Server {
    start_with(bin, url, dir, &[])
}

/// As [`start`], with more settings in the environment.
fn start_with(bin: &str, url: &str, dir: &std::path::Path, env: &[(&str, &str)]) -> Server {
    let mut child = Command::new(bin)
        .args(["serve", "--listen", "127.0.0.1:0", "--database-url", url])
        .envs(env.iter().copied())
        .env("SAFERSTREETS_DATA_DIR", dir)
        .env("SAFERSTREETS_KEYS_DIR", dir.join("keys"))
        .env("SAFERSTREETS_DEMO_REPORTS", "0")
        // Many reports a second from one address, as fast as a script: the abuse controls
        // would (rightly) refuse most of them.
        .env("SAFERSTREETS_RATE_LIMITS", "false")
        .env("SAFERSTREETS_MIN_FILL_SECONDS", "0")
        .env("SAFERSTREETS_PROOF_OF_WORK", "off")
        .env("RUST_LOG", "error")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the server");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read the address");
    let base = line
        .trim()
        .rsplit(' ')
        .next()
        .expect("address")
        .trim_end_matches('/')
        .to_owned();
    assert!(
        base.starts_with("http://127.0.0.1:"),
        "not loopback: {line}"
    );
    Server { child, base }
}

fn kill(server: &mut Server) {
    let _ = Command::new("kill")
        .args(["-KILL", &server.child.id().to_string()])
        .status();
    let _ = server.child.wait();
}

/// A minimal browser: keeps cookies, reads the CSRF token from pages, never follows redirects.
struct Client {
    http: reqwest::Client,
    base: String,
    cookies: HashMap<String, String>,
    csrf: String,
}

impl Client {
    fn new(base: &str, timeout: Duration) -> Self {
        Self {
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(timeout)
                .build()
                .unwrap(),
            base: base.to_owned(),
            cookies: HashMap::new(),
            csrf: String::new(),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep(&mut self, res: &reqwest::Response) {
        for v in res.headers().get_all("set-cookie") {
            let text = v.to_str().unwrap_or_default();
            if let Some((name, rest)) = text.split_once('=') {
                let value = rest.split(';').next().unwrap_or_default();
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
    }

    async fn get(&mut self, path: &str) -> Result<(u16, String), reqwest::Error> {
        let res = self
            .http
            .get(format!("{}{path}", self.base))
            .header("cookie", self.cookie_header())
            .send()
            .await?;
        self.keep(&res);
        let status = res.status().as_u16();
        let body = res.text().await?;
        if let Some(token) = field(&body, "csrf") {
            self.csrf = token;
        }
        Ok((status, body))
    }

    async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Result<u16, reqwest::Error> {
        Ok(self.post_page(path, fields).await?.0)
    }

    /// A form post; the status and the page (whose CSRF token the next form uses).
    async fn post_page(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
    ) -> Result<(u16, String), reqwest::Error> {
        let mut all = vec![("csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        let res = self
            .http
            .post(format!("{}{path}", self.base))
            .header("cookie", self.cookie_header())
            .form(&all)
            .send()
            .await?;
        // Starting or sending a report moves the visitor to a new session id, whose CSRF token
        // the next form needs, as a browser gets it from the next page.
        let renewed = res
            .headers()
            .get_all("set-cookie")
            .iter()
            .any(|v| v.to_str().is_ok_and(|v| v.contains("ss_session=")));
        self.keep(&res);
        let status = res.status().as_u16();
        let body = res.text().await?;
        if let Some(token) = field(&body, "csrf") {
            self.csrf = token;
        }
        if renewed {
            self.get("/feedback").await?;
        }
        Ok((status, body))
    }
}

/// The value of the hidden input `name` in a page.
fn field(page: &str, name: &str) -> Option<String> {
    let at = page.find(&format!("name=\"{name}\" value=\""))?;
    let rest = &page[at + name.len() + 15..];
    Some(rest[..rest.find('"')?].to_owned())
}

type Steps = &'static [(&'static str, &'static [(&'static str, &'static str)])];

const PLACE: Steps = &[
    (
        "where",
        &[("action", "continue"), ("lat", "53.80"), ("lng", "-1.55")],
    ),
    ("the-place", &[("answer", "lighting")]),
    ("people", &[("answer", "followed")]),
    ("when", &[("day", "20"), ("month", "11"), ("year", "2026")]),
    ("time-of-day", &[("answer", "21")]),
    ("how-often", &[("answer", "often")]),
    ("anything-else", &[("answer", "")]),
    ("about-you", &[("answer", "no")]),
    ("not-reported", &[("answer", "no-crime")]),
];

const STALKING: Steps = &[
    ("danger", &[("answer", "no")]),
    // For themselves: a report for someone else opens questions about that person, which
    // this list does not answer (the check page would send the client back to them).
    ("who-for", &[("answer", "self")]),
    ("what-is-happening", &[("answer", "contact")]),
    ("more-than-once", &[("answer", "unsure")]),
    (
        "when-it-started",
        &[("day", "1"), ("month", "10"), ("year", "2026")],
    ),
    ("how-often", &[("answer", "weekly")]),
    ("getting-worse", &[("answer", "no")]),
    ("who-is-doing-it", &[("answer", "stranger")]),
    ("describe-them", &[("answer", "")]),
    ("threats", &[("answer", "no")]),
    ("afraid", &[("answer", "unsure")]),
    ("weapons", &[("answer", "unsure")]),
    ("where", &[("answer", "online")]),
    ("what-happened", &[("answer", "Crash test report.")]),
    ("evidence", &[("answer", "none")]),
    ("your-name-or-anonymous", &[("answer", "anonymous")]),
];

/// One whole report; the submission id if the server acknowledged it.
async fn one_report(base: &str, stalking: bool) -> Result<Option<String>, reqwest::Error> {
    let (prefix, steps) = if stalking {
        ("/report-stalking", STALKING)
    } else {
        ("/unsafe-place", PLACE)
    };
    let mut c = Client::new(base, Duration::from_secs(5));
    c.get(&format!("{prefix}/{}", steps[0].0)).await?;
    for (slug, fields) in steps {
        let status = c.post(&format!("{prefix}/{slug}"), fields).await?;
        if status != 303 {
            return Ok(None);
        }
    }
    let (status, check) = c.get(&format!("{prefix}/check")).await?;
    let Some(submission) = field(&check, "submission").filter(|_| status == 200) else {
        return Ok(None);
    };
    let status = c
        .post(&format!("{prefix}/check"), &[("submission", &submission)])
        .await?;
    // The redirect to the confirmation page is the acknowledgement.
    Ok((status == 303).then_some(submission))
}

#[tokio::main]
async fn main() {
    let bin = arg("--bin").unwrap_or_else(|| "target/release/saferstreets".to_owned());
    let rounds: u32 = arg("--rounds").and_then(|r| r.parse().ok()).unwrap_or(10);
    let clients: usize = arg("--clients").and_then(|r| r.parse().ok()).unwrap_or(16);
    let seed: u64 = arg("--seed").and_then(|r| r.parse().ok()).unwrap_or(1);
    if std::env::args().any(|a| a == "--alerts") {
        crash_test_alerts::run(&bin, arg("--database-url"), rounds, clients, seed).await;
        return;
    }
    if std::env::args().any(|a| a == "--kill-postgres") {
        crash_test_db::run(&bin, rounds, clients, seed).await;
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let url = arg("--database-url")
        .unwrap_or_else(|| format!("sqlite://{}/crash.db", dir.path().display()));
    loopback_only(&url);
    let mut rng = fastrand::Rng::with_seed(seed);
    let acknowledged: Arc<Mutex<Vec<(bool, String)>>> = Arc::default();
    let started = Instant::now();

    for round in 1..=rounds {
        let mut server = start(&bin, &url, dir.path());
        let base = server.base.clone();
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let mut tasks = Vec::new();
        for i in 0..clients {
            let (base, acked, stop) = (base.clone(), acknowledged.clone(), stop.clone());
            tasks.push(tokio::spawn(async move {
                let mut n = 0usize;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let stalking = (i + n).is_multiple_of(2);
                    n += 1;
                    match one_report(&base, stalking).await {
                        Ok(Some(submission)) => acked.lock().unwrap().push((stalking, submission)),
                        Ok(None) => {}
                        Err(_) => break,
                    }
                }
            }));
        }
        let delay = Duration::from_millis(rng.u64(300..2_500)).min(ROUND_LIMIT);
        tokio::time::sleep(delay).await;
        kill(&mut server);
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        for t in tasks {
            let _ = tokio::time::timeout(Duration::from_secs(10), t).await;
        }
        // The database must be sound after every crash.
        let integrity = integrity(&url).await;
        assert_eq!(
            integrity, "ok",
            "round {round}: integrity check: {integrity}"
        );
        eprintln!(
            "round {round}: killed after {delay:?}; acknowledged so far {}",
            acknowledged.lock().unwrap().len()
        );
    }

    // A last start, so recovery has run, then count.
    let mut server = start(&bin, &url, dir.path());
    kill(&mut server);
    let acked = acknowledged.lock().unwrap().clone();
    let (lost, duplicated) = lost_and_duplicated(&url, &acked).await;
    println!(
        "| {} | {} | {clients} | {} | {lost} | {duplicated} | {:.0?} |",
        if url.starts_with("sqlite") {
            "SQLite"
        } else {
            "PostgreSQL"
        },
        rounds,
        acked.len(),
        started.elapsed()
    );
    if lost > 0 || duplicated > 0 {
        std::process::exit(1);
    }
}

async fn integrity(url: &str) -> String {
    if url.starts_with("sqlite:") {
        let pool = sqlx::SqlitePool::connect(url).await.unwrap();
        let row = sqlx::query("PRAGMA integrity_check")
            .fetch_one(&pool)
            .await
            .unwrap();
        let result: String = row.get(0);
        pool.close().await;
        result
    } else {
        // PostgreSQL recovers itself; check that the tables read back whole.
        let pool = sqlx::PgPool::connect(url).await.unwrap();
        for table in ["stalking_reports", "place_reports", "sessions"] {
            sqlx::query(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
                .fetch_one(&pool)
                .await
                .unwrap();
        }
        pool.close().await;
        "ok".to_owned()
    }
}

/// How many acknowledged submissions are not stored, and how many are stored more than once.
async fn lost_and_duplicated(url: &str, acked: &[(bool, String)]) -> (usize, usize) {
    let (mut lost, mut duplicated) = (0, 0);
    let mut count = |n: i64| {
        lost += usize::from(n == 0);
        duplicated += usize::from(n > 1);
    };
    let sql = |stalking: bool| {
        let table = if stalking {
            "stalking_reports"
        } else {
            "place_reports"
        };
        format!("SELECT COUNT(*) FROM {table} WHERE submission_id = $1")
    };
    if url.starts_with("sqlite:") {
        let pool = sqlx::SqlitePool::connect(url).await.unwrap();
        for (stalking, submission) in acked {
            let n: i64 = sqlx::query(sqlx::AssertSqlSafe(sql(*stalking)))
                .bind(submission)
                .fetch_one(&pool)
                .await
                .unwrap()
                .get(0);
            count(n);
        }
        pool.close().await;
    } else {
        let pool = sqlx::PgPool::connect(url).await.unwrap();
        for (stalking, submission) in acked {
            let n: i64 = sqlx::query(sqlx::AssertSqlSafe(sql(*stalking)))
                .bind(submission)
                .fetch_one(&pool)
                .await
                .unwrap()
                .get(0);
            count(n);
        }
        pool.close().await;
    }
    (lost, duplicated)
}
