//! Running it for real: hot backups, Prometheus metrics on their own address, and logs fit
//! for files and log shippers (issue 18). Most tests run the real binary.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::cli::{BIN, Server};
use crate::flows::{place, stalking};
use crate::helpers::{Browser, TestDb};

/// Run a command of the binary in `dir` with the embedded database of that folder.
fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "off")
        .env("SAFERSTREETS_DEMO_REPORTS", "500")
        .output()
        .expect("run")
}

fn stderr_line(out: &std::process::Output) -> String {
    let text = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(text.trim_end().lines().count(), 1, "one line: {text:?}");
    text
}

/// Every byte of the database and its WAL, to show a failed command changed nothing.
fn database_bytes(dir: &Path) -> Vec<Vec<u8>> {
    ["", "-wal", "-shm"]
        .iter()
        .map(|s| std::fs::read(dir.join(format!("data/saferstreets.db{s}"))).unwrap_or_default())
        .collect()
}

/// Place reports in the SQLite file (read-only; 0 when there is no table yet).
async fn place_reports_in(file: &Path) -> i64 {
    use sqlx::Connection;
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(file)
        .read_only(true);
    let mut conn = sqlx::SqliteConnection::connect_with(&options)
        .await
        .expect("open");
    let n = sqlx::query_scalar("SELECT COUNT(*) FROM place_reports")
        .fetch_one(&mut conn)
        .await
        .unwrap_or(0);
    let _ = conn.close().await;
    n
}

/// `saferstreets serve` with extra arguments; its stdout lines are read by the caller.
fn serve(dir: &Path, args: &[&str]) -> (Server, BufReader<std::process::ChildStdout>) {
    let mut cmd = Command::new(BIN);
    cmd.args(["serve", "--listen", "127.0.0.1:0"])
        .args(args)
        .current_dir(dir)
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "info")
        .env("SAFERSTREETS_DEMO_REPORTS", "0")
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(dir.join("server.log")).expect("log file"));
    let mut child = cmd.spawn().expect("spawn");
    let stdout = BufReader::new(child.stdout.take().expect("stdout"));
    (Server(child), stdout)
}

fn url_from(stdout: &mut BufReader<std::process::ChildStdout>) -> String {
    let mut line = String::new();
    stdout.read_line(&mut line).expect("read");
    line.trim().rsplit(' ').next().expect("url").to_owned()
}

#[tokio::test]
async fn a_backup_taken_while_reports_are_written_is_consistent_and_serves_as_it_is() {
    let dir = tempfile::tempdir().expect("dir");
    let source = dir.path().join("data/saferstreets.db");
    // The demo force and 500 reports, then a second process writing 200,000 more.
    assert!(
        run(dir.path(), &["demo-data", "--place-reports", "0"])
            .status
            .success()
    );
    let before = place_reports_in(&source).await;
    assert_eq!(before, 500);
    let mut writer = Command::new(BIN)
        .args(["demo-data", "--place-reports", "200000", "--seed", "7"])
        .current_dir(dir.path())
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "off")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("writer");
    // Wait (by progress, not by time) until the writer has committed something.
    while place_reports_in(&source).await == before {
        assert!(
            writer.try_wait().expect("wait").is_none(),
            "writer ended early"
        );
        tokio::task::yield_now().await;
    }
    let backup = dir.path().join("backup.db");
    let out = run(dir.path(), &["backup", backup.to_str().expect("path")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(writer.wait().expect("writer").success());

    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(printed.contains("integrity ok"), "{printed}");
    let copied: i64 = printed
        .lines()
        .find_map(|l| l.strip_prefix("place_reports\t"))
        .expect("a row count for place_reports")
        .parse()
        .expect("number");
    assert_eq!(
        copied,
        place_reports_in(&backup).await,
        "the printed count is the copy's"
    );
    assert!(copied > before, "taken after writes began: {copied}");
    assert!(
        place_reports_in(&source).await == before + 200_000,
        "the writer was not disturbed"
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&backup)
        .expect("backup")
        .permissions()
        .mode();
    assert_eq!(
        mode & 0o777,
        0o600,
        "the backup is as private as the database"
    );

    // The service starts from the copy as it is (same keys folder) and reads its reports.
    let url = format!("sqlite://{}", backup.display());
    let (_server, mut stdout) = serve(dir.path(), &["--database-url", &url]);
    let base = url_from(&mut stdout);
    assert_eq!(
        reqwest::get(format!("{base}/readyz"))
            .await
            .expect("readyz")
            .status(),
        200
    );
    let body = reqwest::get(format!("{base}/api/v1/hotspots?res=5"))
        .await
        .expect("hotspots")
        .text()
        .await
        .expect("body");
    let hotspots: serde_json::Value = serde_json::from_str(&body).expect("json");
    let features = hotspots["features"].as_array().expect("features");
    let total: i64 = features
        .iter()
        .filter_map(|f| f["properties"]["count"].as_i64())
        .sum();
    assert!(total > 0, "the copy's reports are counted: {hotspots}");
}

#[test]
fn a_backup_path_that_cannot_be_written_fails_in_one_line_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    assert!(
        run(dir.path(), &["demo-data", "--place-reports", "0"])
            .status
            .success()
    );
    let before = database_bytes(dir.path());
    let out = run(dir.path(), &["backup", "/proc/no-such-folder/backup.db"]);
    assert!(!out.status.success());
    let line = stderr_line(&out);
    assert!(
        line.contains("cannot write /proc/no-such-folder/backup.db"),
        "{line}"
    );
    assert_eq!(
        database_bytes(dir.path()),
        before,
        "the database is untouched"
    );
}

#[test]
fn a_backup_never_overwrites_a_file_and_needs_a_database() {
    let dir = tempfile::tempdir().expect("dir");
    // No database yet: nothing is created.
    let out = run(dir.path(), &["backup", "first.db"]);
    assert!(!out.status.success());
    assert!(stderr_line(&out).contains("no database at"));
    assert!(!dir.path().join("data/saferstreets.db").exists());
    assert!(!dir.path().join("first.db").exists());

    assert!(
        run(dir.path(), &["demo-data", "--place-reports", "0"])
            .status
            .success()
    );
    std::fs::write(dir.path().join("old.db"), b"yesterday").expect("write");
    let out = run(dir.path(), &["backup", "old.db"]);
    assert!(!out.status.success());
    assert!(stderr_line(&out).contains("already exists"));
    assert_eq!(
        std::fs::read(dir.path().join("old.db")).expect("read"),
        b"yesterday"
    );

    let out = run(
        dir.path(),
        &[
            "--database-url",
            "postgres://nobody@127.0.0.1:1/none",
            "backup",
            "pg.db",
        ],
    );
    assert!(!out.status.success());
    assert!(stderr_line(&out).contains("pg_dump"));
}

/// The metric lines named `name`, as `labels value`.
fn series<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.strip_prefix(name))
        .collect()
}

#[tokio::test]
async fn metrics_are_served_on_their_own_address_by_route_pattern_and_report_kind() {
    let db = TestDb::sqlite();
    let mut config = crate::helpers::test_config(&db);
    config.metrics_listen = Some("127.0.0.1:0".parse().expect("addr"));
    let built = saferstreets::startup::Application::build(config)
        .await
        .expect("build");
    let base = format!("http://{}", built.local_addr().expect("addr"));
    let metrics_url = format!(
        "http://{}/metrics",
        built.metrics_addr().expect("metrics on").expect("addr")
    );
    let (_stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(built.run_until(async move {
        let _ = stopped.await;
    }));
    let app = Browser::new(&base);
    stalking::complete(&app, stalking::ANONYMOUS_FOR_OTHER).await;
    stalking::send(&app).await;
    place::to_check(&app).await;
    place::send(&app).await;
    app.get("/api/v1/hotspots").await;
    let raw_path = "/no-such-page-K7QM3XDR";
    assert_eq!(app.get(raw_path).await.status, 404);
    // The public address has no metrics.
    assert_eq!(app.get("/metrics").await.status, 404);

    let reply = reqwest::get(&metrics_url).await.expect("metrics");
    assert_eq!(reply.status(), 200);
    assert!(
        reply.headers()["content-type"]
            .to_str()
            .expect("type")
            .starts_with("text/plain"),
        "Prometheus text format"
    );
    let text = reply.text().await.expect("text");
    let requests = series(&text, "saferstreets_http_requests_total");
    assert!(
        requests
            .iter()
            .any(|l| l.contains("route=\"/unsafe-place/{slug}\"")
                || l.contains("route=\"/unsafe-place/check\"")),
        "{requests:#?}"
    );
    assert!(
        requests
            .iter()
            .any(|l| l.contains("route=\"unmatched\"") && l.contains("status=\"404\""))
    );
    assert!(!text.contains("K7QM3XDR"), "never a raw path");
    assert!(
        !series(&text, "saferstreets_http_request_duration_seconds_bucket").is_empty(),
        "a latency histogram with buckets"
    );
    let reports = series(&text, "saferstreets_reports_received_total");
    assert!(
        reports.iter().any(|l| l.contains("kind=\"stalking\"")),
        "{reports:#?}"
    );
    assert!(
        reports
            .iter()
            .any(|l| l.contains("kind=\"place\"") && l.contains("priority=\"none\"")),
        "{reports:#?}"
    );
    assert!(!series(&text, "saferstreets_group_commit_batch_size_bucket").is_empty());
    assert!(!series(&text, "saferstreets_hotspot_index_reports").is_empty());
    assert!(!series(&text, "saferstreets_hotspot_index_build_seconds").is_empty());
}

#[test]
fn a_taken_metrics_address_stops_start_up_in_one_line_before_the_database_is_made() {
    let dir = tempfile::tempdir().expect("dir");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("addr").to_string();
    let out = Command::new(BIN)
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--metrics-listen",
            &addr,
        ])
        .current_dir(dir.path())
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "off")
        .output()
        .expect("run");
    assert!(!out.status.success());
    let line = stderr_line(&out);
    assert!(
        line.contains(&format!("cannot listen on {addr} for metrics")),
        "{line}"
    );
    assert!(
        !dir.path().join("data/saferstreets.db").exists(),
        "no database made"
    );
}

#[tokio::test]
async fn the_binary_serves_metrics_on_the_metrics_address_only() {
    let dir = tempfile::tempdir().expect("dir");
    let (_server, mut stdout) = serve(dir.path(), &["--metrics-listen", "127.0.0.1:0"]);
    let base = url_from(&mut stdout);
    let metrics = url_from(&mut stdout);
    assert!(metrics.ends_with("/metrics"), "{metrics}");
    assert_ne!(metrics.trim_end_matches("/metrics"), base);
    assert_eq!(
        reqwest::get(format!("{base}/healthz"))
            .await
            .expect("up")
            .status(),
        200
    );
    assert_eq!(
        reqwest::get(format!("{base}/metrics"))
            .await
            .expect("public")
            .status(),
        404
    );
    let text = reqwest::get(&metrics)
        .await
        .expect("metrics")
        .text()
        .await
        .expect("text");
    assert!(
        series(&text, "saferstreets_http_requests_total")
            .iter()
            .any(|l| l.contains("route=\"/healthz\"")),
        "{text}"
    );
    // Only /metrics there: the service's pages are not reachable on the metrics address.
    let other = metrics.replace("/metrics", "/healthz");
    assert_eq!(reqwest::get(other).await.expect("other").status(), 404);
}

/// Start `serve`, wait for it to listen, stop it; everything it wrote to stderr (a pipe).
async fn logs_through_a_pipe(env: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().expect("dir");
    let mut cmd = Command::new(BIN);
    cmd.args(["serve", "--listen", "127.0.0.1:0"])
        .current_dir(dir.path())
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "info")
        .env("SAFERSTREETS_DEMO_REPORTS", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("spawn");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read");
    // Served once, so the SIGTERM handler is in place.
    let url = line.trim().rsplit(' ').next().expect("url").to_owned();
    assert_eq!(
        reqwest::get(format!("{url}/healthz"))
            .await
            .expect("up")
            .status(),
        200
    );
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    String::from_utf8(out.stderr).expect("utf-8")
}

#[tokio::test]
async fn logs_to_a_pipe_carry_no_terminal_colour_codes() {
    let logs = logs_through_a_pipe(&[]).await;
    assert!(logs.contains("listening"), "{logs}");
    assert!(!logs.contains('\u{1b}'), "no ANSI escape codes: {logs:?}");
}

#[tokio::test]
async fn log_format_json_writes_one_json_object_a_line() {
    let logs = logs_through_a_pipe(&[("SAFERSTREETS_LOG_FORMAT", "json")]).await;
    assert!(!logs.contains('\u{1b}'));
    let lines: Vec<serde_json::Value> = logs
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(
        lines.iter().any(|l| l["fields"]["message"] == "listening"),
        "{logs}"
    );
    assert!(
        lines
            .iter()
            .all(|l| l["level"].is_string() && l["timestamp"].is_string())
    );
}
